import type { FastifyRequest } from 'fastify';
import { badRequest, payloadTooLarge } from '../errors';

/** Reads the one uploaded file of a multipart request; over `maxBytes` it is refused whole (413). */
export async function readUpload(request: FastifyRequest, maxBytes: number): Promise<{ bytes: Buffer; fileName: string }> {
  const missing = () => badRequest('upload.no-file', 'Hãy chọn tệp để tải lên.');
  if (!request.isMultipart()) throw missing();
  const file = await request.file({ limits: { fileSize: maxBytes } });
  if (!file) throw missing();
  const bytes = await file.toBuffer().catch((error: { code?: string }) => {
    if (error.code === 'FST_REQ_FILE_TOO_LARGE') throw payloadTooLarge(`${Math.round(maxBytes / 1024 / 1024)} MB`);
    throw error;
  });
  return { bytes, fileName: file.filename };
}
