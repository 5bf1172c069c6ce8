// What the route-table walks (the authorisation matrix, hostile input) share: the kind of id a path
// parameter names, an id no record has, and the smallest files the uploads take.

/** An id no record has. */
export const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

/** A 1×1 PNG and a tiny PDF. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
export const TINY_PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

const BY_PARAM: Record<string, string> = { grantId: 'grant', eventId: 'exemption', evidenceId: 'evidence', linkId: 'link', unitId: 'unit', personId: 'person', communeId: 'commune', planId: 'plan' };
/** By the address's first segment after /api/. */
const BY_BASE: Record<string, string> = {
  accounts: 'account', 'check-in': 'session', conferences: 'conference', inbox: 'delivery', members: 'member', notifications: 'notification', people: 'person', plans: 'plan',
  positions: 'position', propaganda: 'entry', reflections: 'reflection', reports: 'report', resolutions: 'resolution', sessions: 'session', tasks: 'task', units: 'unit', loudspeaker: 'schedule',
};

/** The kind of id a path parameter names ("member", "quizAttempt"…), by the address it is part of; undefined when unknown. */
export function idKindOf(url: string, param: string): string | undefined {
  if (BY_PARAM[param]) return BY_PARAM[param];
  if (url.startsWith('/api/quiz/')) return url.startsWith('/api/quiz/questions') ? 'quizQuestion' : 'quizAttempt';
  if (param === 'attachmentId') return url.startsWith('/api/propaganda') ? 'entryAttachment' : 'resolutionAttachment';
  return BY_BASE[url.split('/')[2]!];
}
