import type { FastifyRequest } from 'fastify';
import { badRequest, megabytes, payloadTooLarge } from '../errors';
import { badText, textFault } from '../text-guard';

/** Reads the one uploaded file of a multipart request; over `maxBytes` it is refused whole (413). */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ bytes: Buffer; fileName: string }> {
  const missing = () => badRequest('upload.no-file', 'Hãy chọn tệp để tải lên.');
  if (!request.isMultipart()) throw missing();
  const file = await request.file({ limits: { fileSize: maxBytes } });
  if (!file) throw missing();
  const tooLarge = () => payloadTooLarge(megabytes(maxBytes));
  const bytes = await file.toBuffer().catch((error: { code?: string }) => {
    throw error.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : error;
  });
  // The multipart reader can finish reading before it flags the cut: check the flag ourselves,
  // so a file over the limit is never stored truncated.
  if (file.file.truncated || bytes.length > maxBytes) throw tooLarge();
  return { bytes, fileName: file.filename };
}

/**
 * Reads the one uploaded file and the text fields beside it, in whatever order the form sends them
 * (`readUpload` sees only the fields sent before the file). Over `maxBytes` the file is refused (413).
 * The fields follow the rules of a JSON body (text-guard.ts): no control character, no broken Unicode.
 */
export async function readUploadWithFields(
  request: FastifyRequest,
  maxBytes: number,
): Promise<{ bytes: Buffer; fileName: string; fields: Record<string, string> }> {
  const missing = () => badRequest('upload.no-file', 'Hãy chọn tệp để tải lên.');
  if (!request.isMultipart()) throw missing();
  const tooLarge = () => payloadTooLarge(megabytes(maxBytes));
  const fields: Record<string, string> = {};
  let upload: { bytes: Buffer; fileName: string } | undefined;
  for await (const part of request.parts({ limits: { fileSize: maxBytes } })) {
    if (part.type === 'field') {
      const value = String(part.value);
      const fault = textFault(part.fieldname) ?? textFault(value);
      if (fault) throw badText(`body/${part.fieldname}`, fault);
      fields[part.fieldname] = value;
      continue;
    }
    const bytes = await part.toBuffer().catch((error: { code?: string }) => {
      throw error.code === 'FST_REQ_FILE_TOO_LARGE' ? tooLarge() : error;
    });
    if (part.file.truncated || bytes.length > maxBytes) throw tooLarge();
    upload ??= { bytes, fileName: part.filename };
  }
  if (!upload) throw missing();
  return { ...upload, fields };
}
