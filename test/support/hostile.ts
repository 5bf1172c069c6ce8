// Hostile input for the standing proof (test/integrity/hostile-input.int.test.ts): strings a person
// never types, values shaped by a route's own zod schema (so that a request passes validation and
// reaches the service and the database), deep nesting, and zip files built byte by byte (corrupt,
// truncated, and bombs whose entries inflate to gigabytes).
import fc from 'fast-check';
import { deflateRawSync, constants as zlib } from 'node:zlib';
import type { z } from 'zod';

export const SCRIPT = '<script>alert(1)</script>';
export const SQL = "'; DROP TABLE units; --";

/** Strings an attacker tries: markup, SQL, formulas, template syntax, paths, direction marks. */
export const NASTY_STRINGS = [
  SCRIPT,
  SQL,
  '" OR 1=1 --',
  "Robert'); DROP TABLE members;--",
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  'javascript:alert(1)',
  "=cmd|' /C calc'!A0",
  '+84912345678',
  '-2+3',
  '@SUM(A1:A2)',
  '${7*7}{{7*7}}',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  'hoa-don\u202Excod.pdf',
  '\uFEFFNguyễn Văn A',
  'Nguyễn Văn A',
  'Ðảng ủy', // Latin capital eth, not Đ
  'e\u0301\u0301\u0301\u0301\u0301\u0301', // stacked combining marks
  '👨‍👩‍👧‍👦🇻🇳',
  '%00%0d%0a',
  '&amp;&lt;&#0;',
  ' ',
  '',
  'null',
  'undefined',
  '__proto__',
  'constructor',
];

/** Text a person never types: controls (NUL included), lone surrogates. The server refuses them (400). */
export const FORBIDDEN_STRINGS = ['a\u0000b', 'Nguyễn\u0007 Văn A', '\u001b[31mred', 'x\u0085y', '\ud800', 'a\udfffb'];

/** Incompressible text of `length` characters (repeated text compresses, and would hide an index's size limit). */
export const noiseText = (length: number, seed = 1): string => {
  const alphabet = 'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ';
  let x = seed;
  let out = '';
  for (let i = 0; i < length; i++) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[x % alphabet.length];
  }
  return out;
};

/** Any hostile string: the nasty ones, forbidden ones, fast-check's full Unicode, and long noise. */
export const hostileString = (maxLength = 10_000): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
    { weight: 1, arbitrary: fc.constantFrom(...FORBIDDEN_STRINGS) },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 80 }) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: Math.max(1, maxLength) }).chain((n) => fc.integer({ min: 1, max: 1e6 }).map((seed) => noiseText(n, seed))) },
  );

/** Any JSON value at all, with hostile strings and keys (prototype pollution keys included). */
export const hostileJson: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString(2_000),
    fc.constantFrom(null, true, false, 0, -1, 1.5, 2 ** 31, -(2 ** 53), Number.MAX_VALUE, 1e-300),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'version', 'id', ''), fc.string({ maxLength: 10 })), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Context for a schema-shaped value: ids the app knows, by the field's name. */
export interface ShapeContext {
  idFor(field: string): fc.Arbitrary<string>;
}

type AnyZod = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };
const defOf = (schema: unknown) => (schema as AnyZod)._zod.def;
const checksOf = (schema: unknown) => ((defOf(schema).checks as { _zod: { def: Record<string, unknown> } }[] | undefined) ?? []).map((c) => c._zod.def);
const limit = (schema: unknown, check: string, key: 'maximum' | 'minimum'): number | undefined => {
  const found = checksOf(schema).filter((c) => c.check === check).map((c) => Number(c[key]));
  return found.length ? (key === 'maximum' ? Math.min(...found) : Math.max(...found)) : undefined;
};

const dayArb = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/**
 * A value shaped by a zod schema: mostly one that passes it (a string within its length, an option of
 * an enum, an id the app knows), with hostile text inside, sometimes one just outside it.
 */
