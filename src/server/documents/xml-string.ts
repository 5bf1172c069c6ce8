// The serialiser's objects ({ tag: [{ _attr }, child, 'text'] }, as prepForXml prepares them) written
// as XML text, the very text the `xml` package bundled in `docx` writes without indentation: same
// attribute order, same escaping (& " ' < >), `<tag/>` when empty, a text child replacing whatever
// came before it in its list. For the rows a render writes itself (docx-zip.ts): the package builds
// a tree of intermediate objects and strings per element, which for a consolidated report's 350 cells
// cost most of the document's serialisation and of the garbage collections during a render. Here
// every piece goes into one array, joined once.
import type { IXmlableObject } from 'docx';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const SPECIAL = /[&"<>']/gu;

function escape(value: unknown): string {
  // The package escapes strings only; numbers and booleans are written as they are.
  return typeof value === 'string' ? value.replace(SPECIAL, (c) => ESCAPES[c]!) : String(value);
}

function attributes(attrs: Record<string, unknown>): string {
  let text = '';
  for (const key of Object.keys(attrs)) text += ` ${key}="${escape(attrs[key])}"`;
  return text;
}

function write(out: string[], element: IXmlableObject): void {
  const name = Object.keys(element)[0]!;
  const values = (element as Record<string, unknown>)[name];
  // The opening tag waits for its attributes (a list may carry them after its children).
  const openAt = out.push('') - 1;
  let attrs = '';
  let content = false;
  if (typeof values === 'object' && values !== null) {
    const object = values as { _attr?: Record<string, unknown>; _cdata?: string; _elem?: unknown };
    if (object._elem) throw new Error('xmlString: streamed elements are not supported');
    if (object._attr) attrs += attributes(object._attr);
    if (object._cdata) {
      out.push(`<![CDATA[${object._cdata}`.replace(/\]\]>/gu, ']]]]><![CDATA[>') + ']]>');
      content = true;
    }
    if (Array.isArray(values)) {
      content = true; // a list always writes both tags
      let lastAt = out.length; // where the last item of the list starts (first: an empty one)
      for (const value of values as unknown[]) {
        if (typeof value === 'object') {
          if (Object.keys(value as object)[0] === '_attr') {
            attrs += attributes((value as { _attr: Record<string, unknown> })._attr);
          } else {
            lastAt = out.length;
            write(out, value as IXmlableObject);
          }
        } else {
          // As the package does: a text item takes the place of the item before it.
          out.length = lastAt;
          out.push(value === undefined ? '' : escape(value));
        }
      }
    }
  } else if (values !== null) {
    // Text content; undefined writes an empty element with both tags, as the package does.
    out.push(values === undefined ? '' : escape(values));
    content = true;
  }
  out[openAt] = `<${name}${attrs}${content ? '>' : '/>'}`;
  if (content) out.push(`</${name}>`);
}

/** Elements one after the other as the `xml` package writes each (indentation off). */
export function xmlString(...elements: IXmlableObject[]): string {
  const out: string[] = [];
  for (const element of elements) write(out, element);
  return out.join('');
}
