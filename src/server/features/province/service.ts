// The province's reads of its communes' reports: every query names the province's tenant, so it is
// one shard on Citus (decision 017), and the roll-ups are aggregates over that shard's rows, kept by
// the communes' own steps (upward.ts); nothing here reads a commune's members, cells or reports.
import { and, eq, getTableColumns, isNull, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, forbidden, notFound } from '../../errors';
import { now } from '../../clock';
import { rate } from '../../../domain/report-figures';
import { rollUp } from '../../../domain/province-rollup';
import { recordAudit } from '../audit/service';
import { loadUnit, toRef } from '../units/service';
import type { Unit } from '../units/tables';
import { canConfirmUpwardReceipt, canDownloadCommuneReport, canViewProvinceReports, provinceReaders } from './policy';
import { submittedConsolidatedReportDocument } from '../reports/document';
import { upwardReports, type UpwardReport } from './tables';

/** The province a request names, or the only one the actor reads. */
export async function provinceFor(db: DbOrTx, actor: Actor, provinceId?: string): Promise<Unit> {
  const ids = provinceId ? [provinceId] : [...new Set(actor.grants.filter((g) => (provinceReaders as readonly string[]).includes(g.role) && g.unitKind === 'province').map((g) => g.unitId))];
  if (ids.length === 0) throw forbidden('xem báo cáo của các đảng bộ xã, phường');
  if (ids.length !== 1) throw badRequest('province.required', 'Hãy chọn tỉnh để xem báo cáo của các đảng bộ xã, phường.');
  const province = await loadUnit(db, ids[0]!).catch(() => null);
  if (!province || province.kind !== 'province') throw notFound('province');
  if (!canViewProvinceReports(actor, toRef(province))) throw forbidden('xem báo cáo của các đảng bộ xã, phường');
  return province;
}

/** What the province shows of one commune's row: its figures only once submitted. */
function communeEntry(r: Omit<UpwardReport, 'cells' | 'difficulties' | 'proposals'>) {
  const submitted = r.status === 'submitted';
  return {
    communeId: r.communeId,
    communeName: r.communeName,
    planId: r.planId,
    planTitle: r.planTitle,
    planNumber: r.planNumber,
    status: r.status,
    dueAt: r.dueAt?.toISOString() ?? null,
    number: submitted ? r.number : '',
    issuedOn: submitted ? r.issuedOn : null,
    submittedAt: submitted ? (r.submittedAt?.toISOString() ?? null) : null,
    onTime: submitted ? r.onTime : null,
    read: submitted && r.readAt !== null,
    figures: submitted
      ? {
          cellsExpected: r.cellsExpected,
          cellsSubmitted: r.cellsSubmitted,
          cellsOnTime: r.cellsOnTime,
          cellsMissing: r.cellsMissing,
          completeness: rate(r.cellsSubmitted, r.cellsExpected),
          timeliness: rate(r.cellsOnTime, r.cellsExpected),
          membersExpected: r.membersExpected,
          membersStudied: r.membersPresent + r.membersLate + r.membersMadeUp,
          studied: rate(r.membersPresent + r.membersLate + r.membersMadeUp, r.membersExpected),
          ratings: r.ratings,
        }
      : null,
  };
}

/**
 * GET /api/province/reports: the resolutions the communes report on (communes, submitted, on time:
 * one grouped query over the province's rows), and for one resolution (the most recent by default)
 * each commune's entry and the roll-up across communes.
 */
