// The one place errors become HTTP answers: `{ error: { id, message, details? } }`, Vietnamese
// messages, stable ids, and no internals for 5xx errors.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, badRequest, internal, payloadTooLarge, tooManyRequests, validationFailed, unsupportedMedia } from './errors';

export function toAppError(error: FastifyError | Error): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return validationFailed(
      error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? '' })),
    );
  }
  const code = (error as FastifyError).code ?? '';
  const status = (error as FastifyError).statusCode;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || status === 413) {
    return payloadTooLarge(code === 'FST_REQ_FILE_TOO_LARGE' ? 'kích thước cho phép' : '1 MB');
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return unsupportedMedia('unsupported-media-type', 'Kiểu dữ liệu gửi lên không được hỗ trợ.');
  }
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return badRequest('invalid-json', 'Nội dung gửi lên bị trống.');
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && error instanceof SyntaxError)) {
    return badRequest('invalid-json', 'Nội dung gửi lên không phải JSON hợp lệ.');
  }
  if (status === 429) return tooManyRequests();
  if (status && status >= 400 && status < 500) return badRequest('bad-request', 'Yêu cầu không hợp lệ.');
  return internal();
}

export async function errorHandler(this: unknown, error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  if (appError.status >= 500) request.log.error({ err: error }, 'unhandled error');
  const body: { error: { id: string; message: string; details?: unknown } } = {
    error: { id: appError.id, message: appError.message },
  };
  if (appError.details !== undefined) body.error.details = appError.details;
  return reply.status(appError.status).type('application/json; charset=utf-8').send(body);
}
