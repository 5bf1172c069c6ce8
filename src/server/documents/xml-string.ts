// The serialiser's objects ({ tag: [{ _attr }, child, 'text'] }, as prepForXml prepares them) written
// as XML text, the very text the `xml` package bundled in `docx` writes without indentation: same
// attribute order, same escaping (& " ' < >), `<tag/>` when empty, a text child replacing the empty
// string before it. For the rows a render writes itself (docx-zip.ts): the package builds a tree of
// intermediate objects and arrays per element, which for a consolidated report's 350 cells cost most
// of the document's serialisation and of the garbage collections during a render.
import type { IXmlableObject } from 'docx';

const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const SPECIAL = /[&"<>']/gu;

function escape(value: unknown): string {
  // The package escapes strings only; numbers and booleans are written as they are.
  return typeof value === 'string' ? value.replace(SPECIAL, (c) => ESCAPES[c]!) : String(value);
}

function attributes(into: string[], attrs: Record<string, unknown>): void {
  for (const key of Object.keys(attrs)) into.push(`${key}="${escape(attrs[key])}"`);
}

/** One element as the `xml` package writes it (indentation off). */
export function xmlString(element: IXmlableObject): string {
  const name = Object.keys(element)[0]!;
  const values = (element as Record<string, unknown>)[name];
  const attrs: string[] = [];
  let content: string[] = [];
  if (typeof values === 'object' && values !== null) {
    const object = values as { _attr?: Record<string, unknown>; _cdata?: string; _elem?: unknown };
    if (object._elem) throw new Error('xmlString: streamed elements are not supported');
    if (object._attr) attributes(attrs, object._attr);
    if (object._cdata) content.push(`<![CDATA[${object._cdata}`.replace(/\]\]>/gu, ']]]]><![CDATA[>') + ']]>');
    if (Array.isArray(values)) {
      let textContent = false;
      content.push('');
      for (const value of values as unknown[]) {
        if (typeof value === 'object' && value !== null) {
          if (Object.keys(value)[0] === '_attr') attributes(attrs, (value as { _attr: Record<string, unknown> })._attr);
          else content.push(xmlString(value as IXmlableObject));
        } else {
          // As the package does: a text child takes the place of whatever came last.
          content.pop();
          textContent = true;
          content.push(value === undefined ? '' : escape(value));
        }
      }
      if (!textContent) content.push('');
    }
  } else if (values !== null) {
    // Text content; undefined writes an empty element with both tags, as the package does.
    content = [values === undefined ? '' : escape(values)];
  }
  const open = `<${name}${attrs.length ? ` ${attrs.join(' ')}` : ''}`;
  return content.length ? `${open}>${content.join('')}</${name}>` : `${open}/>`;
}
