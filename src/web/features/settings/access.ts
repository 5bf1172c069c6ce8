// Who is offered the settings page. /api/me carries no ability for it yet, so this mirrors the
// server's policies: overseers of a commune read its document settings (settings/policy.ts), the
// administrator edits the importer's vocabulary (plan-import/vocabulary.ts).
import type { Me } from '../auth/session';

export const canReadDocumentSettings = (me: Me) =>
  me.user.tenantId !== null && me.roles.some((r) => r.role === 'admin' || r.role === 'wardStaff' || r.role === 'wardLeader');

export const canEditVocabulary = (me: Me) => me.roles.some((r) => r.role === 'admin');

export const canSeeSettings = (me: Me) => canReadDocumentSettings(me) || canEditVocabulary(me);
