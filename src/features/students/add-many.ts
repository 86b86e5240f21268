import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { ParsedStudentInput } from '#contracts/students.ts';
import { schoolYearOfDate, todayInVietnam } from '../../domain/calendar/index.ts';
import { type AuditEntry, auditMany } from '../../platform/audit/audit.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { insertRows } from '../../platform/db/unnest-insert.ts';
import { AppError } from '../../platform/errors.ts';
import { InputRefused } from '../../platform/imports/kinds.ts';
import { enrolNewStudents, type NewEnrolment } from '../classes/enrolments.ts';
import { currentSchoolYearOf } from '../school-years/service.ts';
import { guardianAuditView } from './guardians.ts';
import { searchTextOf } from './queries.ts';
import { auditView, writeOrConflict } from './service.ts';

/** Refusal of one input of addStudents: its position in the list and the service's error (as addStudent throws it). */
export class StudentRefused extends InputRefused {}

export const STUDENT_COLUMNS = {
  id: 'uuid',
  unit_id: 'uuid',
  full_name: 'text',
  search_text: 'text',
  birth_date: 'date',
  gender: 'text',
  ethnicity: 'text',
  national_id: 'text',
  national_id_confirmed: 'boolean',
  moet_student_code: 'text',
  birth_place: 'text',
  registration_number: 'text',
  address: 'text',
  disability: 'text',
  poor_household: 'boolean',
  near_poor_household: 'boolean',
  policy_flags: 'text[]',
  status: 'text',
  status_since: 'date',
} as const;

const HISTORY_COLUMNS = {
  unit_id: 'uuid',
  student_id: 'uuid',
  status: 'text',
  effective_on: 'date',
  recorded_by: 'uuid',
} as const;

const GUARDIAN_COLUMNS = {
  id: 'uuid',
  unit_id: 'uuid',
  student_id: 'uuid',
  position: 'int',
  full_name: 'text',
  relationship: 'text',
  phone: 'text',
  email: 'text',
  occupation: 'text',
} as const;

/**
 * addStudent for a whole list, set-based (the Excel import, issue "Hardening" §3): the same students, first status
 * entries, guardians, enrolments and audit rows as calling addStudent for each input in turn, written with one
 * `insert … select from unnest` per table and per thousand rows instead of ~18 queries per student, so the import's
 * transaction holds the embedded database's one connection for a fraction of the time. Inputs are already parsed by
 * `studentInput` (the import's validation). A refused input throws StudentRefused with its index; a sector code
 * taken meanwhile by another transaction throws the unique violation's conflict without a row.
 */
export async function addStudents(
  ctx: ServiceContext,
  unitId: string,
  inputs: readonly ParsedStudentInput[],
): Promise<void> {
  const school = await requireSchool(ctx, 'students.write', unitId);
  const today = todayInVietnam();
  const students = inputs.map((values) => {
    const joinedOn = values.statusSince ?? today;
    return {
      values,
      joinedOn,
      row: {
        id: randomUUID(),
        unit_id: unitId,
        full_name: values.fullName,
        search_text: searchTextOf(values.fullName, values.moetStudentCode),
        birth_date: values.birthDate ?? null,
        gender: values.gender ?? null,
        ethnicity: values.ethnicity ?? null,
        national_id: values.nationalId ?? null,
        national_id_confirmed: Boolean(values.nationalId && values.nationalIdConfirmed),
        moet_student_code: values.moetStudentCode ?? null,
        birth_place: values.birthPlace ?? null,
        registration_number: values.registrationNumber ?? null,
        address: values.address ?? null,
        disability: values.disability ?? null,
        // Column defaults of the table, which addStudent gets by leaving the value out.
        poor_household: values.poorHousehold ?? false,
        near_poor_household: values.nearPoorHousehold ?? false,
        policy_flags: values.policyFlags ?? [],
        status: values.status ?? 'enrolled',
        status_since: joinedOn,
      },
    };
  });
  await inTransaction(ctx, async (trx) => {
    const enrolments = await placesInClasses(trx, school.path, unitId, students);
    await writeOrConflict(() =>
      insertRows(
        trx.db,
        'students',
        STUDENT_COLUMNS,
        students.map((s) => s.row),
      ),
    );
    await insertRows(
      trx.db,
      'student_status_history',
      HISTORY_COLUMNS,
      students.map((s) => ({
        unit_id: unitId,
        student_id: s.row.id,
        status: s.row.status,
        effective_on: s.joinedOn,
        recorded_by: trx.actor.userId || null,
      })),
    );
    const guardians = students.map((s) =>
      (s.values.guardians ?? []).map((guardian, position) => ({
        id: randomUUID(),
        unit_id: unitId,
        student_id: s.row.id,
        position,
        full_name: guardian.fullName,
        relationship: guardian.relationship,
        phone: guardian.phone ?? null,
        email: guardian.email ?? null,
        occupation: guardian.occupation ?? null,
      })),
    );
    await insertRows(trx.db, 'student_guardians', GUARDIAN_COLUMNS, guardians.flat());
    let enrolmentAudits: AuditEntry[];
    try {
      enrolmentAudits = await enrolNewStudents(trx, unitId, enrolments.entries, 'className', {
        auditByCaller: true,
      });
    } catch (error) {
      const index = (error as AppError).details as { index?: number } | undefined;
      if (error instanceof AppError && index?.index !== undefined) {
        throw new StudentRefused(enrolments.inputIndex[index.index] ?? 0, error);
      }
      throw error;
    }
    // One audit statement for the students and their enrolments.
    await auditMany(trx, [...enrolmentAudits, ...studentAudits(unitId, students, guardians)]);
  });
}

