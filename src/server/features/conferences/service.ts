// Ward conferences: created from an issued plan with section III's values, edited with optimistic
// versions, read by managers, the province and the people summoned. The participant list lives in
// participants.ts, attendance in attendance.ts.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Db, DbOrTx, Tx } from '../../db/client';
import type { Actor } from '../../auth/actor';
import { forbidden } from '../../errors';
import { updateVersioned } from '../../db/versioned';
import { now } from '../../clock';
import { formatNumberLine } from '../../../domain/document-numbering';
import { proposeGroups } from '../../../domain/participant-groups';
import { recordAudit } from '../audit/service';
import { loadPlanFor } from '../plans/service';
import { canViewPlan } from '../plans/policy';
import { plans, type Plan } from '../plans/tables';
import { persons } from '../people/tables';
import { units, type Unit } from '../units/tables';
import { toRef } from '../units/service';
import { personOfActor } from '../notifications/service';
import { kindCodesOf } from './position-kinds';
import { canCreateConference, canEditConference, canManageConferences, canMarkConferenceAttendance, canViewConference } from './policy';
import { conferenceHeld, notFoundConference, planNotIssued, unknownPerson } from './errors';
import { participantGroups, conferenceParticipants, conferences, type Conference, type ConferenceForm } from './tables';
import { storeResolution } from './participants';

export interface Loaded {
  conference: Conference;
  plan: Plan;
  commune: Unit;
  manage: boolean;
  /** Managers and the province read the whole list; a summoned participant, their own convocation. */
  readsAll: boolean;
}

/** Whether the actor's person was sent this conference's convocation. */
async function isSummoned(db: DbOrTx, actor: Actor, conference: Conference): Promise<boolean> {
  const me = await personOfActor(db, actor);
  if (!me || me.tenantId !== conference.tenantId) return false;
  const [row] = await db
    .select({ at: conferenceParticipants.sentAt })
    .from(conferenceParticipants)
    .where(and(eq(conferenceParticipants.tenantId, conference.tenantId), eq(conferenceParticipants.conferenceId, conference.id), eq(conferenceParticipants.personId, me.personId), isNotNull(conferenceParticipants.sentAt)));
  return row !== undefined;
}

/**
 * Loads a conference for reading (or managing, `manage`): one the actor may not know of is not found;
 * one of their commune they may not act on is forbidden.
 */
export async function loadConferenceFor(db: DbOrTx, actor: Actor, id: string, need: 'view' | 'manage' = 'view'): Promise<Loaded> {
  const [conference] = await db.select().from(conferences).where(eq(conferences.id, id));
  if (!conference) throw notFoundConference();
  const [commune] = await db.select().from(units).where(eq(units.id, conference.tenantId));
  const [plan] = await db.select().from(plans).where(eq(plans.id, conference.planId));
  if (!commune || !plan) throw notFoundConference();
  const ref = toRef(commune);
  const manage = canManageConferences(actor, ref);
  const readsAll = canViewConference(actor, ref, false);
  const view = readsAll || canViewConference(actor, ref, await isSummoned(db, actor, conference));
  if (!view && !canViewPlan(actor, plan, ref)) throw notFoundConference();
  if (!view || (need === 'manage' && !manage)) throw forbidden(need === 'manage' ? 'quản lý hội nghị này' : 'xem hội nghị này');
  return { conference, plan, commune, manage, readsAll };
}

export type ConferenceInput = {
  title?: string;
  scheduledAt?: string | null;
  windowPhrase?: string | null;
  venue?: string;
  form?: ConferenceForm;
  onlineLink?: string | null;
  reporterPersonId?: string | null;
  reporterText?: string | null;
};

async function checkReporter(tx: DbOrTx, tenantId: string, personId: string | null | undefined) {
  if (!personId) return;
  const [p] = await tx.select({ id: persons.id }).from(persons).where(and(eq(persons.tenantId, tenantId), eq(persons.id, personId)));
  if (!p) throw unknownPerson();
}

