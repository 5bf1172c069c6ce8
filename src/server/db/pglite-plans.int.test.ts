// The kept plans of the embedded database (decisions 040, 042): a statement asked for runs as EXECUTE
// of its PREPAREd self, with its generic plan and its values as literals, and answers exactly what the plain statement does,
// whatever the text holds; what cannot be written as a literal, or prepared, runs as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { keepPlan, keepPlansOf } from './pglite-plans';

let client: PGlite;
let plans: ReturnType<typeof keepPlansOf>;
beforeAll(async () => {
  client = new PGlite();
  await client.exec(`CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL, done boolean, at timestamptz)`);
  await client.query(`INSERT INTO notes VALUES (1, $1, true, '2026-06-05T08:00:00+07:00'), (2, $2, false, NULL), (3, 'ba', NULL, NULL)`, [
    `Đồng chí O'Brien\\n "trích" \\'`,
    `Chi bộ; DROP TABLE notes; --`,
  ]);
  plans = keepPlansOf(client);
});
afterAll(() => client?.close());

const text = 'SELECT id, body, done, at FROM notes WHERE body = $1 OR id = $2 OR done = $3 ORDER BY id';
const plain = async (values: unknown[]) => (await client.query(`/* plain */ ${text}`, values)).rows;

describe('kept plans on PGlite', () => {
  it('answers as the plain statement for text with quotes, backslashes and SQL in it, numbers, booleans and nulls', async () => {
    keepPlan(client, text, 'notes_kept');
    const cases: unknown[][] = [
      [`Đồng chí O'Brien\\n "trích" \\'`, null, null],
      [`Chi bộ; DROP TABLE notes; --`, 3, null],
      [`x'); DELETE FROM notes; --`, null, true],
      ['', 2, false],
    ];
    for (const values of cases) {
      const before = plans.executed();
      const kept = (await client.query(text, values)).rows;
      expect(plans.executed()).toBe(before + 1);
      expect(kept).toEqual(await plain(values));
    }
    expect((await client.query('SELECT count(*)::int AS n FROM notes')).rows).toEqual([{ n: 3 }]);
    // Past PostgreSQL's five custom plans, the same answers.
    for (let i = 0; i < 6; i++) expect((await client.query(text, cases[1]!)).rows).toEqual(await plain(cases[1]!));
  });

  it('runs a kept statement with its generic plan only, and leaves every other statement to PostgreSQL (decision 042)', async () => {
    const byId = 'SELECT id, body FROM notes WHERE id = $1 AND 10 / $2 > 0';
    keepPlan(client, byId, 'notes_generic');
    for (let i = 0; i < 8; i++) expect((await client.query(byId, [1, 1])).rows).toEqual([{ id: 1, body: `Đồng chí O'Brien\\n "trích" \\'` }]);
    const [counts] = (await client.query<{ generic: number; custom: number }>(`SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE name = 'notes_generic'`)).rows;
    expect(counts).toEqual({ generic: 8, custom: 0 });
    // The setting ends with the statement, whether it failed or not.
    await expect(client.query(byId, [1, 0])).rejects.toThrow(/division by zero/u);
    expect((await client.query('SHOW plan_cache_mode')).rows).toEqual([{ plan_cache_mode: 'auto' }]);
  });

  it('runs a statement plainly when a value is not a literal (an array) or PREPARE refuses it', async () => {
    const withArray = 'SELECT id FROM notes WHERE id = ANY($1) ORDER BY id';
    keepPlan(client, withArray, 'notes_any');
    const before = plans.executed();
    expect((await client.query(withArray, [[1, 3]])).rows).toEqual([{ id: 1 }, { id: 3 }]);
    // A statement PREPARE refuses runs plainly, and fails as it would have without a kept plan.
    const refused = 'SELECT $1::no_such_type AS value';
    keepPlan(client, refused, 'notes_refused');
    for (let i = 0; i < 2; i++) await expect(client.query(refused, ['ba'])).rejects.toThrow(/no_such_type/u);
    expect(plans.executed()).toBe(before);
  });

  it('keeps the plan in a transaction too, and gives the transaction back as it was', async () => {
    const inTx = 'SELECT id, body FROM notes WHERE id = $1';
    keepPlan(client, inTx, 'notes_in_tx');
    const before = plans.executed();
    await expect(
      client.transaction(async (tx) => {
        // Prepared first in this transaction, which then rolls back.
        expect((await tx.query(inTx, [3])).rows).toEqual([{ id: 3, body: 'ba' }]);
        expect((await tx.query('SHOW plan_cache_mode')).rows).toEqual([{ plan_cache_mode: 'auto' }]);
        await tx.query(`UPDATE notes SET body = 'bốn' WHERE id = 3`);
        expect((await tx.query(inTx, [3])).rows).toEqual([{ id: 3, body: 'bốn' }]);
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(plans.executed()).toBe(before + 2);
    // The prepared statement outlives the transaction; the transaction's write does not.
    expect((await client.query(inTx, [3])).rows).toEqual([{ id: 3, body: 'ba' }]);
    expect(plans.executed()).toBe(before + 3);
    // A statement PREPARE refuses runs plainly in a transaction, and fails there with its own error,
    // not with the refused PREPARE's "transaction is aborted".
    const refused = 'SELECT $1::no_such_type_either AS value';
    keepPlan(client, refused, 'notes_refused_in_tx');
    await expect(client.transaction((tx) => tx.query(refused, ['ba']))).rejects.toThrow(/type "no_such_type_either" does not exist/u);
    expect((await client.transaction((tx) => tx.query(inTx, [1]))).rows).toEqual([{ id: 1, body: `Đồng chí O'Brien\\n "trích" \\'` }]);
    expect(plans.executed()).toBe(before + 4);
  });

  it('leaves alone a statement nobody asked for and a name that is not a plain identifier', async () => {
    const other = 'SELECT body FROM notes WHERE id = $1';
    keepPlan(client, other, 'Not-An-Identifier');
    const before = plans.executed();
    expect((await client.query(other, [3])).rows).toEqual([{ body: 'ba' }]);
    expect((await client.query('SELECT body FROM notes WHERE id = $1 AND true', [3])).rows).toEqual([{ body: 'ba' }]);
    expect(plans.executed()).toBe(before);
  });
});
