import type { Permission } from '#contracts/roles.ts';
import type { SensitiveFields, StudentDetail } from '#contracts/students.ts';
import { checkNationalId } from '../../domain/identity/national-id.ts';
import { permissionsOn } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { StudentAccess } from './access.ts';
import { duplicateCounts, provincePathOf } from './duplicates.ts';
import { enrolmentsOf, guardiansOf, type StudentRow, statusHistoryOf, toGuardian } from './queries.ts';

/** Actions on a student the UI may offer; the server checks each again. */
const STUDENT_ACTIONS: readonly Permission[] = [
  'students.write',
  'students.sensitive',
  'students.personal_data',
  'users.manage',
  'classes.write',
];

/** Offered to the student and their guardians on their own record: the personal-data export. */
export const OWN_DATA_EXPORT = 'personal_data.export_own';

/** The full record as this caller may see it. Does not log the access: callers that show it do. */
export async function studentDetail(ctx: ServiceContext, access: StudentAccess): Promise<StudentDetail> {
  const { student } = access;
  const guardians = await guardiansOf(ctx.db, student.unit_id, student.id);
  const history = await statusHistoryOf(ctx.db, student.id);
  const enrolments = await enrolmentsOf(ctx.db, student.id);
  const current = enrolments.find((e) => e.left_on === null && e.unit_id === student.unit_id);
  const sensitive = access.sensitive ? await sensitiveFields(ctx, student, access.view) : null;
  return {
    id: student.id,
    fullName: student.full_name,
    birthDate: student.birth_date,
    gender: student.gender,
    moetStudentCode: student.moet_student_code,
    status: student.status,
    statusSince: student.status_since,
    classId: current?.class_id ?? null,
    className: current?.class_name ?? null,
    grade: current?.grade ?? null,
    duplicateNationalId: sensitive ? sensitive.duplicateNationalIdCount > 0 : null,
    unitId: student.unit_id,
    unitName: student.unit_name,
    birthPlace: student.birth_place,
    registrationNumber: student.registration_number,
    erased: student.erased_at !== null,
    hasAccount: student.user_id !== null,
    guardians: guardians.map(toGuardian),
    statusHistory: history.map((h) => ({
      id: h.id,
      status: h.status,
      effectiveOn: h.effective_on,
      reason: h.reason,
      recordedAt: h.recorded_at.toISOString(),
      recordedByName: h.recorded_by_name,
    })),
    enrolments: enrolments.map((e) => ({
      id: e.id,
      classId: e.class_id,
      className: e.class_name,
      grade: e.grade,
      schoolYear: e.school_year,
      enrolledOn: e.enrolled_on,
      leftOn: e.left_on,
    })),
    sensitive,
    permissions:
      access.view === 'staff'
        ? permissionsOn(ctx.actor, { id: student.unit_id, path: student.unit_path }, STUDENT_ACTIONS)
        : // The family may take its own data (right of access, Law 91/2025/QH15 Điều 4); nothing else.
          [OWN_DATA_EXPORT],
  };
}

/** Warnings of the personal ID against the record, unless a user confirmed the number as printed. */
export function nationalIdWarnings(student: Pick<StudentRow, 'national_id' | 'birth_date' | 'gender'>) {
  if (!student.national_id) return [];
  return checkNationalId(student.national_id, {
    birthDate: student.birth_date ?? undefined,
    gender: student.gender ?? undefined,
  }).warnings;
}

async function sensitiveFields(
  ctx: ServiceContext,
  student: StudentRow,
  view: StudentAccess['view'],
): Promise<SensitiveFields> {
  // The duplicate check looks at other families' records: a data-quality flag for staff, not for the family.
  const counts =
    view === 'staff' && student.national_id
      ? await duplicateCounts(ctx.db, await provincePathOf(ctx.db, student.unit_path), [student])
      : new Map<string, number>();
  return {
    nationalId: student.national_id,
    nationalIdConfirmed: student.national_id_confirmed,
    nationalIdWarnings: student.national_id_confirmed ? [] : nationalIdWarnings(student),
    duplicateNationalIdCount: counts.get(student.id) ?? 0,
    ethnicity: student.ethnicity,
    address: student.address,
    disability: student.disability,
    poorHousehold: student.poor_household,
    nearPoorHousehold: student.near_poor_household,
    policyFlags: student.policy_flags,
  };
}
