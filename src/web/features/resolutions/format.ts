// How the registry reads on screen: kinds and relations in words, document names, file sizes, and
// the check a number passes before anything is sent (dates: see ../../format.ts).
import { vi } from '../../i18n/vi';
import type { ResolutionKind, ResolutionLink, ResolutionRelation } from './queries';

const t = vi.resolutions;

/** Kinds in the order offices meet them. */
export const kinds: ResolutionKind[] = ['nghi-quyet', 'chi-thi', 'ket-luan', 'quy-dinh', 'huong-dan', 'de-an', 'ke-hoach', 'van-ban'];
export const relations: ResolutionRelation[] = ['implements', 'guides', 'replaces'];

export const kindLabel = (kind: string) => t.kinds[kind] ?? kind;

/** "Nghị quyết số 91-NQ/TU". */
export const documentName = (r: { kind: string; number: string }) => t.documentName(kindLabel(r.kind), r.number);

/** How a link reads from this document's side: "Thực hiện" / "Được thực hiện bởi"… */
export const linkPhrase = (link: Pick<ResolutionLink, 'relation' | 'direction'>) => t.links.phrases[`${link.relation}.${link.direction}`] ?? link.relation;

/** Spaces removed and letters in capitals, as the server stores it: "91 - nq/tu" → "91-NQ/TU". */
export const normaliseNumber = (text: string) => text.normalize('NFC').replace(/\s+/gu, '').toUpperCase();

/** The server's rule (schema.ts): digits first, then letters, digits and - / . */
const NUMBER_PATTERN = /^\d+[-/]?[\p{L}\d/.-]*$/u;

export function checkNumber(text: string): string | null {
  const value = normaliseNumber(text);
  if (!value) return t.form.numberRequired;
  if (value.length < 3 || value.length > 40 || !NUMBER_PATTERN.test(value)) return t.form.numberInvalid;
  return null;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 0 })} KB`;
  return `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`;
}

export function fileKind(contentType: string): string {
  if (contentType === 'application/pdf') return 'PDF';
  if (contentType.includes('wordprocessingml')) return 'Word';
  return contentType;
}

/** Plain text paragraphs, separated by blank lines; single line breaks stay inside a paragraph. */
export function paragraphsOf(content: string): string[][] {
  return content
    .replace(/\r\n?/gu, '\n')
    .split(/\n\s*\n/u)
    .map((p) => p.split('\n').map((line) => line.trim()).filter(Boolean))
    .filter((lines) => lines.length > 0);
}
