// Uploaded files, stored once by the SHA-256 of their content under QT_FILES_DIR/ab/abcdef…
// Servers behind a load balancer share the folder; identical uploads take the space of one.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { badRequest, storedFileMissing } from '../errors';
import { inspectZip, isZip, type ZipLimits } from './zip-guard';

export interface FileStore {
  save(bytes: Buffer): Promise<string>;
  /** The file's bytes; a 410 `file.missing` when its record outlived them. */
  open(sha256: string): NodeJS.ReadableStream;
  has(sha256: string): boolean;
}

export function createFileStore(dir: string): FileStore {
  const pathOf = (sha256: string) => join(dir, sha256.slice(0, 2), sha256);
  return {
    async save(bytes) {
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const target = pathOf(sha256);
      if (!existsSync(target)) {
        await mkdir(join(dir, sha256.slice(0, 2)), { recursive: true });
        // Write aside, then rename: a crash never leaves a half-written file under its hash. The
        // temporary name is the upload's own: two uploads of the same file at once (a double-click)
        // each write theirs and the second rename replaces the first with the same bytes.
        const temp = `${target}.${process.pid}.${randomUUID()}.tmp`;
        await writeFile(temp, bytes, { flush: true });
        await rename(temp, target);
      }
      return sha256;
    },
    open: (sha256) => {
      // Checked before the stream opens: its ENOENT would come after the headers, as a 500.
      if (!existsSync(pathOf(sha256))) throw storedFileMissing();
      return createReadStream(pathOf(sha256));
    },
    has: (sha256) => existsSync(pathOf(sha256)),
  };
}

export type DocumentType = { kind: 'pdf' | 'docx'; contentType: string; extension: string };

const PDF: DocumentType = { kind: 'pdf', contentType: 'application/pdf', extension: 'pdf' };
const DOCX: DocumentType = {
  kind: 'docx',
  contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  extension: 'docx',
};

/**
 * What a stored .docx may expand to. Nothing here inflates it, but whoever opens it does (Word, the
 * office's PC, a preview): a file that would fill their memory is no document (a 20 MB report with
 * photos inflates to about as much; its text to some ten times its size).
 */
const DOCX_LIMITS: ZipLimits = { maxEntries: 5_000, maxEntryBytes: 100 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024, maxRatio: 100 };

export const zipBomb = () =>
  badRequest('upload.zip-bomb', 'Tệp bị từ chối: nội dung nén bên trong quá lớn hoặc có tỉ lệ nén bất thường. Hãy mở tệp, lưu lại rồi tải lên lần nữa.');

/** Recognises PDF and DOCX by their content, whatever the file name says; a zip bomb is refused (400). */
export async function detectDocumentType(bytes: Buffer): Promise<DocumentType | null> {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return PDF;
  if (isZip(bytes)) {
    // The sizes its directory declares, then each entry inflated up to its declared size (zip-guard.ts).
    const verdict = inspectZip(bytes, DOCX_LIMITS);
    if (verdict === 'bomb') throw zipBomb();
    if (verdict === 'bad') return null;
    try {
      const zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
      if (zip.file('word/document.xml') && zip.file('[Content_Types].xml')) return DOCX;
    } catch {
      return null;
    }
  }
  return null;
}

export type EvidenceType = { kind: 'pdf' | 'docx' | 'jpeg' | 'png'; contentType: string; extension: string };

const JPEG: EvidenceType = { kind: 'jpeg', contentType: 'image/jpeg', extension: 'jpg' };
const PNG: EvidenceType = { kind: 'png', contentType: 'image/png', extension: 'png' };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Evidence of work: a document (PDF, DOCX) or a photo (JPEG, PNG), recognised by content. */
export async function detectEvidenceType(bytes: Buffer): Promise<EvidenceType | null> {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return JPEG;
  if (bytes.length > PNG_SIGNATURE.length && bytes.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) return PNG;
  return detectDocumentType(bytes);
}
