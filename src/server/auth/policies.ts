// Every named policy a route may declare (`config: { policy: 'plans.return' }`), mapped to the
// function in the feature's policy.ts that decides it (decision 012). The route names the action;
// the service that loads the target asks the function. route-policy.int.test.ts fails when a
// private route declares none, and the route table (app.routeAccess()) lists route → policy.
import { canChangeOwnPassword, canViewOwnAccount } from './policy';
import { auditFilter, canViewAudit } from '../features/audit/policy';
import { canCreateCommune, canGrantRole, canListCommunes, canManageAccounts } from '../features/accounts/policy';
import {
  canDownloadMemberTemplate,
  canEditMember,
  canExportMembers,
  canImportMembers,
  canSearchMembers,
  canViewMember,
  memberSearchFilter,
} from '../features/members/policy';
import { canEditVocabulary, canImportPlan, canViewVocabulary } from '../features/plan-import/policy';
import {
  canApprovePlan,
  canConfirmReceipt,
  canCreatePlan,
  canCreatePlanVersion,
  canDownloadPlanDocument,
  canEditPlan,
  canIssuePlan,
  canReturnPlan,
  canSubmitPlan,
  canViewDeliveries,
  canViewPlan,
  inboxFilter,
  visiblePlansFilter,
} from '../features/plans/policy';
import {
  canAttachFile,
  canCreateResolution,
  canDownloadAttachment,
  canEditResolution,
  canLinkResolutions,
  canViewResolutions,
} from '../features/resolutions/policy';
import { canEditSettings, canViewSettings } from '../features/settings/policy';
import { canConfirmUpwardReceipt, canDownloadCommuneReport, canViewProvinceReports } from '../features/province/policy';
import {
  canCloseUnit,
  canCreateUnit,
  canDeleteUnit,
  canDownloadUnitTemplate,
  canExportUnitTree,
  canImportUnitTree,
  canListMembers,
  canMoveUnit,
  canRenameUnit,
  canReopenUnit,
  canReorderUnit,
  canViewUnit,
  visibleUnitsFilter,
} from '../features/units/policy';
import {
  canEditPeople,
  canEditPositionKinds,
  canEditPositions,
  canMergeUnits,
  canRecordMembership,
  canViewPeople,
  canViewPerson,
  canViewPositionKinds,
  canViewPositions,
} from '../features/people/policy';
import { canCreateConference, canEditConference, canManageConferences, canMarkConferenceAttendance, canViewConference } from '../features/conferences/policy';
import { canReadOwnNotifications, canViewJobFailures } from '../features/notifications/policy';
import { canChooseSessionMode, canPlanSessions, canRunSession, canViewSession, canViewSessionOverview, sessionListFilter } from '../features/study-sessions/policy';
import { canCheckIn } from '../features/check-in/policy';
import { canManageOwnCalendar } from '../features/calendar/policy';
import { canViewMonthCalendar, canViewOwnUnitTasks, canViewTaskOverview, monthCalendarFilter, ownUnitTasksFilter } from '../features/task-views/policy';
import { canEditTask, canViewTask, canWorkOnTask } from '../features/tasks/policy';
import { canViewPropaganda, canWritePropaganda } from '../features/propaganda/policy';
import { canManageQuiz, canTakeQuiz, canViewQuiz, canViewQuizResults } from '../features/quiz/policy';
import {
  canExportCellRecord,
  canListReflections,
  canReviewReflection,
  canSetReflectionDeadline,
  canStudyOwn,
  canViewMemberRecord,
  canViewReflection,
  canWriteReflection,
} from '../features/reflections/policy';
import {
  canEditRubric,
  canInspectSession,
  canRemindMissingReports,
  canEditConsolidatedReport,
  canReopenConsolidatedReport,
  canSubmitConsolidatedReport,
  canReviewReport,
  canViewConsolidation,
  canViewReport,
  canViewRubric,
  canWriteReport,
} from '../features/reports/policy';
import { canErasePersonalData, canExportOwnData, canExportPersonalData } from '../features/privacy/policy';

