// Text that reaches the database is well-formed Unicode a person could have typed: no control
// characters (NUL breaks PostgreSQL's text type, the others hide in lists and documents), no unpaired
// surrogates, and no bytes that are not UTF-8 (never stored as "�"). One guard for every route:
// JSON bodies are decoded strictly, and body, query and params are walked before validation, so a
// new route is covered without a word in its own schema.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import secureJson from 'secure-json-parse';
import { badRequest } from './errors';

/** C0 controls other than tab, line feed and carriage return; DEL; C1 controls. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** With the u flag a paired surrogate is one code point; only a lone half is in category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

export type TextFault = 'control' | 'surrogate';

export function textFault(text: string): TextFault | null {
  if (CONTROL.test(text)) return 'control';
  if (LONE_SURROGATE.test(text)) return 'surrogate';
  return null;
}

/** The path ("/members/0/fullName") and fault of the first bad string inside a value. */
export function findBadText(value: unknown, path = ''): { path: string; fault: TextFault } | null {
  if (typeof value === 'string') {
    const fault = textFault(value);
    return fault ? { path: path || '/', fault } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], `${path}/${i}`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const [key, item] of Object.entries(value)) {
      const found = findBadText(key, path) ?? findBadText(item, `${path}/${key}`);
      if (found) return found;
    }
  }
  return null;
}

export const badText = (path: string, fault: TextFault) =>
  badRequest(
    `text.${fault === 'control' ? 'control-character' : 'invalid-unicode'}`,
    fault === 'control'
      ? 'Dữ liệu gửi lên có ký tự điều khiển không hợp lệ (ví dụ ký tự NUL). Hãy xóa ký tự đó rồi gửi lại.'
      : 'Dữ liệu gửi lên có ký tự Unicode không hợp lệ. Hãy gõ lại đoạn văn bản đó rồi gửi lại.',
    { path },
  );

export const invalidUtf8 = () =>
  badRequest('text.invalid-utf8', 'Dữ liệu gửi lên không phải văn bản UTF-8 hợp lệ. Hãy lưu lại tệp hoặc văn bản ở dạng UTF-8 rồi gửi lại.');

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Deeper than any form's body; a body 10,000 levels deep overflowed the stack of every walk (a 500). */
export const MAX_JSON_DEPTH = 64;

/** Whether the JSON text nests arrays and objects deeper than `max` (counted in the text, without recursion). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

export const tooDeep = () =>
  badRequest('json.too-deep', `Dữ liệu gửi lên lồng nhau quá sâu (tối đa ${MAX_JSON_DEPTH} cấp).`);

/** Every percent-encoded part of the query string must decode to UTF-8 (the router keeps it raw). */
function checkRawQuery(url: string) {
  const at = url.indexOf('?');
  // Most requests have no query, or one with no escapes: nothing to decode.
  if (at < 0 || url.indexOf('%', at + 1) < 0) return;
  for (const part of url.slice(at + 1).split(/[&=]/u)) {
    if (!part.includes('%')) continue;
    try {
      decodeURIComponent(part);
    } catch {
      throw invalidUtf8();
    }
  }
}

export function registerTextGuard(app: FastifyInstance) {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body: Buffer, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body);
    } catch {
      done(invalidUtf8(), undefined);
      return;
    }
    if (text.trim() === '') {
      done(badRequest('invalid-json', 'Nội dung gửi lên bị trống.'), undefined);
      return;
    }
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(tooDeep(), undefined);
      return;
    }
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(badRequest('invalid-json', 'Nội dung gửi lên không phải JSON hợp lệ.'), undefined);
    }
  });

  app.addHook('preValidation', async (request: FastifyRequest) => {
    checkRawQuery(request.url);
    for (const [where, value] of [['params', request.params], ['query', request.query], ['body', request.body]] as const) {
      const found = findBadText(value);
      if (found) throw badText(`${where}${found.path === '/' ? '' : found.path}`, found.fault);
    }
  });
}