export function shapedBy(schema: unknown, ctx: ShapeContext, field = '', depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  const inner = (s: unknown, f = field) => shapedBy(s, ctx, f, depth + 1);
  switch (def.type) {
    case 'string': {
      const format = def.format as string | undefined;
      if (format === 'uuid' || format === 'guid') return fc.oneof({ weight: 5, arbitrary: ctx.idFor(field) }, { weight: 1, arbitrary: fc.uuid() });
      if (format === 'date') return dayArb;
      if (format === 'datetime') return dayArb.map((d) => `${d}T06:30:00.000Z`);
      if (format === 'time') return fc.constantFrom('06:30', '23:59', '00:00');
      if (format === 'email') return fc.oneof(fc.emailAddress(), fc.constant(`${SCRIPT}@x.vn`));
      if (format === 'url') return fc.oneof(fc.webUrl(), fc.constant('javascript:alert(1)'));
      const regex = checksOf(schema).find((c) => c.check === 'string_format' && c.format === 'regex')?.pattern as RegExp | undefined;
      if (regex) return fc.oneof({ weight: 4, arbitrary: fc.stringMatching(regex) }, { weight: 1, arbitrary: hostileString(50) });
      const max = limit(schema, 'max_length', 'maximum') ?? 20_000;
      const min = limit(schema, 'min_length', 'minimum') ?? 0;
      return fc.oneof(
        { weight: 4, arbitrary: hostileString(max).filter((s) => s.length <= max && s.trim().length >= Math.min(min, 1)) },
        { weight: 2, arbitrary: fc.integer({ min: Math.max(min, 1), max: Math.max(min, 1, Math.min(max, 20_000)) }).map((n) => noiseText(n, n)) },
        { weight: 1, arbitrary: fc.constant(noiseText(Math.min(max + 1, 1_000_000), 7)) },
      );
    }
    case 'number':
    case 'int':
    case 'bigint': {
      const lo = checksOf(schema).find((c) => c.check === 'greater_than')?.value as number | undefined;
      const hi = checksOf(schema).find((c) => c.check === 'less_than')?.value as number | undefined;
      const integer = checksOf(schema).some((c) => c.check === 'number_format' && String(c.format).includes('int'));
      const inRange = fc.integer({ min: Math.max(lo ?? -1000, -(2 ** 31)), max: Math.min(hi ?? 1_000_000, 2 ** 31 - 1) });
      return fc.oneof(
        { weight: 5, arbitrary: inRange },
        { weight: 1, arbitrary: fc.constantFrom(0, -1, 2 ** 31, 2 ** 53, -(2 ** 53), Number.MAX_VALUE, ...(integer ? [] : [0.5, 1e-9])) },
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...((def.values as unknown[]) ?? [def.value]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'optional':
      return fc.option(inner(def.innerType), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(inner(def.innerType), { nil: null, freq: 4 });
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return inner(def.innerType);
    case 'pipe':
      return inner(defOf(def.in).type === 'transform' ? def.out : def.in);
    case 'lazy':
      return depth > 6 ? fc.constant(null) : inner((def.getter as () => unknown)());
    case 'array': {
      const max = Math.min(limit(schema, 'max_length', 'maximum') ?? 6, 6);
      const min = Math.min(limit(schema, 'min_length', 'minimum') ?? 0, max);
      return depth > 6 ? fc.constant([]) : fc.array(inner(def.element), { minLength: min, maxLength: max });
    }
    case 'tuple':
      return fc.tuple(...(def.items as unknown[]).map((s) => inner(s)));
    case 'record':
      return depth > 6 ? fc.constant({}) : fc.dictionary(fc.oneof(hostileString(40), ctx.idFor(field)), inner(def.valueType), { maxKeys: 4 });
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((s) => inner(s)));
    case 'intersection':
      return fc.tuple(inner(def.left), inner(def.right)).map(([a, b]) => ({ ...(a as object), ...(b as object) }));
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      const keys = Object.keys(shape);
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const key of keys) record[key] = shapedBy(shape[key], ctx, key, depth + 1);
      return fc.record(record, { requiredKeys: keys }).map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
    }
    case 'date':
      return dayArb;
    default:
      // unknown, any, custom: anything hostile.
      return hostileJson;
  }
}

/** A JSON text nested `depth` levels deep (arrays, or objects under `key`), built as text: no recursion. */
export function deepJson(depth: number, kind: 'array' | 'object', key = 'a'): string {
  return kind === 'array' ? `${'['.repeat(depth)}1${']'.repeat(depth)}` : `${`{"${key}":`.repeat(depth)}1${'}'.repeat(depth)}`;
}

// --- zip files, byte by byte -------------------------------------------------------------------

export interface ZipEntry {
  name: string;
  /** The deflated (or stored) bytes as they go in the file. */
  data: Buffer;
  method: 0 | 8;
  /** What the central directory declares. */
  uncompressedSize: number;
  crc?: number;
}

/** A zip with exactly the entries, sizes and CRCs given (honest or not). */
export function buildZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.uncompressedSize >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.uncompressedSize >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A raw deflate stream of `mebibytes` MiB of zeros, without ever holding them: one MiB of zeros is
 * deflated once with a sync flush (byte-aligned, not final) and repeated (its back-references reach
 * only zeros, so the copies chain), then a final empty block. About 1 KB per MiB.
 */
export function deflatedZeros(mebibytes: number): Buffer {
  const chunk = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: zlib.Z_SYNC_FLUSH });
  const parts: Buffer[] = [];
  for (let i = 0; i < mebibytes; i++) parts.push(chunk);
  parts.push(Buffer.from([0x03, 0x00])); // a final, empty fixed-Huffman block
  return Buffer.concat(parts);
}

