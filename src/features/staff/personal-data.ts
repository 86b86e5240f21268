import type { Permission } from '#contracts/roles.ts';
import type { Staff } from '#contracts/staff.ts';
import { checkNationalId, type Issue } from '../../domain/identity/index.ts';
import { can } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { departmentsHeadedByActor } from '../departments/headed.ts';
import type { StaffRow } from './queries.ts';

/**
 * Birth date and national ID of a staff member are personal data (Law 91/2025/QH15). roles.ts has no staff-specific
 * permission for them, so they go to the roles that process people's personal data anyway: those who keep the
 * staff records (staff.write: principal, vice principals, IT officer) and those allowed students' sensitive data
 * (offices). A department head also sees the records of the department they head; teachers see a directory.
 */
const PERSONAL_DATA_PERMISSIONS: readonly Permission[] = ['staff.write', 'students.sensitive'];

export type PersonalDataCheck = (row: Pick<StaffRow, 'unit_id' | 'unit_path' | 'department_id'>) => boolean;

export async function personalDataCheck(ctx: ServiceContext): Promise<PersonalDataCheck> {
  const headed = await departmentsHeadedByActor(ctx);
  return (row) =>
    PERSONAL_DATA_PERMISSIONS.some((p) => can(ctx.actor, p, { id: row.unit_id, path: row.unit_path })) ||
    (row.department_id !== null && headed.has(row.department_id));
}

/** Mismatches between the national ID and the recorded birth date or gender: accepted, shown as warnings. */
export function nationalIdWarnings(row: Pick<StaffRow, 'national_id' | 'birth_date' | 'gender'>): Issue[] {
  if (!row.national_id) return [];
  return checkNationalId(row.national_id, {
    birthDate: row.birth_date ?? undefined,
    gender: row.gender ?? undefined,
  }).warnings;
}

/**
 * The API shape of a record. `withPersonalData` adds birth date and national ID (detail view, export); lists
 * carry only the data-quality flags, so browsing the directory does not expose them.
 */
export function toStaff(row: StaffRow, visible: boolean, withPersonalData: boolean): Staff {
  const personal = visible && withPersonalData;
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    fullName: row.full_name,
    birthDate: personal ? row.birth_date : null,
    nationalId: personal ? row.national_id : null,
    personalDataVisible: visible,
    gender: row.gender,
    phone: row.phone,
    email: row.email,
    position: row.position,
    staffRole: row.staff_role,
    qualification: row.qualification,
    mainSubject: row.main_subject,
    departmentId: row.department_id,
    departmentName: row.department_name,
    employmentStatus: row.employment_status,
    startDate: row.start_date,
    userId: row.user_id,
    username: row.username,
    warnings: visible ? nationalIdWarnings(row) : [],
    duplicateNationalId: visible && row.duplicate_national_id,
    updatedAt: row.updated_at.toISOString(),
  };
}
