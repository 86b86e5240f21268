import { z } from 'zod';
import { line, pageOf, pageQuery, searchTerm } from '#contracts/common.ts';
import { ROLES } from '#contracts/roles.ts';
import { blank, optionalEmail, optionalPhone } from '#contracts/staff.ts';

export const username = z
  .string('Nhập tên đăng nhập.')
  .trim()
  .toLowerCase()
  .min(3, 'Tên đăng nhập có ít nhất 3 ký tự.')
  .max(50, 'Tên đăng nhập dài quá 50 ký tự.')
  .regex(/^[a-z0-9._-]+$/, 'Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm, gạch dưới, gạch ngang.');

const accountFields = {
  fullName: line('Họ và tên').min(2, 'Nhập họ và tên.').max(100, 'Họ và tên dài quá 100 ký tự.'),
  email: optionalEmail,
  phone: optionalPhone,
};

export const roleGrantBody = z.object({
  role: z.enum(ROLES, 'Chọn vai trò.'),
  unitId: z.uuid('Chọn đơn vị.'),
});
export type RoleGrant = z.infer<typeof roleGrantBody>;

export const createUserBody = z.object({
  /** The unit that manages the account. */
  unitId: z.uuid('Chọn đơn vị.'),
  username,
  ...accountFields,
  /** Leave empty to generate a temporary password, shown once. */
  password: z.string().min(1).max(200).nullish().or(blank),
  roles: z.array(roleGrantBody).max(20).optional(),
  staffId: z.uuid('Hồ sơ cán bộ không hợp lệ.').nullish(),
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const updateUserBody = z.object(accountFields).partial();
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const linkStaffBody = z.object({ staffId: z.uuid('Chọn hồ sơ cán bộ.').nullable() });

export const listUsersQuery = pageQuery.extend({
  unitId: z.uuid('Chọn đơn vị.'),
  q: searchTerm,
  status: z.enum(['active', 'inactive']).optional(),
  role: z.enum(ROLES).optional(),
});
export type ListUsersQuery = z.infer<typeof listUsersQuery>;

export const assignmentParams = z.object({ id: z.uuid(), assignmentId: z.uuid() });
export const grantableQuery = z.object({ unitId: z.uuid('Chọn đơn vị.') });

export const userSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  unitName: z.string(),
  username: z.string(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  roles: z.array(z.object({ id: z.uuid(), role: z.enum(ROLES), unitId: z.uuid(), unitName: z.string() })),
  staff: z.object({ id: z.uuid(), fullName: z.string(), unitId: z.uuid() }).nullable(),
  /** The caller may edit, reset, deactivate this account and change its roles. */
  manageable: z.boolean(),
});
export type User = z.infer<typeof userSchema>;

export const userPageSchema = pageOf(userSchema);
export type UserPage = z.infer<typeof userPageSchema>;

export const createdUserSchema = z.object({
  user: userSchema,
  /** The generated password, shown once; null when the administrator typed one. */
  temporaryPassword: z.string().nullable(),
});
export const resetPasswordSchema = z.object({ temporaryPassword: z.string() });
export const grantableRolesSchema = z.object({ unitId: z.uuid(), roles: z.array(z.enum(ROLES)) });
