// The report's creation in two statements (decision 040) against the general way it replaced: the
// figures read with the session are figuresOfSession's for every session of the demo campaign, and
// what the one write cannot decide alone (a second request for the same session at the same time, a
// key already used elsewhere) is still answered as before, with nothing written twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { startTestApp, type Session, type TestApp } from '../../../../test/support/app';
import { findAccountByUsername } from '../../auth/accounts';
import { loadActorForUser } from '../../auth/service';
import { auditLog } from '../audit/tables';
import { studySessions } from '../study-sessions/tables';
import { canViewReport } from './policy';
import { loadReportingSession } from './detail';
import { createInOneWrite, createReports } from './create';
import { figuresFromInputs } from './service';
import { idempotencyKeys } from '../../idempotency/tables';
import { countStatements } from '../../../../test/support/statements';
import { buildCell, buildCommune, buildMember, buildPlan, buildUserWithGrant } from '../../../../test/support/factories';
import { ensureCurrentRubric } from './rubric';
import { figuresOfSession } from './service';
import { cellReports, cellReportVersions } from './tables';

let t: TestApp;
let staff: Session;
beforeAll(async () => {
  t = await startTestApp();
  staff = await t.signIn('banxaydung');
});
afterAll(() => t?.close());

/** Regular sessions of cells without a report yet, in a stable order. */
async function sessionsWithoutReport() {
  const rows = await t.database.db.execute(sql`
    SELECT s.id FROM study_sessions s JOIN units u ON u.tenant_id = s.tenant_id AND u.id = s.unit_id
    WHERE s.kind = 'regular' AND NOT s.at_conference AND u.kind = 'cell'
      AND NOT EXISTS (SELECT 1 FROM cell_reports r WHERE r.tenant_id = s.tenant_id AND r.session_id = s.id)
    ORDER BY u.path, s.id`);
  return (rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
}

describe('a report created in two statements', () => {
  it('counts every demo session as figuresOfSession does (make-ups, exemptions, sessions not yet held)', async () => {
    const { db } = t.database;
    const actor = await loadActorForUser(db, (await findAccountByUsername(db, 'banxaydung'))!);
    const all = await db.select().from(studySessions).orderBy(studySessions.id);
    let compared = 0;
    let withMadeUp = 0;
    let withExempt = 0;
    let notHeld = 0;
    for (const session of all) {
      const loaded = await loadReportingSession(db, actor, session.id, canViewReport, 'xem', { figures: true });
      const expected = await figuresOfSession(db, session);
      if (!loaded.figureInputs) {
        // Read apart: make-up sessions and cells studying at the ward conference.
        expect(session.kind !== 'regular' || session.atConference, session.id).toBe(true);
        continue;
      }
      expect(figuresFromInputs(loaded.session, loaded.figureInputs), session.id).toEqual(expected);
      compared += 1;
      if (expected.members.madeUp > 0) withMadeUp += 1;
      if (expected.members.exempt > 0) withExempt += 1;
      if (session.heldOn === null) notHeld += 1;
    }
    expect(compared).toBeGreaterThan(20);
    expect(withMadeUp).toBeGreaterThan(0);
    expect(withExempt).toBeGreaterThan(0);
    expect(notHeld).toBeGreaterThan(0);
  });

  it('answers two creations of the same session sent at once with one report and one 409, written once', async () => {
    const [sessionId] = await sessionsWithoutReport();
    const send = () => staff.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, payload: { summary: 'Cùng lúc.' } });
    const answers = await Promise.all([send(), send()]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const conflict = answers.find((a) => a.statusCode === 409)!.json();
    expect(conflict.error.id).toBe('report.exists');
    const reports = await t.database.db.select().from(cellReports).where(eq(cellReports.sessionId, sessionId!));
    expect(reports).toHaveLength(1);
    expect(await t.database.db.select().from(cellReportVersions).where(eq(cellReportVersions.reportId, reports[0]!.id))).toHaveLength(1);
    expect(await t.database.db.select().from(auditLog).where(and(eq(auditLog.entity, 'report'), eq(auditLog.entityId, reports[0]!.id)))).toHaveLength(1);
  });

  it('refuses a key already used for another session and writes nothing for this one', async () => {
    const [first, second] = await sessionsWithoutReport();
    const headers = { 'idempotency-key': 'same-key-two-sessions' };
    expect((await staff.inject({ method: 'POST', url: `/api/sessions/${first}/report`, headers, payload: {} })).statusCode).toBe(201);
    const reused = await staff.inject({ method: 'POST', url: `/api/sessions/${second}/report`, headers, payload: {} });
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.id).toBe('report.id-taken');
    expect(await t.database.db.select().from(cellReports).where(eq(cellReports.sessionId, second!))).toHaveLength(0);
    // The same key for the same session is the first report again.
    const retried = await staff.inject({ method: 'POST', url: `/api/sessions/${first}/report`, headers, payload: {} });
    expect(retried.statusCode).toBe(201);
    expect(await t.database.db.select().from(cellReports).where(eq(cellReports.sessionId, first!))).toHaveLength(1);
  });

  it('leaves to the general way a write that lost its race (the report written since its read), changing nothing', async () => {
    const { db } = t.database;
    const actor = await loadActorForUser(db, (await findAccountByUsername(db, 'banxaydung'))!);
    const [sessionId] = await sessionsWithoutReport();
    const stale = await loadReportingSession(db, actor, sessionId!, canViewReport, 'xem', { figures: true });
    expect(stale.reportStatus).toBeNull();
    const created = await staff.inject({ method: 'POST', url: `/api/sessions/${sessionId}/report`, payload: { summary: 'Trước.' } });
    expect(created.statusCode).toBe(201);
    const audits = async () => (await db.select().from(auditLog).where(eq(auditLog.entity, 'report'))).length;
    const before = await audits();
    expect(await createInOneWrite(db, actor, stale, { summary: 'Sau.' }, 'lost-race-key-0001')).toBeNull();
    const reports = await db.select().from(cellReports).where(eq(cellReports.sessionId, sessionId!));
    expect(reports.map((r) => r.summary)).toEqual(['Trước.']);
    expect(await audits()).toBe(before);
    // The key's claim went with the refused write: the same key still works for another session.
    const [other] = await sessionsWithoutReport();
    const withKey = await staff.inject({ method: 'POST', url: `/api/sessions/${other}/report`, headers: { 'idempotency-key': 'lost-race-key-0001' }, payload: {} });
    expect(withKey.statusCode).toBe(201);
  });
});

