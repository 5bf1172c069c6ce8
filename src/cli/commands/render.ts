// `quantriet render FILE --format docx|pdf|html -o OUT`: the plan document of an importable file,
// without a database. Header values come from the options, else from the file's own header block,
// else from the organisation defaults (src/server/documents/defaults.ts).
import { readFile, writeFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import { isValidIsoDate } from '../../domain/document-numbering';
import { importPlan } from '../../domain/plan-import/index';
import { readPlanInput } from '../../server/features/plan-import/input';
import { DOCUMENT_DEFAULTS } from '../../server/documents/defaults';
import { renderDocx } from '../../server/documents/docx';
import { renderHtml } from '../../server/documents/html';
import { createPdfConverter } from '../../server/documents/pdf';
import { buildPlanDocument, type PlanHeaderInput } from '../../server/documents/plan-document';
import type { UySpelling } from '../../server/documents/layout';

export const summary = 'xuất văn bản kế hoạch ra DOCX, PDF hoặc HTML (không cần cơ sở dữ liệu)';

const USAGE = `Cách dùng: quantriet render TỆP [--format docx|pdf|html] [-o TỆP_RA]
  [--superior "Đảng bộ tỉnh Tuyên Quang"] [--issuer "Đảng ủy phường Nông Tiến"]
  [--number 45] [--date 2026-05-15] [--place "Nông Tiến"] [--spelling ỦY|UỶ]
Giá trị không ghi sẽ lấy từ phần đầu của chính tệp, nếu không có thì lấy theo cài đặt mặc định.
Không có --number / --date: in chỗ trống để điền tay ("Số    -KH/ĐU", "ngày    tháng    năm 20…").`;

type Format = 'docx' | 'pdf' | 'html';
const FORMATS: readonly Format[] = ['docx', 'pdf', 'html'];

function fail(message: string): number {
  console.error(message);
  return 2;
}

/** "2026-05-15" or "15/5/2026" → ISO; null when the text is not a real date. */
function parseDateOption(text: string): string | null {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  const iso = dmy ? `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}` : text.trim();
  return isValidIsoDate(iso) ? iso : null;
}

export async function run(args: string[]): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (error) {
    return fail(`Tuỳ chọn không hợp lệ (${(error as Error).message}).\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) return fail(`Cần đúng một tệp kế hoạch.\n${USAGE}`);
  const file = positionals[0];

  const format = (values.format ?? extname(values.output ?? '').slice(1).toLowerCase()) || 'docx';
  if (!FORMATS.includes(format as Format)) return fail(`Định dạng không hỗ trợ: "${format}" (chọn docx, pdf hoặc html).`);
  const output = values.output ?? `${basename(file, extname(file))}.${format}`;

  let number: number | string | null | undefined;
  if (values.number !== undefined) {
    const n = values.number.trim();
    if (!/^[1-9]\d*$/.test(n) && !/^[1-9]\d*-[\p{L}/-]+$/u.test(n)) {
      return fail(`Số văn bản không hợp lệ: "${values.number}" (ví dụ: --number 45).`);
    }
    number = /^\d+$/.test(n) ? Number(n) : n;
  }
  let date: string | undefined;
  if (values.date !== undefined) {
    const iso = parseDateOption(values.date);
    if (!iso) return fail(`Ngày không hợp lệ: "${values.date}" (ví dụ: --date 2026-05-15).`);
    date = iso;
  }
  const spelling = values.spelling?.normalize('NFC').toLocaleUpperCase('vi');
  if (spelling !== undefined && spelling !== 'ỦY' && spelling !== 'UỶ') {
    return fail(`Cách viết không hợp lệ: "${values.spelling}" (chọn ỦY hoặc UỶ).`);
  }

  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return fail(`Không đọc được tệp "${file}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  const input = await readPlanInput(bytes, basename(file));
  if (!input.ok) return fail(input.error.message);
  const plan = importPlan(input.text);
  const errors = plan.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) console.error(`Lưu ý: kế hoạch có ${errors} lỗi; xem bằng: quantriet lint ${file}`);

  const own = plan.header ?? {};
  const header: PlanHeaderInput = {
    superior: values.superior ?? own.superior ?? DOCUMENT_DEFAULTS.superior,
    issuer: values.issuer ?? own.issuer ?? DOCUMENT_DEFAULTS.issuer,
    number: number ?? own.number ?? null,
    place: values.place ?? own.place ?? DOCUMENT_DEFAULTS.place,
    date: date ?? own.date ?? null,
  };
  const model = buildPlanDocument(plan, header, { spelling: spelling as UySpelling | undefined });

  let content: Buffer | string;
  if (format === 'html') content = renderHtml(model);
  else if (format === 'docx') content = await renderDocx(model);
  else {
    const converter = createPdfConverter();
    try {
      content = await converter.convert(await renderDocx(model));
    } catch (error) {
      console.error((error as Error).message);
      return 1;
    } finally {
      await converter.close();
    }
  }
  try {
    await writeFile(output, content);
  } catch (error) {
    return fail(`Không ghi được "${output}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`);
  }
  console.log(`Đã ghi ${output} (${format.toUpperCase()}).`);
  return 0;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      format: { type: 'string', short: 'f' },
      output: { type: 'string', short: 'o' },
      superior: { type: 'string' },
      issuer: { type: 'string' },
      number: { type: 'string' },
      date: { type: 'string' },
      place: { type: 'string' },
      spelling: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
}
