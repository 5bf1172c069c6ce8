import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { ImportedPlan } from '../../domain/plan-import/types';
import { renderDocx } from './docx';
import { escapeHtml, renderHtml } from './html';
import { buildPlanDocument } from './plan-document';
import { SAMPLE_HEADER, SAMPLE_PLAN } from './sample-plan';
import { sampleCellDocument } from './sample-cell-report';

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** The printed lines of the HTML preview, in order: every <p>'s text without its tags. */
function htmlLines(html: string): string[] {
  const body = html.slice(html.indexOf('<body>'));
  return [...body.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)].map((m) => decode(m[1].replace(/<[^>]+>/g, ''))).filter((t) => t !== '');
}

/** The printed lines of the DOCX body, in order. */
async function docxLines(buffer: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?(?:\/>|>([\s\S]*?)<\/w:p>)/g)]
    .map((m) => [...(m[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([\s\S]*?)<\/w:t>/g)].map((t) => decode(t[1])).join(''))
    .filter((t) => t !== '');
}

describe('renderHtml', () => {
  const model = buildPlanDocument(SAMPLE_PLAN, SAMPLE_HEADER);
  const html = renderHtml(model);

  it('prints the same lines, in the same order, as the DOCX', async () => {
    const lines = htmlLines(html);
    expect(lines).toEqual(await docxLines(await renderDocx(model)));
    expect(lines.slice(0, 9)).toEqual([
      'ĐẢNG BỘ TỈNH TUYÊN QUANG',
      'ĐẢNG ỦY PHƯỜNG NÔNG TIẾN',
      '*',
      'Số 45-KH/ĐU',
      'ĐẢNG CỘNG SẢN VIỆT NAM',
      'Nông Tiến, ngày 15 tháng 5 năm 2026',
      'KẾ HOẠCH',
      model.abstract,
      '-----',
    ]);
    expect(lines.at(-1)).toBe('Nguyễn Mạnh Hùng');
  });

  it('is a self-contained A4 page with the Party margins and Times New Roman', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="vi">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<link |<script|src=|url\(/);
    expect(html).toMatch(/@page \{ size: A4 portrait; margin: 20mm 15mm 20mm 30mm;/);
    expect(html).toMatch(/font-family: "Times New Roman", "Liberation Serif"/);
    expect(html).toMatch(/\.page \{ width: 210mm; min-height: 297mm;/);
    // Page numbers from page 2 on when printed.
    expect(html).toMatch(/@top-center \{ content: counter\(page\)/);
    expect(html).toMatch(/@page :first \{ @top-center \{ content: none; \} \}/);
  });

  it('uses the DOCX sizes and styles for each element', () => {
    expect(html).toContain('.issuer { font-size: 14pt; font-weight: bold; }');
    expect(html).toContain('.party-title { font-size: 15pt; font-weight: bold; }');
    expect(html).toMatch(/\.party-title span \{ text-decoration: underline;/);
    expect(html).toContain('.place-date { font-size: 14pt; font-style: italic; }');
    expect(html).toContain('.doc-type { font-size: 16pt;');
    expect(html).toMatch(/\.body p \{ text-align: justify; text-indent: 10mm; margin-bottom: 6pt;\s+line-height: 18pt;/);
    expect(html).toContain('.recipient { font-size: 12pt;');
    expect(html).toContain('.recipients-label { font-size: 14pt; text-decoration: underline; }');
    expect(html).toContain('<p class="h h1">I. MỤC ĐÍCH, YÊU CẦU</p>');
    expect(html).toContain('<p>- Dự kiến trong tháng <b>5/2026</b> (<i>có văn bản triệu tập riêng</i>).</p>');
  });

  it('lays out header and signature as two borderless columns', () => {
    const tables = [...html.matchAll(/<table class="cols ([\w-]+)">/g)].map((m) => m[1]);
    expect(tables).toEqual(['doc-header', 'signature']);
    expect(html).toContain('table.cols td { border: none; padding: 0; vertical-align: top; }');
    expect(html).toContain('.doc-header col.left { width: 52%; }');
  });

  it('keeps the blanks of a draft', () => {
    const draft = renderHtml(buildPlanDocument(SAMPLE_PLAN, { ...SAMPLE_HEADER, number: null, date: null }));
    expect(draft).toContain('<p class="number">Số    -KH/ĐU</p>');
    expect(draft).toContain('white-space: pre-wrap');
  });

  it('escapes every text from the plan', () => {
    const evil: ImportedPlan = {
      ...SAMPLE_PLAN,
      title: '<script>alert("x")</script> & \'y\'',
      preamble: ['Xem <img src=x onerror=alert(1)> **ngay**'],
      sections: [{ number: 'I', title: '<b>MỤC ĐÍCH</b>', line: 1, text: '- </p><script>1</script>' }],
      recipients: ['<iframe>'],
      signature: { onBehalfOf: 'T/M <BAN>', position: 'BÍ THƯ', name: 'A "B" <C>' },
    };
    const out = renderHtml(buildPlanDocument(evil, { ...SAMPLE_HEADER, issuer: 'Đảng ủy <x>' }));
    const body = out.slice(out.indexOf('<body>'));
    expect(body).not.toMatch(/<script|<img|<iframe|<\/?BAN>|<C>|<x>/i);
    expect(body).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;');
    expect(body).toContain('Xem &lt;img src=x onerror=alert(1)&gt; <b>ngay</b>');
    expect(out).toContain('<title>KẾ HOẠCH &lt;script&gt;');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('renderHtml: a cell’s document', () => {
  it('prints the same lines as the DOCX, with the cell’s header and no number line when unnumbered', async () => {
    for (const type of ['cellReport', 'cellMinutes'] as const) {
      const model = sampleCellDocument(type);
      const lines = htmlLines(renderHtml(model));
      expect(lines).toEqual(await docxLines(await renderDocx(model)));
      expect(lines.slice(0, 3)).toEqual(['ĐẢNG BỘ PHƯỜNG NÔNG TIẾN', 'CHI BỘ TỔ DÂN PHỐ TRÀNG ĐÀ 6', '*']);
      expect(lines[3]).toBe(type === 'cellReport' ? 'Số 3-BC/CB' : 'ĐẢNG CỘNG SẢN VIỆT NAM');
      expect(lines.slice(-3)).toEqual(['T/M CHI BỘ', 'BÍ THƯ', 'Hoàng Thị Lan']);
    }
  });
});
