// Renders a document model as a self-contained HTML preview that looks like the DOCX: an A4 sheet on
// screen, and the same sheet when printed from the browser (CSS @page A4 with the Party margins,
// page numbers from page 2 where the browser supports page margin boxes). Sizes and spacings come
// from layout.ts, like the DOCX's; every text is escaped, so a plan cannot inject markup.
import { LAYOUT } from './layout';
import type { Block, DocumentModel, Inline } from './model';

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const pt = (v: number) => `${v}pt`;
const mm = (v: number) => `${v}mm`;

function stylesheet(): string {
  const { page, font, size, header, title, body, signature } = LAYOUT;
  const m = page.marginMm;
  const family = [font.family, ...font.cssFallbacks].map((f) => (f === 'serif' ? f : `"${f}"`)).join(', ');
  const leftHeader = Math.round(header.leftShare * 1000) / 10;
  const leftSignature = Math.round(signature.leftShare * 1000) / 10;
  return `
@page { size: A4 portrait; margin: ${mm(m.top)} ${mm(m.right)} ${mm(m.bottom)} ${mm(m.left)};
  @top-center { content: counter(page); font-family: ${family}; font-size: ${pt(size.pageNumber)}; } }
@page :first { @top-center { content: none; } }
* { box-sizing: border-box; }
html { background: #d9d9d9; }
body { margin: 0; padding: 8mm 0; font-family: ${family}; font-size: ${pt(size.body)}; color: #000; }
.page { width: ${mm(page.widthMm)}; min-height: ${mm(page.heightMm)}; margin: 0 auto; background: #fff;
  padding: ${mm(m.top)} ${mm(m.right)} ${mm(m.bottom)} ${mm(m.left)}; box-shadow: 0 1mm 4mm rgba(0,0,0,.25); }
p { margin: 0; white-space: pre-wrap; overflow-wrap: break-word; }
table.cols { width: 100%; border-collapse: collapse; table-layout: fixed; border: none; }
table.cols td { border: none; padding: 0; vertical-align: top; }
.doc-header td p { text-align: center; line-height: ${pt(header.lineExactPt)}; }
.doc-header col.left { width: ${leftHeader}%; }
.superior { font-size: ${pt(size.superior)}; }
.issuer { font-size: ${pt(size.issuer)}; font-weight: bold; }
.asterisk { font-size: ${pt(size.asterisk)}; }
.number { font-size: ${pt(size.number)}; }
.party-title { font-size: ${pt(size.partyTitle)}; font-weight: bold; }
.party-title span { text-decoration: underline; text-decoration-thickness: 1px; text-underline-offset: 2px; }
.place-date { font-size: ${pt(size.placeDate)}; font-style: italic; }
.title p { text-align: center; font-weight: bold; line-height: ${pt(title.lineExactPt)}; }
.doc-type { font-size: ${pt(size.docType)}; margin-top: ${pt(header.spaceAfterPt)}; }
.abstract { font-size: ${pt(size.abstract)}; }
.title { margin-bottom: ${pt(title.spaceAfterPt)}; }
.body p { text-align: justify; text-indent: ${mm(body.firstLineIndentMm)}; margin-bottom: ${pt(body.spaceAfterPt)};
  line-height: ${pt(body.lineExactPt)}; font-size: ${pt(size.body)}; }
.body p.h { font-size: ${pt(size.heading)}; break-after: avoid; }
${([1, 2, 3] as const)
  .map((l) => `.body p.h${l} { font-weight: ${LAYOUT.heading[l].bold ? 'bold' : 'normal'}; font-style: ${LAYOUT.heading[l].italic ? 'italic' : 'normal'}; }`)
  .join('\n')}
.body table.grid { width: 100%; border-collapse: collapse; table-layout: fixed; margin: ${pt(body.spaceAfterPt)} 0; }
.body table.grid th, .body table.grid td { border: 1px solid #000; padding: 2pt 4pt; font-size: ${pt(size.body)}; vertical-align: top; }
.body table.grid th { font-weight: bold; text-align: center; }
.body table.grid td.center { text-align: center; }
.body table.grid tr { break-inside: avoid; height: ${pt(body.lineExactPt + 8)}; }
.signature { margin-top: ${pt(signature.spaceBeforePt)}; break-inside: avoid; }
.signature col.left { width: ${leftSignature}%; }
.signature td p { line-height: ${pt(header.lineExactPt)}; }
.recipients-label { font-size: ${pt(size.recipientsLabel)}; text-decoration: underline; }
.recipient { font-size: ${pt(size.recipient)}; line-height: ${pt(signature.recipientLineExactPt)} !important; }
.signer p { text-align: center; }
.authority { font-size: ${pt(size.authority)}; font-weight: bold; }
.position { font-size: ${pt(size.position)}; }
.signer-name { font-size: ${pt(size.signer)}; font-weight: bold; margin-top: ${pt(signature.gapPt)}; }
@media print {
  html, body { background: none; padding: 0; }
  .page { width: auto; min-height: 0; padding: 0; margin: 0; box-shadow: none; }
}`;
}

