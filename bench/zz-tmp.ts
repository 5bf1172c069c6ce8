import { Packer } from 'docx';
import { buildDocxPages } from '../src/server/documents/docx';
import { buildAccountLetter } from '../src/server/documents/account-letter';
const ctx = { superior: 'Đảng bộ tỉnh Tuyên Quang', issuer: 'Đảng ủy phường Nông Tiến', place: 'Nông Tiến', date: '2026-05-01', address: 'http://localhost:3000' };
for (const n of [300, 300]) {
  const models = Array.from({ length: n }, (_, i) => buildAccountLetter({ fullName: `Nguyễn Văn An ${i}`, cellName: 'Chi bộ 1', username: `nguyenvanan${i}`, oneTimeCode: 'ABCD-EFGH', validUntil: '2026-05-08' }, ctx));
  let t = performance.now();
  const doc = buildDocxPages(models);
  console.log('build', (performance.now() - t).toFixed(0));
  t = performance.now();
  const { Compiler } = await import('docx') as any;
  await Packer.toBuffer(doc);
  console.log('pack', (performance.now() - t).toFixed(0));
}
