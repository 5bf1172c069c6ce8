// A plan's propaganda log: entries per unit and channel (create with a client-chosen id, edit with
// the version, delete), their attachments, and the totals by channel the cell report and the
// consolidation show (propagandaTotals). Every write is transactional and audited.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import { createOnce, keyTaken } from '../../idempotency';
import type { Actor } from '../../auth/actor';
import { conflict, forbidden, notFound } from '../../errors';
import { now } from '../../clock';
import { todayInVietnam } from '../../../domain/dates';
import { updateVersioned } from '../../db/versioned';
import { detectEvidenceType, type FileStore } from '../../files/store';
import { recordAudit } from '../audit/service';
import { attachments, type Attachment } from '../resolutions/tables';
import { safeFileName } from '../resolutions/attachments';
import { units, type Unit } from '../units/tables';
import { openOn, toRef } from '../units/service';
import { loadPlanFor } from '../plans/service';
import { plans, type Plan } from '../plans/tables';
import { canViewPropaganda, canWritePropaganda } from './policy';
import { emptyFile, emptyTitle, fileType, idTaken, planNotIssued, unknownUnit } from './errors';
import { channelNames, propagandaChannels, propagandaEntries, type PropagandaChannel, type PropagandaEntry } from './tables';
import type { ChannelTotals } from '../../../domain/propaganda';
import type { EntryCreateInput, EntryUpdateInput } from './schema';
import { readTogether } from '../../db/read-together';

export const ATTACHMENT_OWNER = 'propaganda';
export const MAX_PROPAGANDA_FILE_BYTES = 20 * 1024 * 1024;

const keyOf = (e: Pick<PropagandaEntry, 'tenantId' | 'id'>) => and(eq(propagandaEntries.tenantId, e.tenantId), eq(propagandaEntries.id, e.id));

/** The commune's units open today, by id (for names and the writable list). */
async function unitsOfCommune(db: DbOrTx, tenantId: string) {
  return db.select().from(units).where(and(eq(units.tenantId, tenantId), openOn(todayInVietnam(now())))).orderBy(asc(units.path));
}

/** An open unit of the plan's commune the actor may write for: 400 when it is not one, 403 when not theirs. */
export async function writableUnit(db: DbOrTx, actor: Actor, tenantId: string, unitId: string): Promise<Unit> {
  const [unit] = await db.select().from(units).where(and(eq(units.tenantId, tenantId), eq(units.id, unitId), openOn(todayInVietnam(now()))));
  if (!unit) throw unknownUnit();
  if (!canWritePropaganda(actor, toRef(unit))) throw forbidden('ghi kết quả tuyên truyền của đơn vị khác');
  return unit;
}

/** The units of a plan's commune the actor may write entries and schedules for. */
export async function writableUnits(db: DbOrTx, actor: Actor, plan: Plan) {
  if (plan.status !== 'issued') return [];
  return (await unitsOfCommune(db, plan.tenantId)).filter((u) => canWritePropaganda(actor, toRef(u))).map((u) => ({ id: u.id, name: u.name }));
}

async function describeEntries(db: DbOrTx, actor: Actor, rows: PropagandaEntry[]) {
  if (rows.length === 0) return [];
  const tenantId = rows[0]!.tenantId;
  const unitIds = [...new Set(rows.map((r) => r.unitId))];
  const [unitRows, files] = await readTogether(db, [
    () => db.select().from(units).where(and(eq(units.tenantId, tenantId), inArray(units.id, unitIds))),
    () => db
      .select()
      .from(attachments)
      .where(and(eq(attachments.tenantId, tenantId), eq(attachments.ownerType, ATTACHMENT_OWNER), inArray(attachments.ownerId, rows.map((r) => r.id))))
      .orderBy(asc(attachments.createdAt)),
  ]);
  const byId = new Map(unitRows.map((u) => [u.id, u]));
  return rows.map((r) => {
    const unit = byId.get(r.unitId);
    return {
      id: r.id,
      planId: r.planId,
      unitId: r.unitId,
      unitName: unit?.name ?? '',
      channel: r.channel,
      channelName: channelNames[r.channel],
      on: r.on,
      title: r.title,
      link: r.link,
      posts: r.posts,
      broadcasts: r.broadcasts,
      copies: r.copies,
      durationMinutes: r.durationMinutes,
      reach: r.reach,
      note: r.note,
      public: r.public,
      version: r.version,
      attachments: files.filter((f) => f.ownerId === r.id).map((f) => ({ id: f.id, fileName: f.fileName, contentType: f.contentType, size: f.size })),
      canEdit: !!unit && canWritePropaganda(actor, toRef(unit)),
    };
  });
}

