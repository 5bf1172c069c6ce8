// Reads that do not depend on one another, sent together where that is safe.
import { PgTransaction } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client';

/**
 * Runs independent reads: at once on the pool (each on a connection of its own), one after another
 * inside a transaction, whose one connection runs one statement at a time (node-postgres queues a
 * second one today, with a deprecation warning; its version 9 refuses it). Same answers either way.
 */
export async function readTogether<T extends readonly unknown[] | []>(db: DbOrTx, reads: { [K in keyof T]: () => T[K] }): Promise<{ -readonly [K in keyof T]: Awaited<T[K]> }> {
  const thunks = reads as unknown as (() => unknown)[];
  if (!(db instanceof PgTransaction)) return (await Promise.all(thunks.map((read) => read()))) as never;
  const answers: unknown[] = [];
  for (const read of thunks) answers.push(await read());
  return answers as never;
}
