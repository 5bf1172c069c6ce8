// Durable commits on the embedded database. PGlite writes its files through Node's fs but its
// PostgreSQL's fsync() reaches no disk (0 fsync/fdatasync calls under strace), so an acknowledged
// commit sits in the operating system's cache: a SIGKILL loses nothing, a power cut may. After each
// top-level statement or transaction that wrote, we fsync the write-ahead log's changed segments
// (and the transaction status files), so that the commit can be replayed from disk; when the
// control file changed (a checkpoint), every changed file of the data folder is flushed too.
// Concurrent commits share one flush (group commit): a commit waits for the next flush that starts
// after it, never for one that began before its data was written. Decision 022.
//
// Most statements only read, and a province's data folder keeps dozens of log segments: statting
// every one after every read cost more than the reads (a consolidated report's 14 statements spent
// ~40 ms here). The log is written in order, so a flush first looks at the segment last written and
// its neighbours in name order (the next to be written, recycled or new); when none changed,
// nothing was committed since the last flush and there is nothing to sync (decision 033). A commit's
// flush looks from there on only as far as the log was written (decision 042). Where the log is
// written is known from the files' modification times once PostgreSQL has written; until then, from
// PostgreSQL itself (a copied folder's newest file is the one copied last).
//
// A file's modification time moves in the kernel's coarse ticks (a few milliseconds) and a log
// segment's size never changes, so a commit written just after we looked at a file, in the same
// tick, leaves its stamp as it was. A stamp taken less than RACY_MS after the file's modification
// time is therefore not trusted (git's "racy clean" rule): the next flush syncs that file again.
//
// The log's files a flush syncs stay open from one flush to the next, and the changed ones are
// synced together (decision 045): a flush is then one round trip through the thread pool, where an
// open, an fsync and a close of each file one after another kept every commit waiting ~9 ms under load.
import { readdirSync, statSync } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface WalFlusher {
  /** Call after a top-level statement or transaction returns: resolves once its writes are on disk. */
  afterStatement(): Promise<void>;
  /** Flushes every changed file of the data folder (on close). */
  flushAll(): Promise<void>;
  /**
   * The log segment PostgreSQL writes now, as it says at open: the first look places the writing
   * there, not at the file last modified, which after a copy of the folder is the last one copied.
   */
  writingAt(segment: string): void;
  /** Flushes actually run, those that found the log unmoved (a read), files looked at, synced and opened to be: for the tests and the bench. */
  readonly stats: { flushes: number; unmoved: number; filesLookedAt: number; filesSynced: number; filesOpened: number; fullFlushes: number };
}

const WAL_DIR = 'pg_wal';
const LOG_DIRS = [WAL_DIR, 'pg_xact'];
/** A log segment's name: timeline, log and segment numbers, 8 hexadecimal digits each. */
const SEGMENT = /^[0-9A-F]{24}$/u;
/** Longer than a coarse clock tick (1-10 ms): a stamp this close to its modification time may hide a write. */
const RACY_MS = 50;
/** Never equal to a stamp: the file is synced again at the next flush. */
const UNTRUSTED = 'untrusted';

