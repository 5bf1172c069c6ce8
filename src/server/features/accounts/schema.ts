import { z } from 'zod';
import { roles } from '../../auth/tables';
import { USERNAME_PATTERN } from '../../../domain/usernames';

const usernameMessage = 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch (3-40 ký tự).';

export const grantInput = z.object({ role: z.enum(roles, { message: 'Vai trò không hợp lệ.' }), unitId: z.uuid({ message: 'Mã đơn vị không hợp lệ.' }) });

export const createAccountBody = z.object({
  username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, usernameMessage),
  displayName: z.string().trim().min(2, 'Tên hiển thị quá ngắn.').max(120),
  personId: z.uuid({ message: 'Mã người không hợp lệ.' }).optional(),
  grants: z.array(grantInput).max(20),
});

export const accountIdParams = z.object({ id: z.uuid({ message: 'Mã tài khoản không hợp lệ.' }) });
export const grantIdParams = accountIdParams.extend({ grantId: z.uuid({ message: 'Mã quyền không hợp lệ.' }) });

export const accountListQuery = z.object({
  communeId: z.uuid({ message: 'Mã đảng bộ xã, phường không hợp lệ.' }).optional(),
  q: z.string().trim().max(100).optional(),
  role: z.enum(roles).optional(),
  unitId: z.uuid({ message: 'Mã đơn vị không hợp lệ.' }).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const accountSchema = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  personId: z.uuid().nullable(),
  disabled: z.boolean(),
  hasPassword: z.boolean(),
  mustChangePassword: z.boolean(),
  grants: z.array(z.object({ id: z.uuid(), role: z.enum(roles), unitId: z.uuid(), unitName: z.string() })),
  /** The account's unused code, if any: when it expires (the code itself is never shown again). */
  codeExpiresAt: z.string().nullable(),
});
export type AccountDto = z.infer<typeof accountSchema>;

export const accountListResponse = z.object({ accounts: z.array(accountSchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const createdAccountResponse = z.object({ id: z.uuid(), oneTimeCode: z.string(), expiresAt: z.string() });
export const codeResponse = z.object({ oneTimeCode: z.string(), expiresAt: z.string() });
export const grantResponse = z.object({ id: z.uuid() });
export const okResponse = z.object({ ok: z.literal(true) });

export const bulkKinds = ['cellSecretaries', 'members'] as const;
export const bulkBody = z.object({
  kind: z.enum(bulkKinds, { message: 'Chọn tạo cho bí thư chi bộ hay cho đảng viên.' }),
  /** The cells; none means every cell of the commune. */
  cellIds: z.array(z.uuid({ message: 'Mã chi bộ không hợp lệ.' })).max(500).default([]),
});

export const letterSchema = z.object({ fullName: z.string(), cellName: z.string(), username: z.string(), oneTimeCode: z.string() });
export const bulkResponse = z.object({
  created: z.number().int(),
  refreshed: z.number().int(),
  expiresAt: z.string(),
  letters: z.array(letterSchema.extend({ created: z.boolean() })),
  /** The chosen cells where nobody got an account: no current secretary, or no member. */
  emptyCells: z.array(z.string()),
});

export const lettersBody = z.object({
  letters: z.array(z.object({ username: z.string().trim().toLowerCase().max(100), oneTimeCode: z.string().trim().max(40) })).min(1, 'Chưa có thư nào để in.').max(5000),
});
export const lettersQuery = z.object({ communeId: z.uuid().optional(), format: z.enum(['docx', 'pdf']).default('docx') });

export const communeListResponse = z.object({ communes: z.array(z.object({ id: z.uuid(), name: z.string(), provinceId: z.uuid(), accounts: z.number().int() })) });
export const createCommuneBody = z.object({
  provinceId: z.uuid({ message: 'Mã tỉnh không hợp lệ.' }).optional(),
  name: z.string().trim().min(3, 'Tên đảng bộ quá ngắn.').max(120),
  admin: z.object({
    username: z.string().trim().toLowerCase().regex(USERNAME_PATTERN, usernameMessage),
    displayName: z.string().trim().min(2, 'Tên hiển thị quá ngắn.').max(120),
  }),
});
export const createdCommuneResponse = z.object({ id: z.uuid(), adminId: z.uuid(), oneTimeCode: z.string(), expiresAt: z.string() });
