// What the web app may offer a user, computed by the server from their grants, so that the
// browser never guesses. The server still checks every route with the policies.
import { type Actor, editors, hasAnyRole, overseers } from './actor';
import { canViewAudit } from '../features/audit/policy';
import { canEditVocabulary, canImportPlan } from '../features/plan-import/policy';

export function computeAbilities(actor: Actor) {
  return {
    viewOrganisation: hasAnyRole(actor, [...overseers, 'unitOfficer', 'cellSecretary']),
    searchMembers: hasAnyRole(actor, overseers),
    importMembers: hasAnyRole(actor, editors),
    manageUsers: hasAnyRole(actor, ['admin']),
    viewAudit: canViewAudit(actor),
    importPlans: canImportPlan(actor),
    viewResolutions: actor.tenantId !== null || hasAnyRole(actor, overseers),
    manageResolutions: hasAnyRole(actor, editors),
    draftPlans: hasAnyRole(actor, editors),
    approvePlans: hasAnyRole(actor, ['wardLeader']),
    viewPlans: hasAnyRole(actor, overseers),
    viewInbox: hasAnyRole(actor, ['unitOfficer', 'cellSecretary']),
    // The ward's own document settings: the province reads them through the plans, it has no page for them.
    viewSettings: hasAnyRole(actor, ['admin', 'wardStaff', 'wardLeader']),
    editSettings: hasAnyRole(actor, editors),
    editVocabulary: canEditVocabulary(actor),
    viewOwnRecord: actor.memberId !== null,
  };
}

export type Abilities = ReturnType<typeof computeAbilities>;
