// readTogether: independent reads at once on the pool, one after another inside a transaction (its
// one connection runs one statement at a time), with the same answers in the same order either way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../../../test/support/app';
import type { Database } from './client';
import { readTogether } from './read-together';

let database: Database;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(() => database?.close());

/** Two reads that log when each starts and ends; the first is the slower one. */
function loggedReads(db: Parameters<typeof readTogether>[0], log: string[]) {
  const read = (name: string, ms: number) => async () => {
    log.push(`${name} starts`);
    const rows = (await db.execute(sql`select ${name}::text as name, pg_sleep(${ms / 1000})`)) as unknown as { rows: { name: string }[] };
    log.push(`${name} ends`);
    return rows.rows[0]!.name;
  };
  return [read('a', 50), read('b', 0)] as const;
}

describe('readTogether', () => {
  it('on the pool, starts every read before any has answered', async () => {
    const log: string[] = [];
    const answers = await readTogether(database.db, loggedReads(database.db, log));
    expect(answers).toEqual(['a', 'b']);
    expect(log.slice(0, 2)).toEqual(['a starts', 'b starts']);
  });

  it('inside a transaction, starts each read after the one before has answered', async () => {
    const log: string[] = [];
    const answers = await database.db.transaction(async (tx) => readTogether(tx, loggedReads(tx, log)));
    expect(answers).toEqual(['a', 'b']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
  });

  it('takes plain values beside reads', async () => {
    const answers = await database.db.transaction(async (tx) => readTogether(tx, [() => null, () => Promise.resolve([1, 2])]));
    expect(answers).toEqual([null, [1, 2]]);
  });
});
