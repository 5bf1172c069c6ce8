// Who is offered the registry. /api/me carries no ability for it yet, so these mirror the server's
// policy (resolutions/policy.ts): everyone of a commune reads its registry, the ward office
// (editors) registers documents. The server checks every request anyway.
import type { Me } from '../auth/session';

export const canReadRegistry = (me: Me) => me.user.tenantId !== null;

export const canRegisterDocuments = (me: Me) => canReadRegistry(me) && me.roles.some((r) => r.role === 'wardStaff' || r.role === 'admin');
