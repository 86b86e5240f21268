import {
  type ListStudentsQuery,
  SENSITIVE_INPUTS,
  type StudentDetail,
  type StudentInput,
  type StudentSummary,
  studentInput,
  type UpdateStudentInput,
  updateStudentBody,
} from '#contracts/students.ts';
import { schoolYearOfDate, todayInVietnam } from '../../domain/calendar/index.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { logPersonalDataAccess } from '../../platform/audit/access-log.ts';
import { audit, changedFields } from '../../platform/audit/audit.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import { can } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/constraint-errors.ts';
import type { Row } from '../../platform/db/schema.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { parseInput } from '../../platform/http/parse-input.ts';
import { assertClassHasRoom, enrolStudent, findClassByName } from '../classes/enrolments.ts';
import { currentSchoolYearOf } from '../school-years/service.ts';
import { assertNotErased, readStudentAccess, requireStudentPermission } from './access.ts';
import { studentDetail } from './detail.ts';
import { duplicateCounts, provincePathOf } from './duplicates.ts';
import { saveGuardians } from './guardians.ts';
import { findStudent, listStudentRows, type StudentRow, searchTextOf } from './queries.ts';

/** Students of a school in Vietnamese class-list order (given name, middle name, family name), one page. */
export async function listStudents(ctx: ServiceContext, query: ListStudentsQuery) {
  const school = await requireSchool(ctx, 'students.read', query.unitId);
  const schoolYear = query.schoolYear ?? (await currentSchoolYearOf(ctx.db, school.path));
  const rows = await listStudentRows(ctx.db, school.id, schoolYear, query);
  // Sorted here with the domain's comparator rather than in SQL: no collation orders by given name first.
  rows.sort((a, b) => compareVietnameseNames(a.full_name, b.full_name));
  const page = rows.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const sensitive = can(ctx.actor, 'students.sensitive', school);
  const duplicates = sensitive
    ? await duplicateCounts(ctx.db, await provincePathOf(ctx.db, school.path), page)
    : new Map<string, number>();
  const items: StudentSummary[] = page.map((r) => ({
    id: r.id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    gender: r.gender,
    moetStudentCode: r.moet_student_code,
    status: r.status,
    statusSince: r.status_since,
    classId: r.class_id,
    className: r.class_name,
    grade: r.grade,
    duplicateNationalId: sensitive ? (duplicates.get(r.id) ?? 0) > 0 : null,
  }));
  return { items, total: rows.length, page: query.page, pageSize: query.pageSize, schoolYear };
}

/** One student's record; every view is written to the personal-data access log. */
export async function getStudent(ctx: ServiceContext, id: string): Promise<StudentDetail> {
  const access = await readStudentAccess(ctx, id);
  await logPersonalDataAccess(ctx, {
    unitId: access.student.unit_id,
    subjectKind: 'student',
    subjectIds: [id],
    action: 'view',
    detail: access.view === 'own' ? 'own_record' : undefined,
  });
  return studentDetail(ctx, access);
}

/**
 * Adds a student to a school with their guardians, the first status-history entry and, when `className` is given,
 * an enrolment in that class of the current school year.
 */
export async function createStudent(
  ctx: ServiceContext,
  unitId: string,
  input: StudentInput,
): Promise<StudentDetail> {
  return inTransaction(ctx, async (trx) => {
    const student = await addStudent(trx, unitId, input);
    return studentDetail(trx, { student, view: 'staff', sensitive: true });
  });
}

/**
 * createStudent without the detail view it returns: the Excel import calls this for each row inside its one
 * transaction, where reading back guardians, history and duplicates of every new record would only cost time.
 */
