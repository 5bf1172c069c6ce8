// What the web app may offer a user, computed by the server from the same policy functions that
// decide each route (decision 012): an ability is "the policy allows it somewhere the actor works" —
// on a unit one of their grants names, or in their own commune. The browser never guesses, and the
// server still asks the policy of the actual target on every request.
import { type Actor, type UnitRef, grantUnit } from './actor';
import { canViewAudit } from '../features/audit/policy';
import { canImportMembers, canSearchMembers, canViewMember } from '../features/members/policy';
import { canEditVocabulary, canImportPlan } from '../features/plan-import/policy';
import { canApprovePlan, canConfirmReceipt, canCreatePlan, canOpenPlansPage } from '../features/plans/policy';
import { canCreateResolution, canViewResolutions } from '../features/resolutions/policy';
import { canEditSettings, canUseSettingsPage } from '../features/settings/policy';
import { canCreateUnit, canViewUnit } from '../features/units/policy';
import { canEditPeople, canViewPeople } from '../features/people/policy';
import { canReviewReflection, canStudyOwn } from '../features/reflections/policy';
import { canViewProvinceReports } from '../features/province/policy';
import { canViewMonthCalendar, canViewOwnUnitTasks, canViewTaskOverview } from '../features/task-views/policy';

/**
 * Where the actor works: the units their grants name, any commune below a grant on a province, and
 * their own commune (known by its id only).
 */
function placesOf(actor: Actor): UnitRef[] {
  const places = actor.grants.flatMap((g): UnitRef[] => {
    const unit = grantUnit(g);
    return g.unitKind === 'province' ? [unit, { id: '', path: `${g.unitPath}~/`, kind: 'commune', tenantId: '' }] : [unit];
  });
  if (actor.communeId && !places.some((p) => p.id === actor.communeId)) places.push({ id: actor.communeId, path: '', kind: 'commune', tenantId: actor.communeId });
  return places;
}

const somewhere = (actor: Actor, policy: (actor: Actor, unit: UnitRef) => boolean) => placesOf(actor).some((unit) => policy(actor, unit));

/** A plan of the unit's commune at a step, to ask the plan policies whether the actor ever acts on one. */
const planAt = (status: 'draft' | 'submitted', unit: UnitRef) => ({ status, tenantId: unit.tenantId || unit.id });

export function computeAbilities(actor: Actor) {
  return {
    viewOrganisation: somewhere(actor, canViewUnit),
    // Settings → Tổ chức: the ward office and administrators edit the tree of a commune.
    manageUnits: somewhere(actor, canCreateUnit),
    searchMembers: somewhere(actor, canSearchMembers),
    importMembers: somewhere(actor, canImportMembers),
    manageUsers: actor.grants.some((g) => g.role === 'admin'),
    viewAudit: somewhere(actor, canViewAudit),
    importPlans: somewhere(actor, canImportPlan),
    viewResolutions: somewhere(actor, canViewResolutions),
    manageResolutions: somewhere(actor, canCreateResolution),
    draftPlans: somewhere(actor, canCreatePlan),
    approvePlans: somewhere(actor, (a, unit) => canApprovePlan(a, planAt('submitted', unit), unit)),
    viewPlans: somewhere(actor, canOpenPlansPage),
    viewInbox: somewhere(actor, canConfirmReceipt),
    // The settings page is the ward's; the province reads settings only through the plans.
    viewSettings: somewhere(actor, canUseSettingsPage),
    editSettings: somewhere(actor, canEditSettings),
    editVocabulary: canEditVocabulary(actor),
    // Tasks: the unit's own (those who answer for a unit), the ward's overview, the month calendar.
    viewUnitTasks: canViewOwnUnitTasks(actor),
    viewTaskOverview: somewhere(actor, canViewTaskOverview),
    viewMonthCalendar: somewhere(actor, canViewMonthCalendar),
    // The province's page of its communes' reports (its viewers and administrators).
    viewProvinceReports: actor.grants.some((g) => canViewProvinceReports(actor, grantUnit(g))),
    // A member always reads their own record (canViewMember's first rule), whatever their cell.
    // The commune's people (members and the others: heads of residential groups, officers…).
    viewPeople: somewhere(actor, canViewPeople),
    editPeople: somewhere(actor, canEditPeople),
    viewOwnRecord: actor.memberId !== null && canViewMember(actor, { id: actor.memberId }, { id: '', path: '', kind: 'cell', tenantId: actor.tenantId }),
    // The member's portal (/hoc-tap): an account that is a member (its person's membership is found by the server).
    studyOwn: canStudyOwn(actor) && (actor.memberId !== null || actor.grants.some((g) => g.role === 'member')),
    // The secretary's list of the cell's reflections (/thu-hoach).
    reviewReflections: actor.grants.some((g) => canReviewReflection(actor, grantUnit(g))),
  };
}

export type Abilities = ReturnType<typeof computeAbilities>;