describe('creations arriving together (decision 041)', () => {
  const actorOf = async (username: string) => loadActorForUser(t.database.db, (await findAccountByUsername(t.database.db, username))!);
  /** Another commune with a held session of its own cell, and its ward staff. */
  const otherCommune = async () => {
    const { database } = t;
    const commune = await buildCommune(database, 'Đảng ủy xã Cùng Đợt');
    const cell = await buildCell(database, commune, 'Chi bộ Thôn Cùng Đợt');
    await buildMember(database, cell, { fullName: 'Lê Văn Cùng' });
    const { plan } = await buildPlan(database, commune, { status: 'issued' });
    const [session] = await database.db.insert(studySessions).values({ tenantId: commune.id, planId: plan.id, unitId: cell.id, heldOn: '2026-05-20' }).returning();
    await database.db.transaction((tx) => ensureCurrentRubric(tx, commune.id));
    const { username } = await buildUserWithGrant(database, { role: 'wardStaff', unit: commune });
    return { sessionId: session!.id, actor: await actorOf(username) };
  };

  it('reads the sessions in one statement and writes the plain creations in one more', async () => {
    const actor = await actorOf('banxaydung');
    const ids = (await sessionsWithoutReport()).slice(0, 3);
    const { result, statements } = await countStatements(t.database.db, () =>
      createReports(t.database.db, ids.map((sessionId, i) => ({ actor, sessionId, input: { summary: `Cùng đợt ${i}.` }, key: `batch-plain-${i}` }))),
    );
    expect(result.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled']);
    expect(statements).toHaveLength(2);
    for (const [i, sessionId] of ids.entries()) {
      const [report] = await t.database.db.select().from(cellReports).where(eq(cellReports.sessionId, sessionId));
      expect(report!.summary).toBe(`Cùng đợt ${i}.`);
      expect((result[i] as PromiseFulfilledResult<{ id: string; version: number }>).value).toMatchObject({ id: report!.id, version: 1 });
      expect(await t.database.db.select().from(cellReportVersions).where(eq(cellReportVersions.reportId, report!.id))).toHaveLength(1);
      const [key] = await t.database.db.select().from(idempotencyKeys).where(eq(idempotencyKeys.key, `batch-plain-${i}`));
      expect(key!.entityId).toBe(report!.id);
    }
  });

  it("answers each creation of a batch as it would be answered alone: another commune's session, a score too high, a second report of a session", async () => {
    const { db } = t.database;
    const staffActor = await actorOf('banxaydung');
    const [a, b, c] = await sessionsWithoutReport();
    const { sessionId: ours, actor: otherActor } = await otherCommune();
    const rubric = (await staff.inject({ method: 'GET', url: '/api/rubrics/current' })).json();
    const item = rubric.groups[0].items[0];
    const before = (await db.select().from(auditLog).where(eq(auditLog.entity, 'report'))).length;
    const answers = await createReports(db, [
      { actor: staffActor, sessionId: a!, input: { summary: 'A.' }, key: 'batch-mixed-a' },
      { actor: staffActor, sessionId: b!, input: { scores: [{ itemId: item.id, points: item.maxPoints + 1 }] }, key: 'batch-mixed-b' },
      { actor: staffActor, sessionId: ours, input: {}, key: 'batch-mixed-other' },
      { actor: staffActor, sessionId: c!, input: { summary: 'C.' }, key: 'batch-mixed-c' },
      { actor: staffActor, sessionId: a!, input: { summary: 'A lần hai.' }, key: 'batch-mixed-a2' },
      { actor: otherActor, sessionId: ours, input: { summary: 'Phường khác.' }, key: 'batch-mixed-own' },
    ]);
    const outcome = answers.map((r) => (r.status === 'fulfilled' ? 201 : (r.reason as { status: number }).status));
    expect(outcome).toEqual([201, 400, 404, 201, 409, 201]);
    expect((answers[1] as PromiseRejectedResult).reason.message).toContain(item.name);
    expect((answers[4] as PromiseRejectedResult).reason.id).toBe('report.exists');
    const summaries = async (sessionId: string) => (await db.select().from(cellReports).where(eq(cellReports.sessionId, sessionId))).map((r) => r.summary);
    expect(await summaries(a!)).toEqual(['A.']);
    expect(await summaries(b!)).toEqual([]);
    expect(await summaries(c!)).toEqual(['C.']);
    expect(await summaries(ours)).toEqual(['Phường khác.']);
    // Three reports, three audit entries; the refused creations claimed no key.
    expect((await db.select().from(auditLog).where(eq(auditLog.entity, 'report'))).length).toBe(before + 3);
    const claimed = (await db.select().from(idempotencyKeys)).map((k) => k.key).filter((k) => k.startsWith('batch-mixed-'));
    expect(claimed.sort()).toEqual(['batch-mixed-a', 'batch-mixed-c', 'batch-mixed-own']);
  });
});

