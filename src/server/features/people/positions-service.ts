// Positions (chức vụ): a person holds a kind of position in a unit for a term [fromOn, toOn].
import { and, asc, eq } from 'drizzle-orm';
import type { Db, DbOrTx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { badRequest, conflict, duplicate, forbidden, notFound } from '../../errors';
import { formatDayFirst } from '../../../domain/dates';
import { kindFitsUnit, positionKindCode, standardPositionKinds } from '../../../domain/position-kinds';
import { updateVersioned } from '../../db/versioned';
import { createOnce, keyTaken } from '../../idempotency';
import { now } from '../../clock';
import { recordAudit } from '../audit/service';
import { type Unit, unitKinds } from '../units/tables';
import { loadUnitFor, resolveCommune, toRef } from '../units/service';
import { canEditPositionKinds, canEditPositions, canViewPositionKinds, canViewPositions } from './policy';
import { positionKinds, positions, type Position, type PositionKind } from './tables';
import { loadPersonOfTenant, positionsWhere } from './persons-service';

/** The standard list for a new commune (init, demo seed, the province's "create commune"). */
export async function seedPositionKinds(tx: DbOrTx, tenantId: string): Promise<void> {
  await tx
    .insert(positionKinds)
    .values(standardPositionKinds.map((k, i) => ({ tenantId, code: k.code, name: k.name, unitKinds: k.unitKinds, sortOrder: i })))
    .onConflictDoNothing();
}

const kindDto = ({ code, name, unitKinds: kinds, sortOrder }: PositionKind) => ({ code, name, unitKinds: kinds, sortOrder });

async function kindsOf(db: DbOrTx, tenantId: string) {
  return db.select().from(positionKinds).where(eq(positionKinds.tenantId, tenantId)).orderBy(asc(positionKinds.sortOrder), asc(positionKinds.name));
}

/** GET /api/position-kinds. */
export async function listPositionKinds(db: Db, actor: Actor, communeId?: string) {
  const commune = await resolveCommune(db, actor, communeId);
  if (!canViewPositionKinds(actor, toRef(commune))) throw forbidden('xem danh sách chức vụ');
  return { kinds: (await kindsOf(db, commune.id)).map(kindDto), abilities: { edit: canEditPositionKinds(actor, toRef(commune)) } };
}

/** POST /api/position-kinds: an administrator extends the list. */
export async function createPositionKind(db: Db, actor: Actor, input: { name: string; code?: string; unitKinds: (typeof unitKinds)[number][] }, communeId?: string) {
  const commune = await resolveCommune(db, actor, communeId);
  if (!canEditPositionKinds(actor, toRef(commune))) throw forbidden('thêm loại chức vụ');
  return db.transaction(async (tx) => {
    const existing = await kindsOf(tx, commune.id);
    const folded = (s: string) => positionKindCode(s).toLowerCase();
    if (existing.some((k) => folded(k.name) === folded(input.name))) throw duplicate('position-kind.name-taken', `Đã có chức vụ "${input.name}".`);
    let code = input.code ?? positionKindCode(input.name);
    if (existing.some((k) => k.code === code)) {
      if (input.code) throw duplicate('position-kind.code-taken', `Mã chức vụ ${code} đã được dùng.`);
      code = `${code}${existing.length + 1}`;
    }
    const sortOrder = Math.max(-1, ...existing.map((k) => k.sortOrder)) + 1;
    const [kind] = await tx.insert(positionKinds).values({ tenantId: commune.id, code, name: input.name, unitKinds: input.unitKinds, sortOrder }).returning();
    await recordAudit(tx, { tenantId: commune.id, actorId: actor.userId, action: 'position-kind.create', entity: 'positionKind', entityId: null, after: kind });
    return kindDto(kind!);
  });
}

/** GET /api/units/:id/positions: past and present. */
export async function listUnitPositions(db: Db, actor: Actor, unitId: string) {
  const unit = await loadUnitFor(db, actor, unitId, canViewPositions, 'xem chức vụ của đơn vị này');
  if (!unit.tenantId) return { positions: [], abilities: { edit: false } };
  return { positions: await positionsWhere(db, unit.tenantId, eq(positions.unitId, unit.id)), abilities: { edit: canEditPositions(actor, toRef(unit)) } };
}

/** A term's checks: dates in order, a kind held in this kind of unit, a unit open over the term. */
async function checkTerm(db: DbOrTx, unit: Unit, term: { kindCode: string; fromOn: string; toOn: string | null }) {
  if (term.toOn && term.toOn < term.fromOn) {
    throw badRequest('position.dates-reversed', `Ngày thôi giữ chức vụ (${formatDayFirst(term.toOn)}) trước ngày bắt đầu (${formatDayFirst(term.fromOn)}).`);
  }
  if (unit.closedOn) throw badRequest('position.unit-closed', `${unit.name} đã giải thể hoặc sáp nhập từ ngày ${formatDayFirst(unit.closedOn)}: không giao chức vụ mới.`);
  if (unit.openedOn && term.fromOn < unit.openedOn) throw badRequest('position.before-unit-opened', `${unit.name} chỉ bắt đầu từ ngày ${formatDayFirst(unit.openedOn)}.`);
  const [kind] = await db.select().from(positionKinds).where(and(eq(positionKinds.tenantId, unit.tenantId!), eq(positionKinds.code, term.kindCode)));
  if (!kind) throw badRequest('position.kind-unknown', 'Chức vụ không có trong danh sách chức vụ của đảng bộ.');
  if (!kindFitsUnit(kind, unit.kind)) throw badRequest('position.kind-unit', `Chức vụ "${kind.name}" không giữ ở ${unit.name}.`);
}

/** POST /api/positions. */
export async function createPosition(db: Db, actor: Actor, input: { personId: string; kindCode: string; unitId: string; fromOn: string; toOn?: string | null }, idempotencyKey?: string) {
  return db.transaction(async (tx) => {
    const unit = await loadUnitFor(tx, actor, input.unitId, canEditPositions, 'giao chức vụ ở đơn vị này');
    if (!unit.tenantId || unit.kind === 'province') throw badRequest('position.unit-invalid', 'Chức vụ được giao ở các đơn vị của đảng bộ xã, phường.');
    const tenantId = unit.tenantId;
    // A retried request (same Idempotency-Key) answers with the position the first one recorded.
    const request = { tenantId, actorId: actor.userId, scope: `position:${unit.id}`, key: idempotencyKey, taken: () => keyTaken('position') };
    const { result } = await createOnce(tx, request, {
      replay: async (id) => (await positionsWhere(tx, tenantId, eq(positions.id, id)))[0]!,
      create: async () => {
        await loadPersonOfTenant(tx, tenantId, input.personId);
        const term = { kindCode: input.kindCode, fromOn: input.fromOn, toOn: input.toOn ?? null };
        await checkTerm(tx, unit, term);
        const [row] = await tx.insert(positions).values({ tenantId, personId: input.personId, unitId: unit.id, ...term }).returning();
        await recordAudit(tx, { tenantId, actorId: actor.userId, action: 'position.create', entity: 'position', entityId: row!.id, after: row });
        return { id: row!.id, result: (await positionsWhere(tx, tenantId, eq(positions.id, row!.id)))[0]! };
      },
    });
    return result;
  });
}

async function loadPositionFor(db: DbOrTx, actor: Actor, id: string): Promise<{ position: Position; unit: Unit }> {
  const [position] = await db.select().from(positions).where(eq(positions.id, id));
  if (!position) throw notFound('position');
  try {
    const unit = await loadUnitFor(db, actor, position.unitId, canEditPositions, 'sửa chức vụ ở đơn vị này');
    return { position, unit };
  } catch (error) {
    if ((error as { status?: number }).status === 404) throw notFound('position');
    throw error;
  }
}

/** PATCH /api/positions/:id and POST /api/positions/:id/end (version-conditional). */
export async function updatePosition(db: Db, actor: Actor, id: string, patch: { version: number; kindCode?: string; fromOn?: string; toOn?: string | null }, action = 'position.update') {
  return db.transaction(async (tx) => {
    const { position, unit } = await loadPositionFor(tx, actor, id);
    const current = async () => (await positionsWhere(tx, position.tenantId, eq(positions.id, id)))[0];
    if (patch.version !== position.version) throw conflict('position', await current());
    const term = { kindCode: patch.kindCode ?? position.kindCode, fromOn: patch.fromOn ?? position.fromOn, toOn: patch.toOn === undefined ? position.toOn : patch.toOn };
    // Ending a term in a unit closed since is allowed; a new term or kind in a closed unit is not.
    if (action === 'position.end' || (unit.closedOn && term.kindCode === position.kindCode && term.fromOn === position.fromOn)) {
      if (term.toOn && term.toOn < term.fromOn) await checkTerm(tx, { ...unit, closedOn: null }, term);
    } else {
      await checkTerm(tx, unit, term);
    }
    const updated = await updateVersioned(tx, positions, and(eq(positions.tenantId, position.tenantId), eq(positions.id, id)), patch.version, { ...term, updatedAt: now() }, { entity: 'position', current });
    await recordAudit(tx, { tenantId: position.tenantId, actorId: actor.userId, action, entity: 'position', entityId: id, before: position, after: updated });
    return (await current())!;
  });
}
