// One process at a time on an embedded (PGlite) data folder. PGlite has no lock of its own: two
// processes on one folder both accept writes and corrupt it. The lock is the file
// <dataDir>/.quantriet.lock, naming its holder: pid, the process's start time (to tell a reused pid
// apart), the command and when it started. PGlite ignores a stray file at the top of its folder.
//
// - Creation is atomic: the content is written to a private temporary file, then hard-linked to the
//   lock's name (link fails with EEXIST when the lock exists), so a reader never sees half a lock.
// - A lock whose holder is gone (killed with SIGKILL, power cut) is stale: the next process takes it
//   over. Breaking a stale lock happens under a guard directory (mkdir is atomic), so that of two
//   processes starting together exactly one wins and the other sees the winner's lock.
// - Released on close and, as a last resort, on process exit. A signal that kills the process
//   without an exit leaves a stale lock, which the next start takes over.
// The lock protects processes of one machine (one pid namespace): a data folder shared between
// machines or containers with separate pids is not a supported set-up for an embedded database.
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync, closeSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dataFolderInUse } from '../errors';

export const LOCK_FILE = '.quantriet.lock';

export interface LockHolder {
  pid: number;
  /** Start time of the process in clock ticks since boot (/proc/<pid>/stat field 22); null off Linux. */
  startTicks: number | null;
  /** "quantriet serve" */
  command: string;
  /** When the process started, ISO 8601. */
  startedAt: string;
  /** Tells this lock apart from any other, even one of the same pid. */
  token: string;
}

export interface DataFolderLock {
  readonly path: string;
  readonly holder: LockHolder;
  release(): void;
}

/** Locks held by this process, by token: released together on exit. */
const held = new Map<string, DataFolderLock>();
let exitHookInstalled = false;

/** A takeover guard older than this belongs to a process that died while breaking a stale lock. */
const GUARD_STALE_MS = 5_000;
const ATTEMPTS = 200;

export async function acquireDataFolderLock(dataDir: string): Promise<DataFolderLock> {
  const path = join(dataDir, LOCK_FILE);
  const holder = describeThisProcess();
  const content = `${JSON.stringify(holder)}\n`;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (createExclusively(path, content)) return register(path, holder, content);
    const existing = await readLock(path);
    if (existing === null) continue; // released in between: try again at once
    if (existing.holder && isAlive(existing.holder)) throw dataFolderInUse(dataDir, existing.holder);
    if (!breakStaleLock(path, existing.raw)) await sleep(25); // another process is taking over
  }
  throw new Error(`Could not take the lock ${path}: it keeps changing hands.`);
}

/** The holder named in a lock file, null when there is none. */
export function readLockHolder(dataDir: string): LockHolder | null {
  try {
    return parseHolder(readFileSync(join(dataDir, LOCK_FILE), 'utf8'));
  } catch {
    return null;
  }
}

/** Whether the process that wrote this lock still runs (a pid of another user counts as running). */
export function isAlive(holder: LockHolder): boolean {
  // Our own pid: either this very process holds it, or an earlier process had the same pid (a
  // container restarted, pid 1 again) and is certainly gone.
  if (holder.pid === process.pid) return held.has(holder.token);
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // EPERM: the process exists but belongs to another user.
  }
  const stat = procStat(holder.pid);
  if (stat === null) return true; // no /proc (macOS, Windows): trust the pid
  if (stat.state === 'Z') return false; // killed, waiting for its parent to read its exit status
  // The pid was reused by a later process.
  if (holder.startTicks !== null && stat.startTicks !== holder.startTicks) return false;
  return true;
}

function register(path: string, holder: LockHolder, content: string): DataFolderLock {
  let released = false;
  const lock: DataFolderLock = {
    path,
    holder,
    release() {
      if (released) return;
      released = true;
      held.delete(holder.token);
      try {
        // Only our own lock: never a lock another process took over.
        if (readFileSync(path, 'utf8') === content) unlinkSync(path);
      } catch {
        // already gone (the folder was removed)
      }
    },
  };
  held.set(holder.token, lock);
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.on('exit', () => {
      for (const l of [...held.values()]) l.release();
    });
  }
  return lock;
}

/** True when this process created the lock file; false when it already exists. */
function createExclusively(path: string, content: string): boolean {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(temporary, content, { flag: 'wx' });
  try {
    linkSync(temporary, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    // A file system without hard links: open with O_EXCL instead. A reader may then briefly see an
    // empty file, which readLock() waits out.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS' || code === 'EOPNOTSUPP') return createWithOpen(path, content);
    throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
}

function createWithOpen(path: string, content: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** The lock file's text and holder (null holder: unreadable content); null when there is no lock. */
async function readLock(path: string): Promise<{ raw: string; holder: LockHolder | null } | null> {
  for (let tries = 0; ; tries++) {
    let raw: string;
    try {
      raw = readFileSync(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const holder = parseHolder(raw);
    // Unreadable content: being written by createWithOpen(), or left truncated by a crash. Wait a
    // moment before calling it stale.
    if (holder || tries >= 10) return { raw, holder };
    await sleep(50);
  }
}

/** Removes the lock file if it still holds `stale`. False when another process is doing the same. */
function breakStaleLock(path: string, stale: string): boolean {
  const guard = `${path}.takeover`;
  try {
    mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A guard left by a process killed in the middle of a takeover (a window of milliseconds).
    try {
      if (Date.now() - statSync(guard).mtimeMs > GUARD_STALE_MS) rmSync(guard, { recursive: true, force: true });
    } catch {
      // removed in between
    }
    return false;
  }
  try {
    let current: string | null = null;
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // gone already
    }
    if (current === stale) unlinkSync(path);
    return true;
  } finally {
    rmSync(guard, { recursive: true, force: true });
  }
}

function parseHolder(raw: string): LockHolder | null {
  try {
    const value = JSON.parse(raw) as Partial<LockHolder>;
    if (!Number.isSafeInteger(value.pid) || value.pid! <= 0 || typeof value.token !== 'string') return null;
    return {
      pid: value.pid!,
      startTicks: typeof value.startTicks === 'number' ? value.startTicks : null,
      command: typeof value.command === 'string' ? value.command : '',
      startedAt: typeof value.startedAt === 'string' ? value.startedAt : '',
      token: value.token,
    };
  } catch {
    return null;
  }
}

function describeThisProcess(): LockHolder {
  const script = process.argv[1] ? basename(process.argv[1]) : 'node';
  return {
    pid: process.pid,
    startTicks: procStat(process.pid)?.startTicks ?? null,
    command: [script, ...process.argv.slice(2)].join(' '),
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
    token: randomBytes(8).toString('hex'),
  };
}

/** State and start time of a process from /proc/<pid>/stat (Linux); null elsewhere or when gone. */
function procStat(pid: number): { state: string; startTicks: number } | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ")".
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const startTicks = Number(fields[19]); // field 22 of the whole line; fields[0] is field 3
  return Number.isFinite(startTicks) ? { state: fields[0] ?? '', startTicks } : null;
}

/** The two steps that must be atomic, for tests that replay an interleaving deterministically. */
export const lockSteps = { createExclusively, breakStaleLock };
