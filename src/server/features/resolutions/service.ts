import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { conflict, duplicate, forbidden, notFound, badRequest } from '../../errors';
import { foldVietnamese } from '../../../domain/vietnamese-names';
import { updateVersioned } from '../../db/versioned';
import { recordAudit } from '../audit/service';
import { planResolutions, plans } from '../plans/tables';
import { loadUnit, resolveCommune, toRef } from '../units/service';
import { canAttachFile, canCreateResolution, canDownloadAttachment, canEditResolution, canLinkResolutions, canViewResolutions } from './policy';
import type { UnitRef } from '../../auth/actor';
import { canViewPlan } from '../plans/policy';
import { attachments, resolutionLinks, resolutions, type Resolution, type ResolutionRelation } from './tables';
import type { z } from 'zod';
import type { resolutionInput, resolutionUpdate } from './schema';
import { now } from '../../clock';

type Input = z.infer<typeof resolutionInput>;
type Update = z.infer<typeof resolutionUpdate>;

export { normaliseResolutionNumber as normaliseNumber } from '../../../domain/resolutions';
import { normaliseResolutionNumber as normaliseNumber } from '../../../domain/resolutions';
import { readTogether } from '../../db/read-together';

const publicFields = ({ tenantId: _t, createdBy: _c, createdAt: _a, updatedAt: _u, searchVector: _s, ...rest }: Resolution) => rest;

/** A named policy of this feature and what a refusal says the actor may not do. */
type Ask = readonly [(actor: Actor, commune: UnitRef) => boolean, string];

export const asks = {
  list: [canViewResolutions, 'xem văn bản của đảng bộ này'],
  create: [canCreateResolution, 'đăng ký văn bản cho đảng bộ này'],
  view: [canViewResolutions, 'xem văn bản này'],
  edit: [canEditResolution, 'sửa văn bản này'],
  link: [canLinkResolutions, 'liên kết văn bản này'],
  attach: [canAttachFile, 'đính kèm tệp vào văn bản này'],
  download: [canDownloadAttachment, 'tải tệp của văn bản này'],
} as const satisfies Record<string, Ask>;

async function communeFor(db: DbOrTx, actor: Actor, [allowed, action]: Ask, communeId?: string) {
  const commune = await resolveCommune(db, actor, communeId);
  if (!allowed(actor, toRef(commune))) throw forbidden(action);
  return commune;
}

/**
 * A document with its commune, judged against that commune by the named policy: a document the actor
 * may not read is not found (404); one they read but may not act on is forbidden (403).
 */
async function loadWithCommune(db: DbOrTx, actor: Actor, id: string, [allowed, action]: Ask) {
  const [row] = await db.select().from(resolutions).where(eq(resolutions.id, id));
  if (!row) throw notFound('resolution');
  const commune = toRef(await loadUnit(db, row.tenantId));
  if (!canViewResolutions(actor, commune)) throw notFound('resolution');
  if (!allowed(actor, commune)) throw forbidden(action);
  return { resolution: row, commune };
}

export async function loadResolution(db: DbOrTx, actor: Actor, id: string, ask: Ask = asks.view): Promise<Resolution> {
  return (await loadWithCommune(db, actor, id, ask)).resolution;
}

export async function createResolution(db: Db, actor: Actor, input: Input, communeId?: string) {
  return db.transaction(async (tx) => {
    const commune = await communeFor(tx, actor, asks.create, communeId);
    const number = normaliseNumber(input.number);
    await assertNumberFree(tx, commune.id, number);
    const [row] = await tx.insert(resolutions).values({ ...input, number, tenantId: commune.id, createdBy: actor.userId }).returning();
    await recordAudit(tx, { tenantId: commune.id, actorId: actor.userId, action: 'resolution.create', entity: 'resolution', entityId: row!.id, after: row });
    return publicFields(row!);
  });
}

