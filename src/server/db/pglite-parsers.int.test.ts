// Dates and times read as text once (decision 043): Drizzle's statements read the same values without
// handing PGlite their parsers, and every other statement still gets PGlite's own values, in and out
// of transactions, in object and array rows, with or without parsers of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { readDatesAsTextOnce } from './pglite-parsers';

const SELECT = `SELECT '2026-06-05 08:00:00+07'::timestamptz AS at, '2026-06-05'::date AS day, '2026-06-05 08:00'::timestamp AS local,
  interval '1 day 02:00' AS span, ARRAY['2026-06-05 08:00:00+07'::timestamptz, NULL] AS ats, ARRAY['2026-06-05'::date] AS days,
  ARRAY[1.5::numeric] AS amounts, NULL::timestamptz AS never, 7 AS n, 'văn bản' AS body`;

let plain: PGlite;
let adapted: PGlite;
beforeAll(async () => {
  plain = new PGlite();
  adapted = new PGlite();
  await readDatesAsTextOnce(adapted);
});
afterAll(async () => {
  await plain?.close();
  await adapted?.close();
});

const drizzleOf = (client: PGlite) => drizzle(client);

describe('dates read as text once on PGlite', () => {
  it("answers Drizzle's statements with the same values, without giving PGlite its parsers", async () => {
    const query = sql.raw(SELECT);
    const expected = (await drizzleOf(plain).execute(query)).rows;
    expect(expected[0]).toMatchObject({ at: '2026-06-05 01:00:00+00', day: '2026-06-05', span: '1 day 02:00:00' });
    // What reaches PGlite's own query() under the adapted client.
    const client = new PGlite();
    try {
      const reached: unknown[] = [];
      const own = client.query.bind(client);
      client.query = (async (...args: Parameters<PGlite['query']>) => {
        reached.push(args[2]?.parsers);
        return own(...args);
      }) as PGlite['query'];
      await readDatesAsTextOnce(client);
      reached.length = 0; // the client's own start
      expect((await drizzleOf(client).execute(query)).rows).toEqual(expected);
      expect((await drizzleOf(adapted).execute(query)).rows).toEqual(expected);
      expect(reached).toEqual([undefined]);
    } finally {
      await client.close();
    }
  });

  it('answers other statements with PGlite\'s own values, in object and array rows', async () => {
    for (const options of [undefined, { rowMode: 'array' as const }]) {
      const expected = (await plain.query(SELECT, [], options)).rows;
      const got = (await adapted.query(SELECT, [], options)).rows;
      expect(got).toEqual(expected);
      expect(got[0]).toBeDefined();
    }
    const first = (await adapted.query<{ at: unknown; ats: unknown[]; day: unknown }>(SELECT)).rows[0]!;
    expect(first.at).toBeInstanceOf(Date);
    expect(first.ats[0]).toBeInstanceOf(Date);
    expect(first.day).toBeInstanceOf(Date);
    expect((await adapted.exec(`${SELECT}; ${SELECT}`)).map((r) => r.rows)).toEqual((await plain.exec(`${SELECT}; ${SELECT}`)).map((r) => r.rows));
  });

  it('keeps a statement\'s own parsers and PGlite\'s for the rest', async () => {
    const options = { parsers: { 1184: (value: string) => `at ${value}` } };
    const got = (await adapted.query(SELECT, [], options)).rows;
    expect(got).toEqual((await plain.query(SELECT, [], options)).rows);
    expect((got[0] as { at: string }).at).toBe('at 2026-06-05 01:00:00+00');
  });

  it('reads a repeated column name as PGlite does: the last column wins', async () => {
    const text = `SELECT '2026-06-05'::date AS x, 'chữ' AS x, '2026-06-05 08:00:00+07'::timestamptz AS y, 1 AS y, 2 AS z, '2026-06-06'::date AS z`;
    expect((await adapted.query(text)).rows).toEqual((await plain.query(text)).rows);
    expect((await adapted.query(text, [], { rowMode: 'array' })).rows).toEqual((await plain.query(text, [], { rowMode: 'array' })).rows);
  });

  it('does the same inside transactions', async () => {
    const inside = async (client: PGlite) =>
      client.transaction(async (tx) => ({
        raw: (await tx.query(SELECT)).rows,
        array: (await tx.query(SELECT, [], { rowMode: 'array' })).rows,
        exec: (await tx.exec(SELECT)).map((r) => r.rows),
      }));
    expect(await inside(adapted)).toEqual(await inside(plain));
    const viaDrizzle = async (client: PGlite) => drizzleOf(client).transaction(async (tx) => (await tx.execute(sql.raw(SELECT))).rows);
    expect(await viaDrizzle(adapted)).toEqual(await viaDrizzle(plain));
  });
});
