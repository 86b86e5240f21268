import { z } from 'zod';
import { line } from '#contracts/common.ts';

const departmentName = line('Tên tổ chuyên môn')
  .min(2, 'Nhập tên tổ chuyên môn (ít nhất 2 ký tự).')
  .max(100, 'Tên tổ dài quá 100 ký tự.');

export const listDepartmentsQuery = z.object({ unitId: z.uuid('Chọn đơn vị.') });

export const createDepartmentBody = z.object({
  unitId: z.uuid('Chọn đơn vị.'),
  name: departmentName,
  /** Tổ trưởng: a staff member of the same school. */
  headStaffId: z.uuid('Chọn tổ trưởng.').nullish(),
});
export type CreateDepartmentInput = z.infer<typeof createDepartmentBody>;

export const updateDepartmentBody = z.object({
  name: departmentName.optional(),
  headStaffId: z.uuid('Chọn tổ trưởng.').nullish(),
});
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentBody>;

export const departmentSchema = z.object({
  id: z.uuid(),
  unitId: z.uuid(),
  name: z.string(),
  headStaffId: z.uuid().nullable(),
  headName: z.string().nullable(),
  memberCount: z.number().int(),
  /** The caller heads this department (and holds the department_head role). */
  isMine: z.boolean(),
});
export type Department = z.infer<typeof departmentSchema>;