/**
 * The enrolment of each input naming a class: the class of the current school year by name (case-insensitive, as
 * findClassByName), from the day the student joined when that day falls in the year.
 */
export async function placesInClasses(
  trx: ServiceContext,
  schoolPath: string,
  unitId: string,
  students: { values: ParsedStudentInput; joinedOn: string; row: { id: string } }[],
) {
  const keyOf = (name: string) => name.trim().toUpperCase();
  const named = students.flatMap((s) => (s.values.className ? [keyOf(s.values.className)] : []));
  const entries: NewEnrolment[] = [];
  const inputIndex: number[] = [];
  if (named.length === 0) return { entries, inputIndex };
  const schoolYear = await currentSchoolYearOf(trx.db, schoolPath);
  const classes = schoolYear
    ? await trx.db
        .selectFrom('classes')
        .select(['id', sql<string>`upper(name)`.as('key')])
        .where('unit_id', '=', unitId)
        .where('school_year', '=', schoolYear)
        .where(sql<string>`upper(name)`, 'in', [...new Set(named)])
        .orderBy('created_at')
        .execute()
    : [];
  const classOf = new Map<string, string>();
  for (const c of classes) if (!classOf.has(c.key)) classOf.set(c.key, c.id);
  students.forEach((s, index) => {
    const className = s.values.className;
    if (!className) return;
    const classId = classOf.get(keyOf(className));
    if (!schoolYear || !classId) {
      const message = `Không có lớp ${className} trong năm học ${schoolYear ?? 'hiện tại'} của trường.`;
      throw new StudentRefused(index, new AppError('validation_failed', message, { className: message }));
    }
    const enrolledOn = schoolYearOfDate(s.joinedOn) === schoolYear ? s.joinedOn : undefined;
    entries.push({ studentId: s.row.id, classId, enrolledOn });
    inputIndex.push(index);
  });
  return { entries, inputIndex };
}

/**
 * addStudent's audit row of each new student: the record as stored, its guardians and the class named. Built from
 * the rows just inserted (every audited column is written explicitly, no trigger changes them), so nothing is read
 * back inside the transaction.
 */
function studentAudits(
  unitId: string,
  students: { values: ParsedStudentInput; row: Parameters<typeof auditView>[0] & { id: string } }[],
  guardians: Parameters<typeof guardianAuditView>[0][][],
): AuditEntry[] {
  return students.map((s, index) => ({
    unitId,
    entity: 'student' as const,
    entityId: s.row.id,
    action: 'create' as const,
    after: {
      ...auditView(s.row),
      guardians: (guardians[index] ?? []).map(guardianAuditView),
      className: s.values.className ?? null,
    },
  }));
}
