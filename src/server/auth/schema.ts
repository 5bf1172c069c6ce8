import { z } from 'zod';
import { roles } from './tables';

export const loginBody = z.object({
  username: z.string().trim().min(1, 'Vui lòng nhập tên đăng nhập.').max(100),
  password: z.string().min(1, 'Vui lòng nhập mật khẩu.').max(200),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(1).max(200),
});

export const grantSchema = z.object({ role: z.enum(roles), unitId: z.uuid(), unitName: z.string() });

export const meResponse = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    tenantId: z.uuid().nullable(),
    memberId: z.uuid().nullable(),
  }),
  roles: z.array(grantSchema),
  abilities: z.record(z.string(), z.boolean()),
  csrfToken: z.string(),
});

export const okResponse = z.object({ ok: z.literal(true) });