/** GET /api/plans/:id/propaganda: the plan's entries, newest first, filtered by unit and channel. */
export async function listEntries(db: DbOrTx, actor: Actor, planId: string, filter: { unitId?: string; channel?: PropagandaChannel }) {
  const { plan } = await loadPlanFor(db, actor, planId);
  const rows = await db
    .select()
    .from(propagandaEntries)
    .where(
      and(
        eq(propagandaEntries.tenantId, plan.tenantId),
        eq(propagandaEntries.planId, plan.id),
        filter.unitId ? eq(propagandaEntries.unitId, filter.unitId) : undefined,
        filter.channel ? eq(propagandaEntries.channel, filter.channel) : undefined,
      ),
    )
    .orderBy(desc(propagandaEntries.on), desc(propagandaEntries.createdAt));
  return {
    entries: await describeEntries(db, actor, rows),
    channels: propagandaChannels.map((id) => ({ id, name: channelNames[id] })),
    writableUnits: await writableUnits(db, actor, plan),
  };
}

interface LoadedEntry {
  entry: PropagandaEntry;
  plan: Plan;
  commune: Unit;
}

/** An entry by id with its plan: 404 when the actor may not see the plan. */
export async function loadEntryFor(db: DbOrTx, actor: Actor, id: string): Promise<LoadedEntry> {
  const [entry] = await db.select().from(propagandaEntries).where(eq(propagandaEntries.id, id));
  if (!entry) throw notFound('propaganda');
  const [plan] = await db.select().from(plans).where(and(eq(plans.tenantId, entry.tenantId), eq(plans.id, entry.planId)));
  const [commune] = await db.select().from(units).where(eq(units.id, entry.tenantId));
  if (!plan || !commune || !canViewPropaganda(actor, plan, toRef(commune))) throw notFound('propaganda');
  return { entry, plan, commune };
}

/** The entry's unit must be the actor's to write (the ward staff: any unit). */
async function mustWrite(db: DbOrTx, actor: Actor, entry: PropagandaEntry) {
  const [unit] = await db.select().from(units).where(and(eq(units.tenantId, entry.tenantId), eq(units.id, entry.unitId)));
  if (!unit || !canWritePropaganda(actor, toRef(unit))) throw forbidden('sửa kết quả tuyên truyền của đơn vị khác');
}

const describeOne = async (db: DbOrTx, actor: Actor, entry: PropagandaEntry) => (await describeEntries(db, actor, [entry]))[0]!;

const cleanText = (s: string | null | undefined) => (s === undefined ? undefined : s?.trim() || null);

/** POST /api/plans/:id/propaganda: the client names the id, so a retried request finds the entry. */
export async function createEntry(db: Db, actor: Actor, planId: string, input: EntryCreateInput) {
  return db.transaction(async (tx) => {
    const { plan } = await loadPlanFor(tx, actor, planId);
    const request = { tenantId: plan.tenantId, actorId: actor.userId, scope: `propaganda:${plan.id}`, key: input.id, taken: idTaken };
    const { created, result } = await createOnce(tx, request, {
      replay: async (id) => describeOne(tx, actor, (await tx.select().from(propagandaEntries).where(keyOf({ tenantId: plan.tenantId, id })))[0]!),
      create: async () => {
        const row = await insertEntry(tx, actor, plan, input);
        return { id: row.id, result: await describeOne(tx, actor, row) };
      },
    });
    return { created, entry: result };
  });
}

