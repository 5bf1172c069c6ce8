// `quantriet serve` on a port another program holds: one Vietnamese line and a non-zero exit code,
// not Node's English EADDRINUSE stack.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../..', import.meta.url));
let holder: Server;
let port: number;
let dataDir: string;

beforeAll(async () => {
  holder = createServer();
  await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
  port = (holder.address() as { port: number }).port;
  dataDir = mkdtempSync(join(tmpdir(), 'qt-serve-'));
});

afterAll(async () => {
  await new Promise((resolve) => holder.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

it('says in Vietnamese that the port is taken and exits with a non-zero code', async () => {
  const child = spawn(process.execPath, [join(repo, 'bin/quantriet'), 'serve'], {
    cwd: repo,
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), QT_DATA_DIR: dataDir, QT_WEB_DIR: join(dataDir, 'no-web'), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).not.toBe(0);
  expect(stderr.trim()).toBe(`Cổng ${port} đang được một chương trình khác sử dụng. Hãy dừng chương trình đó hoặc đặt PORT khác.`);
  expect(stderr).not.toMatch(/EADDRINUSE|at .+\(/u);
}, 120_000);
