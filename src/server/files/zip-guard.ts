// One zip-bomb guard for every upload that unzips (plan .docx, member .xlsx, the spreadsheets to
// come). It runs before the library that reads the file inflates anything: first the sizes the
// central directory declares (entry count, each entry, the total, the ratio to the file), then each
// entry is inflated with an output cap equal to its declared size, so a file that lies about its
// sizes is caught too. Inflating stops at the cap, so a bomb costs milliseconds, not gigabytes.

import { inflateRawSync } from 'node:zlib';

export interface ZipLimits {
  /** Most entries the archive may hold. */
  maxEntries: number;
  /** Most bytes one entry may inflate to. */
  maxEntryBytes: number;
  /** Most bytes all entries together may inflate to. */
  maxTotalBytes: number;
  /** Most the whole archive may expand: inflated total ÷ file size. */
  maxRatio: number;
}

/** 'bad': not a readable zip (or an unsupported one); 'bomb': over a limit, declared or actual. */
export type ZipVerdict = 'ok' | 'bad' | 'bomb';

export const isZip = (bytes: Uint8Array): boolean =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

function findEndOfDirectory(bytes: Uint8Array, view: DataView): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (view.getUint32(at, true) === 0x06054b50) return at;
  }
  return -1;
}

export function inspectZip(bytes: Uint8Array, limits: ZipLimits): ZipVerdict {
  if (bytes.length < 22) return 'bad';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u16 = (at: number): number => view.getUint16(at, true);
  const eocd = findEndOfDirectory(bytes, view);
  if (eocd < 0) return 'bad';
  const entries = u16(eocd + 10);
  const directorySize = u32(eocd + 12);
  const directoryOffset = u32(eocd + 16);
  // ZIP64 markers: no office document or list within our upload limits needs them.
  if (entries === 0xffff || directoryOffset === 0xffffffff) return 'bomb';
  if (entries > limits.maxEntries) return 'bomb';
  if (directoryOffset + directorySize > bytes.length) return 'bad';
  const maxTotal = Math.min(limits.maxTotalBytes, limits.maxRatio * bytes.length);
  let total = 0;
  let at = directoryOffset;
  // Declared sizes first, for every entry: a bomb is refused before one byte is inflated.
  const found: { method: number; compressed: number; uncompressed: number; localOffset: number }[] = [];
  for (let i = 0; i < entries; i++) {
    if (at + 46 > bytes.length || u32(at) !== 0x02014b50) return 'bad';
    const entry = { method: u16(at + 10), compressed: u32(at + 20), uncompressed: u32(at + 24), localOffset: u32(at + 42) };
    if (entry.compressed === 0xffffffff || entry.uncompressed === 0xffffffff) return 'bomb';
    if (entry.uncompressed > limits.maxEntryBytes) return 'bomb';
    total += entry.uncompressed;
    if (total > maxTotal) return 'bomb';
    found.push(entry);
    at += 46 + u16(at + 28) + u16(at + 30) + u16(at + 32);
  }
  // Then the actual sizes: each entry inflates to at most what it declared.
  for (const entry of found) {
    const verdict = checkEntry(bytes, view, entry);
    if (verdict !== 'ok') return verdict;
  }
  return 'ok';
}

function checkEntry(bytes: Uint8Array, view: DataView, entry: { method: number; compressed: number; uncompressed: number; localOffset: number }): ZipVerdict {
  const { method, compressed, uncompressed, localOffset: offset } = entry;
  if (offset + 30 > bytes.length || view.getUint32(offset, true) !== 0x04034b50) return 'bad';
  const dataStart = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
  if (dataStart + compressed > bytes.length) return 'bad';
  if (method === 0) return compressed === uncompressed ? 'ok' : 'bad';
  if (method !== 8) return 'bad';
  try {
    // One byte over the declared size is enough to know it lied.
    const out = inflateRawSync(bytes.subarray(dataStart, dataStart + compressed), { maxOutputLength: uncompressed + 1 });
    if (out.length > uncompressed) return 'bomb';
    return out.length === uncompressed ? 'ok' : 'bad';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'bomb' : 'bad';
  }
}
