import type { FastifyRequest } from 'fastify';
import { badRequest, megabytes, payloadTooLarge } from '../errors';

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
