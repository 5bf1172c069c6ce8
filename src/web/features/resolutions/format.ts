// How the registry reads on screen: kinds and relations in words, document names, file sizes, and
// the check a number passes before anything is sent (dates: see ../../format.ts).
import { vi } from '../../i18n/vi';
import { isResolutionNumber, kindNames, normaliseResolutionNumber, resolutionKinds } from '../../../domain/resolutions';
import type { ResolutionKind, ResolutionLink, ResolutionRelation } from './queries';

const t = vi.resolutions;

/** Kinds in the order offices meet them (src/domain/resolutions.ts, shared with the server). */
export const kinds: ResolutionKind[] = [...resolutionKinds];
export const relations: ResolutionRelation[] = ['implements', 'guides', 'replaces'];

export const kindLabel = (kind: string) => t.kinds[kind] ?? kind;

/** "Nghị quyết số 91-NQ/TU": the kind's name as the server writes it in plans (kindNames), not the list's label. */
export const documentName = (r: { kind: string; number: string }) => t.documentName(kindNames[r.kind as ResolutionKind] ?? kindLabel(r.kind), r.number);

/** How a link reads from this document's side: "Thực hiện" / "Được thực hiện bởi"… */
export const linkPhrase = (link: Pick<ResolutionLink, 'relation' | 'direction'>) => t.links.phrases[`${link.relation}.${link.direction}`] ?? link.relation;

/** Spaces removed and letters in capitals, as the server stores it: "91 - nq/tu" → "91-NQ/TU". */
export const normaliseNumber = normaliseResolutionNumber;

/** The server's rule, from the same module (src/domain/resolutions.ts). */
export function checkNumber(text: string): string | null {
  if (!normaliseNumber(text)) return t.form.numberRequired;
  if (!isResolutionNumber(text)) return t.form.numberInvalid;
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
