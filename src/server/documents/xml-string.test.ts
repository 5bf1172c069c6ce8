// xmlString writes what the `xml` package (the serialiser bundled in `docx`) writes, indentation off.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { IXmlableObject } from 'docx';
import { xmlString } from './xml-string';

// The package itself, a dependency of `docx` (which bundles it): untyped, hence required.
const xml = createRequire(import.meta.url)('xml') as (input: unknown) => string;

const cases: Record<string, unknown> = {
  empty: { 'w:cantSplit': {} },
  null: { 'w:x': null },
  attributes: { 'w:tcW': { _attr: { 'w:type': 'dxa', 'w:w': 1234 } } },
  'attributes only, in a list': { 'w:p': [{ _attr: { a: '1' } }, { _attr: { b: '2' } }] },
  'empty list': { 'w:p': [] },
  text: { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, 'Chi bộ <Tổ> & "dân" \'phố\' 1'] },
  'empty text': { 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, ''] },
  'a number as text': { 'w:t': [0] },
  'text then element': { 'w:r': ['a', { 'w:br': {} }] },
  'element then text': { 'w:r': [{ 'w:br': {} }, 'b'] },
  'text, element, text': { 'w:r': ['a', { 'w:br': {} }, 'c'] },
  'element, attributes, text': { 'w:r': [{ 'w:br': {} }, { _attr: { x: 1 } }, 'd'] },
  'text, text': { 'w:r': ['a', 'b'] },
  'nested texts': { 'w:p': [{ 'w:r': ['x', { 'w:t': ['y'] }] }, { 'w:r': [{ 'w:t': ['z'] }, 'w'] }] },
  'undefined value': { 'w:t': undefined },
  'plain value': { 'w:t': 'x < y' },
  'numeric value': { 'w:sz': 28 },
  cdata: { 'w:t': { _cdata: 'a ]]> b' } },
  row: {
    'w:tr': [
      { 'w:trPr': [{ 'w:cantSplit': {} }] },
      { 'w:tc': [{ 'w:tcPr': [{ 'w:tcW': { _attr: { 'w:type': 'dxa', 'w:w': 900 } } }] }, { 'w:p': [{ 'w:r': [{ 'w:t': [{ _attr: { 'xml:space': 'preserve' } }, '12,5%'] }] }] }] },
    ],
  },
};

describe('xmlString', () => {
  for (const [name, element] of Object.entries(cases)) {
    it(`writes ${name} as the xml package does`, () => {
      expect(xmlString(element as IXmlableObject)).toBe(xml(element as never));
    });
  }

  it('writes several elements one after the other', () => {
    const elements = Object.values(cases) as IXmlableObject[];
    expect(xmlString(...elements)).toBe(elements.map((e) => xml(e as never)).join(''));
  });
});