export async function addStudent(
  ctx: ServiceContext,
  unitId: string,
  input: StudentInput,
): Promise<StudentRow> {
  const values = parseInput(studentInput, input);
  const school = await requireSchool(ctx, 'students.write', unitId);
  const joinedOn = values.statusSince ?? todayInVietnam();
  return inTransaction(ctx, async (trx) => {
    const inserted = await writeOrConflict(() =>
      trx.db
        .insertInto('students')
        .values({
          unit_id: unitId,
          ...recordColumns(values),
          full_name: values.fullName,
          search_text: searchTextOf(values.fullName, values.moetStudentCode),
          national_id_confirmed: Boolean(values.nationalId && values.nationalIdConfirmed),
          status: values.status ?? 'enrolled',
          status_since: joinedOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    await trx.db
      .insertInto('student_status_history')
      .values({
        unit_id: unitId,
        student_id: inserted.id,
        status: values.status ?? 'enrolled',
        effective_on: joinedOn,
        recorded_by: trx.actor.userId || null,
      })
      .execute();
    const guardians = await saveGuardians(trx, unitId, inserted.id, values.guardians ?? []);
    if (values.className) {
      await enrolInClassNamed(trx, school.path, unitId, inserted.id, values.className, joinedOn);
    }
    const student = (await findStudent(trx.db, inserted.id)) as StudentRow;
    await audit(trx, {
      unitId,
      entity: 'student',
      entityId: student.id,
      action: 'create',
      after: { ...auditView(student), guardians: guardians.after, className: values.className ?? null },
    });
    return student;
  });
}

async function enrolInClassNamed(
  trx: ServiceContext,
  schoolPath: string,
  unitId: string,
  studentId: string,
  className: string,
  joinedOn: string,
) {
  const schoolYear = await currentSchoolYearOf(trx.db, schoolPath);
  const cls = schoolYear ? await findClassByName(trx, unitId, schoolYear, className) : undefined;
  if (!schoolYear || !cls) {
    const message = `Không có lớp ${className} trong năm học ${schoolYear ?? 'hiện tại'} của trường.`;
    throw new AppError('validation_failed', message, { className: message });
  }
  const enrolledOn = schoolYearOfDate(joinedOn) === schoolYear ? joinedOn : undefined;
  // Checked here too so that a full class is reported on the class name (the form's field, the import's column).
  await assertClassHasRoom(trx, cls, 'className');
  await enrolStudent(trx, unitId, { studentId, classId: cls.id, enrolledOn });
}

/** Edits a record; guardians, when given, replace the student's guardian list. */
export async function updateStudent(
  ctx: ServiceContext,
  id: string,
  input: UpdateStudentInput,
): Promise<StudentDetail> {
  const values = parseInput(updateStudentBody, input);
  const before = await requireStudentPermission(ctx, id, 'students.write');
  assertNotErased(before);
  const unit = { id: before.unit_id, path: before.unit_path };
  if (
    SENSITIVE_INPUTS.some((key) => values[key] !== undefined) &&
    !can(ctx.actor, 'students.sensitive', unit)
  ) {
    throw forbidden('Bạn không có quyền sửa các thông tin cá nhân nhạy cảm của học sinh.');
  }
  const patch = {
    ...recordColumns(values),
    search_text:
      values.fullName !== undefined || values.moetStudentCode !== undefined
        ? searchTextOf(
            values.fullName ?? before.full_name,
            values.moetStudentCode ?? before.moet_student_code,
          )
        : undefined,
    national_id_confirmed: confirmationAfter(before, values),
  };
  return inTransaction(ctx, async (trx) => {
    await writeOrConflict(() =>
      trx.db
        .updateTable('students')
        .set({ ...patch, updated_at: new Date() })
        .where('unit_id', '=', before.unit_id)
        .where('id', '=', id)
        .execute(),
    );
    const guardians = values.guardians
      ? await saveGuardians(trx, before.unit_id, id, values.guardians)
      : { before: undefined, after: undefined };
    const changes = changedFields(before, patch);
    await audit(trx, {
      unitId: before.unit_id,
      entity: 'student',
      entityId: id,
      action: 'update',
      before: { ...changes.before, guardians: guardians.before },
      after: { ...changes.after, guardians: guardians.after },
    });
    const student = (await findStudent(trx.db, id)) as StudentRow;
    return studentDetail(trx, {
      student,
      view: 'staff',
      sensitive: can(ctx.actor, 'students.sensitive', unit),
    });
  });
}

/**
 * A confirmation holds for the number, birth date and sex it was given for: changing any of them asks again,
 * unless the same request confirms.
 */
function confirmationAfter(before: StudentRow, values: UpdateStudentInput): boolean | undefined {
  if (values.nationalIdConfirmed !== undefined) return values.nationalIdConfirmed;
  const changed =
    (values.nationalId !== undefined && values.nationalId !== before.national_id) ||
    (values.birthDate !== undefined && values.birthDate !== before.birth_date) ||
    (values.gender !== undefined && values.gender !== before.gender);
  return changed ? false : undefined;
}

/** Column values of the record fields present in the input (undefined = leave as is). */
function recordColumns(values: UpdateStudentInput) {
  return {
    full_name: values.fullName,
    birth_date: values.birthDate,
    gender: values.gender,
    ethnicity: values.ethnicity,
    national_id: values.nationalId,
    moet_student_code: values.moetStudentCode,
    birth_place: values.birthPlace,
    registration_number: values.registrationNumber,
    address: values.address,
    disability: values.disability,
    poor_household: values.poorHousehold,
    near_poor_household: values.nearPoorHousehold,
    policy_flags: values.policyFlags,
  } as const;
}

/** Runs a write, a sector code taken by another student becoming a conflict on that field. */
export async function writeOrConflict<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'students_moet_code_key')) {
      const message = 'Mã định danh học sinh này đã có trong hồ sơ của một học sinh khác.';
      throw new AppError('conflict', message, { moetStudentCode: message });
    }
    throw error;
  }
}

/** The audit record of a student: what was entered, as stored. */
export function auditView(
  student: Pick<
    Row<'students'>,
    | 'full_name'
    | 'birth_date'
    | 'gender'
    | 'ethnicity'
    | 'national_id'
    | 'moet_student_code'
    | 'birth_place'
    | 'registration_number'
    | 'address'
    | 'disability'
    | 'poor_household'
    | 'near_poor_household'
    | 'policy_flags'
    | 'status'
    | 'status_since'
  >,
) {
  return {
    fullName: student.full_name,
    birthDate: student.birth_date,
    gender: student.gender,
    ethnicity: student.ethnicity,
    nationalId: student.national_id,
    moetStudentCode: student.moet_student_code,
    birthPlace: student.birth_place,
    registrationNumber: student.registration_number,
    address: student.address,
    disability: student.disability,
    poorHousehold: student.poor_household,
    nearPoorHousehold: student.near_poor_household,
    policyFlags: student.policy_flags,
    status: student.status,
    statusSince: student.status_since,
  };
}
