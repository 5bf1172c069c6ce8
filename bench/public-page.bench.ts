// The public page of a resolution (issue 14: p95 < 20 ms server time, < 100 KB transferred
// compressed): the demo ward (91-NQ/TU with its propaganda news and loudspeaker schedule), the real
// app in this process on an in-memory PGlite. Server time: GET /p/resolutions/:slug through the app
// itself (no network), as a phone asks for it (accept-encoding: br, gzip). Bytes transferred: the
// same request over 127.0.0.1, every byte the socket read (status line, headers and body as sent).
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { buildApp } from '../src/server/app';
import { openDatabase } from '../src/server/db/client';
import { migrateDatabase } from '../src/server/db/migrate';
import { loadEnv } from '../src/server/env';
import { seedDemo } from '../src/server/seed/demo';
import { units } from '../src/server/features/units/tables';
import { freePort, report } from './support';

const RUNS = Number(process.env.QT_BENCH_RUNS_PUBLIC ?? 200);
const PHONE = { 'accept-encoding': 'br, gzip', 'user-agent': 'Mozilla/5.0 (Linux; Android 10) Mobile' };

/** One GET over a real socket: the bytes the client read, the status and the content-encoding. */
function fetchRaw(url: string): Promise<{ status: number; wire: number; body: number; encoding: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { ...PHONE, connection: 'close' } }, (res) => {
      let body = 0;
      res.on('data', (chunk: Buffer) => (body += chunk.length));
      res.on('end', () => {
        // The socket has read the whole answer once the body ended (connection: close, one request).
        setImmediate(() => resolve({ status: res.statusCode ?? 0, wire: req.socket?.bytesRead ?? 0, body, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export async function run() {
  const database = await openDatabase({});
  await migrateDatabase(database);
  await seedDemo(database.db);
  const [commune] = await database.db.select().from(units).where(eq(units.name, 'Đảng ủy phường Nông Tiến'));
  const filesDir = mkdtempSync(join(tmpdir(), 'qt-bench-files-'));
  const port = await freePort();
  const env = loadEnv({ NODE_ENV: 'production', PORT: String(port), QT_JOBS: 'false', QT_BACKUP_KEEP: '0', QT_WEB_DIR: '/nonexistent', QT_FILES_DIR: filesDir, LOG_LEVEL: 'warn' });
  const app = await buildApp({ env, database });
  try {
    // The resolution's address, as the public list links it.
    const list = await app.inject({ url: `/p/resolutions?xa=${commune!.id}`, headers: PHONE });
    const paths = [...list.body.matchAll(/href="(\/p\/resolutions\/[^"]+)"/gu)].map((m) => m[1]!);
    const path = paths.find((p) => p.includes('91')) ?? paths[0];
    if (!path) throw new Error('no public resolution in the demo ward');
    const first = await app.inject({ url: path, headers: PHONE });
    if (first.statusCode !== 200) throw new Error(`${path}: ${first.statusCode}`);

    for (let i = 0; i < 20; i++) await app.inject({ url: path, headers: PHONE }); // warm-up
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const res = await app.inject({ url: path, headers: PHONE });
      times.push(performance.now() - start);
      if (res.statusCode !== 200) throw new Error(`${path}: ${res.statusCode}`);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    report(`public page ${path.replace(/-[0-9a-f-]{36}$/u, '-…')} server time (${RUNS} requests, PGlite)`, `median ${median.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`, 'p95 < 20 ms', p95 < 20);

    await app.listen({ host: '127.0.0.1', port });
    const sent = await fetchRaw(`http://127.0.0.1:${port}${path}`);
    if (sent.status !== 200) throw new Error(`${path} over HTTP: ${sent.status}`);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    report(
      'public page transferred (accept-encoding: br, gzip)',
      `${kb(sent.wire)} on the wire (body ${kb(sent.body)}, content-encoding ${sent.encoding}; HTML ${kb(Buffer.byteLength(first.body))} uncompressed)`,
      '< 100 KB',
      sent.wire < 100 * 1024,
    );
  } finally {
    await app.close();
    await database.close();
    rmSync(filesDir, { recursive: true, force: true });
  }
}