/** Name → the function(s) deciding it: a list names its filter, which the query uses. */
export const policies = {
  'me.view': [canViewOwnAccount],
  'me.password': [canChangeOwnPassword],
  'units.list': [visibleUnitsFilter],
  'units.view': [canViewUnit],
  'units.create': [canCreateUnit],
  'units.edit': [canRenameUnit, canMoveUnit],
  'units.close': [canCloseUnit],
  'units.reopen': [canReopenUnit],
  'units.reorder': [canReorderUnit],
  'units.delete': [canDeleteUnit],
  'units.import': [canImportUnitTree],
  'units.export': [canExportUnitTree],
  'units.import-template': [canDownloadUnitTemplate],
  'members.list': [canListMembers],
  'members.export': [canExportMembers],
  'members.import': [canImportMembers],
  'members.import-template': [canDownloadMemberTemplate],
  'members.search': [canSearchMembers, memberSearchFilter],
  'members.view': [canViewMember],
  'members.edit': [canEditMember],
  'audit.view': [canViewAudit, auditFilter],
  'plans.import': [canImportPlan],
  'vocabulary.view': [canViewVocabulary],
  'vocabulary.edit': [canEditVocabulary],
  'resolutions.list': [canViewResolutions],
  'resolutions.view': [canViewResolutions],
  'resolutions.create': [canCreateResolution],
  'resolutions.edit': [canEditResolution],
  'resolutions.link': [canLinkResolutions],
  'resolutions.attach': [canAttachFile],
  'resolutions.download': [canDownloadAttachment],
  'plans.list': [canViewPlan, visiblePlansFilter],
  'plans.create': [canCreatePlan],
  'plans.view': [canViewPlan],
  'plans.edit': [canEditPlan],
  'plans.submit': [canSubmitPlan],
  'plans.approve': [canApprovePlan],
  'plans.return': [canReturnPlan],
  'plans.issue': [canIssuePlan],
  'plans.new-version': [canCreatePlanVersion],
  'plans.deliveries': [canViewDeliveries],
  'plans.document': [canDownloadPlanDocument],
  'inbox.list': [inboxFilter],
  'inbox.confirm': [canConfirmReceipt],
  'settings.view': [canViewSettings],
  'settings.edit': [canEditSettings],
  'people.list': [canViewPeople],
  'people.view': [canViewPerson],
  'people.edit': [canEditPeople],
  'position-kinds.list': [canViewPositionKinds],
  'position-kinds.edit': [canEditPositionKinds],
  'positions.list': [canViewPositions],
  'positions.edit': [canEditPositions],
  'membership.record': [canRecordMembership],
  'membership.counts': [canListMembers],
  'units.merge': [canMergeUnits],
  'conferences.list': [canViewConference],
  'conferences.create': [canCreateConference],
  'conferences.view': [canViewConference],
  'conferences.manage': [canManageConferences, canEditConference],
  'conferences.attendance': [canMarkConferenceAttendance],
  'conferences.document': [canViewConference],
  'notifications.own': [canReadOwnNotifications],
  'jobs.failures': [canViewJobFailures],
  'reminders.settings.view': [canViewSettings],
  'reminders.settings.edit': [canEditSettings],
  'sessions.list': [canViewPlan, sessionListFilter],
  'sessions.overview': [canViewSessionOverview],
  'sessions.mode': [canChooseSessionMode],
  'sessions.view': [canViewSession],
  'sessions.run': [canRunSession],
  'sessions.plan': [canPlanSessions],
  // The meeting's own policy decides who shows its code (the conference adds its function here).
  'check-in.show': [canRunSession],
  'check-in.scan': [canCheckIn],
  'calendar.own': [canManageOwnCalendar],
  'calendar.month': [canViewMonthCalendar, monthCalendarFilter],
  'tasks.mine': [canViewOwnUnitTasks, ownUnitTasksFilter],
  'tasks.overview': [canViewTaskOverview],
  'plans.timeline': [canViewPlan],
  'tasks.list': [canViewTask],
  'tasks.view': [canViewTask],
  'tasks.add': [canEditTask],
  // Text, deadline and assignee: the ward staff; the status: the assignee unit's people.
  'tasks.edit': [canEditTask, canWorkOnTask],
  'tasks.work': [canWorkOnTask],
  'rubrics.view': [canViewRubric],
  'rubrics.edit': [canEditRubric],
  'reports.view': [canViewReport],
  'reports.write': [canWriteReport],
  'reports.review': [canReviewReport],
  'reports.inspect': [canInspectSession],
  'reports.consolidation': [canViewConsolidation],
  'reports.remind': [canRemindMissingReports],
  'consolidated-reports.view': [canViewConsolidation],
  'consolidated-reports.edit': [canEditConsolidatedReport],
  'consolidated-reports.submit': [canSubmitConsolidatedReport],
  'consolidated-reports.reopen': [canReopenConsolidatedReport],
  'province.reports.view': [canViewProvinceReports],
  'province.reports.receive': [canConfirmUpwardReceipt],
  'province.reports.download': [canDownloadCommuneReport],
  'accounts.list': [canManageAccounts],
  'accounts.create': [canManageAccounts, canGrantRole],
  'accounts.reset': [canManageAccounts],
  'accounts.disable': [canManageAccounts],
  'accounts.enable': [canManageAccounts],
  'accounts.grant': [canManageAccounts, canGrantRole],
  'accounts.revoke': [canManageAccounts, canGrantRole],
  'accounts.bulk': [canManageAccounts, canGrantRole],
  'accounts.letters': [canManageAccounts],
  'province.communes': [canListCommunes],
  'province.create-commune': [canCreateCommune],
  'propaganda.list': [canViewPropaganda],
  'propaganda.write': [canWritePropaganda],
  'study.own': [canStudyOwn],
  'reflections.write': [canWriteReflection],
  'reflections.view': [canViewReflection],
  'reflections.list': [canListReflections],
  'reflections.review': [canReviewReflection],
  'reflections.deadline': [canSetReflectionDeadline],
  'records.view': [canViewMemberRecord],
  'records.export': [canExportCellRecord],
  'quiz.view': [canViewQuiz],
  'quiz.manage': [canManageQuiz],
  'quiz.take': [canTakeQuiz],
  'quiz.results': [canViewQuizResults],
  'privacy.export': [canExportPersonalData],
  'privacy.own': [canExportOwnData],
  'privacy.erase': [canErasePersonalData],
} as const;

export type PolicyName = keyof typeof policies;

/** The functions' names, for the route table: "plans.return → canReturnPlan". */
export function policyFunctions(name: string): string[] {
  const fns = (policies as Record<string, readonly { name: string }[]>)[name];
  return fns ? fns.map((f) => f.name) : [];
}