async function insertEntry(tx: Tx, actor: Actor, plan: Plan, input: EntryCreateInput) {
  // The id is the client's: one taken in another commune (or before keys were kept) is refused.
  const [clash] = await tx.select({ id: propagandaEntries.id }).from(propagandaEntries).where(eq(propagandaEntries.id, input.id));
  if (clash) throw idTaken();
  if (plan.status !== 'issued') throw planNotIssued();
  const unit = await writableUnit(tx, actor, plan.tenantId, input.unitId);
  const title = input.title.trim();
  if (!title) throw emptyTitle();
  const [row] = await tx
    .insert(propagandaEntries)
    .values({
      tenantId: plan.tenantId,
      id: input.id,
      planId: plan.id,
      unitId: unit.id,
      channel: input.channel,
      on: input.on,
      title,
      link: cleanText(input.link) ?? null,
      posts: input.posts ?? 0,
      broadcasts: input.broadcasts ?? 0,
      copies: input.copies ?? 0,
      durationMinutes: input.durationMinutes ?? null,
      reach: input.reach ?? null,
      note: cleanText(input.note) ?? null,
      public: input.public ?? false,
      createdBy: actor.userId,
    })
    .returning();
  await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'propaganda.create', entity: 'propaganda', entityId: row!.id, after: row });
  return row!;
}

/** PATCH /api/propaganda/:id: version-conditional (409 with the entry as it is now). */
export async function updateEntry(db: Db, actor: Actor, id: string, input: EntryUpdateInput) {
  return db.transaction(async (tx) => {
    const { entry } = await loadEntryFor(tx, actor, id);
    await mustWrite(tx, actor, entry);
    if (input.version !== entry.version) throw conflict('propaganda', await describeOne(tx, actor, entry));
    const changes: Partial<PropagandaEntry> = { updatedAt: now() };
    if (input.unitId !== undefined && input.unitId !== entry.unitId) changes.unitId = (await writableUnit(tx, actor, entry.tenantId, input.unitId)).id;
    if (input.title !== undefined) {
      if (!input.title.trim()) throw emptyTitle();
      changes.title = input.title.trim();
    }
    if (input.channel !== undefined) changes.channel = input.channel;
    if (input.on !== undefined) changes.on = input.on;
    if (input.link !== undefined) changes.link = cleanText(input.link) ?? null;
    if (input.note !== undefined) changes.note = cleanText(input.note) ?? null;
    for (const k of ['posts', 'broadcasts', 'copies'] as const) if (input[k] !== undefined) changes[k] = input[k];
    if (input.durationMinutes !== undefined) changes.durationMinutes = input.durationMinutes;
    if (input.reach !== undefined) changes.reach = input.reach;
    if (input.public !== undefined) changes.public = input.public;
    const updated = await updateVersioned(tx, propagandaEntries, keyOf(entry), input.version, changes, { entity: 'propaganda', current: async () => describeOne(tx, actor, entry) });
    await recordAudit(tx, { tenantId: entry.tenantId, actorId: actor.userId, action: 'propaganda.update', entity: 'propaganda', entityId: id, before: entry, after: updated });
    return describeOne(tx, actor, updated);
  });
}

/** DELETE /api/propaganda/:id?version=n: the entry and its attachment rows (the files stay in the store). */
export async function deleteEntry(db: Db, actor: Actor, id: string, version: number) {
  await db.transaction(async (tx) => {
    const { entry } = await loadEntryFor(tx, actor, id);
    await mustWrite(tx, actor, entry);
    const [gone] = await tx.delete(propagandaEntries).where(and(keyOf(entry), eq(propagandaEntries.version, version))).returning();
    if (!gone) throw conflict('propaganda', await describeOne(tx, actor, entry));
    await tx.delete(attachments).where(and(eq(attachments.tenantId, entry.tenantId), eq(attachments.ownerType, ATTACHMENT_OWNER), eq(attachments.ownerId, entry.id)));
    await recordAudit(tx, { tenantId: entry.tenantId, actorId: actor.userId, action: 'propaganda.delete', entity: 'propaganda', entityId: id, before: entry });
  });
}

/** Loads the entry and checks the actor may attach to it (before the upload is read). */
export async function entryForAttachment(db: DbOrTx, actor: Actor, id: string) {
  const loaded = await loadEntryFor(db, actor, id);
  await mustWrite(db, actor, loaded.entry);
  return loaded;
}

