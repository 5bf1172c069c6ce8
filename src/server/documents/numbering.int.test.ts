// The numbering service on the demo ward (one plan issued as 1-KH/ĐU in 2026), on PGlite and on
// PostgreSQL.
import { readFileSync } from 'node:fs';
import { and, asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/support/app';
import type { Database } from '../db/client';
import type { DocumentTypeId } from '../../domain/document-types';
import { communeSettings } from '../features/settings/tables';
import { loadCommuneSettings } from '../features/settings/service';
import { plans } from '../features/plans/tables';
import { units } from '../features/units/tables';
import { nextDocumentNumber } from './numbering';
import { documentNumbers } from './tables';

let database: Database;
let tenantId: string;
let cellA: string;
let cellB: string;

beforeAll(async () => {
  database = await openTestDatabase();
  const [commune] = await database.db.select().from(units).where(eq(units.kind, 'commune'));
  tenantId = commune!.id;
  const cells = await database.db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.kind, 'cell'))).orderBy(asc(units.name)).limit(2);
  [cellA, cellB] = cells.map((c) => c.id) as [string, string];
});
afterAll(() => database?.close());

/** Numbers one new document (a fresh id) in its own transaction. */
function give(type: DocumentTypeId, issuedOn: string, issuerUnitId = tenantId) {
  return database.db.transaction((tx) => nextDocumentNumber(tx, { tenantId, issuerUnitId, type, issuedOn, documentId: crypto.randomUUID() }));
}

async function setNumbering(numbering: 'year' | 'term', termStartedOn: string | null) {
  const [commune] = await database.db.select().from(units).where(eq(units.id, tenantId));
  const current = await loadCommuneSettings(database.db, commune!);
  const next = { ...current, numbering, termStartedOn };
  await database.db.insert(communeSettings).values(next).onConflictDoUpdate({ target: communeSettings.tenantId, set: next });
}

describe('nextDocumentNumber', () => {
  it('counts each type of the same issuer apart, continuing the plans and convocations already issued', async () => {
    expect(await give('plan', '2026-06-01')).toEqual({ number: 2, period: '2026', symbol: 'KH/ĐU' });
    // The demo's ward conference took convocation number 1 on 16/05/2026.
    expect(await give('convocation', '2026-06-01')).toEqual({ number: 2, period: '2026', symbol: 'GTT/ĐU' });
    expect((await give('report', '2026-06-02')).number).toBe(1);
    expect((await give('convocation', '2026-06-03')).number).toBe(3);
    expect((await give('plan', '2026-06-03')).number).toBe(3);
  });

  it('counts each issuer apart: two cells number their reports "…-BC/CB" from 1 each', async () => {
    expect(await give('cellReport', '2026-06-10', cellA)).toEqual({ number: 1, period: '2026', symbol: 'BC/CB' });
    expect((await give('cellReport', '2026-06-11', cellA)).number).toBe(2);
    expect((await give('cellReport', '2026-06-11', cellB)).number).toBe(1);
    // The commune's reports ("BC/ĐU") are another counter again.
    expect((await give('report', '2026-06-12')).number).toBe(2);
  });

  it("restarts on 1 January when numbering per year, and runs on over the term when numbering per term", async () => {
    await setNumbering('year', null);
    expect((await give('minutes', '2026-12-29')).number).toBe(1);
    expect((await give('minutes', '2026-12-30')).number).toBe(2);
    expect(await give('minutes', '2027-01-04')).toEqual({ number: 1, period: '2027', symbol: 'BB/ĐU' });

    await setNumbering('term', '2025-10-01');
    const before = await give('convocation', '2026-12-30');
    const after = await give('convocation', '2027-01-04');
    expect(before.period).toBe('term:2025-10-01');
    expect(after).toEqual({ number: before.number + 1, period: 'term:2025-10-01', symbol: 'GTT/ĐU' });
    // A cell has no term of its own: its reports restart each year whatever the commune sets.
    expect(await give('cellReport', '2027-01-04', cellA)).toEqual({ number: 1, period: '2027', symbol: 'BC/CB' });
    await setNumbering('year', null);
  });

  it('gives 1..10 to ten documents numbered at once, without gaps or duplicates', async () => {
    const given = await Promise.all(Array.from({ length: 10 }, () => give('report', '2030-03-01')));
    expect(given.map((g) => g.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const rows = await database.db.select().from(documentNumbers).where(and(eq(documentNumbers.symbol, 'BC/ĐU'), eq(documentNumbers.period, '2030')));
    expect(rows).toHaveLength(10);
  });

  it('refuses an unnumbered type, and an issuer of the wrong kind', async () => {
    await expect(give('signInSheet', '2026-06-01')).rejects.toThrow(TypeError);
    await expect(give('cellReport', '2026-06-01')).rejects.toMatchObject({ id: 'document.issuer-kind' });
    await expect(give('plan', '2026-06-01', cellA)).rejects.toMatchObject({ id: 'document.issuer-kind' });
  });

  it('registers the plans issued before the register existed (the migration’s backfill)', async () => {
    const [issued] = await database.db.select().from(plans).where(eq(plans.status, 'issued'));
    await database.db.delete(documentNumbers).where(eq(documentNumbers.documentType, 'plan'));
    const migration = readFileSync(new URL('../../../drizzle/0006_backfill_document_numbers.sql', import.meta.url), 'utf8');
    await database.db.execute(sql.raw(migration));
    const [row] = await database.db.select().from(documentNumbers).where(eq(documentNumbers.documentId, issued!.id));
    expect(row).toMatchObject({ tenantId, issuerUnitId: issued!.issuerUnitId, symbol: 'KH/ĐU', period: '2026', number: issued!.number, documentType: 'plan', issuedOn: issued!.issuedOn });
  });
});
