// The signature block: authority ("T/M BAN THƯỜNG VỤ", "TM. ĐẢNG ỦY", "K/T BÍ THƯ"), position
// ("PHÓ BÍ THƯ") and the signer's name, skipping notes such as "(Đã ký)".

import type { SourceLine } from './normalise';
import { AUTHORITY_LINE } from './outline';
import { isUpperCaseText } from './text';
import type { ImportedSignature } from './types';

const NOTE = /^\(.*\)$/u;
const NAME = /^[\p{L}][\p{L}\s.'-]{1,60}$/u;

export function readSignature(endMatter: SourceLine[]): ImportedSignature | null {
  const lines = endMatter.filter((l) => !l.blank && !NOTE.test(l.text));
  const start = lines.findIndex((l) => AUTHORITY_LINE.test(l.text));
  if (start < 0) return null;
  const signature: ImportedSignature = { onBehalfOf: lines[start].text, position: '', name: '' };
  let i = start + 1;
  if (lines[i] && AUTHORITY_LINE.test(lines[i].text)) {
    // "T/M BAN THƯỜNG VỤ / K/T BÍ THƯ / PHÓ BÍ THƯ": the deputy signs for the secretary.
    signature.signingFor = lines[i].text;
    i++;
  }
  if (lines[i] && isUpperCaseText(lines[i].text) && !lines[i].bullet && lines[i].text.split(/\s+/u).length <= 8) {
    signature.position = lines[i].text;
    i++;
  }
  const nameLine = lines.slice(i).find((l) => !l.bullet && !/^Nơi\s+nhận/iu.test(l.text));
  if (nameLine && NAME.test(nameLine.text) && nameLine.text.split(/\s+/u).length <= 7) signature.name = nameLine.text;
  return signature;
}