export async function provinceReports(db: DbOrTx, actor: Actor, query: { provinceId?: string; resolution?: string }) {
  const province = await provinceFor(db, actor, query.provinceId);
  const t = upwardReports;
  // Aggregated in the province's shard, without a sort (PGlite sorts text slowly): a commune counts
  // once per resolution, as submitted (on time) if any of its plans' reports is.
  const perCommune = db
    .select({
      resolution: t.resolution,
      submitted: sql<boolean>`bool_or(${t.status} = 'submitted')`.as('submitted'),
      onTime: sql<boolean>`bool_or(${t.status} = 'submitted' and ${t.onTime} is not false)`.as('on_time'),
      latest: sql<Date>`max(${t.updatedAt})`.as('latest'),
    })
    .from(t)
    .where(eq(t.tenantId, province.tenantId))
    .groupBy(t.resolution, t.communeId)
    .as('per_commune');
  const grouped = await db
    .select({
      resolution: perCommune.resolution,
      communes: sql<number>`count(*)`.mapWith(Number),
      submitted: sql<number>`count(*) filter (where ${perCommune.submitted})`.mapWith(Number),
      onTime: sql<number>`count(*) filter (where ${perCommune.onTime})`.mapWith(Number),
      latest: sql<string>`max(${perCommune.latest})`,
    })
    .from(perCommune)
    .groupBy(perCommune.resolution);
  const resolutions = grouped.sort((a, b) => String(b.latest).localeCompare(String(a.latest)) || a.resolution.localeCompare(b.resolution, 'vi'));
  const selected = query.resolution ?? resolutions[0]?.resolution ?? null;
  if (query.resolution && !resolutions.some((r) => r.resolution === query.resolution)) throw notFound('resolution');
  // Each commune's report on it: its submitted one, else its latest plan's.
  const { cells: _cells, difficulties: _d, proposals: _p, ...listed } = getTableColumns(t);
  const found = selected ? await db.select(listed).from(t).where(and(eq(t.tenantId, province.tenantId), eq(t.resolution, selected))) : [];
  const current = new Map<string, (typeof found)[number]>();
  for (const r of found) {
    const seen = current.get(r.communeId);
    const rank = (x: typeof r) => [x.status === 'submitted' ? 1 : 0, x.updatedAt.getTime()] as const;
    if (!seen || rank(r)[0] > rank(seen)[0] || (rank(r)[0] === rank(seen)[0] && rank(r)[1] > rank(seen)[1])) current.set(r.communeId, r);
  }
  const rows = [...current.values()].sort((a, b) => a.communeName.localeCompare(b.communeName, 'vi'));
  return {
    province: { id: province.id, name: province.name },
    resolutions: resolutions.map((r) => ({
      resolution: r.resolution,
      communes: r.communes,
      submitted: r.submitted,
      onTime: r.onTime,
      completeness: rate(r.submitted, r.communes),
      timeliness: rate(r.onTime, r.communes),
    })),
    selected,
    rollup: rollUp(rows),
    communes: rows.map(communeEntry),
    abilities: { confirmReceipt: canConfirmUpwardReceipt(actor, toRef(province)) },
  };
}

async function submittedRow(db: DbOrTx, province: Unit, communeId: string, planId: string) {
  const [row] = await db
    .select()
    .from(upwardReports)
    .where(and(eq(upwardReports.tenantId, province.tenantId), eq(upwardReports.communeId, communeId), eq(upwardReports.planId, planId)));
  // A commune's report the ward has not submitted (or reopened) is not the province's to see.
  if (!row || row.status !== 'submitted') throw notFound('upward-report');
  return row;
}

function detailOf(row: UpwardReport) {
  return {
    ...communeEntry(row),
    difficulties: row.difficulties,
    proposals: row.proposals,
    members: {
      expected: row.membersExpected,
      present: row.membersPresent,
      late: row.membersLate,
      excused: row.membersExcused,
      absent: row.membersAbsent,
      madeUp: row.membersMadeUp,
    },
    cells: row.cells,
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/** GET /api/province/reports/:communeId/:planId: one commune's submitted report, as submitted. */
export async function upwardReportFor(db: DbOrTx, actor: Actor, communeId: string, planId: string, provinceId?: string) {
  const province = await provinceFor(db, actor, provinceId);
  return detailOf(await submittedRow(db, province, communeId, planId));
}

/**
 * GET …/document: the commune's consolidated report as it submitted it (the document the commune
 * itself downloads), for the province it reported to; a report not submitted (or reopened) is not
 * the province's (404), whatever the commune holds.
 */
export async function communeReportDocument(db: DbOrTx, actor: Actor, communeId: string, planId: string, provinceId?: string) {
  const province = await provinceFor(db, actor, provinceId);
  if (!canDownloadCommuneReport(actor, toRef(province))) throw forbidden('tải báo cáo của đảng bộ xã, phường');
  await submittedRow(db, province, communeId, planId);
  const document = await submittedConsolidatedReportDocument(db, communeId, planId);
  if (!document) throw notFound('upward-report');
  return document;
}

/** POST …/read: the province confirms it has received the commune's report (once). */
export async function confirmUpwardReceipt(db: Db, actor: Actor, communeId: string, planId: string, provinceId?: string) {
  return db.transaction(async (tx) => {
    const province = await provinceFor(tx, actor, provinceId);
    const row = await submittedRow(tx, province, communeId, planId);
    if (!canConfirmUpwardReceipt(actor, toRef(province))) throw forbidden('xác nhận đã nhận báo cáo');
    if (row.readAt) return detailOf(row);
    const [updated] = await tx
      .update(upwardReports)
      .set({ readAt: now(), readBy: actor.userId })
      .where(and(eq(upwardReports.tenantId, province.tenantId), eq(upwardReports.communeId, communeId), eq(upwardReports.planId, planId), isNull(upwardReports.readAt)))
      .returning();
    await recordAudit(tx, { tenantId: province.tenantId, actorId: actor.userId, action: 'upward-report.read', entity: 'plan', entityId: planId, after: { communeId } });
    return detailOf(updated ?? row);
  });
}
