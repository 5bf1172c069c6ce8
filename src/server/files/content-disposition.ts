// One Content-Disposition header for every download (attachments, plan documents, member exports and
// the import template): an ASCII fallback name for old clients and the real Vietnamese name in
// RFC 6266 / RFC 8187 form. (The `content-disposition` package is only a transitive dependency here,
// so the few lines are written out rather than relied on.)
import { removeDiacritics } from '../../domain/vietnamese-names';

/** RFC 8187 ext-value: UTF-8, percent-encoded except attr-char. */
function extValue(text: string): string {
  return encodeURIComponent(text).replace(/['()*!]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

export function contentDisposition(fileName: string, inline = false): string {
  const name = fileName.normalize('NFC');
  const ascii = removeDiacritics(name).replace(/[^\x20-\x7e]/gu, '').replace(/["\\]/gu, '').trim() || 'tep';
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${extValue(name)}`;
}
