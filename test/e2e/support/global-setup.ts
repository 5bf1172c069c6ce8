// Once per e2e run: build the web app into dist/web, start the real server on a fresh data folder
// with the demo ward, and hand its address to the stories. Everything is stopped and removed after.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const repo = fileURLToPath(new URL('../../..', import.meta.url));
const START_TIMEOUT_MS = 120_000;

export default async function setup(project: TestProject) {
  // A private build folder per run: concurrent runs, and a server started from dist/web, never
  // see a half-written build. QT_E2E_SKIP_BUILD=1 reuses dist/web as it is.
  const skipBuild = process.env.QT_E2E_SKIP_BUILD === '1';
  const webDir = skipBuild ? join(repo, 'dist/web') : mkdtempSync(join(tmpdir(), 'qt-e2e-web-'));
  if (!skipBuild) {
    const { build } = await import('vite');
    await build({ root: repo, configFile: join(repo, 'vite.config.ts'), logLevel: 'warn', build: { outDir: webDir, emptyOutDir: true } });
  }

  const dataDir = mkdtempSync(join(tmpdir(), 'qt-e2e-'));
  const server = spawn(process.execPath, [join(repo, 'bin/quantriet'), 'serve', '--seed-demo'], {
    cwd: repo,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      QT_DATA_DIR: dataDir,
      QT_WEB_DIR: webDir,
      LOG_LEVEL: 'warn',
      // Every story signs in; the per-IP limit protects production, not this test run.
      QT_LOGIN_RATE_LIMIT: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 20_000) output = output.slice(-20_000);
  };
  server.stdout!.on('data', collect);
  server.stderr!.on('data', collect);

  const stop = async () => {
    await stopProcess(server);
    rmSync(dataDir, { recursive: true, force: true });
    if (!skipBuild) rmSync(webDir, { recursive: true, force: true });
  };

  try {
    const baseUrl = await waitForAddress(server, () => output);
    await waitForHealth(baseUrl);
    project.provide('baseUrl', baseUrl);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
  return stop;
}

function waitForAddress(server: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error('The server did not start in time.')), START_TIMEOUT_MS);
    const check = () => {
      const match = /đang chạy tại (http:\/\/[^\s)]+)/u.exec(output());
      if (match) {
        clearTimeout(timer);
        server.stdout!.off('data', check);
        resolvePromise(match[1]!);
      }
    };
    server.stdout!.on('data', check);
    server.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The server stopped during start (exit code ${code}).`));
    });
  });
}

async function waitForHealth(baseUrl: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${baseUrl}/api/health did not answer.`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
