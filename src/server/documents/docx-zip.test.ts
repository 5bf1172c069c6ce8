// The archive renderDocx writes with Node's zlib holds exactly the parts the `docx` library's own
// packer writes (its folders aside), byte for byte, and reads back in JSZip and mammoth.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { Packer } from 'docx';
import { describe, expect, it } from 'vitest';
import { buildDocx, renderDocx } from './docx';
import { directPartsAvailable, nativeZipAvailable } from './docx-zip';
import { buildPlanDocument } from './plan-document';
import { SAMPLE_HEADER, SAMPLE_PLAN } from './sample-plan';

async function parts(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const out = new Map<string, string>();
  for (const [path, entry] of Object.entries(zip.files)) if (!entry.dir) out.set(path, await entry.async('string'));
  return out;
}

describe('packDocx', () => {
  it('reaches the compiler of the pinned docx version (else every render falls back to its slower packer)', () => {
    expect(nativeZipAvailable).toBe(true);
    // …and the step before it, the parts' XML, which spares JSZip's promise chain (decision 037).
    expect(directPartsAvailable).toBe(true);
  });

  it('writes the library’s parts unchanged, in a ZIP that JSZip and mammoth read', async () => {
    const model = buildPlanDocument(SAMPLE_PLAN, SAMPLE_HEADER);
    const ours = await parts(await renderDocx(model));
    const theirs = await parts(await Packer.toBuffer(buildDocx(model)));
    // The same parts in the same order (the library's compiler's), without going through JSZip.
    expect([...ours.keys()]).toEqual([...theirs.keys()]);
    // The core properties carry the creation instant: every other part is the same text.
    for (const [path, text] of theirs) if (path !== 'docProps/core.xml') expect(ours.get(path), path).toBe(text);
    const text = (await mammoth.extractRawText({ buffer: await renderDocx(model) })).value;
    expect(text).toContain('KẾ HOẠCH');
    expect(text).toContain('Nông Tiến');
  });

  it('writes a grid table’s body rows as text itself, the very parts the library’s packer writes from their objects', async () => {
    for (const odd of ['Chi bộ <Tổ> & "dân" \'phố\'', 'a {placeholder-0} left to the compiler']) {
      const model = buildPlanDocument(SAMPLE_PLAN, SAMPLE_HEADER);
      model.body = [
        { kind: 'paragraph', inlines: [{ text: 'Trước bảng' }] },
        {
          kind: 'table',
          columns: [
            { title: 'STT', share: 0.2, align: 'center' },
            { title: 'Chi bộ', share: 0.5 },
            { title: 'Tỷ lệ', share: 0.3, align: 'center' },
          ],
          rows: Array.from({ length: 60 }, (_, i) => [String(i + 1), i === 7 ? odd : `Chi bộ ${i + 1}`, i === 9 ? '' : `${i},5%`]),
        },
      ];
      const ours = await parts(await renderDocx(model));
      const theirs = await parts(await Packer.toBuffer(buildDocx(model)));
      expect([...ours.keys()]).toEqual([...theirs.keys()]);
      for (const [path, text] of theirs) if (path !== 'docProps/core.xml') expect(ours.get(path), path).toBe(text);
      expect(ours.get('word/document.xml')).toContain('Chi bộ 60');
      expect(ours.get('word/document.xml')).not.toContain('qt-raw');
    }
  });
});
