// Reading an uploaded or command-line plan file into text for the importer: UTF-8 text and Markdown
// (strictly decoded), Word .docx through mammoth after a zip-bomb check, and a clear Vietnamese
// error for anything else (empty, binary, not UTF-8, too large, broken or unsupported).

import mammoth from 'mammoth';
import { inspectZip, isZip, type ZipLimits } from '../../files/zip-guard';

export const MAX_PLAN_BYTES = 5 * 1024 * 1024;
/** Limits on what a .docx may expand to: total size, and expansion ratio of the whole file. */
export const MAX_DOCX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
export const MAX_DOCX_RATIO = 100;
const MAX_DOCX_ENTRIES = 5_000;

export type PlanInputErrorId =
  | 'plan-import.too-large'
  | 'plan-import.empty'
  | 'plan-import.binary'
  | 'plan-import.not-utf8'
  | 'plan-import.bad-docx'
  | 'plan-import.zip-bomb'
  | 'plan-import.unsupported-type';

export interface PlanInputError {
  id: PlanInputErrorId;
  message: string;
  status: 400 | 413;
}

export type PlanInput = { ok: true; text: string } | { ok: false; error: PlanInputError };

const MESSAGES: Record<PlanInputErrorId, string> = {
  'plan-import.too-large': 'Tệp quá lớn: kế hoạch nhập vào tối đa 5 MB.',
  'plan-import.empty': 'Tệp trống: không có nội dung để nhập.',
  'plan-import.binary': 'Tệp chứa dữ liệu nhị phân, không phải văn bản. Hãy dùng tệp .docx, .txt hoặc .md.',
  'plan-import.not-utf8': 'Tệp văn bản không dùng bảng mã UTF-8. Hãy lưu lại tệp với bảng mã UTF-8 (Unicode) rồi thử lại.',
  'plan-import.bad-docx': 'Tệp .docx bị hỏng hoặc không phải tài liệu Word hợp lệ. Hãy mở bằng Word, lưu lại dạng .docx rồi thử lại.',
  'plan-import.zip-bomb': 'Tệp .docx bị từ chối: nội dung nén quá lớn hoặc có tỉ lệ nén bất thường.',
  'plan-import.unsupported-type': 'Định dạng tệp không được hỗ trợ. Hãy dùng tệp Word (.docx), văn bản (.txt) hoặc Markdown (.md).',
};

/** The error with its Vietnamese message and HTTP status (413 for a file too large, else 400). */
export function planInputError(id: PlanInputErrorId): PlanInputError {
  return { id, message: MESSAGES[id], status: id === 'plan-import.too-large' ? 413 : 400 };
}

function fail(id: PlanInputErrorId): PlanInput {
  return { ok: false, error: planInputError(id) };
}

function extensionOf(filename: string): string {
  const m = /\.([A-Za-z0-9]{1,8})$/.exec(filename.trim());
  return m ? m[1].toLowerCase() : '';
}

function hasNul(bytes: Uint8Array): boolean {
  return bytes.indexOf(0) >= 0;
}

/** Strict UTF-8 (a BOM is allowed and dropped); null when the bytes are not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

const DOCX_LIMITS: ZipLimits = {
  maxEntries: MAX_DOCX_ENTRIES,
  maxEntryBytes: MAX_DOCX_UNCOMPRESSED_BYTES,
  maxTotalBytes: MAX_DOCX_UNCOMPRESSED_BYTES,
  maxRatio: MAX_DOCX_RATIO,
};

/**
 * mammoth's Markdown keeps headings, numbered and bulleted lists and bold; it escapes punctuation
 * ("1\. Mục đích"), which the importer's normaliser also accepts, but the text is shown to people
 * too, so the escapes are removed here.
 */
function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1').replace(/<a id="[^"]*"><\/a>/g, '');
}

interface MammothWithMarkdown {
  convertToMarkdown(input: { buffer: Buffer }): Promise<{ value: string }>;
}

async function readDocx(bytes: Uint8Array): Promise<PlanInput> {
  if (!isZip(bytes)) return fail('plan-import.bad-docx');
  const verdict = inspectZip(bytes, DOCX_LIMITS);
  if (verdict !== 'ok') return fail(verdict === 'bomb' ? 'plan-import.zip-bomb' : 'plan-import.bad-docx');
  try {
    // convertToMarkdown is deprecated in mammoth's typings but kept and tested upstream; it is the
    // only output that keeps headings and lists as text.
    const result = await (mammoth as unknown as MammothWithMarkdown).convertToMarkdown({ buffer: Buffer.from(bytes) });
    const text = unescapeMarkdown(result.value);
    return text.trim() ? { ok: true, text } : fail('plan-import.empty');
  } catch {
    return fail('plan-import.bad-docx');
  }
}

function readText(bytes: Uint8Array, knownTextType: boolean): PlanInput {
  if (hasNul(bytes)) return fail(knownTextType ? 'plan-import.binary' : 'plan-import.unsupported-type');
  const text = decodeUtf8(bytes);
  if (text === null) return fail(knownTextType ? 'plan-import.not-utf8' : 'plan-import.unsupported-type');
  return text.trim() ? { ok: true, text } : fail('plan-import.empty');
}

/** Turns the bytes of a plan file into text, or a clear error with its id and HTTP status. */
export async function readPlanInput(bytes: Buffer | Uint8Array, filename: string): Promise<PlanInput> {
  try {
    if (bytes.length > MAX_PLAN_BYTES) return fail('plan-import.too-large');
    if (bytes.length === 0) return fail('plan-import.empty');
    const extension = extensionOf(filename);
    if (extension === 'docx') return await readDocx(bytes);
    if (extension === 'txt' || extension === 'md' || extension === 'markdown') return readText(bytes, true);
    if (isZip(bytes)) return fail('plan-import.unsupported-type');
    return readText(bytes, false);
  } catch {
    // Never let a malformed file take the request down: anything unexpected is a refused file.
    return fail('plan-import.unsupported-type');
  }
}
