// The PDF path end to end: the fixture plan rendered as DOCX, converted by LibreOffice through the
// warm converter, read back with pdftotext -layout to check that everything lands where a Party
// document has it. Skipped only on a developer machine without LibreOffice; in CI it must run.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from './docx';
import { createPdfConverter, type PdfConverter } from './pdf';
import { buildPlanDocument } from './plan-document';
import { SAMPLE_HEADER, SAMPLE_PLAN } from './sample-plan';

const run = promisify(execFile);
const probe = createPdfConverter();
const installed = await probe.available();
await probe.close();
const skip = !installed && process.env.CI !== 'true';

describe('createPdfConverter without LibreOffice', () => {
  it('says how to enable PDF', async () => {
    const converter = createPdfConverter({ sofficePath: '/nonexistent/soffice' });
    expect(await converter.available()).toBe(false);
    await expect(converter.convert(Buffer.from('x'))).rejects.toMatchObject({
      id: 'documents.pdf-unavailable',
      status: 503,
      message: expect.stringContaining('apt-get install -y libreoffice-writer-nogui'),
    });
    await converter.close();
  });
});

describe.skipIf(skip)('PDF of the fixture plan (LibreOffice)', () => {
  let converter: PdfConverter;
  let dir: string;
  let docx: Buffer;
  let text: string;
  let pages: string[];

  beforeAll(async () => {
    converter = createPdfConverter();
    dir = await mkdtemp(join(tmpdir(), 'qt-pdf-test-'));
    docx = await renderDocx(buildPlanDocument(SAMPLE_PLAN, SAMPLE_HEADER));
    const pdf = await converter.convert(docx);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await writeFile(join(dir, 'plan.pdf'), pdf);
    text = (await run('pdftotext', ['-layout', join(dir, 'plan.pdf'), '-'])).stdout;
    pages = text.split('\f').filter((p) => p.trim() !== '');
  }, 120_000);

  afterAll(async () => {
    await converter?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const lines = () => text.split('\n');
  const lineOf = (needle: string) => {
    const index = lines().findIndex((l) => l.includes(needle));
    if (index < 0) throw new Error(`not in the PDF: ${needle}`);
    return index;
  };
  const columnOf = (needle: string) => lines()[lineOf(needle)].indexOf(needle);

  it('converts warm when python3-uno is there, and is an A4 document set in Liberation Serif', async () => {
    if (process.env.CI === 'true') expect(converter.mode(), 'CI needs python3-uno for the warm converter').toBe('warm');
    const info = (await run('pdfinfo', [join(dir, 'plan.pdf')])).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const fonts = (await run('pdffonts', [join(dir, 'plan.pdf')])).stdout.split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    // Times New Roman, or its metric twin: never a fallback font with other widths.
    for (const font of fonts) expect(font).toMatch(/LiberationSerif|TimesNewRoman/);
  });

  it('sets the header columns side by side: left and right on the same lines', () => {
    const first = lines()[lineOf('ĐẢNG BỘ TỈNH TUYÊN QUANG')];
    expect(first).toMatch(/ĐẢNG BỘ TỈNH TUYÊN QUANG\s{2,}ĐẢNG CỘNG SẢN VIỆT NAM/);
    const second = lines()[lineOf('ĐẢNG ỦY PHƯỜNG NÔNG TIẾN')];
    expect(second).toMatch(/ĐẢNG ỦY PHƯỜNG NÔNG TIẾN\s{2,}Nông Tiến, ngày 15 tháng 5 năm 2026/);
    expect(lineOf('ĐẢNG ỦY PHƯỜNG NÔNG TIẾN')).toBe(lineOf('ĐẢNG BỘ TỈNH TUYÊN QUANG') + 1);
    expect(lineOf('Số 45-KH/ĐU')).toBeGreaterThan(lineOf('ĐẢNG ỦY PHƯỜNG NÔNG TIẾN'));
    expect(columnOf('Số 45-KH/ĐU')).toBeLessThan(columnOf('ĐẢNG CỘNG SẢN VIỆT NAM'));
  });

  it('centres the title under the header and starts the body after it', () => {
    const title = lineOf('KẾ HOẠCH');
    expect(title).toBeGreaterThan(lineOf('Số 45-KH/ĐU'));
    const width = Math.max(...lines().slice(0, 60).map((l) => l.trimEnd().length));
    const centre = columnOf('KẾ HOẠCH') + 'KẾ HOẠCH'.length / 2;
    expect(Math.abs(centre - width / 2)).toBeLessThan(width * 0.12);
    expect(lineOf('tổ chức tuyên truyền, quán triệt và học tập')).toBe(title + 1);
    expect(lineOf('Thực hiện Nghị quyết số 91-NQ/TU')).toBeGreaterThan(title);
  });

  it('keeps sections I-IV and their parts in order', () => {
    const order = [
      'I. MỤC ĐÍCH, YÊU CẦU',
      '1. Mục đích',
      '2. Yêu cầu',
      'II. NỘI DUNG TUYÊN TRUYỀN',
      'III. HÌNH THỨC TỔ CHỨC HỘI NGHỊ',
      '1. Cấp phường',
      '2. Cấp cơ sở',
      'IV. TỔ CHỨC THỰC HIỆN',
      '1. Ban xây dựng Đảng',
      '4. Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc',
      'Nơi nhận:',
    ];
    const positions = order.map(lineOf);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('puts the recipients on the left and the signer on the right, at the end', () => {
    const label = lineOf('Nơi nhận:');
    expect(lines()[label]).toMatch(/Nơi nhận:\s{2,}T\/M BAN THƯỜNG VỤ/);
    expect(lineOf('PHÓ BÍ THƯ')).toBe(label + 1);
    const name = lineOf('Nguyễn Mạnh Hùng');
    expect(name).toBeGreaterThan(lineOf('PHÓ BÍ THƯ') + 2); // the gap for signature and seal
    expect(columnOf('Nguyễn Mạnh Hùng')).toBeGreaterThan(columnOf('Nơi nhận:') + 20);
    const recipients = ['- Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo),', '- Ủy ban nhân dân phường,', '- Lưu Văn phòng Đảng ủy.'];
    const at = recipients.map(lineOf);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(at[0]).toBeGreaterThan(label);
    for (const r of recipients) expect(columnOf(r)).toBe(columnOf('Nơi nhận:'));
    expect(pages.at(-1)).toContain('Nguyễn Mạnh Hùng');
  });

  it('numbers the pages from page 2 on, at the top', () => {
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const firstLine = (page: string) => page.split('\n').find((l) => l.trim() !== '')!.trim();
    expect(firstLine(pages[0])).toMatch(/^ĐẢNG BỘ TỈNH/);
    pages.slice(1).forEach((page, i) => expect(firstLine(page)).toBe(String(i + 2)));
  });

  it('converts again warm and fast, serialises, and refuses work past the bounded queue', async () => {
    const started = performance.now();
    await converter.convert(docx);
    if (converter.mode() === 'warm') expect(performance.now() - started).toBeLessThan(3000);
    const small = createPdfConverter({ maxQueue: 1 });
    const results = await Promise.allSettled([small.convert(docx), small.convert(docx), small.convert(docx)]);
    await small.close();
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason).toMatchObject({ id: 'documents.pdf-busy', status: 503 });
    await expect(small.convert(docx)).rejects.toMatchObject({ id: 'documents.pdf-closed' });
    // close() lets the running conversion finish before it stops the office.
    const closing = createPdfConverter();
    const running = closing.convert(docx);
    await closing.close();
    expect((await running).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 120_000);

  it('falls back to one soffice run per document where the UNO bridge is missing', async () => {
    const cold = createPdfConverter({ mode: 'per-document' });
    const pdf = await cold.convert(docx);
    expect(cold.mode()).toBe('per-document');
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await cold.close();
  }, 120_000);

  it('stops a conversion past its time limit, and starts a fresh office for the next one', async () => {
    const strict = createPdfConverter({ timeoutMs: 1 });
    await expect(strict.convert(docx)).rejects.toMatchObject({ id: 'documents.pdf-timeout', status: 504 });
    // The killed office is replaced: the next document gets as far as its own time limit again.
    await expect(strict.convert(docx)).rejects.toMatchObject({ id: 'documents.pdf-timeout' });
    await strict.close();
  }, 120_000);

  it('does not keep Node alive, and leaves no office behind, even without close()', async () => {
    const script = join(dir, 'no-close.mts');
    const pdfModule = resolve(fileURLToPath(new URL('./pdf.ts', import.meta.url)));
    await writeFile(
      script,
      `import { createPdfConverter } from ${JSON.stringify(pdfModule)};\n` +
        `const c = createPdfConverter();\n` +
        `const pdf = await c.convert(Buffer.from(${JSON.stringify(docx.toString('base64'))}, 'base64'));\n` +
        `console.log(process.pid, pdf.length);\n`,
    );
    const runner = resolve(fileURLToPath(new URL('../../../bin/run-ts.js', import.meta.url)));
    const child = spawn(process.execPath, [runner, script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((done) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      child.on('exit', (c) => (clearTimeout(timer), done(c)));
    });
    expect(code).toBe(0);
    const [pid, size] = out.trim().split(' ').map(Number);
    expect(size).toBeGreaterThan(1000);
    await new Promise((r) => setTimeout(r, 300));
    const ps = (await run('ps', ['-eo', 'stat,args'])).stdout.split('\n');
    expect(ps.filter((l) => l.includes(`quantriet-${pid}-`) && !l.startsWith('Z'))).toEqual([]);
  }, 120_000);
});
