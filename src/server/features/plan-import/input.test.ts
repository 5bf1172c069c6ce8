import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Document, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import fc from 'fast-check';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { type ImportedPlan, importPlan } from '../../../domain/plan-import';
import { MAX_PLAN_BYTES, readPlanInput } from './input';

const plans = resolve(import.meta.dirname, '../../../../test/fixtures/plans');
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

async function expectError(bytes: Uint8Array, filename: string, id: string, status = 400): Promise<void> {
  const result = await readPlanInput(bytes, filename);
  expect(result.ok).toBe(false);
  if (!result.ok) {
    expect(result.error.id).toBe(id);
    expect(result.error.status).toBe(status);
    expect(result.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/u);
  }
}

/** A Word document made the way offices write plans: one paragraph per line, headings, bullets and bold runs. */
async function docxFrom(markdown: string): Promise<Buffer> {
  const paragraphs = markdown
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const heading = /^##\s/.test(line) ? HeadingLevel.HEADING_2 : undefined;
      const bullet = /^- /.test(line) ? { level: 0 } : undefined;
      const text = line.replace(/^##\s+/, '').replace(/^- /, '');
      const runs = text.split('**').map((part, i) => new TextRun({ text: part, bold: i % 2 === 1 }));
      return new Paragraph({ children: runs, heading, bullet });
    });
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** Layout that a Word file does not keep: line numbers and columns. */
function withoutPositions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutPositions);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'line' && k !== 'column').map(([k, v]) => [k, withoutPositions(v)]));
  }
  return value;
}

describe('readPlanInput: text', () => {
  it('reads UTF-8 text and Markdown, with or without a BOM', async () => {
    expect(await readPlanInput(utf8('KẾ HOẠCH\nTổ chức'), 'ke-hoach.txt')).toEqual({ ok: true, text: 'KẾ HOẠCH\nTổ chức' });
    expect(await readPlanInput(utf8('\uFEFF# KẾ HOẠCH'), 'KE-HOACH.MD')).toEqual({ ok: true, text: '# KẾ HOẠCH' });
  });
  it('reads a file of unknown type that is UTF-8 text', async () => {
    expect(await readPlanInput(utf8('KẾ HOẠCH'), 'ke-hoach')).toEqual({ ok: true, text: 'KẾ HOẠCH' });
  });
  it('refuses text that is not UTF-8', async () => {
    await expectError(Buffer.from('K\xca HO\xa0CH', 'latin1'), 'ke-hoach.txt', 'plan-import.not-utf8');
  });
  it('refuses binary content, empty files and files over 5 MB', async () => {
    await expectError(Buffer.from([0x4b, 0x00, 0x48]), 'ke-hoach.md', 'plan-import.binary');
    await expectError(new Uint8Array(0), 'ke-hoach.txt', 'plan-import.empty');
    await expectError(utf8(' \n\t\n'), 'ke-hoach.txt', 'plan-import.empty');
    await expectError(new Uint8Array(MAX_PLAN_BYTES + 1).fill(0x61), 'ke-hoach.txt', 'plan-import.too-large', 413);
    expect((await readPlanInput(new Uint8Array(MAX_PLAN_BYTES).fill(0x61), 'ke-hoach.txt')).ok).toBe(true);
  });
  it('refuses other binary types', async () => {
    await expectError(Buffer.from('%PDF-1.7\n\x00\x01\x02', 'latin1'), 'ke-hoach.pdf', 'plan-import.unsupported-type');
    await expectError(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00]), 'ke-hoach.doc', 'plan-import.unsupported-type');
    const zip = await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' });
    await expectError(zip, 'ke-hoach.zip', 'plan-import.unsupported-type');
  });
});

describe('readPlanInput: Word documents', () => {
  it('reads a .docx made from a plan into the same structured plan (line numbers aside)', async () => {
    const source = readFileSync(resolve(plans, 'ke-hoach-12-NQ-TU-van-hoa-du-lich.md'), 'utf8');
    const result = await readPlanInput(await docxFrom(source), 'ke-hoach.docx');
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toContain('## __I. MỤC ĐÍCH, YÊU CẦU__');
    expect(result.text).toContain('- Theo dõi, tổng hợp, báo cáo kết quả trước 30/6/2026.');
    const units = ['Ban xây dựng Đảng', 'Văn phòng Đảng ủy', 'Ủy ban nhân dân phường', 'Ủy ban Mặt trận Tổ quốc phường', 'Hội Liên hiệp Phụ nữ', 'Hội Cựu chiến binh', 'Đoàn Thanh niên', 'Hội Nông dân', 'Công an phường'];
    const plan = importPlan(result.text, { units });
    const expected: ImportedPlan = JSON.parse(readFileSync(resolve(plans, 'ke-hoach-12-NQ-TU-van-hoa-du-lich.expected.json'), 'utf8'));
    expect(withoutPositions(JSON.parse(JSON.stringify(plan)))).toEqual(withoutPositions(expected));
  });
  it('refuses a .docx that is not a zip, or a zip without a Word document', async () => {
    await expectError(utf8('KẾ HOẠCH'), 'ke-hoach.docx', 'plan-import.bad-docx');
    const zip = await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    await expectError(zip, 'ke-hoach.docx', 'plan-import.bad-docx');
    const truncated = (await docxFrom('KẾ HOẠCH')).subarray(0, 200);
    await expectError(truncated, 'ke-hoach.docx', 'plan-import.bad-docx');
  });
  it('refuses a zip bomb before inflating it', async () => {
    const bomb = await new JSZip()
      .file('word/document.xml', new Uint8Array(60 * 1024 * 1024))
      .generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(MAX_PLAN_BYTES);
    await expectError(bomb, 'ke-hoach.docx', 'plan-import.zip-bomb');
    const dense = await new JSZip()
      .file('word/document.xml', new Uint8Array(2 * 1024 * 1024))
      .generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    await expectError(dense, 'ke-hoach.docx', 'plan-import.zip-bomb');
  });
  it('refuses a zip that lies about its uncompressed sizes', async () => {
    const zip = Buffer.from(
      await new JSZip().file('word/document.xml', 'x'.repeat(20_000)).generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }),
    );
    const central = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])); // the document, after the folder entry
    zip.writeUInt32LE(100, central + 24); // declares 100 bytes for 20,000
    await expectError(zip, 'ke-hoach.docx', 'plan-import.zip-bomb');
  });
});

describe('readPlanInput never throws', () => {
  it('on random bytes under any name', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), fc.constantFrom('a.txt', 'a.md', 'a.docx', 'a', 'a.pdf'), async (bytes, name) => {
        const result = await readPlanInput(bytes, name);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });
  it('on random damage to a real .docx', async () => {
    const docx = await docxFrom('KẾ HOẠCH\n## I. MỤC ĐÍCH\n- Nội dung');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), async (edits) => {
        const bytes = Buffer.from(docx);
        for (const [at, value] of edits) bytes[at % bytes.length] = value;
        const result = await readPlanInput(bytes, 'a.docx');
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 100 },
    );
  });
});
