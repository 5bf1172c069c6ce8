// Structural checks of the DOCX: the parts Word reads (document.xml, styles.xml, the headers), not
// just the presence of strings. Expected values are Word's units: twips for geometry, half-points
// for font sizes.
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx';
import { renderDocx } from './docx';
import { PAGE_TWIPS } from './layout';
import { buildPlanDocument } from './plan-document';
import { SAMPLE_HEADER, SAMPLE_PLAN } from './sample-plan';
import { sampleCellDocument } from './sample-cell-report';

interface Run {
  /** Effective run properties: the run's own first, then its paragraph style's chain, then the defaults. */
  props: string;
  text: string;
}
interface Para {
  /** Effective paragraph properties: the paragraph's own first, then its style's chain. */
  props: string;
  runs: Run[];
  text: string;
}

interface Style {
  pPr: string;
  rPr: string;
  basedOn?: string;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const inner = (xml: string, tag: string) => new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(xml)?.[1] ?? '';

/** The paragraph styles of styles.xml, by id, and the document defaults. */
function readStyles(stylesXml: string): { styles: Map<string, Style>; defaults: string } {
  const styles = new Map<string, Style>();
  for (const m of stylesXml.matchAll(/<w:style w:type="paragraph"[^>]*w:styleId="(\w+)"[^>]*>([\s\S]*?)<\/w:style>/g)) {
    styles.set(m[1], { pPr: inner(m[2], 'w:pPr'), rPr: inner(m[2], 'w:rPr'), basedOn: /<w:basedOn w:val="(\w+)"/.exec(m[2])?.[1] });
  }
  return { styles, defaults: inner(inner(stylesXml, 'w:rPrDefault'), 'w:rPr') };
}

/**
 * The paragraphs of a part with the properties Word applies to them: a run's own, then its paragraph
 * style's and that style's ancestors', then the document defaults. A regular expression run over
 * `props` finds the property that wins.
 */
function paragraphs(xml: string, stylesXml: string): Para[] {
  const { styles, defaults } = readStyles(stylesXml);
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:p>)/g)].map((m) => {
    const body = m[1] ?? '';
    const own = inner(body, 'w:pPr');
    const chain: Style[] = [];
    for (let id = /<w:pStyle w:val="(\w+)"/.exec(own)?.[1]; id && styles.has(id); id = styles.get(id)!.basedOn) chain.push(styles.get(id)!);
    const runs = [...body.matchAll(/<w:r>([\s\S]*?)<\/w:r>/g)].map((r) => ({
      props: [inner(r[1], 'w:rPr'), ...chain.map((c) => c.rPr), defaults].join(''),
      text: [...r[1].matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => decode(t[1])).join(''),
    }));
    return { props: [own, ...chain.map((c) => c.pPr)].join(''), runs, text: runs.map((r) => r.text).join('') };
  });
}

function para(list: Para[], text: string | RegExp): Para {
  const found = list.find((p) => (typeof text === 'string' ? p.text === text : text.test(p.text)));
  if (!found) throw new Error(`no paragraph ${text}`);
  return found;
}

const size = (run: Run) => Number(/<w:sz w:val="(\d+)"/.exec(run.props)?.[1]);
const bold = (run: Run) => /<w:b\/>/.test(run.props);
const italic = (run: Run) => /<w:i\/>/.test(run.props);
const underline = (run: Run) => /<w:u w:val="single"\/>/.test(run.props);
const align = (p: Para) => /<w:jc w:val="(\w+)"/.exec(p.props)?.[1];
const spacing = (p: Para, attr: string) => Number(new RegExp(`<w:spacing [^>]*w:${attr}="(\\d+)"`).exec(p.props)?.[1]);

