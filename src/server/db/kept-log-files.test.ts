// The log's files kept open between flushes (decision 045): one open per file however many flushes,
// a file replaced under its name (another inode) opened again, a file gone let go without an error,
// the oldest handle closed beyond the limit, every handle closed at the end.
import { describe, expect, it } from 'vitest';
import { keptLogFiles } from './wal-flush';

/** Files that count their opens, syncs and closes; `gone` ones fail to sync, as a removed file would not. */
function fakeFiles() {
  const log: string[] = [];
  const gone = new Set<string>();
  let n = 0;
  const openFile = async (path: string) => {
    const handle = `${path}#${(n += 1)}`;
    log.push(`open ${handle}`);
    return {
      sync: async () => {
        if (gone.has(path)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        log.push(`sync ${handle}`);
      },
      close: async () => {
        log.push(`close ${handle}`);
      },
    };
  };
  return { log, gone, openFile };
}

describe('the log files a flush syncs', () => {
  it('opens a file once and syncs it through the same handle at every flush', async () => {
    const { log, openFile } = fakeFiles();
    const files = keptLogFiles({ openFile });
    for (let i = 0; i < 3; i += 1) await files.sync('pg_wal/A', 7);
    expect(log).toEqual(['open pg_wal/A#1', 'sync pg_wal/A#1', 'sync pg_wal/A#1', 'sync pg_wal/A#1']);
    expect(files.counts).toEqual({ opened: 1, closed: 0 });
  });

  it('opens again a file whose name now holds another file (a recycled segment), closing the old handle', async () => {
    const { log, openFile } = fakeFiles();
    const files = keptLogFiles({ openFile });
    await files.sync('pg_wal/A', 7);
    await files.sync('pg_wal/A', 9);
    await new Promise((resolve) => setImmediate(resolve));
    // The old handle's close runs beside the new one's open: their order is not the point.
    expect([...log].sort()).toEqual(['close pg_wal/A#1', 'open pg_wal/A#1', 'open pg_wal/A#2', 'sync pg_wal/A#1', 'sync pg_wal/A#2']);
    expect(log.at(-1)).toBe('sync pg_wal/A#2');
  });

  it('lets a file that cannot be synced go, without an error, and opens it afresh next time', async () => {
    const { log, gone, openFile } = fakeFiles();
    const files = keptLogFiles({ openFile });
    await files.sync('pg_xact/0000', 3);
    gone.add('pg_xact/0000');
    await expect(files.sync('pg_xact/0000', 3)).resolves.toBeUndefined();
    gone.delete('pg_xact/0000');
    await files.sync('pg_xact/0000', 3);
    await new Promise((resolve) => setImmediate(resolve));
    expect([...log].sort()).toEqual(['close pg_xact/0000#1', 'open pg_xact/0000#1', 'open pg_xact/0000#2', 'sync pg_xact/0000#1', 'sync pg_xact/0000#2']);
    expect(log.at(-1)).toBe('sync pg_xact/0000#2');
  });

  it('closes the handle opened longest ago when more than the limit are open, and all of them at the end', async () => {
    const { log, openFile } = fakeFiles();
    const files = keptLogFiles({ max: 2, openFile });
    await files.sync('A', 1);
    await files.sync('B', 2);
    await files.sync('C', 3);
    await new Promise((resolve) => setImmediate(resolve));
    expect(log.filter((l) => l.startsWith('close'))).toEqual(['close A#1']);
    await files.closeAll();
    expect(log.filter((l) => l.startsWith('close')).sort()).toEqual(['close A#1', 'close B#2', 'close C#3']);
    expect(files.counts).toEqual({ opened: 3, closed: 3 });
  });

  it('syncs files asked for together at the same time, not one after another', async () => {
    const started: string[] = [];
    const finish: (() => void)[] = [];
    const openFile = async (path: string) => ({
      sync: () =>
        new Promise<void>((resolve) => {
          started.push(path);
          finish.push(resolve);
        }),
      close: async () => undefined,
    });
    const files = keptLogFiles({ openFile });
    const both = Promise.all([files.sync('pg_wal/A', 1), files.sync('pg_xact/0000', 2)]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual(['pg_wal/A', 'pg_xact/0000']);
    finish.forEach((f) => f());
    await both;
  });
});
