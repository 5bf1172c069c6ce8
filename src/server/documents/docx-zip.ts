// Packs a `docx` Document into its .docx file with Node's own zlib instead of the library's bundled
// JSZip. The library writes every part through a pure-JavaScript deflate that sets up a fresh
// compressor per part (two dozen of them a document) on timer ticks: over half the rendering time of
// a consolidated report. The parts are the library's own (its compiler's XML, media and fonts, byte
// for byte); only the archive around them is ours: a plain ZIP of deflated entries, as Word writes.
//
// `docx` keeps its compiler private; the version is pinned (package.json) and docx-zip.test.ts
// fails if the compiler is gone, in which case renderDocx falls back to the library's own packer.
//
// The compiler's `compile` hands its parts to JSZip, which wraps each in a promise and gives it back
// only through its streaming workers, a chain of setImmediate ticks per part: on a busy machine each
// tick waits for its turn of the event loop, the slowest part of a render's wall time. We call the
// step before (`xmlifyFile`, the parts' XML) and encode them as `compile` does (UTF-8), in its order;
// a document with media or embedded fonts (none of ours) still goes through `compile`.
import { crc32, deflateRawSync } from 'node:zlib';
import { Packer, type Document, type IXmlableObject } from 'docx';

/** The part of the library's bundled JSZip archive we read back: its entries, in insertion order. */
interface CompiledZip {
  forEach(callback: (path: string, entry: { dir: boolean; _data?: unknown; async(type: 'uint8array'): Promise<Uint8Array> }) => void): void;
}
/** A part as the compiler's `xmlifyFile` returns it: one file, or several (headers, footers). */
interface XmlPart {
  path: string;
  data: string;
}
interface Compiler {
  compile(file: Document): CompiledZip;
  xmlifyFile?(file: Document, prettify?: unknown): Record<string, XmlPart | XmlPart[]>;
}
/** What `compile` adds after the XML parts: media and embedded fonts. */
interface Extras {
  Media?: { Array?: readonly unknown[] };
  FontTable?: { fontOptionsWithKey?: readonly unknown[] };
}

const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;

/** Whether the library's compiler is reachable (docx-zip.test.ts checks it on every upgrade). */
export const nativeZipAvailable = typeof compiler?.compile === 'function';

/** Whether the step before `compile` is reachable too: else every render goes through JSZip again. */
export const directPartsAvailable = typeof compiler?.xmlifyFile === 'function';

/**
 * XML a render writes as text itself, by document being packed: the library's serialiser writes a
 * marker element in its place (`<qt-raw-N/>`, which no escaped text can spell) and packDocx puts the
 * text back. Only while packDocx serialises that document: the library's own packer sees objects.
 */
const directXml = new WeakMap<object, string[]>();

/** The marker to hand the serialiser for XML written as text, or null when the library writes it all. */
export function writtenDirectly(file: object, write: () => string): IXmlableObject | null {
  const sink = directXml.get(file);
  if (!sink) return null;
  const xml = write();
  // The compiler replaces "{…}" placeholders (numbering, images) in the XML it wrote: such text stays its.
  if (xml.includes('{')) return null;
  sink.push(xml);
  return { [`qt-raw-${sink.length - 1}`]: null } as unknown as IXmlableObject;
}

const MARKER = /<qt-raw-(\d+)\/>/gu;

/** The parts `compile` would zip, in its order, when they are only XML; null when it adds media or fonts. */
function xmlParts(doc: Document): { path: string; data: Uint8Array }[] | null {
  const extras = doc as unknown as Extras;
  if (!directPartsAvailable || !compiler?.xmlifyFile || !extras.Media?.Array || extras.Media.Array.length > 0) return null;
  if (!extras.FontTable?.fontOptionsWithKey || extras.FontTable.fontOptionsWithKey.length > 0) return null;
  // Keyed by path like JSZip's files: a path written twice keeps its first place and its last data.
  const parts = new Map<string, Uint8Array>();
  const sink: string[] = [];
  directXml.set(doc, sink);
  let xml: ReturnType<NonNullable<Compiler['xmlifyFile']>>;
  try {
    xml = compiler.xmlifyFile(doc, undefined);
  } finally {
    directXml.delete(doc);
  }
  for (const entry of Object.values(xml)) {
    for (const part of Array.isArray(entry) ? entry : [entry]) {
      const text = sink.length ? part.data.replace(MARKER, (_, n: string) => sink[Number(n)]!) : part.data;
      parts.set(part.path, Buffer.from(text, 'utf8'));
    }
  }
  return [...parts].map(([path, data]) => ({ path, data }));
}

export async function packDocx(doc: Document): Promise<Buffer> {
  if (!nativeZipAvailable) return Packer.toBuffer(doc);
  const direct = xmlParts(doc);
  if (direct) return zipDeflated(direct);
  const parts: { path: string; data: Uint8Array | Promise<Uint8Array> }[] = [];
  compiler!.compile(doc).forEach((path, entry) => {
    if (entry.dir) return; // the folders JSZip adds on its own: an OPC package has none
    parts.push({ path, data: entry._data instanceof Uint8Array ? entry._data : entry.async('uint8array') });
  });
  return zipDeflated(await Promise.all(parts.map(async (p) => ({ path: p.path, data: await p.data }))));
}

// 1980-01-01 00:00 in MS-DOS form: a fixed stamp, so the same document is the same bytes.
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const DEFLATE = 8;

/** A ZIP archive (no ZIP64: a document stays far below 4 GB) of the parts, each deflated. */
export function zipDeflated(parts: readonly { path: string; data: Uint8Array }[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.path, 'utf8');
    const packed = deflateRawSync(part.data);
    const crc = crc32(part.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(part.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0, MS-DOS attributes
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(UTF8_NAMES, 8);
    entry.writeUInt16LE(DEFLATE, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(part.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    // extra length, comment length, disk number, internal and external attributes: all 0
    entry.writeUInt32LE(offset, 42);
    chunks.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}
