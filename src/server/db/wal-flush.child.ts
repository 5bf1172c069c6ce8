// Run under strace by wal-flush.int.test.ts: opens the embedded database in a folder, then makes
// 20 autocommit inserts between two markers the trace can find (an access() to a named path).
import { accessSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase } from './client';

const [dataDir, marker] = process.argv.slice(2);
const database = await openDatabase({ dataDir });
await database.db.execute(sql`create table if not exists probe (id int primary key, at timestamptz default now())`);
const touch = (name: string) => {
  try {
    accessSync(`${marker}-${name}`);
  } catch {
    // The path does not exist: only the system call matters.
  }
};
touch('start');
for (let i = 1; i <= 20; i += 1) await database.db.execute(sql`insert into probe (id) values (${i})`);
touch('end');
await database.close();
