// Which plan pages a user is offered. The server decides for real (policy.ts); this only keeps the
// menu and buttons to what would work: plans belong to a commune, so an account without one
// (the administrator, the province) analyses texts but keeps no plans.
import { grantsOf, isOverseer, type Me } from '../auth/session';

/** Ward staff and leadership follow the commune's plans, drafts included. */
export const canSeePlans = (me: Me) => me.user.tenantId !== null && isOverseer(me);

/** The office drafts plans (template, clone, import). */
export const canDraftPlans = (me: Me) => me.user.tenantId !== null && me.abilities.importPlans;

/** Unit officers and cell secretaries receive issued plans. */
export const hasInbox = (me: Me) => grantsOf(me, 'unitOfficer').length > 0 || grantsOf(me, 'cellSecretary').length > 0;