async function assertNumberFree(db: DbOrTx, tenantId: string, number: string, exceptId?: string) {
  const [existing] = await db.select({ id: resolutions.id }).from(resolutions).where(and(eq(resolutions.tenantId, tenantId), eq(resolutions.number, number)));
  if (existing && existing.id !== exceptId) throw duplicate('resolution.number-taken', `Văn bản số ${number} đã có trong danh mục.`);
}

export async function updateResolution(db: Db, actor: Actor, id: string, patch: Update) {
  return db.transaction(async (tx) => {
    const current = await loadResolution(tx, actor, id, asks.edit);
    if (current.version !== patch.version) throw conflict('resolution', publicFields(current));
    const { version, ...changes } = patch;
    if (changes.number) {
      changes.number = normaliseNumber(changes.number);
      await assertNumberFree(tx, current.tenantId, changes.number, id);
    }
    const row = await updateVersioned(tx, resolutions, eq(resolutions.id, id), version, { ...changes, updatedAt: now() }, {
      entity: 'resolution',
      current: async () => publicFields(await loadResolution(tx, actor, id, asks.edit)),
    });
    await recordAudit(tx, { tenantId: row.tenantId, actorId: actor.userId, action: 'resolution.update', entity: 'resolution', entityId: id, before: current, after: row });
    return publicFields(row);
  });
}

/** Words of the query, folded; the last one matches as a prefix so that results follow typing. */
export function toTsQuery(q: string): string | null {
  const words = foldVietnamese(q).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  if (words.length === 0) return null;
  return words.map((w, i) => (i === words.length - 1 ? `${w}:*` : w)).join(' & ');
}

const RANK_WINDOW = 300;

const summaryColumns = {
  id: resolutions.id,
  kind: resolutions.kind,
  number: resolutions.number,
  issuedOn: resolutions.issuedOn,
  issuer: resolutions.issuer,
  subject: resolutions.subject,
  version: resolutions.version,
};

export async function searchResolutions(db: DbOrTx, actor: Actor, options: { q: string; kind?: Resolution['kind']; limit: number; communeId?: string }) {
  const commune = await communeFor(db, actor, asks.list, options.communeId);
  const filters = [eq(resolutions.tenantId, commune.id)];
  if (options.kind) filters.push(eq(resolutions.kind, options.kind));
  const tsQuery = toTsQuery(options.q);
  if (!tsQuery) {
    return db.select(summaryColumns).from(resolutions).where(and(...filters)).orderBy(desc(resolutions.issuedOn), resolutions.number).limit(options.limit);
  }
  const query = sql`to_tsquery('simple', ${tsQuery})`;
  // A broad query ("nghị quyết") can match most of a large registry: rank only the newest
  // RANK_WINDOW matches, so the answer stays fast.
  const matches = db
    .select({ ...summaryColumns, searchVector: resolutions.searchVector })
    .from(resolutions)
    .where(and(...filters, sql`${resolutions.searchVector} @@ ${query}`))
    .orderBy(desc(resolutions.issuedOn))
    .limit(RANK_WINDOW)
    .as('matches');
  const rank = sql<number>`ts_rank(${matches.searchVector}, ${query})`;
  const [exact, ranked] = await readTogether(db, [
    () => // The document whose number was typed comes first, () => however old it is.
    db.select(summaryColumns).from(resolutions).where(and(...filters, eq(resolutions.number, normaliseNumber(options.q)))),
    () => db
      .select({ id: matches.id, kind: matches.kind, number: matches.number, issuedOn: matches.issuedOn, issuer: matches.issuer, subject: matches.subject, version: matches.version, rank })
      .from(matches)
      .orderBy(desc(rank), desc(matches.issuedOn))
      .limit(options.limit),
  ]);
  const rest = ranked.filter((r) => !exact.some((e) => e.id === r.id)).map((r) => ({ ...r, rank: Number(r.rank) }));
  return [...exact, ...rest].slice(0, options.limit);
}