/** A photo or document of the entry (PDF, DOCX, JPEG, PNG by content, ≤ 20 MB) stored by hash. */
export async function attachToEntry(db: Db, store: FileStore, actor: Actor, { entry }: LoadedEntry, file: { bytes: Buffer; fileName: string }, idempotencyKey?: string) {
  if (file.bytes.length === 0) throw emptyFile();
  const type = await detectEvidenceType(file.bytes);
  if (!type) throw fileType();
  const sha256 = await store.save(file.bytes);
  return db.transaction(async (tx) => {
    const describe = (row: Pick<Attachment, 'id' | 'fileName' | 'contentType' | 'size'>) => ({ id: row.id, fileName: row.fileName, contentType: row.contentType, size: row.size });
    // A retried upload (same Idempotency-Key) answers with the attachment the first one added.
    const request = { tenantId: entry.tenantId, actorId: actor.userId, scope: `propaganda-attachment:${entry.id}`, key: idempotencyKey, taken: () => keyTaken('file') };
    const { result } = await createOnce(tx, request, {
      replay: async (id) => describe((await tx.select().from(attachments).where(and(eq(attachments.tenantId, entry.tenantId), eq(attachments.id, id))))[0]!),
      create: async () => {
        const [row] = await tx
          .insert(attachments)
          .values({ tenantId: entry.tenantId, ownerType: ATTACHMENT_OWNER, ownerId: entry.id, sha256, fileName: safeFileName(file.fileName, type.extension), contentType: type.contentType, size: file.bytes.length, createdBy: actor.userId })
          .returning();
        await recordAudit(tx, { tenantId: entry.tenantId, actorId: actor.userId, action: 'propaganda.attach', entity: 'propaganda', entityId: entry.id, after: row });
        return { id: row!.id, result: describe(row!) };
      },
    });
    return result;
  });
}

export async function findEntryFile(db: DbOrTx, entry: Pick<PropagandaEntry, 'tenantId' | 'id'>, attachmentId: string) {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.tenantId, entry.tenantId), eq(attachments.ownerType, ATTACHMENT_OWNER), eq(attachments.ownerId, entry.id), eq(attachments.id, attachmentId)));
  if (!row) throw notFound('file');
  return row;
}

export type { ChannelTotals } from '../../../domain/propaganda';

/**
 * The plan's propaganda by channel (for the cell report and the consolidation): one grouped query,
 * of one unit and the units below it when `unitId` is given. No access check: callers have made it.
 */
export async function propagandaTotals(db: DbOrTx, tenantId: string, planId: string, unitId?: string): Promise<Partial<Record<PropagandaChannel, ChannelTotals>>> {
  let unitFilter;
  if (unitId) {
    const [unit] = await db.select({ path: units.path }).from(units).where(and(eq(units.tenantId, tenantId), eq(units.id, unitId)));
    if (!unit) return {};
    unitFilter = sql`${propagandaEntries.unitId} in (select ${units.id} from ${units} where ${units.tenantId} = ${tenantId} and ${units.path} like ${`${unit.path}%`})`;
  }
  const rows = await db
    .select({
      channel: propagandaEntries.channel,
      entries: sql<number>`count(*)::int`,
      posts: sql<number>`coalesce(sum(${propagandaEntries.posts}), 0)::int`,
      broadcasts: sql<number>`coalesce(sum(${propagandaEntries.broadcasts}), 0)::int`,
      copies: sql<number>`coalesce(sum(${propagandaEntries.copies}), 0)::int`,
      durationMinutes: sql<number>`coalesce(sum(${propagandaEntries.durationMinutes}), 0)::int`,
      reach: sql<number>`coalesce(sum(${propagandaEntries.reach}), 0)::int`,
    })
    .from(propagandaEntries)
    .where(and(eq(propagandaEntries.tenantId, tenantId), eq(propagandaEntries.planId, planId), unitFilter))
    .groupBy(propagandaEntries.channel);
  const out: Partial<Record<PropagandaChannel, ChannelTotals>> = {};
  for (const channel of propagandaChannels) {
    const r = rows.find((x) => x.channel === channel);
    if (r) out[channel] = { entries: r.entries, posts: r.posts, broadcasts: r.broadcasts, copies: r.copies, durationMinutes: r.durationMinutes, reach: r.reach };
  }
  return out;
}

/** GET /api/plans/:id/propaganda/totals. */
export async function totalsFor(db: DbOrTx, actor: Actor, planId: string, unitId?: string) {
  const { plan } = await loadPlanFor(db, actor, planId);
  return { byChannel: await propagandaTotals(db, plan.tenantId, plan.id, unitId) };
}
