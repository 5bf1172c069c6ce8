// Resolution search over 10,000 registered documents (target p95 < 20 ms), on an embedded PGlite.
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { units } from '../src/server/features/units/tables';
import { resolutions, resolutionKinds } from '../src/server/features/resolutions/tables';
import { searchResolutions } from '../src/server/features/resolutions/service';
import type { Actor } from '../src/server/auth/actor';
import { seededRandom } from '../src/server/seed/random';
import { report } from './support';
import { openScratchDatabase } from '../test/support/postgres';

const topics = ['hạ tầng giao thông', 'chuyển đổi số', 'du lịch cộng đồng', 'xây dựng Đảng', 'nông thôn mới', 'giáo dục và đào tạo',
  'y tế cơ sở', 'bảo vệ môi trường', 'quốc phòng an ninh', 'công tác dân vận', 'khoa học công nghệ', 'văn hóa dân tộc Tày',
  'cải cách hành chính', 'phòng chống tham nhũng', 'đô thị văn minh', 'kinh tế tập thể'];
const roles = ['nhiệm vụ trọng tâm', 'khâu đột phá', 'giải pháp then chốt', 'nhiệm vụ thường xuyên', 'yêu cầu cấp bách', 'động lực phát triển'];
const issuers = ['Ban Thường vụ Tỉnh ủy', 'Ban Chấp hành Đảng bộ tỉnh', 'Bộ Chính trị', 'Ban Bí thư', 'Đảng ủy phường'];

export async function run() {
  await measure('PGlite', await openDatabase({}));
  // The same on a PostgreSQL server when one is named (e.g. QT_BENCH_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test).
  const url = process.env.QT_BENCH_DATABASE_URL;
  if (url) await measure('PostgreSQL', await openScratchDatabase(url, { prefix: 'qt_bench' }));
}

async function measure(engine: string, database: Awaited<ReturnType<typeof openDatabase>>) {
  await migrateDatabase(database);
  const communeId = crypto.randomUUID();
  await database.db.insert(units).values({ id: communeId, tenantId: communeId, kind: 'commune', name: 'Đảng ủy phường Thử', path: `/${communeId}/` });
  const random = seededRandom(10_000);
  const rows = Array.from({ length: 10_000 }, (_, i) => {
    const topic = random.pick(topics);
    return {
      tenantId: communeId,
      kind: random.pick(resolutionKinds),
      number: `${i + 1}-${random.pick(['NQ', 'CT', 'KL', 'QĐ', 'HD'])}/${random.pick(['TU', 'TW', 'ĐU'])}`,
      issuedOn: `20${random.int(15, 26)}-0${random.int(1, 9)}-1${random.int(0, 9)}`,
      issuer: random.pick(issuers),
      subject: `về ${topic} giai đoạn ${random.int(2021, 2026)} - 2030, tầm nhìn đến năm 2045`,
      content: `Nội dung cốt lõi về ${topic}. ${random.pick(topics)} là ${random.pick(roles)}.`,
    };
  });
  for (let i = 0; i < rows.length; i += 1000) await database.db.insert(resolutions).values(rows.slice(i, i + 1000));
  await database.db.execute('ANALYZE' as never);
  const actor: Actor = { userId: 'bench', username: 'bench', displayName: 'bench', tenantId: communeId, communeId, memberId: null, grants: [{ role: 'wardStaff', unitId: communeId, unitPath: `/${communeId}/`, unitKind: 'commune', unitTenantId: communeId }] };
  const queries = ['nghi quyet ha tang', 'chuyển đổi số', 'du lich cong dong', '91-NQ/TU', 'xay dung dang', 'van hoa tay', 'cải cách', 'dot pha', 'khoa hoc cong nghe 2030', 'quoc phong'];
  for (const q of queries) await searchResolutions(database.db, actor, { q, limit: 30 }); // warm-up
  const times: number[] = [];
  const perQuery = new Map<string, number[]>();
  for (let i = 0; i < 200; i++) {
    const q = queries[i % queries.length]!;
    const start = performance.now();
    await searchResolutions(database.db, actor, { q, limit: 30 });
    const ms = performance.now() - start;
    times.push(ms);
    perQuery.set(q, [...(perQuery.get(q) ?? []), ms]);
  }
  if (process.env.QT_BENCH_VERBOSE) for (const [q, t] of perQuery) console.log(`  ${q}: ${(t.reduce((a, b) => a + b, 0) / t.length).toFixed(1)} ms`);
  times.sort((a, b) => a - b);
  const p95 = times[Math.floor(times.length * 0.95)]!;
  const median = times[Math.floor(times.length / 2)]!;
  report(`resolution search over 10,000 (${engine})`, `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`, 'p95 < 20 ms', p95 < 20);
  await database.close();
}