export async function resolutionDetail(db: DbOrTx, actor: Actor, id: string) {
  const { resolution, commune } = await loadWithCommune(db, actor, id, asks.view);
  const [files, outgoing, incoming, linkedPlans] = await readTogether(db, [
    () => db.select().from(attachments).where(and(eq(attachments.ownerType, 'resolution'), eq(attachments.ownerId, id))).orderBy(attachments.createdAt),
    () => db.select().from(resolutionLinks).where(eq(resolutionLinks.fromId, id)),
    () => db.select().from(resolutionLinks).where(eq(resolutionLinks.toId, id)),
    () => db
      .select({ id: plans.id, title: plans.title, kind: plans.kind, status: plans.status, number: plans.number, symbol: plans.symbol, tenantId: plans.tenantId })
      .from(planResolutions)
      .innerJoin(plans, and(eq(plans.tenantId, planResolutions.tenantId), eq(plans.id, planResolutions.planId)))
      .where(and(eq(planResolutions.tenantId, resolution.tenantId), eq(planResolutions.resolutionId, id))),
  ]);
  const otherIds = [...outgoing.map((l) => l.toId), ...incoming.map((l) => l.fromId)];
  const others = otherIds.length ? await db.select().from(resolutions).where(inArray(resolutions.id, otherIds)) : [];
  const byId = new Map(others.map((o) => [o.id, publicFields(o)]));
  const summary = (r: ReturnType<typeof publicFields>) => {
    const { content: _c, ...rest } = r;
    return rest;
  };
  return {
    resolution: publicFields(resolution),
    attachments: files.map(({ id: fileId, fileName, contentType, size, createdAt }) => ({ id: fileId, fileName, contentType, size, createdAt })),
    links: [
      ...outgoing.map((l) => ({ id: l.id, relation: l.relation, direction: 'outgoing' as const, other: summary(byId.get(l.toId)!) })),
      ...incoming.map((l) => ({ id: l.id, relation: l.relation, direction: 'incoming' as const, other: summary(byId.get(l.fromId)!) })),
    ],
    plans: linkedPlans.filter((p) => canViewPlan(actor, p, commune)).map(({ tenantId: _t, ...p }) => p),
    abilities: { edit: canEditResolution(actor, commune) },
  };
}

export async function linkResolutions(db: Db, actor: Actor, fromId: string, toId: string, relation: ResolutionRelation) {
  return db.transaction(async (tx) => {
    const from = await loadResolution(tx, actor, fromId, asks.link);
    await loadResolution(tx, actor, toId);
    if (fromId === toId) throw badRequest('resolution.self-link', 'Không thể liên kết một văn bản với chính nó.');
    const [existing] = await tx
      .select()
      .from(resolutionLinks)
      .where(and(eq(resolutionLinks.fromId, fromId), eq(resolutionLinks.toId, toId), eq(resolutionLinks.relation, relation)));
    if (existing) return existing;
    const [link] = await tx.insert(resolutionLinks).values({ tenantId: from.tenantId, fromId, toId, relation }).returning();
    await recordAudit(tx, { tenantId: from.tenantId, actorId: actor.userId, action: 'resolution.link', entity: 'resolution', entityId: fromId, after: link });
    return link!;
  });
}

export async function unlinkResolutions(db: Db, actor: Actor, fromId: string, linkId: string) {
  await db.transaction(async (tx) => {
    const from = await loadResolution(tx, actor, fromId, asks.link);
    const removed = await tx
      .delete(resolutionLinks)
      .where(and(eq(resolutionLinks.id, linkId), or(eq(resolutionLinks.fromId, fromId), eq(resolutionLinks.toId, fromId))))
      .returning();
    if (removed.length === 0) throw notFound('link');
    await recordAudit(tx, { tenantId: from.tenantId, actorId: actor.userId, action: 'resolution.unlink', entity: 'resolution', entityId: fromId, before: removed[0] });
  });
}
