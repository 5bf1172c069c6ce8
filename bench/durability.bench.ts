// What a durable commit costs on the embedded database (decision 022): the same autocommit inserts
// on a data folder whose commits are flushed to disk (the product) and on one whose are not (PGlite
// as it comes), one after another and 50 at a time (concurrent commits share a flush).
import { PGlite } from '@electric-sql/pglite';
import { openDatabase } from '../src/server/db/client';
import { report, tempDataDir } from './support';

const SEQUENTIAL = 300;
const CONCURRENT = 1000;

async function rates(exec: (q: string, params: unknown[]) => Promise<unknown>) {
  await exec('create table probe (id int primary key, note text)', []);
  let start = performance.now();
  for (let i = 0; i < SEQUENTIAL; i += 1) await exec('insert into probe values ($1, $2)', [i, 'một dòng']);
  const sequential = SEQUENTIAL / ((performance.now() - start) / 1000);
  start = performance.now();
  for (let batch = 0; batch < CONCURRENT; batch += 50) {
    await Promise.all(Array.from({ length: 50 }, (_, j) => exec('insert into probe values ($1, $2)', [SEQUENTIAL + batch + j, 'một dòng'])));
  }
  const concurrent = CONCURRENT / ((performance.now() - start) / 1000);
  return { sequential, concurrent };
}

export async function run() {
  const raw = new PGlite({ dataDir: tempDataDir() });
  await raw.waitReady;
  const plain = await rates((q, p) => raw.query(q, p));
  await raw.close();

  const database = await openDatabase({ dataDir: tempDataDir() });
  // The client the product's drizzle handle uses, with its commits flushed (client.ts).
  const client = (database.db as unknown as { $client: PGlite }).$client;
  const durable = await rates((q, p) => client.query(q, p));
  const flushes = database.flusher!.stats.flushes;
  await database.close();

  const fmt = (n: number) => `${Math.round(n)}/s`;
  console.log(`  PGlite as it comes (commits in the OS cache): ${fmt(plain.sequential)} one by one, ${fmt(plain.concurrent)} 50 at a time`);
  console.log(`  flushed to disk: ${fmt(durable.sequential)} one by one, ${fmt(durable.concurrent)} 50 at a time (${flushes} flushes for ${SEQUENTIAL + CONCURRENT + 1} commits)`);
  const ratio = durable.concurrent / plain.concurrent;
  report('durable commits, 50 at a time, vs PGlite as it comes', `${(ratio * 100).toFixed(0)} %`, '≥ 50 % (concurrent commits share a flush)', ratio >= 0.5);
  report('durable autocommit inserts one by one', fmt(durable.sequential), '≥ 100/s', durable.sequential >= 100);
}
