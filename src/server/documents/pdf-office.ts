// The processes behind the PDF converter: finding LibreOffice, and running it warm. A warm office is
// one soffice.bin listening on a private UNO pipe plus the small Python worker (pdf-worker.py) that
// drives it, so a conversion costs a document load and a PDF export (~60 ms for a plan) instead of an
// office start (~1.2 s with a ready profile, ~6 s without).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { access, realpath } from 'node:fs/promises';
import { constants } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Socket } from 'node:net';

const WORKER_SCRIPT = fileURLToPath(new URL('./pdf-worker.py', import.meta.url));

// LibreOffice exits with this code after creating a fresh user profile and expects its launcher to
// start it again; we start soffice.bin directly (one process to watch and kill), so we do that.
const E_RESTART = 81;

async function isExecutable(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The soffice launcher: the given path, else `soffice`/`libreoffice` on PATH, else the usual places. */
export async function findSoffice(explicit?: string): Promise<string | null> {
  if (explicit) return (await isExecutable(explicit)) ? explicit : null;
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  const candidates = [
    ...dirs.flatMap((d) => [join(d, 'soffice'), join(d, 'libreoffice')]),
    '/usr/lib/libreoffice/program/soffice',
    '/opt/libreoffice/program/soffice',
    '/Applications/LibreOffice.app/Contents/MacOS/soffice',
  ];
  for (const c of candidates) if (await isExecutable(c)) return c;
  return null;
}

/** soffice.bin beside the launcher's real path, when this installation has one. */
export async function findOfficeBinary(soffice: string): Promise<string | null> {
  const bin = join(dirname(await realpath(soffice)), 'soffice.bin');
  return (await isExecutable(bin)) ? bin : null;
}

function canImportUno(python: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile(python, ['-c', 'import uno'], { timeout: 10_000 }, (error) => resolve(!error));
  });
}

/**
 * A Python that can `import uno`: LibreOffice's own bundled one, else the system's python3 (Debian's
 * python3-uno installs the module for /usr/bin/python3 only, not for a pyenv or venv python3).
 */
export async function findUnoPython(soffice: string, explicit?: string): Promise<string | null> {
  const program = dirname(await realpath(soffice));
  const candidates = explicit ? [explicit] : [join(program, 'python'), '/usr/bin/python3', 'python3'];
  for (const c of candidates) if (await canImportUno(c)) return c;
  return null;
}

export function officeArgs(profileDir: string, extra: string[]): string[] {
  return [
    `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
    '--headless',
    '--invisible',
    '--nologo',
    '--norestore',
    '--nodefault',
    '--nolockcheck',
    ...extra,
  ];
}

export interface WarmOfficeOptions {
  officeBinary: string;
  python: string;
  profileDir: string;
  startTimeoutMs: number;
  onExit: (reason: string) => void;
}

type Reply = { id?: number; ok?: boolean; ready?: boolean; error?: string };

/** A started office and its worker; `convert` sends one file at a time (the caller serialises). */
export interface WarmOffice {
  convert(input: string, output: string): Promise<void>;
  /** Ends the worker's input, so it terminates the office; kills both after `graceMs`. */
  stop(graceMs: number): Promise<void>;
  /** Synchronous last resort for process exit. */
  kill(): void;
}

export async function startWarmOffice(options: WarmOfficeOptions): Promise<WarmOffice> {
  const pipeName = `quantriet-${process.pid}-${Math.random().toString(36).slice(2, 10)}`;
  const accept = `--accept=pipe,name=${pipeName};urp;StarOffice.ComponentContext`;
  const startOffice = () =>
    spawn(options.officeBinary, officeArgs(options.profileDir, [accept]), { stdio: 'ignore' });

  let office = startOffice();
  let stopped = false;
  const pending = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  let nextId = 1;

  const failAll = (reason: string) => {
    for (const p of pending.values()) p.reject(new Error(reason));
    pending.clear();
  };
  const watchOffice = (child: ChildProcess) =>
    child.on('exit', (code, signal) => {
      if (code === E_RESTART && !stopped && child === office) {
        office = startOffice(); // first start on a fresh profile: LibreOffice asks to be restarted
        watchOffice(office);
        office.unref();
        return;
      }
      if (child !== office) return;
      const reason = `LibreOffice đã dừng (mã ${code ?? signal})`;
      failAll(reason);
      if (!stopped) {
        stopped = true;
        worker.kill('SIGKILL');
        options.onExit(reason);
      }
    });
  watchOffice(office);

  const worker = spawn(options.python, [WORKER_SCRIPT, pipeName, String(options.startTimeoutMs / 1000)], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  worker.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-2000);
  });
  // Idle warm processes must not keep Node alive: every wait on them holds a timer instead.
  office.unref();
  worker.unref();
  for (const stream of [worker.stdin, worker.stdout, worker.stderr]) (stream as unknown as Socket).unref?.();

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('LibreOffice khởi động quá lâu')), options.startTimeoutMs + 2000);
    pending.set(0, {
      resolve: () => (clearTimeout(timer), resolve()),
      reject: (e) => (clearTimeout(timer), reject(e)),
    });
  });

  createInterface({ input: worker.stdout! }).on('line', (line) => {
    let reply: Reply;
    try {
      reply = JSON.parse(line) as Reply;
    } catch {
      return; // not ours: UNO may print warnings
    }
    const id = reply.ready ? 0 : reply.id;
    if (id === undefined) return;
    const waiter = pending.get(id);
    pending.delete(id);
    if (reply.ready || reply.ok) waiter?.resolve();
    else waiter?.reject(new Error(reply.error ?? 'lỗi không rõ'));
  });
  worker.on('exit', (code) => {
    const reason = `Tiến trình chuyển PDF đã dừng (mã ${code}). ${stderr.trim().split('\n').slice(-1)[0] ?? ''}`;
    failAll(reason);
    if (!stopped) {
      stopped = true;
      office.kill('SIGKILL');
      options.onExit(reason);
    }
  });

  const kill = () => {
    stopped = true;
    failAll('LibreOffice đã bị dừng');
    for (const child of [worker, office]) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };

  try {
    await ready;
  } catch (error) {
    kill();
    throw error;
  }

  return {
    convert(input, output) {
      if (stopped) return Promise.reject(new Error('LibreOffice đã dừng'));
      const id = nextId++;
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.stdin!.write(`${JSON.stringify({ id, in: input, out: output })}\n`);
      });
    },
    async stop(graceMs) {
      if (stopped) return;
      stopped = true;
      const exited = (child: ChildProcess) =>
        child.exitCode !== null || child.signalCode !== null
          ? Promise.resolve()
          : new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const both = Promise.all([exited(worker), exited(office)]);
      worker.stdin!.end();
      const timer = setTimeout(kill, graceMs);
      await both;
      clearTimeout(timer);
    },
    kill,
  };
}
