// A commit acknowledged by the embedded database is on the disk, not only in the operating system's
// cache (decision 022): traced with strace where the machine has it, and counted by the flusher.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, test } from 'vitest';
import { openDatabase } from './client';

const folders: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'qt-wal-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const hasStrace = (() => {
  try {
    execFileSync('strace', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

// Creating a data folder runs initdb: slow on a loaded machine.
const SLOW = 180_000;

/** Past the racy window after the last write: one look that trusts the stamps from then on. */
async function settle(database: { db: { execute: (query: ReturnType<typeof sql>) => Promise<unknown> } }) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  await database.db.execute(sql`select 1`);
}

/** A database whose log has many segments, as a province's: a probe row written in each, then a checkpoint. */
async function withSegments(dir: string, count: number) {
  const database = await openDatabase({ dataDir: dir });
  await database.db.execute(sql`create table probe (id int primary key)`);
  for (let i = 0; i < count; i += 1) {
    await database.db.execute(sql`insert into probe values (${100 + i})`);
    await database.db.execute(sql`select pg_switch_wal()`);
  }
  await database.db.execute(sql`checkpoint`);
  return database;
}

/** How many probe rows the folder holds, opened again. */
async function probeRowsAfterReopen(dir: string) {
  const reopened = await openDatabase({ dataDir: dir });
  const rows = await reopened.db.execute(sql`select count(*)::int as n from probe`);
  await reopened.close();
  return (rows as unknown as { rows: { n: number }[] }).rows[0]!.n;
}

describe('durable commits on the embedded database', () => {
  test('every autocommit insert is flushed before it is acknowledged, and survives a reopen', async () => {
    const dir = scratch();
    const database = await openDatabase({ dataDir: dir });
    await database.db.execute(sql`create table probe (id int primary key)`);
    const before = { ...database.flusher!.stats };
    for (let i = 1; i <= 20; i += 1) await database.db.execute(sql`insert into probe values (${i})`);
    const after = database.flusher!.stats;
    expect(after.flushes - before.flushes).toBeGreaterThanOrEqual(20);
    // Each insert changed the log: at least one file synced per commit.
    expect(after.filesSynced - before.filesSynced).toBeGreaterThanOrEqual(20);
    await database.close();
    expect(await probeRowsAfterReopen(dir)).toBe(20);
  }, SLOW);

  test('a read flushes nothing; a transaction is flushed once, after its commit', async () => {
    const database = await openDatabase({ dataDir: scratch() });
    await database.db.execute(sql`create table probe (id int primary key)`);
    await database.db.execute(sql`insert into probe values (0)`);
    await settle(database);
    const synced = database.flusher!.stats.filesSynced;
    await database.db.execute(sql`select * from probe`);
    expect(database.flusher!.stats.filesSynced).toBe(synced);
    await database.db.transaction(async (tx) => {
      for (let i = 1; i <= 5; i += 1) await tx.execute(sql`insert into probe values (${i})`);
      // Inside the transaction nothing is flushed yet: it is not acknowledged.
      expect(database.flusher!.stats.filesSynced).toBe(synced);
    });
    expect(database.flusher!.stats.filesSynced).toBeGreaterThan(synced);
    await database.close();
  }, SLOW);

  test('after a read the log is looked at, not every file of it; a commit into the next segment is still found', async () => {
    const database = await openDatabase({ dataDir: scratch() });
    await database.db.execute(sql`create table probe (id int primary key)`);
    await database.db.execute(sql`insert into probe values (0)`);
    await settle(database);
    const before = { ...database.flusher!.stats };
    for (let i = 0; i < 10; i += 1) await database.db.execute(sql`select count(*) from probe`);
    expect(database.flusher!.stats.unmoved - before.unmoved).toBe(10);
    expect(database.flusher!.stats.filesSynced).toBe(before.filesSynced);
    // The writing moves on to the next segment (as when one fills up): each commit there is synced.
    for (let i = 1; i <= 3; i += 1) {
      await database.db.execute(sql`select pg_switch_wal()`);
      const synced = database.flusher!.stats.filesSynced;
      await database.db.execute(sql`insert into probe values (${i})`);
      expect(database.flusher!.stats.filesSynced).toBeGreaterThan(synced);
    }
    await database.close();
  }, SLOW);

  test('a commit looks at the segments where the log is written, not at every one of the folder (decision 042)', async () => {
    const dir = scratch();
    const database = await withSegments(dir, 12);
    await database.db.execute(sql`insert into probe values (0)`);
    await settle(database);
    const segments = readdirSync(join(dir, 'pg_wal')).filter((n) => /^[0-9A-F]{24}$/u.test(n)).length;
    const before = { ...database.flusher!.stats };
    for (let i = 1; i <= 5; i += 1) await database.db.execute(sql`insert into probe values (${i})`);
    const after = database.flusher!.stats;
    expect(after.filesSynced - before.filesSynced).toBeGreaterThanOrEqual(5);
    // Per commit: the segments around the one written last and pg_xact's files, never the whole log.
    const xact = readdirSync(join(dir, 'pg_xact')).length;
    expect(segments).toBeGreaterThan(8);
    expect((after.filesLookedAt - before.filesLookedAt) / 5).toBeLessThanOrEqual(4 + xact);
    await database.close();
    expect(await probeRowsAfterReopen(dir)).toBe(18);
  }, SLOW);

  test('in a copied folder, where the file copied last is the newest, every commit is still synced', async () => {
    const dir = scratch();
    await (await withSegments(dir, 6)).close();
    // As a copy in name order leaves them: the last segment by name is the newest, whichever is written.
    const wal = join(dir, 'pg_wal');
    const segments = readdirSync(wal).filter((n) => /^[0-9A-F]{24}$/u.test(n)).sort();
    const past = Date.now() / 1000 - 3600;
    segments.forEach((name, i) => utimesSync(join(wal, name), past + i, past + i));
    const database = await openDatabase({ dataDir: dir });
    await database.db.execute(sql`select count(*) from probe`);
    await settle(database);
    for (let i = 1; i <= 5; i += 1) {
      const synced = database.flusher!.stats.filesSynced;
      await database.db.execute(sql`insert into probe values (${i})`);
      expect(database.flusher!.stats.filesSynced).toBeGreaterThan(synced);
    }
    await database.close();
  }, SLOW);

  test('a stamp taken in the tick of a write is not trusted: the next flush syncs the segment again', async () => {
    const database = await openDatabase({ dataDir: scratch() });
    await database.db.execute(sql`create table probe (id int primary key)`);
    await settle(database);
    // The commit's flush stamps the segment within milliseconds of its write: a second commit in the
    // same clock tick would leave that stamp unchanged, so the read right after looks again and syncs.
    await database.db.execute(sql`insert into probe values (1)`);
    const synced = database.flusher!.stats.filesSynced;
    const unmoved = database.flusher!.stats.unmoved;
    await database.db.execute(sql`select count(*) from probe`);
    expect(database.flusher!.stats.unmoved).toBe(unmoved);
    expect(database.flusher!.stats.filesSynced).toBeGreaterThan(synced);
    // Once the stamp is old enough, reads find the log unmoved.
    await settle(database);
    const settled = database.flusher!.stats.unmoved;
    await database.db.execute(sql`select count(*) from probe`);
    expect(database.flusher!.stats.unmoved).toBe(settled + 1);
    await database.close();
  }, SLOW);

  test('concurrent commits share flushes and every one is kept', async () => {
    const database = await openDatabase({ dataDir: scratch() });
    await database.db.execute(sql`create table probe (id int primary key)`);
    const before = database.flusher!.stats.flushes;
    await Promise.all(Array.from({ length: 50 }, (_, i) => database.db.execute(sql`insert into probe values (${i})`)));
    expect(database.flusher!.stats.flushes - before).toBeLessThan(50);
    const rows = await database.db.execute(sql`select count(*)::int as n from probe`);
    expect((rows as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(50);
    await database.close();
  }, SLOW);

  test('the log files stay open from one flush to the next: 30 commits open each file once, and close lets them go', async () => {
    const dir = scratch();
    const database = await openDatabase({ dataDir: dir });
    await database.db.execute(sql`create table probe (id int primary key)`);
    await settle(database);
    const { filesSynced, filesOpened } = database.flusher!.stats;
    for (let i = 0; i < 30; i += 1) await database.db.execute(sql`insert into probe values (${i})`);
    const stats = database.flusher!.stats;
    expect(stats.filesSynced - filesSynced).toBeGreaterThanOrEqual(30);
    // The log segment and the transaction status file, opened once each (if not already).
    expect(stats.filesOpened - filesOpened).toBeLessThanOrEqual(2);
    await database.close();
    expect(await probeRowsAfterReopen(dir)).toBe(30);
  }, SLOW);

  test.runIf(hasStrace)('strace sees an fsync of the log for each of 20 autocommit inserts', () => {
    const dir = scratch();
    const trace = join(dir, 'trace.txt');
    const marker = join(dir, 'MARKER');
    const child = spawnSync(
      'strace',
      ['-f', '-qq', '-e', 'trace=fsync,fdatasync,access,faccessat,faccessat2', '-o', trace, process.execPath, 'bin/run-ts.js', 'src/server/db/wal-flush.child.ts', join(dir, 'db'), marker],
      { encoding: 'utf8', timeout: SLOW - 10_000 },
    );
    expect(child.status, child.stderr).toBe(0);
    expect(existsSync(trace)).toBe(true);
    const lines = readFileSync(trace, 'utf8').split('\n');
    const start = lines.findIndex((l) => l.includes(`${marker}-start`));
    const end = lines.findIndex((l) => l.includes(`${marker}-end`));
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const syncs = lines.slice(start, end).filter((l) => /\b(fsync|fdatasync)\(/u.test(l) && !/unfinished|resumed/u.test(l));
    expect(syncs.length).toBeGreaterThanOrEqual(20);
  }, SLOW);
});