function p(cls: string, text: string): string {
  return `<p class="${cls}">${escapeHtml(text)}</p>`;
}

function inlines(list: Inline[]): string {
  return list
    .map((i) => {
      let html = escapeHtml(i.text);
      if (i.italic) html = `<i>${html}</i>`;
      if (i.bold) html = `<b>${html}</b>`;
      return html;
    })
    .join('');
}

function block(b: Block): string {
  if (b.kind === 'heading') return `<p class="h h${b.level}">${escapeHtml(b.text)}</p>`;
  if (b.kind === 'table') {
    const cols = b.columns.map((c) => `<col style="width:${Math.round(c.share * 1000) / 10}%">`).join('');
    const head = b.columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('');
    const rows = b.rows.map((r) => `<tr>${r.map((cell, i) => `<td class="${b.columns[i]?.align ?? 'left'}">${escapeHtml(cell)}</td>`).join('')}</tr>`).join('');
    return `<table class="grid"><colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
  }
  const dash = b.kind === 'bullet' ? escapeHtml(LAYOUT.body.dashPrefix) : '';
  return `<p>${dash}${inlines(b.inlines)}</p>`;
}

export function renderHtml(model: DocumentModel): string {
  const h = model.header;
  const s = model.signature;
  const docTitle = [model.docType, model.abstract].filter(Boolean).join(' ');
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(docTitle)}</title>
<style>${stylesheet()}
</style>
</head>
<body>
<main class="page">
<table class="cols doc-header"><colgroup><col class="left"><col></colgroup><tr>
<td>${p('superior', h.superior)}${p('issuer', h.issuer)}${p('asterisk', '*')}${h.numberLine === null ? '' : p('number', h.numberLine)}</td>
<td><p class="party-title"><span>${escapeHtml(LAYOUT.header.partyTitle)}</span></p>${p('place-date', h.dateLine)}</td>
</tr></table>
<div class="title">${p('doc-type', model.docType)}${model.abstract ? p('abstract', model.abstract) : ''}${
    LAYOUT.title.abstractRule ? p('rule', LAYOUT.title.abstractRule) : ''
  }</div>
<div class="body">
${model.body.map(block).join('\n')}
</div>
<table class="cols signature"><colgroup><col class="left"><col></colgroup><tr>
${
    model.counterSignature
      ? `<td class="signer">${p('authority', model.counterSignature.onBehalfOf)}${p('position', model.counterSignature.position)}${p('signer-name', model.counterSignature.name)}</td>`
      : `<td class="recipients">${p('recipients-label', LAYOUT.signature.recipientsLabel)}${model.recipients.map((r) => p('recipient', r)).join('')}</td>`
  }
<td class="signer">${p('authority', s.onBehalfOf)}${p('position', s.position)}${p('signer-name', s.name)}</td>
</tr></table>
</main>
</body>
</html>
`;
}
