// The data folder lock on its own: acquire, refuse, release, stale takeover, and a real race
// between processes.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { acquireDataFolderLock, isAlive, LOCK_FILE, lockSteps, readLockHolder, type DataFolderLock, type LockHolder } from './data-folder-lock';

const moduleUrl = new URL('./data-folder-lock.ts', import.meta.url).href;
const hasProc = existsSync(`/proc/${process.pid}/stat`);
const dirs: string[] = [];
const locks: DataFolderLock[] = [];
const children: ChildProcess[] = [];

function folder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qt-lock-unit-'));
  dirs.push(dir);
  return dir;
}

async function acquire(dir: string): Promise<DataFolderLock> {
  const lock = await acquireDataFolderLock(dir);
  locks.push(lock);
  return lock;
}

async function refusal(dir: string): Promise<AppError> {
  const error = await acquireDataFolderLock(dir).then(
    (lock) => {
      lock.release();
      throw new Error('the lock was granted');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

function writeLock(dir: string, holder: Partial<LockHolder>): void {
  const full: LockHolder = { pid: 1, startTicks: null, command: 'quantriet serve', startedAt: new Date().toISOString(), token: 'other', ...holder };
  writeFileSync(join(dir, LOCK_FILE), `${JSON.stringify(full)}\n`);
}

/** A node process running `code` with the lock module loaded (as `lock`); resolves once it printed a line. */
function lockProcess(code: string): { child: ChildProcess; lines: string[]; firstLine: Promise<string>; exited: Promise<number | null> } {
  const script = `const lock = await import(${JSON.stringify(moduleUrl)});\n${code}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  const lines: string[] = [];
  let buffer = '';
  let onLine: (line: string) => void = () => {};
  const firstLine = new Promise<string>((r) => (onLine = r));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let at: number;
    while ((at = buffer.indexOf('\n')) >= 0) {
      lines.push(buffer.slice(0, at));
      buffer = buffer.slice(at + 1);
      onLine(lines[0]!);
    }
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
  return { child, lines, firstLine, exited };
}

/** The pid of a process that has exited (and been reaped). */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

afterEach(() => {
  for (const lock of locks.splice(0)) lock.release();
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('data folder lock', () => {
  it('writes its holder, refuses a second acquire naming the holder, and is gone after release', async () => {
    const dir = folder();
    const lock = await acquire(dir);
    const holder = readLockHolder(dir)!;
    expect(holder).toEqual(lock.holder);
    expect(holder.pid).toBe(process.pid);
    if (hasProc) expect(holder.startTicks).toEqual(expect.any(Number));

    const error = await refusal(dir);
    expect(error.id).toBe('database.folder-in-use');
    expect(error.message).toContain(`Thư mục dữ liệu ${dir} đang được tiến trình ${process.pid} (`);
    expect(error.message).toMatch(/bắt đầu lúc \d\d:\d\d:\d\d ngày \d{1,2}\/\d{1,2}\/\d{4}\) sử dụng\./u);
    expect(error.message).toContain('Hãy dừng tiến trình đó trước, hoặc dùng QT_DATA_DIR khác.');

    lock.release();
    lock.release(); // twice is harmless
    expect(readdirSync(dir)).toEqual([]); // no lock, no temporary file
    (await acquire(dir)).release();
  });

  it('refuses while another live process holds it, and takes over after that process is killed with SIGKILL', async () => {
    const dir = folder();
    const holder = lockProcess(`const l = await lock.acquireDataFolderLock(${JSON.stringify(dir)}); console.log('locked ' + process.pid); setInterval(() => {}, 1000);`);
    expect(await holder.firstLine).toBe(`locked ${holder.child.pid}`);

    const error = await refusal(dir);
    expect(error.id).toBe('database.folder-in-use');
    expect(error.message).toContain(`tiến trình ${holder.child.pid} (`);

    holder.child.kill('SIGKILL');
    await holder.exited;
    expect(readLockHolder(dir)?.pid).toBe(holder.child.pid); // left behind
    const lock = await acquire(dir);
    expect(readLockHolder(dir)?.pid).toBe(process.pid);
    lock.release();
  }, 30_000);

  it('takes over a lock whose pid no longer exists', async () => {
    const dir = folder();
    writeLock(dir, { pid: deadPid() });
    expect((await acquire(dir)).holder.pid).toBe(process.pid);
  });

  it('takes over a lock of its own pid that this process does not hold (a restarted container is pid 1 again)', async () => {
    const dir = folder();
    writeLock(dir, { pid: process.pid, token: 'previous-life' });
    expect(readLockHolder(dir)!.token).toBe('previous-life');
    expect((await acquire(dir)).holder.token).not.toBe('previous-life');
  });

  it.skipIf(!hasProc)('takes over when the pid was reused by a process started at another time', async () => {
    const dir = folder();
    const other = lockProcess(`console.log('up'); setInterval(() => {}, 1000);`);
    await other.firstLine;
    const ticks = Number(readFileSync(`/proc/${other.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[19]);
    expect(isAlive({ pid: other.child.pid!, startTicks: ticks, command: '', startedAt: '', token: 'x' })).toBe(true);
    writeLock(dir, { pid: other.child.pid!, startTicks: ticks - 1 });
    expect((await acquire(dir)).holder.pid).toBe(process.pid);
    other.child.kill('SIGKILL');
  }, 30_000);

  it('takes over a lock file with unreadable content', async () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_FILE), '{"pid": 12');
    expect((await acquire(dir)).holder.pid).toBe(process.pid);
  });

  it('release leaves alone a lock that is no longer its own', async () => {
    const dir = folder();
    const lock = await acquire(dir);
    writeLock(dir, { pid: deadPid(), token: 'someone-else' });
    lock.release();
    expect(readLockHolder(dir)?.token).toBe('someone-else');
  });

  it('creates the lock file only when none exists, never overwriting one', () => {
    const dir = folder();
    const path = join(dir, LOCK_FILE);
    expect(lockSteps.createExclusively(path, 'first\n')).toBe(true);
    expect(lockSteps.createExclusively(path, 'second\n')).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('first\n');
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  // The takeover race, replayed step by step: B reads the stale lock, A takes over first, then B
  // goes on to break "the stale lock". B must not remove A's fresh lock.
  it('breaks a stale lock only if it is still the same stale lock', () => {
    const dir = folder();
    const path = join(dir, LOCK_FILE);
    writeLock(dir, { pid: deadPid(), token: 'dead' });
    const seenByB = readFileSync(path, 'utf8');
    expect(lockSteps.breakStaleLock(path, seenByB)).toBe(true); // A breaks it…
    expect(lockSteps.createExclusively(path, 'A\n')).toBe(true); // …and takes the lock
    expect(lockSteps.breakStaleLock(path, seenByB)).toBe(true); // B, late
    expect(readFileSync(path, 'utf8')).toBe('A\n');
    expect(readdirSync(dir)).toEqual([LOCK_FILE]);
  });

  it('lets one process at a time break a stale lock; a guard left by a killed process expires', () => {
    const dir = folder();
    const path = join(dir, LOCK_FILE);
    writeLock(dir, { pid: deadPid() });
    const stale = readFileSync(path, 'utf8');
    const guard = `${path}.takeover`;
    mkdirSync(guard); // another process is breaking it right now
    expect(lockSteps.breakStaleLock(path, stale)).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(stale);
    const old = new Date(Date.now() - 60_000);
    utimesSync(guard, old, old); // …or was killed while doing so
    expect(lockSteps.breakStaleLock(path, stale)).toBe(false); // removes the old guard
    expect(existsSync(guard)).toBe(false);
    expect(lockSteps.breakStaleLock(path, stale)).toBe(true);
    expect(existsSync(path)).toBe(false);
  });

  // Several processes wait for a signal file, then all acquire at once: exactly one wins, the
  // others name the winner. Once on an empty folder, once over a stale lock (the takeover race).
  it.each([
    ['an empty folder', false],
    ['a stale lock', true],
  ])('of processes starting together on %s, exactly one wins', async (_name, stale) => {
    const dir = folder();
    if (stale) writeLock(dir, { pid: deadPid() });
    const go = join(dir, 'go');
    const racers = Array.from({ length: 5 }, () =>
      lockProcess(`
        const { existsSync, readFileSync } = await import('node:fs');
        console.log('ready');
        while (!existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 2));
        const at = Number(readFileSync(${JSON.stringify(go)}, 'utf8'));
        while (Date.now() < at); // spin: all start within the same millisecond
        try {
          const l = await lock.acquireDataFolderLock(${JSON.stringify(dir)});
          console.log('won ' + process.pid);
          process.stdin.resume();
          process.stdin.on('end', () => { l.release(); process.exit(0); });
        } catch (error) {
          console.log('refused ' + (error.details?.pid ?? error.message));
          process.exit(0);
        }`),
    );
    await Promise.all(racers.map((r) => r.firstLine));
    writeFileSync(go, String(Date.now() + 300));
    const results = await Promise.all(
      racers.map(async (r) => {
        while (r.lines.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
        return r.lines[1]!;
      }),
    );
    const winners = results.filter((line) => line.startsWith('won '));
    expect(winners, results.join('\n')).toHaveLength(1);
    const winner = winners[0]!.slice('won '.length);
    expect(results.filter((line) => line === `refused ${winner}`)).toHaveLength(racers.length - 1);
    expect(readLockHolder(dir)?.pid).toBe(Number(winner));
    for (const r of racers) r.child.stdin!.end();
    await Promise.all(racers.map((r) => r.exited));
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['go']); // no temporary file, no takeover guard left
  }, 60_000);
});
