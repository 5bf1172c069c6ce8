import { z } from 'zod';
import { roles } from './tables';
import type { Abilities } from './abilities';

const username = z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập.').max(100);

/** With a password, or with a one-time code an administrator gave (decision 016). */
export const loginBody = z.union([
  z.object({ username, password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(200) }).strict(),
  z.object({ username, oneTimeCode: z.string().trim().min(1, 'Vui lòng nhập mã dùng một lần.').max(40) }).strict(),
]);

/** The current password is asked of every session but one opened with a one-time code. */
export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200).optional(),
  newPassword: z.string().min(1).max(200),
});

export const grantSchema = z.object({ role: z.enum(roles), unitId: z.uuid(), unitName: z.string() });

export const meResponse = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    tenantId: z.uuid().nullable(),
    /** The account's commune; null for a province account, which chooses one (`?communeId=`). */
    communeId: z.uuid().nullable(),
    memberId: z.uuid().nullable(),
  }),
  /** Signed in with a one-time code: a new password is due before anything else. */
  mustChangePassword: z.boolean(),
  roles: z.array(grantSchema),
  abilities: z.object({
    viewOrganisation: z.boolean(),
    manageUnits: z.boolean(),
    searchMembers: z.boolean(),
    importMembers: z.boolean(),
    manageUsers: z.boolean(),
    viewAudit: z.boolean(),
    importPlans: z.boolean(),
    viewResolutions: z.boolean(),
    manageResolutions: z.boolean(),
    draftPlans: z.boolean(),
    approvePlans: z.boolean(),
    viewPlans: z.boolean(),
    viewInbox: z.boolean(),
    viewSettings: z.boolean(),
    editSettings: z.boolean(),
    editVocabulary: z.boolean(),
    viewPeople: z.boolean(),
    editPeople: z.boolean(),
    viewOwnRecord: z.boolean(),
    studyOwn: z.boolean(),
    reviewReflections: z.boolean(),
    viewUnitTasks: z.boolean(),
    viewTaskOverview: z.boolean(),
    viewMonthCalendar: z.boolean(),
    viewProvinceReports: z.boolean(),
  } satisfies Record<keyof Abilities, z.ZodBoolean>),
  csrfToken: z.string(),
});

/** GET /api/session: who is signed in, if anyone. Asking is never an error (the web app's first probe). */
export const sessionResponse = z.object({ signedIn: z.boolean(), me: meResponse.nullable() });

export const okResponse = z.object({ ok: z.literal(true) });
/** The session rotated with the password: the page's next writes carry the new session's token. */
export const passwordChangedResponse = z.object({ ok: z.literal(true), csrfToken: z.string() });