async function unzip(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => zip.file(name)!.async('string');
  const document = await read('word/document.xml');
  const rels = await read('word/_rels/document.xml.rels');
  const headerFile = (type: string) => {
    const id = new RegExp(`<w:headerReference w:type="${type}" r:id="(\\w+)"`).exec(document)?.[1];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    return target ? read(`word/${target}`) : Promise.resolve(null);
  };
  return {
    document,
    styles: await read('word/styles.xml'),
    defaultHeader: await headerFile('default'),
    firstHeader: await headerFile('first'),
  };
}

describe('renderDocx: the plan', () => {
  let doc: Awaited<ReturnType<typeof unzip>>;
  let paras: Para[];
  let tables: string[];

  beforeAll(async () => {
    doc = await unzip(await renderDocx(buildPlanDocument(SAMPLE_PLAN, SAMPLE_HEADER)));
    paras = paragraphs(doc.document, doc.styles);
    tables = [...doc.document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  });

  it('is an A4 portrait page with margins 20/20/30/15 mm and the header 10 mm from the top', () => {
    const sect = /<w:sectPr>[\s\S]*<\/w:sectPr>/.exec(doc.document)![0];
    expect(sect).toMatch(/<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"\/>/);
    const margin = Object.fromEntries([.../(\w+)="(\d+)"/g[Symbol.matchAll](/<w:pgMar [^>]*>/.exec(sect)![0])].map((m) => [m[1], Number(m[2])]));
    expect(margin).toMatchObject({ top: 1134, bottom: 1134, left: 1701, right: 850, header: 567 });
  });

  it('sets Times New Roman for every script as the document default, and no run overrides it', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(doc.styles)![0];
    for (const slot of ['ascii', 'hAnsi', 'eastAsia', 'cs']) expect(defaults).toContain(`w:${slot}="Times New Roman"`);
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('<w:lang w:val="vi-VN"/>');
    const fonts = [...(doc.document + doc.styles).matchAll(/w:(?:ascii|hAnsi|eastAsia|cs)="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(fonts)).toEqual(new Set(['Times New Roman']));
    expect(doc.styles).not.toMatch(/asciiTheme|hAnsiTheme/);
  });

  it('lays the header out as a borderless two-column table', () => {
    const header = tables[0];
    expect(tables).toHaveLength(2);
    const borders = /<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(header)![1];
    const sides = [...borders.matchAll(/<w:(\w+) w:val="(\w+)"/g)];
    expect(sides.map((s) => s[1]).sort()).toEqual(['bottom', 'insideH', 'insideV', 'left', 'right', 'top']);
    for (const side of sides) expect(['none', 'nil']).toContain(side[2]);
    expect(header.match(/<w:gridCol /g)).toHaveLength(2);
    expect(header.match(/<w:tc>/g)).toHaveLength(2);
    expect(header).not.toMatch(/<w:tcBorders>/);
    const [left, right] = [...header.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphs(m[0], doc.styles).map((p) => p.text));
    expect(left).toEqual(['ĐẢNG BỘ TỈNH TUYÊN QUANG', 'ĐẢNG ỦY PHƯỜNG NÔNG TIẾN', '*', 'Số 45-KH/ĐU']);
    expect(right).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM', 'Nông Tiến, ngày 15 tháng 5 năm 2026']);
  });

  it('styles each header line as the guidance says', () => {
    const [superior] = para(paras, 'ĐẢNG BỘ TỈNH TUYÊN QUANG').runs;
    expect([size(superior), bold(superior), italic(superior)]).toEqual([28, false, false]);
    const [issuer] = para(paras, 'ĐẢNG ỦY PHƯỜNG NÔNG TIẾN').runs;
    expect([size(issuer), bold(issuer)]).toEqual([28, true]);
    expect(align(para(paras, '*'))).toBe('center');
    const [number] = para(paras, 'Số 45-KH/ĐU').runs;
    expect([size(number), bold(number)]).toEqual([28, false]);
    const [date] = para(paras, /^Nông Tiến, ngày/).runs;
    expect([size(date), italic(date), bold(date)]).toEqual([28, true, false]);
  });

  it('draws the line under "ĐẢNG CỘNG SẢN VIỆT NAM" as long as the text: a single underline on its one run', () => {
    const title = para(paras, 'ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(title.runs).toHaveLength(1);
    const [run] = title.runs;
    expect([size(run), bold(run), underline(run)]).toEqual([30, true, true]);
    expect(title.props).not.toMatch(/<w:pBdr>/);
  });

  it('centres "KẾ HOẠCH" and the abstract in bold', () => {
    const type = para(paras, 'KẾ HOẠCH');
    expect([size(type.runs[0]), bold(type.runs[0]), align(type)]).toEqual([32, true, 'center']);
    const abstract = para(paras, /^tổ chức tuyên truyền, quán triệt/);
    expect([size(abstract.runs[0]), bold(abstract.runs[0]), align(abstract)]).toEqual([28, true, 'center']);
  });

  it('justifies the body with a ~10 mm first-line indent, 6 pt after and an exact line height', () => {
    const body = para(paras, /^Thực hiện Nghị quyết số 91-NQ\/TU/);
    expect(align(body)).toBe('both');
    expect(body.props).toMatch(/<w:ind w:firstLine="567"\/>/);
    expect(spacing(body, 'after')).toBe(120);
    const line = spacing(body, 'line');
    expect(body.props).toMatch(/<w:spacing [^>]*w:lineRule="exact"/);
    expect(line).toBeGreaterThanOrEqual(360);
    expect(line).toBeLessThanOrEqual(440);
    expect([size(body.runs[0]), bold(body.runs[0])]).toEqual([28, false]);
    // Through a named style, so a Word user can add or restyle paragraphs the same way.
    expect(body.props).toMatch(/^<w:pStyle w:val="QtBody"\/>/);
    expect(doc.styles).toMatch(/w:styleId="QtBody"><w:name w:val="QT Nội dung"\/>/);
  });

  it('prints headings "I. …" and "1. …" in bold, dash paragraphs with their dash, emphasis as runs', () => {
    for (const text of ['I. MỤC ĐÍCH, YÊU CẦU', '1. Mục đích', 'IV. TỔ CHỨC THỰC HIỆN']) {
      const heading = para(paras, text);
      expect(heading.runs.every(bold)).toBe(true);
      expect(heading.props).toMatch(/<w:keepNext\/>/);
    }
    const dash = para(paras, /^- Dự kiến trong tháng 5\/2026/);
    expect(dash.runs.map((r) => [r.text, bold(r), italic(r)])).toEqual([
      ['- ', false, false],
      ['Dự kiến trong tháng ', false, false],
      ['5/2026', true, false],
      [' (', false, false],
      ['có văn bản triệu tập riêng', false, true],
      [').', false, false],
    ]);
  });

  it('numbers pages from page 2 on: titlePg, a PAGE field in the default header, an empty first header', () => {
    expect(doc.document).toMatch(/<w:titlePg\/>/);
    expect(doc.defaultHeader).toMatch(/<w:instrText[^>]*>\s*PAGE\s*<\/w:instrText>/);
    const number = paragraphs(doc.defaultHeader!, doc.styles)[0];
    expect(align(number)).toBe('center');
    expect(number.runs.every((r) => size(r) === 28)).toBe(true);
    expect(doc.firstHeader).not.toBeNull();
    expect(doc.firstHeader).not.toMatch(/instrText|<w:t[ >]/);
  });

  it('puts recipients and signer in a borderless two-column table', () => {
    const signature = tables[1];
    expect(/<w:tblBorders>([\s\S]*?)<\/w:tblBorders>/.exec(signature)![1]).not.toMatch(/w:val="(single|double|thick)"/);
    expect(signature).toMatch(/<w:cantSplit\/>/);
    const [left, right] = [...signature.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphs(m[0], doc.styles));
    const [label, ...recipients] = left;
    expect(label.text).toBe('Nơi nhận:');
    expect([size(label.runs[0]), underline(label.runs[0]), bold(label.runs[0])]).toEqual([28, true, false]);
    expect(recipients.map((p) => p.text)).toEqual([
      '- Ban Tuyên giáo và Dân vận Tỉnh ủy (báo cáo),',
      '- Các đ/c Ủy viên BCH Đảng bộ phường,',
      '- Ủy ban nhân dân phường,',
      '- Các cơ chuyên trách tham mưu, giúp việc Đảng ủy,',
      '- Các chi bộ, đảng bộ cơ sở, chi bộ trực thuộc,',
      '- Lưu Văn phòng Đảng ủy.',
    ]);
    for (const r of recipients) expect(size(r.runs[0])).toBe(24);
    const [authority, position, name] = right;
    expect([authority.text, bold(authority.runs[0]), size(authority.runs[0])]).toEqual(['T/M BAN THƯỜNG VỤ', true, 28]);
    expect([position.text, bold(position.runs[0]), size(position.runs[0])]).toEqual(['PHÓ BÍ THƯ', false, 28]);
    expect([name.text, bold(name.runs[0]), size(name.runs[0])]).toEqual(['Nguyễn Mạnh Hùng', true, 28]);
    // The gap for the signature and the seal: at least 50 pt above the name.
    expect(spacing(name, 'before')).toBeGreaterThanOrEqual(1000);
    for (const p of right) expect(align(p)).toBe('center');
  });
});

describe('renderDocx: number and date lines', () => {
  it('writes leading zeros for a day below 10 and for January', async () => {
    const model = buildPlanDocument(SAMPLE_PLAN, { ...SAMPLE_HEADER, date: '2027-01-05', number: 3 });
    const { document, styles } = await unzip(await renderDocx(model));
    const paras = paragraphs(document, styles);
    expect(para(paras, /^Nông Tiến, ngày/).text).toBe('Nông Tiến, ngày 05 tháng 01 năm 2027');
    expect(para(paras, /^Số /).text).toBe('Số 3-KH/ĐU');
  });

  it('keeps the blanks of a draft, spaces preserved', async () => {
    const model = buildPlanDocument(SAMPLE_PLAN, { ...SAMPLE_HEADER, date: null, number: null });
    const { document } = await unzip(await renderDocx(model));
    expect(document).toContain('<w:t xml:space="preserve">Số    -KH/ĐU</w:t>');
    expect(document).toContain('<w:t xml:space="preserve">Nông Tiến, ngày    tháng    năm 20…</w:t>');
  });
});

describe('renderDocx: a cell’s document, from the shared parts', () => {
  async function columns(model: Parameters<typeof renderDocx>[0]) {
    const { document, styles } = await unzip(await renderDocx(model));
    const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
    expect(tables).toHaveLength(2);
    return tables.map((table) => [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => paragraphs(m[0], styles)));
  }

  it('heads a cell report "ĐẢNG BỘ PHƯỜNG NÔNG TIẾN / CHI BỘ … / * / Số 3-BC/CB", the cell in bold', async () => {
    const [[left, right]] = await columns(sampleCellDocument('cellReport'));
    expect(left.map((p) => p.text)).toEqual(['ĐẢNG BỘ PHƯỜNG NÔNG TIẾN', 'CHI BỘ TỔ DÂN PHỐ TRÀNG ĐÀ 6', '*', 'Số 3-BC/CB']);
    expect(left.map((p) => bold(p.runs[0]))).toEqual([false, true, false, false]);
    expect(left.every((p) => align(p) === 'center' && size(p.runs[0]) === 28)).toBe(true);
    expect(right.map((p) => p.text)).toEqual(['ĐẢNG CỘNG SẢN VIỆT NAM', 'Nông Tiến, ngày 08 tháng 6 năm 2026']);
  });

  it('signs it "T/M CHI BỘ / BÍ THƯ" and the name, and lists its recipients', async () => {
    const [, [recipients, signer]] = await columns(sampleCellDocument('cellReport'));
    // The recipients as given; "- Lưu Chi bộ." stands in only when there are none (parts.test.ts).
    expect(recipients.map((p) => p.text)).toEqual(['Nơi nhận:', '- Đảng ủy phường (báo cáo).']);
    const [authority, position, name] = signer;
    expect([authority.text, bold(authority.runs[0])]).toEqual(['T/M CHI BỘ', true]);
    expect([position.text, bold(position.runs[0])]).toEqual(['BÍ THƯ', false]);
    expect([name.text, bold(name.runs[0])]).toEqual(['Hoàng Thị Lan', true]);
    expect(spacing(name, 'before')).toBeGreaterThanOrEqual(1000);
  });

  it('prints no number line for a type that is not numbered (a cell’s minutes): three header lines', async () => {
    const [[left]] = await columns(sampleCellDocument('cellMinutes'));
    expect(left.map((p) => p.text)).toEqual(['ĐẢNG BỘ PHƯỜNG NÔNG TIẾN', 'CHI BỘ TỔ DÂN PHỐ TRÀNG ĐÀ 6', '*']);
  });
});

describe('renderDocx: a grid table', () => {
  it('prints the header row bold and centred, each column aligned as asked, all at the body’s size on exact lines', async () => {
    const model = buildPlanDocument(SAMPLE_PLAN, SAMPLE_HEADER);
    model.body = [
      {
        kind: 'table',
        columns: [
          { title: 'STT', share: 0.2, align: 'center' },
          { title: 'Chi bộ', share: 0.8 },
        ],
        rows: [['1', 'Chi bộ Tổ dân phố 1']],
      },
    ];
    const { document, styles } = await unzip(await renderDocx(model));
    const grid = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0])[1]!;
    expect(grid).toMatch(/<w:tblHeader\/>/);
    const cells = paragraphs(grid, styles);
    expect(cells.map((p) => p.text)).toEqual(['STT', 'Chi bộ', '1', 'Chi bộ Tổ dân phố 1']);
    expect(cells.map((p) => bold(p.runs[0]))).toEqual([true, true, false, false]);
    expect(cells.map(align)).toEqual(['center', 'center', 'center', 'left']);
    for (const p of cells) {
      expect(size(p.runs[0])).toBe(28);
      expect(spacing(p, 'line')).toBe(360);
      expect(p.props).toMatch(/<w:spacing [^>]*w:lineRule="exact"/);
    }
  });

  it('writes the body rows exactly as the library’s own TableRow, TableCell, Paragraph and TextRun would', async () => {
    const model = buildPlanDocument(SAMPLE_PLAN, SAMPLE_HEADER);
    const columns = [
      { title: 'STT', share: 0.3, align: 'center' as const },
      { title: 'Chi bộ', share: 0.7 },
    ];
    const rows = [
      ['1', 'Chi bộ <Tổ> & "dân" phố 1'],
      ['2', ''],
    ];
    model.body = [{ kind: 'table', columns, rows }];
    const bodyRows = (xml: string) => [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]).filter((r) => !r.includes('<w:tblHeader/>') && r.includes('QtCell'));
    const ours = bodyRows((await unzip(await renderDocx(model))).document);
    const widths = columns.map((c) => Math.round(PAGE_TWIPS.textWidth * c.share));
    const styles = ['QtCellCentered', 'QtCell'];
    const library = new Table({
      rows: rows.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: r.map(
              (text, i) =>
                new TableCell({ width: { size: widths[i]!, type: WidthType.DXA }, verticalAlign: VerticalAlign.CENTER, children: [new Paragraph({ style: styles[i], children: [new TextRun({ text })] })] }),
            ),
          }),
      ),
    });
    const theirs = bodyRows((await unzip(await Packer.toBuffer(new Document({ sections: [{ children: [library] }] })))).document);
    expect(ours).toHaveLength(2);
    expect(ours).toEqual(theirs);
  });
});
