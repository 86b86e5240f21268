import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { logPersonalDataAccess } from '../../platform/audit/access-log.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import { can } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { Row } from '../../platform/db/schema.ts';
import { currentSchoolYearOf } from '../school-years/service.ts';

import { firstGuardians, listStudentRows } from './queries.ts';

export interface ExportedStudent {
  id: string;
  fullName: string;
  birthDate: string | null;
  gender: 'male' | 'female' | null;
  className: string | null;
  grade: number | null;
  moetStudentCode: string | null;
  birthPlace: string | null;
  registrationNumber: string | null;
  status: Row<'students'>['status'];
  statusSince: string | null;
  /** Null when the reader may not see sensitive data (students.sensitive). */
  sensitive: Pick<
    Row<'students'>,
    'national_id' | 'ethnicity' | 'address' | 'disability' | 'poor_household' | 'near_poor_household'
  > | null;
  /** The first guardian on record (the class list's contact). */
  guardian: Pick<Row<'student_guardians'>, 'full_name' | 'relationship' | 'phone' | 'occupation'> | null;
}

/**
 * The students attending a school now (enrolled or transferred in), by class then Vietnamese name order, for the
 * Excel export. Sensitive fields only for `students.sensitive`; every record exported with them is written to the
 * personal-data access log (Law 91/2025/QH15), as a record view is.
 */
export async function listStudentsForExport(ctx: ServiceContext, unitId: string): Promise<ExportedStudent[]> {
  const school = await requireSchool(ctx, 'students.read', unitId);
  const schoolYear = await currentSchoolYearOf(ctx.db, school.path);
  const listed = await listStudentRows(ctx.db, school.id, schoolYear, { status: 'active' });
  listed.sort(
    (a, b) =>
      (a.grade ?? 99) - (b.grade ?? 99) ||
      (a.class_name ?? '').localeCompare(b.class_name ?? '', 'vi', { numeric: true }) ||
      compareVietnameseNames(a.full_name, b.full_name),
  );
  const ids = listed.map((s) => s.id);
  const sensitive = can(ctx.actor, 'students.sensitive', school);
  const details = ids.length
    ? await ctx.db
        .selectFrom('students')
        .select([
          'id',
          'birth_place',
          'registration_number',
          'national_id',
          'ethnicity',
          'address',
          'disability',
          'poor_household',
          'near_poor_household',
        ])
        .where('unit_id', '=', school.id)
        .where('id', 'in', ids)
        .execute()
    : [];
  const detailOf = new Map(details.map((d) => [d.id, d]));
  const guardianOf = await firstGuardians(ctx.db, school.id, ids);
  if (sensitive) {
    await logPersonalDataAccess(ctx, {
      unitId: school.id,
      subjectKind: 'student',
      subjectIds: ids,
      action: 'list_export',
      detail: 'excel',
    });
  }
  return listed.map((s) => {
    const detail = detailOf.get(s.id);
    const guardian = guardianOf.get(s.id);
    return {
      id: s.id,
      fullName: s.full_name,
      birthDate: s.birth_date,
      gender: s.gender,
      className: s.class_name,
      grade: s.grade,
      moetStudentCode: s.moet_student_code,
      birthPlace: detail?.birth_place ?? null,
      registrationNumber: detail?.registration_number ?? null,
      status: s.status,
      statusSince: s.status_since,
      sensitive: sensitive && detail ? sensitiveOf(detail) : null,
      guardian: guardian
        ? {
            full_name: guardian.full_name,
            relationship: guardian.relationship,
            phone: guardian.phone,
            occupation: guardian.occupation,
          }
        : null,
    };
  });
}

/** The sensitive columns of a student's details (Law 91/2025: only for `students.sensitive`). */
function sensitiveOf(
  d: NonNullable<ExportedStudent['sensitive']>,
): NonNullable<ExportedStudent['sensitive']> {
  return {
    national_id: d.national_id,
    ethnicity: d.ethnicity,
    address: d.address,
    disability: d.disability,
    poor_household: d.poor_household,
    near_poor_household: d.near_poor_household,
  };
}
