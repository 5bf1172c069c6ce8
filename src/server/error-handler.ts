// The one place errors become HTTP answers: `{ error: { id, message, details? } }`, Vietnamese
// messages, stable ids, and no internals for 5xx errors.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, badRequest, internal, megabytes, payloadTooLarge, tooManyRequests, validationFailed, unsupportedMedia } from './errors';

/** `bodyLimit`: the limit of the route that refused the body, so the 413 names the real one. */
export function toAppError(error: FastifyError | Error, bodyLimit?: number): AppError {
  if (error instanceof AppError) return error;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return validationFailed(
      error.validation.map((v) => ({ path: v.instancePath || '/', message: v.message ?? '' })),
    );
  }
  const code = (error as FastifyError).code ?? '';
  const status = (error as FastifyError).statusCode;
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE' || code === 'FST_REQ_FILE_TOO_LARGE' || status === 413) {
    return payloadTooLarge(code === 'FST_REQ_FILE_TOO_LARGE' || !bodyLimit ? 'kích thước cho phép' : megabytes(bodyLimit));
  }
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return unsupportedMedia('unsupported-media-type', 'Kiểu dữ liệu gửi lên không được hỗ trợ.');
  }
  if (code === 'FST_ERR_BAD_URL') return badRequest('bad-url', 'Địa chỉ yêu cầu không hợp lệ: có ký tự được mã hóa sai.');
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return badRequest('invalid-json', 'Nội dung gửi lên bị trống.');
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || (status === 400 && error instanceof SyntaxError)) {
    return badRequest('invalid-json', 'Nội dung gửi lên không phải JSON hợp lệ.');
  }
  // A number the database's integer cannot hold (a version of 2^53 passes a schema without a maximum):
  // the request's fault, refused whole (writes are transactional, so nothing changed).
  const sqlState = (error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code;
  if (sqlState === '22003') return badRequest('number-out-of-range', 'Số gửi lên vượt quá giới hạn cho phép.');
  if (status === 429) return tooManyRequests();
  if (status && status >= 400 && status < 500) return badRequest('bad-request', 'Yêu cầu không hợp lệ.');
  return internal();
}

export async function errorHandler(this: unknown, error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error, request.routeOptions?.bodyLimit);
  if (appError.status >= 500) request.log.error(describeForLog(error, request), 'unhandled error');
  const body: { error: { id: string; message: string; details?: unknown } } = {
    error: { id: appError.id, message: appError.message },
  };
  if (appError.details !== undefined) body.error.details = appError.details;
  return reply.status(appError.status).type('application/json; charset=utf-8').send(body);
}

/**
 * What an unexpected error logs: its kind, the database's error code, the route pattern and the
 * stack frames. Never the message of a database error (it quotes the SQL parameters: a member's
 * name, phone or card number), never the URL's query or the body.
 */
export function describeForLog(error: Error, request: FastifyRequest) {
  const cause = (error as { cause?: { code?: unknown; name?: unknown } }).cause;
  const frames = (error.stack ?? '').split('\n').filter((line) => line.trimStart().startsWith('at ')).slice(0, 12);
  return {
    errorName: error.name,
    code: (error as { code?: unknown }).code ?? cause?.code,
    causeName: cause?.name,
    method: request.method,
    route: request.routeOptions?.url,
    frames,
  };
}