/** The parts every .docx / .xlsx starts with, so that only the bomb entry is wrong. */
const officeHead = (kind: 'docx' | 'xlsx'): ZipEntry[] => {
  const types = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`;
  const stored = (name: string, text: string): ZipEntry => ({ name, data: Buffer.from(text), method: 0, uncompressedSize: Buffer.byteLength(text) });
  return [stored('[Content_Types].xml', types), stored(kind === 'docx' ? 'word/_rels/document.xml.rels' : 'xl/_rels/workbook.xml.rels', '<Relationships/>')];
};

/**
 * A small .docx or .xlsx (some KB) whose main part inflates to `gibibytes` GiB of zeros. `honest`:
 * the directory declares the real size (refused from the declaration); otherwise it declares 1 KB and
 * only inflating tells.
 */
export function zipBomb(kind: 'docx' | 'xlsx', { gibibytes = 2, honest = true } = {}): Buffer {
  const mebibytes = Math.min(gibibytes * 1024, 4095);
  const data = deflatedZeros(mebibytes);
  const name = kind === 'docx' ? 'word/document.xml' : 'xl/worksheets/sheet1.xml';
  return buildZip([...officeHead(kind), { name, data, method: 8, uncompressedSize: honest ? mebibytes * 1024 * 1024 : 1024 }]);
}

/** Many small entries of zeros, each honest and modest, together far over any total. */
export function wideZipBomb(kind: 'docx' | 'xlsx', entries = 300, mebibytesEach = 8): Buffer {
  const data = deflatedZeros(mebibytesEach);
  const many: ZipEntry[] = Array.from({ length: entries }, (_, i) => ({ name: `${kind === 'docx' ? 'word' : 'xl'}/media/z${i}.xml`, data, method: 8, uncompressedSize: mebibytesEach * 1024 * 1024 }));
  return buildZip([...officeHead(kind), ...many]);
}

/** An XML entity-expansion bomb ("billion laughs") inside an otherwise readable part. */
export function entityBombXml(root: string): string {
  const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
  return `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "ha">${levels}]><${root}>&l10;</${root}>`;
}
