// One embedded data folder, one process: real `bin/quantriet` processes on one QT_DATA_DIR.
// PGlite only (named *.test.ts, not *.int.test.ts, so that the PostgreSQL project skips it).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const dataDir = mkdtempSync(join(tmpdir(), 'qt-lock-'));
const started: ChildProcess[] = [];

interface Run {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

function quantriet(args: string[], env: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [join(root, 'bin/quantriet'), ...args], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      QT_DATA_DIR: dataDir,
      QT_WEB_DIR: join(dataDir, 'no-web'), // no built web app needed: the API answers alone
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((r) => child.once('exit', (code, signal) => r({ code, signal })));
  return { child, output: () => output, exited };
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
    server.on('error', reject);
  });
}

/** 'healthy' once GET /api/health answers 200, 'exited' if the process stops first. */
async function healthyOrExited(run: Run, port: number, timeoutMs = 240_000): Promise<'healthy' | 'exited'> {
  let exited = false;
  void run.exited.then(() => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) return 'exited';
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.status === 200) return 'healthy';
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`neither healthy nor exited after ${timeoutMs} ms:\n${run.output()}`);
}

async function serve(): Promise<{ run: Run; port: number; state: 'healthy' | 'exited' }> {
  const port = await freePort();
  const run = quantriet(['serve'], { PORT: String(port) });
  return { run, port, state: await healthyOrExited(run, port) };
}

afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('one process per embedded data folder', () => {
  it('refuses a second server and migrate while one runs, and takes over after the holder is killed', async () => {
    const first = await serve();
    expect(first.state, first.run.output()).toBe('healthy');
    const pid = first.run.child.pid!;

    const second = await serve();
    expect(second.state, `the second server started on the same data folder:\n${second.run.output()}`).toBe('exited');
    const secondExit = await second.run.exited;
    expect(secondExit.code).not.toBe(0);
    expect(second.run.output()).toContain(`Thư mục dữ liệu ${dataDir} đang được tiến trình ${pid} (quantriet serve, bắt đầu lúc `);
    expect(second.run.output()).toContain('Hãy dừng tiến trình đó trước, hoặc dùng QT_DATA_DIR khác.');
    expect(second.run.output()).not.toMatch(/^\s+at /m); // a message, not a stack trace

    const migrate = quantriet(['migrate']);
    const migrateExit = await migrate.exited;
    expect(migrateExit.code, migrate.output()).not.toBe(0);
    expect(migrate.output()).toContain(`đang được tiến trình ${pid} (quantriet serve`);
    expect(migrate.output()).not.toMatch(/^\s+at /m);

    // The first server still answers: the refused processes touched nothing.
    expect((await fetch(`http://127.0.0.1:${first.port}/api/health`)).status).toBe(200);

    // SIGKILL leaves the lock file behind; the next start sees its holder is gone and takes over.
    first.run.child.kill('SIGKILL');
    expect((await first.run.exited).signal).toBe('SIGKILL');
    expect(existsSync(join(dataDir, '.quantriet.lock'))).toBe(true);

    const third = await serve();
    expect(third.state, third.run.output()).toBe('healthy');

    // A graceful stop releases the lock.
    third.run.child.kill('SIGTERM');
    expect((await third.run.exited).code).toBe(0);
    expect(existsSync(join(dataDir, '.quantriet.lock'))).toBe(false);
  }, 600_000);
});
