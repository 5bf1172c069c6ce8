import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import { createPdfConverter } from '../../server/documents/pdf';
import { run } from './render';
import { planFixturePath } from '../../../test/support/fixtures';

const FIXTURE = planFixturePath;

const probe = createPdfConverter();
const pdfInstalled = await probe.available();
await probe.close();

let dir: string;
let fixture: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'qt-render-'));
  fixture = await readFile(FIXTURE, 'utf8');
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

/** Runs the command, returning its exit code and what it printed on stderr. */
async function render(args: string[]): Promise<{ code: number; stderr: string }> {
  const errors: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...m: unknown[]) => void errors.push(m.join(' ')));
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const code = await run(args);
  return { code, stderr: errors.join('\n') };
}

async function documentText(docx: string): Promise<string> {
  const zip = await JSZip.loadAsync(await readFile(docx));
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
}

describe('quantriet render', () => {
  it('renders the fixture as DOCX with the given number and date', async () => {
    const out = join(dir, 'plan.docx');
    const result = await render([FIXTURE, '--format', 'docx', '-o', out, '--number', '45', '--date', '2026-05-15']);
    expect(result).toEqual({ code: 0, stderr: '' });
    const text = await documentText(out);
    for (const line of ['ĐẢNG BỘ TỈNH TUYÊN QUANG', 'ĐẢNG ỦY PHƯỜNG NÔNG TIẾN', 'Số 45-KH/ĐU', 'Nông Tiến, ngày 15 tháng 5 năm 2026', 'KẾ HOẠCH', 'I. MỤC ĐÍCH, YÊU CẦU', 'Nguyễn Mạnh Hùng']) {
      expect(text.split('\n')).toContain(line);
    }
  });

  it('falls back to the organisation defaults and prints blanks for an unnumbered, undated draft', async () => {
    const out = join(dir, 'draft.html');
    expect((await render([FIXTURE, '-o', out])).code).toBe(0); // format from the extension
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<p class="number">Số    -KH/ĐU</p>');
    expect(html).toContain('Nông Tiến, ngày    tháng    năm 20…');
    expect(html).toContain('<p class="issuer">ĐẢNG ỦY PHƯỜNG NÔNG TIẾN</p>');
  });

  it("takes values from the file's own header block, under the options", async () => {
    const file = join(dir, 'with-header.md');
    const header = [
      'ĐẢNG BỘ TỈNH TUYÊN QUANG\t\tĐẢNG CỘNG SẢN VIỆT NAM',
      'ĐẢNG ỦY XÃ HÙNG LỢI',
      '*\t\tHùng Lợi, ngày 03 tháng 02 năm 2027',
      'Số 12-KH/ĐU',
      '',
    ].join('\n');
    await writeFile(file, header + fixture);
    const out = join(dir, 'with-header.html');
    expect((await render([file, '--format', 'html', '-o', out, '--superior', 'Đảng bộ tỉnh Hà Giang'])).code).toBe(0);
    const html = await readFile(out, 'utf8');
    expect(html).toContain('<p class="superior">ĐẢNG BỘ TỈNH HÀ GIANG</p>');
    expect(html).toContain('<p class="issuer">ĐẢNG ỦY XÃ HÙNG LỢI</p>');
    expect(html).toContain('<p class="number">Số 12-KH/ĐU</p>');
    expect(html).toContain('<p class="place-date">Hùng Lợi, ngày 03 tháng 02 năm 2027</p>');
  });

  it('refuses impossible dates, bad numbers and unknown formats with exit code 2', async () => {
    const out = join(dir, 'x.docx');
    expect(await render([FIXTURE, '-o', out, '--date', '2026-02-31'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Ngày không hợp lệ') });
    expect(await render([FIXTURE, '-o', out, '--number', 'abc'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Số văn bản không hợp lệ') });
    expect(await render([FIXTURE, '--format', 'rtf'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Định dạng không hỗ trợ') });
    expect(await render([FIXTURE, '--bogus'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Tuỳ chọn không hợp lệ') });
    expect((await render([])).code).toBe(2);
  });

  it('refuses unreadable input with exit code 2', async () => {
    expect(await render([join(dir, 'missing.md'), '-o', join(dir, 'm.docx')])).toMatchObject({ code: 2, stderr: expect.stringContaining('Không đọc được') });
    const binary = join(dir, 'image.png');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 1, 2, 3]));
    const result = await render([binary, '-o', join(dir, 'b.docx')]);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toBe('');
  });

  it.skipIf(!pdfInstalled && process.env.CI !== 'true')('renders PDF through LibreOffice', async () => {
    const out = join(dir, 'plan.pdf');
    expect((await render([FIXTURE, '--format', 'pdf', '-o', out, '--number', '45', '--date', '2026-05-15'])).code).toBe(0);
    expect((await readFile(out)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);
});
