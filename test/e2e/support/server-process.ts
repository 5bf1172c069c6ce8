// Starting and stopping a real `bin/quantriet serve` process: used by the shared demo server
// (global-setup.ts) and by stories that need a server of their own (a fresh production ward).
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../..', import.meta.url));
const START_TIMEOUT_MS = 120_000;

export interface ServerProcess {
  baseUrl: string;
  /** The server's last output, for a failure's message. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Runs `bin/quantriet serve [args]` on a free port (PORT=0) with the given data and web folders and
 * waits until it answers /api/health. On failure the process is stopped and the error carries its output.
 */
export async function startServer(options: { dataDir: string; webDir: string; args?: string[]; env?: Record<string, string> }): Promise<ServerProcess> {
  const server = spawn(process.execPath, [join(repo, 'bin/quantriet'), 'serve', ...(options.args ?? [])], {
    cwd: repo,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      QT_DATA_DIR: options.dataDir,
      QT_WEB_DIR: options.webDir,
      LOG_LEVEL: 'warn',
      ...options.env,
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
  const stop = () => stopProcess(server);

  try {
    const baseUrl = await waitForAddress(server, () => output);
    await waitForHealth(baseUrl);
    return { baseUrl, output: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
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
    check();
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

export async function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 10_000));
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
