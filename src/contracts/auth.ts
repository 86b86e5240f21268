import { z } from 'zod';
import { ROLES } from '#contracts/roles.ts';

export const loginBody = z.object({
  login: z.string().trim().min(1, 'Nhập tên đăng nhập, e-mail hoặc số điện thoại.').max(200),
  password: z.string().min(1, 'Nhập mật khẩu.').max(200),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1, 'Nhập mật khẩu hiện tại.').max(200),
  newPassword: z.string().min(1, 'Nhập mật khẩu mới.').max(200),
});

export const assignmentSchema = z.object({
  role: z.enum(ROLES),
  unitId: z.uuid(),
  unitName: z.string(),
  unitKind: z.string(),
});

export const meResponse = z.object({
  user: z.object({
    id: z.uuid(),
    username: z.string(),
    fullName: z.string(),
    mustChangePassword: z.boolean(),
  }),
  assignments: z.array(assignmentSchema),
  csrfToken: z.string(),
});
export type Me = z.infer<typeof meResponse>;