function readdirQuietly(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function statQuietly(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** At most this many log files kept open: the segment written now, its neighbours, the transaction status files. */
const KEPT_OPEN = 6;

/** What a kept file needs: an fsync and a close (a FileHandle; a fake in the tests). */
interface SyncableFile {
  sync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The log's files kept open between flushes, so that a flush is one fsync each rather than an open,
 * an fsync and a close: three round trips through libuv's thread pool, each waiting for a busy event
 * loop (a commit's flush took ~9 ms so under load, ~1 ms with the files kept open). A handle is kept
 * for its file (inode): a segment recycled under another name, or a file replaced, is opened again;
 * the oldest handle is closed when more than `max` are open, so that a segment the checkpoint
 * removed is not kept on the disk for long.
 */
export function keptLogFiles({ max = KEPT_OPEN, openFile = (path: string): Promise<SyncableFile> => open(path, 'r') } = {}) {
  const kept = new Map<string, { ino: number; file: Promise<SyncableFile> }>();
  const counts = { opened: 0, closed: 0 };
  const closeQuietly = (file: Promise<SyncableFile>) => {
    counts.closed += 1;
    return file.then((f) => f.close()).catch(() => undefined);
  };
  const forget = (path: string) => {
    const entry = kept.get(path);
    kept.delete(path);
    if (entry) void closeQuietly(entry.file);
  };
  return {
    counts,
    /** Syncs the file at `path` (whose inode is `ino`); a file gone meanwhile is let go. */
    async sync(path: string, ino: number): Promise<void> {
      let entry = kept.get(path);
      if (entry?.ino !== ino) {
        // Not open yet, or the name now holds another file: its old handle goes.
        if (entry) forget(path);
        entry = { ino, file: openFile(path) };
        counts.opened += 1;
        kept.set(path, entry);
        // A Map iterates in insertion order: the first key is the handle opened longest ago.
        if (kept.size > max) forget(kept.keys().next().value!);
      }
      try {
        await (await entry.file).sync();
      } catch {
        // Gone (recycled, removed) or unreadable: nothing of it to keep.
        if (kept.get(path) === entry) forget(path);
      }
    },
    async closeAll(): Promise<void> {
      const all = [...kept.values()];
      kept.clear();
      await Promise.all(all.map((entry) => closeQuietly(entry.file)));
    },
  };
}

export function createWalFlusher(dataDir: string): WalFlusher {
  const seen = new Map<string, string>();
  const handles = keptLogFiles();
  const stats = {
    flushes: 0,
    unmoved: 0,
    filesLookedAt: 0,
    filesSynced: 0,
    fullFlushes: 0,
    get filesOpened() {
      return handles.counts.opened;
    },
  };
  let controlStamp = '';
  /** The log segment written last, as of the last look at the log's files (null: look at every file). */
  let lastSegment: string | null = null;
  /** Where PostgreSQL said it writes when the folder was opened (writingAt). */
  let told: string | null = null;
  const openedAt = Date.now();
  /** The log's segment names, sorted, as of the last look at its files. */
  let segments: string[] = [];
  let lastFullFlush = 0;
  let inflight: Promise<void> | null = null;
  let queued: Promise<void> | null = null;

  const stamp = (s: { mtimeMs: number; size: number }) => `${s.mtimeMs}:${s.size}`;

  /** Syncs the files of a log folder that changed since they were last synced; true if any did. */
  async function syncChanged(dir: string): Promise<boolean> {
    const folder = join(dataDir, dir);
    // The folder and the files' stamps read synchronously, as in logMoved (decision 037): dozens of
    // segments looked at one thread-pool round trip each kept every commit waiting that much longer.
    const names = readdirQuietly(folder);
    if (names.length === 0) return false;
    const sorted = dir === WAL_DIR ? names.filter((n) => SEGMENT.test(n)).sort() : names;
    const window = dir === WAL_DIR ? logWindow(sorted) : null;
    const looked = window ? await syncFiles(folder, window.names, window.stopAfter) : null;
    // Nothing changed where the log is written (or no segment known yet): every file is looked at.
    const result = looked?.changed ? looked : await syncFiles(folder, names, Infinity);
    if (result.added) await fsyncPath(folder).catch(() => undefined);
    if (dir === WAL_DIR) {
      lastSegment = (result === looked ? result.latest : writingPoint(result, sorted)) ?? lastSegment;
      segments = sorted;
    }
    return result.changed;
  }

  /**
   * The segment written last, as a full look finds it. The file modified last is that segment only
   * once PostgreSQL has written since the folder was opened: a copy of the folder leaves the file
   * copied last as the newest, wherever the log is. So: the newest of the segments modified since
   * the open; else the one PostgreSQL said it writes at the open (writingAt); else the newest.
   */
  function writingPoint(look: { latest: string | null; latestSinceOpen: string | null }, sorted: string[]): string | null {
    if (look.latestSinceOpen !== null) return look.latestSinceOpen;
    if (told !== null && sorted.includes(told)) return told;
    return look.latest;
  }

  /**
   * Where a commit since the last flush can have written the log (decision 042): the segment written
   * last, the one before it (see logMoved) and those after it in name order up to the first one
   * unchanged. The log is written in order, so a segment after an unchanged one was not written
   * either; a province's folder keeps some sixty segments, and looking at each after every commit
   * cost more than the commit's own flush. Null when the segment written last is not known.
   */
  function logWindow(sorted: string[]): { names: string[]; stopAfter: number } | null {
    if (lastSegment === null) return null;
    const at = sorted.indexOf(lastSegment);
    if (at < 0) return null;
    const from = Math.max(0, at - 1);
    return { names: sorted.slice(from), stopAfter: at + 1 - from };
  }

  /**
   * Syncs those of the folder's files (in this order) that changed. From index `stopAfter` on, the
   * first file found unchanged ends the look.
   */
  async function syncFiles(folder: string, names: string[], stopAfter: number) {
    const result = { changed: false, added: false, latest: null as string | null, latestSinceOpen: null as string | null };
    const changed: { path: string; ino: number; stamp: string }[] = [];
    let latestAt = -1;
    for (const [i, name] of names.entries()) {
      const path = join(folder, name);
      const lookedAt = Date.now();
      const info = statQuietly(path);
      stats.filesLookedAt += 1;
      if (!info?.isFile()) continue;
      if (SEGMENT.test(name) && info.mtimeMs > latestAt) {
        result.latest = name;
        latestAt = info.mtimeMs;
        if (info.mtimeMs > openedAt) result.latestSinceOpen = name;
      }
      const now = stamp(info);
      const before = seen.get(path);
      if (before === now) {
        if (i > stopAfter) break;
        continue;
      }
      if (before === undefined) result.added = true;
      changed.push({ path, ino: info.ino, stamp: lookedAt - info.mtimeMs < RACY_MS ? UNTRUSTED : now });
    }
    // The changed files synced together: one wait for the slowest, not one after another.
    await Promise.all(changed.map((file) => handles.sync(file.path, file.ino)));
    for (const file of changed) seen.set(file.path, file.stamp);
    stats.filesSynced += changed.length;
    result.changed = changed.length > 0;
    return result;
  }

  /**
   * Whether the log may have moved since the last full look: false only when the segment written last
   * (by modification time), the one after it in name order (where the writing continues) and the one
   * before it are as they were then. The one before: the last written may be the next segment,
   * created ahead of time while the current one is nearly full.
   *
   * Synchronous on purpose (decision 037): three stats of files the kernel holds in its cache take
   * microseconds, while each asynchronous one is a round trip through libuv's thread pool that, on a
   * busy machine, waits for a thread and then for the event loop, after every read. PGlite's own
   * file calls are synchronous on this thread anyway.
   */
  function logMoved(): boolean {
    if (lastSegment === null) return true;
    // The folder as of the last full look (a segment is recycled only by a checkpoint, which writes to
    // the log); read again when the segment last written was the last one, as the next may be new.
    let names = segments;
    let at = names.indexOf(lastSegment);
    if (at + 1 >= names.length) {
      names = readdirQuietly(join(dataDir, WAL_DIR)).filter((n) => SEGMENT.test(n)).sort();
      at = names.indexOf(lastSegment);
    }
    if (at < 0) return true;
    for (const name of names.slice(Math.max(0, at - 1), at + 2)) {
      const path = join(dataDir, WAL_DIR, name);
      const info = statQuietly(path);
      if (!info || seen.get(path) !== stamp(info)) return true;
    }
    return false;
  }

  async function syncTree(dir: string, since: number): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        await syncTree(path, since);
      } else if (entry.isFile()) {
        const info = await stat(path).catch(() => null);
        if (info && info.mtimeMs >= since) {
          await fsyncPath(path).catch(() => undefined);
          stats.filesSynced += 1;
        }
      }
    }
    await fsyncPath(dir).catch(() => undefined);
  }

  async function flushAllNow(): Promise<void> {
    const started = Date.now();
    await syncTree(dataDir, lastFullFlush - 1000);
    lastFullFlush = started;
    stats.fullFlushes += 1;
  }

  async function run(): Promise<void> {
    stats.flushes += 1;
    // Nothing committed (a read): no commit record, no transaction status, no checkpoint to keep.
    if (!logMoved()) {
      stats.unmoved += 1;
      return;
    }
    for (const dir of LOG_DIRS) await syncChanged(dir);
    // A checkpoint rewrote the control file: the data files it relies on must be on disk as well.
    const control = await stat(join(dataDir, 'global', 'pg_control')).catch(() => null);
    const current = control ? stamp(control) : '';
    if (current !== controlStamp) {
      controlStamp = current;
      await flushAllNow();
    }
  }

  function flush(): Promise<void> {
    if (!inflight) {
      inflight = run().finally(() => {
        inflight = null;
      });
      return inflight;
    }
    // A flush is running and may have read the folders before this commit wrote: wait for the next.
    queued ??= inflight.then(() => {
      queued = null;
      return flush();
    });
    return queued;
  }

  return {
    writingAt: (segment: string) => {
      if (SEGMENT.test(segment)) told = segment;
    },
    afterStatement: flush,
    flushAll: async () => {
      await flush();
      await flushAllNow();
      await handles.closeAll();
    },
    stats,
  };
}

interface Flushable {
  query: (...args: never[]) => Promise<unknown>;
  exec: (...args: never[]) => Promise<unknown>;
  transaction: (...args: never[]) => Promise<unknown>;
}

/** Makes the client's top-level query, exec and transaction resolve only once their writes are on disk. */
export function flushAfterEachCommit(client: Flushable, flusher: WalFlusher): void {
  for (const method of ['query', 'exec', 'transaction'] as const) {
    const original = client[method].bind(client) as (...args: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      const result = await original(...args);
      await flusher.afterStatement();
      return result;
    };
  }
}