/** A conference from the plan's section III "Cấp phường", its groups proposed from "Thành phần", resolved. */
export async function createConference(db: Db, actor: Actor, planId: string, input: ConferenceInput = {}): Promise<string> {
  const { plan, commune } = await loadPlanFor(db, actor, planId);
  if (!canManageConferences(actor, toRef(commune))) throw forbidden('tạo hội nghị');
  if (!canCreateConference(actor, plan, toRef(commune))) throw planNotIssued();
  const ward = plan.body.conferences.find((c) => c.level === 'ward');
  return db.transaction(async (tx) => {
    await checkReporter(tx, plan.tenantId, input.reporterPersonId);
    const [row] = await tx
      .insert(conferences)
      .values({
        tenantId: plan.tenantId,
        planId: plan.id,
        title: input.title ?? `Hội nghị ${plan.title.replace(/^Tổ chức\s+/u, '')}`,
        scheduledAt: input.scheduledAt ? new Date(input.scheduledAt) : null,
        windowPhrase: input.windowPhrase ?? ward?.when?.phrase ?? null,
        venue: input.venue ?? ward?.venue ?? '',
        form: input.form ?? 'in-person',
        onlineLink: input.onlineLink ?? null,
        reporterPersonId: input.reporterPersonId ?? null,
        reporterText: input.reporterText ?? ward?.reporter ?? null,
        participantsText: ward?.participants ?? null,
        createdBy: actor.userId,
      })
      .returning();
    const partyUnits = await tx
      .select({ id: units.id, name: units.name })
      .from(units)
      .where(and(eq(units.tenantId, plan.tenantId), inArray(units.kind, ['cell', 'grassrootsOrg'])));
    const proposed = proposeGroups(ward?.participants, partyUnits);
    if (proposed.length) {
      await tx.insert(participantGroups).values(
        proposed.map((g, position) => ({
          tenantId: plan.tenantId,
          conferenceId: row!.id,
          position,
          label: g.label,
          kind: g.kind,
          positionKinds: g.kind === 'positions' ? kindCodesOf(g.roles) : [],
          unitIds: g.kind === 'unitMembers' ? g.unitIds : [],
        })),
      );
    }
    await storeResolution(tx, row!);
    await recordAudit(tx, { tenantId: plan.tenantId, actorId: actor.userId, action: 'conference.create', entity: 'conference', entityId: row!.id, after: row });
    return row!.id;
  });
}

export async function updateConference(db: Db, actor: Actor, id: string, version: number, input: ConferenceInput): Promise<void> {
  const { conference, commune } = await loadConferenceFor(db, actor, id, 'manage');
  if (!canEditConference(actor, conference, toRef(commune))) throw conferenceHeld();
  await db.transaction(async (tx) => {
    await checkReporter(tx, conference.tenantId, input.reporterPersonId);
    const set = {
      ...input,
      scheduledAt: input.scheduledAt === undefined ? undefined : input.scheduledAt === null ? null : new Date(input.scheduledAt),
      updatedAt: now(),
    };
    const after = await updateVersioned(tx, conferences, keyOf(conference), version, set, { entity: 'conference' });
    await recordAudit(tx, { tenantId: conference.tenantId, actorId: actor.userId, action: 'conference.update', entity: 'conference', entityId: id, before: conference, after });
  });
}

export const keyOf = (c: Pick<Conference, 'tenantId' | 'id'>) => and(eq(conferences.tenantId, c.tenantId), eq(conferences.id, c.id));

/** Bumps the conference's version for a change to its list or groups (the version guards them too). */
export async function bumpVersion(tx: Tx, conference: Conference, version: number, set: Partial<Conference> = {}) {
  return updateVersioned(tx, conferences, keyOf(conference), version, { ...set, updatedAt: now() }, { entity: 'conference' });
}

export async function listPlanConferences(db: DbOrTx, actor: Actor, planId: string) {
  const { plan, commune } = await loadPlanFor(db, actor, planId);
  const ref = toRef(commune);
  if (!canManageConferences(actor, ref) && !canViewConference(actor, ref, false)) return { conferences: [], canCreate: false };
  const rows = await db.select().from(conferences).where(and(eq(conferences.tenantId, plan.tenantId), eq(conferences.planId, plan.id))).orderBy(asc(conferences.createdAt));
  return { conferences: rows, canCreate: canCreateConference(actor, plan, ref) };
}

export function numberText(conference: Conference): string | null {
  if (conference.convocationNumber === null || !conference.convocationSymbol) return null;
  return formatNumberLine(String(conference.convocationNumber), conference.convocationSymbol, '');
}

export function abilitiesOf(actor: Actor, loaded: Loaded) {
  const ref = toRef(loaded.commune);
  const edit = canEditConference(actor, loaded.conference, ref);
  return {
    edit,
    send: edit,
    markHeld: loaded.conference.status === 'convened' && loaded.manage,
    attendance: canMarkConferenceAttendance(actor, loaded.conference, ref),
  };
}
