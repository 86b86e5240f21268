import {
  ACTIVE_STATUSES,
  type ChangeStatusInput,
  changeStatusBody,
  isActiveStatus,
  STATUSES_NEEDING_REASON,
  STUDENT_STATUS_LABEL_VI,
} from '#contracts/students.ts';
import { schoolYearOfDate, todayInVietnam, vietnameseDate } from '../../domain/calendar/index.ts';
import { audit, auditMany } from '../../platform/audit/audit.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { can } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { Disability, Gender, StudentStatus } from '../../platform/db/schema.ts';
import { insertRows } from '../../platform/db/unnest-insert.ts';
import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/http/parse-input.ts';
import { closeActiveEnrolments } from '../classes/enrolments.ts';
import { assertNotErased, requireStudentPermission } from './access.ts';
import { studentDetail } from './detail.ts';
import { currentStatusOf, findStudent, type StudentRow } from './queries.ts';

/**
 * Records a change of status (transfer, dropout, graduation, return) effective on a date, as a new history row;
 * the record's current status is the latest row. Leaving the school ends the student's open enrolments that day.
 */
export async function changeStatus(ctx: ServiceContext, id: string, input: ChangeStatusInput) {
  const values = parseInput(changeStatusBody, input);
  const student = await requireStudentPermission(ctx, id, 'students.write');
  assertNotErased(student);
  if (values.effectiveOn > todayInVietnam()) {
    throw invalid('effectiveOn', 'Ngày hiệu lực không được ở tương lai; ghi nhận khi việc đã xảy ra.');
  }
  if (STATUSES_NEEDING_REASON.includes(values.status) && !values.reason) {
    throw invalid(
      'reason',
      `Nhập lý do ${STUDENT_STATUS_LABEL_VI[values.status].toLowerCase()} (báo cáo thống kê cần).`,
    );
  }
  return inTransaction(ctx, async (trx) => {
    await recordStatusChange(trx, student, values);
    const after = (await findStudent(trx.db, id)) as StudentRow;
    const unit = { id: after.unit_id, path: after.unit_path };
    return studentDetail(trx, {
      student: after,
      view: 'staff',
      sensitive: can(ctx.actor, 'students.sensitive', unit),
    });
  });
}

/**
 * Graduates students of a school in one statement per table (the rollover of the last grade): a status-history row
 * each, the record's status, and an audit row each as changeStatus writes. Their enrolments are left as they are:
 * the year they finished stays theirs (closeActiveEnrolments). The caller has checked that they are active and may
 * be changed (students.write on the school).
 */
export async function graduateStudents(
  trx: ServiceContext,
  unitId: string,
  studentIds: readonly string[],
  effectiveOn: string,
): Promise<void> {
  if (studentIds.length === 0) return;
  await requireUnitAccess(trx, 'students.write', unitId);
  const before = await trx.db
    .selectFrom('students')
    .select(['id', 'status', 'status_since'])
    .where('unit_id', '=', unitId)
    .where('id', 'in', studentIds)
    .execute();
  await insertRows(
    trx.db,
    'student_status_history',
    { unit_id: 'uuid', student_id: 'uuid', status: 'text', effective_on: 'date', recorded_by: 'uuid' },
    studentIds.map((id) => ({
      unit_id: unitId,
      student_id: id,
      status: 'graduated',
      effective_on: effectiveOn,
      recorded_by: trx.actor.userId || null,
    })),
  );
  await trx.db
    .updateTable('students')
    .set({ status: 'graduated', status_since: effectiveOn, updated_at: new Date() })
    .where('unit_id', '=', unitId)
    .where('id', 'in', studentIds)
    .execute();
  await auditMany(
    trx,
    before.map((s) => ({
      unitId,
      entity: 'student',
      entityId: s.id,
      action: 'change_status',
      before: { status: s.status, statusSince: s.status_since },
      after: { status: 'graduated', effectiveOn, reason: null },
    })),
  );
}

async function statusOn(trx: ServiceContext, student: StudentRow, date: string) {
  const row = await trx.db
    .selectFrom('student_status_history')
    .select('status')
    .where('unit_id', '=', student.unit_id)
    .where('student_id', '=', student.id)
    .where('effective_on', '<=', date)
    .orderBy('effective_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.status;
}

const invalid = (field: string, message: string) =>
  new AppError('validation_failed', message, { [field]: message });

export interface EnrolledStudent {
  studentId: string;
  status: StudentStatus;
  gender: Gender | null;
  birthDate: string | null;
  ethnicity: string | null;
  disability: Disability | null;
  /** Class and grade the student was in on the date (null when in no class that day). */
  classId: string | null;
  grade: number | null;
}

/**
 * Students who attended a school on a date — "as of 30/9" of the start-of-year report (Thông tư 24/2018, replaced
 * by Thông tư 25/2024): for each student, the latest status-history entry at this school effective on or before
 * the date must be enrolled or transferred in. Their class is the enrolment open that day (enrolled_on ≤ date <
 * left_on) in the school year of the date. Erased records are still counted (they are kept for statistics).
 */
export async function studentsEnrolledOn(
  ctx: ServiceContext,
  unitId: string,
  date: string,
): Promise<EnrolledStudent[]> {
  await requireUnitAccess(ctx, 'students.read', unitId);
  const latest = ctx.db
    .selectFrom('student_status_history as h')
    .distinctOn('h.student_id')
    .select(['h.student_id', 'h.status'])
    .where('h.unit_id', '=', unitId)
    .where('h.effective_on', '<=', date)
    .orderBy('h.student_id')
    .orderBy('h.effective_on', 'desc')
    .orderBy('h.recorded_at', 'desc')
    .as('latest');
  const rows = await ctx.db
    .selectFrom(latest)
    .innerJoin('students as s', 's.id', 'latest.student_id')
    .leftJoin('enrolments as e', (join) =>
      join
        .onRef('e.student_id', '=', 's.id')
        .on('e.unit_id', '=', unitId)
        .on('e.school_year', '=', schoolYearOfDate(date))
        .on('e.enrolled_on', '<=', date)
        .on((eb) => eb.or([eb('e.left_on', 'is', null), eb('e.left_on', '>', date)])),
    )
    .leftJoin('classes as c', 'c.id', 'e.class_id')
    .select([
      's.id',
      'latest.status',
      's.gender',
      's.birth_date',
      's.ethnicity',
      's.disability',
      'c.id as class_id',
      'c.grade',
    ])
    .where('latest.status', 'in', [...ACTIVE_STATUSES])
    .execute();
  return rows.map((r) => ({
    studentId: r.id,
    status: r.status,
    gender: r.gender,
    birthDate: r.birth_date,
    ethnicity: r.ethnicity,
    disability: r.disability,
    classId: r.class_id,
    grade: r.grade,
  }));
}

/** Head count on a date by grade and sex: aggregates only, no personal data. */
export async function enrolmentSnapshot(ctx: ServiceContext, unitId: string, date: string) {
  const students = await studentsEnrolledOn(ctx, unitId, date);
  const byGrade = new Map<number | null, { male: number; female: number; total: number }>();
  for (const student of students) {
    const counts = byGrade.get(student.grade) ?? { male: 0, female: 0, total: 0 };
    if (student.gender === 'male') counts.male++;
    if (student.gender === 'female') counts.female++;
    counts.total++;
    byGrade.set(student.grade, counts);
  }
  return {
    date,
    schoolYear: schoolYearOfDate(date),
    total: students.length,
    byGrade: [...byGrade.entries()]
      .sort(([a], [b]) => (a ?? 99) - (b ?? 99))
      .map(([grade, counts]) => ({ grade, ...counts })),
  };
}

/**
 * Writes one status change inside the caller's transaction: the history row, the record's current status, the end of
 * its open enrolments when the student leaves, and the audit row. Also the withdrawal that precedes an erasure.
 */
export async function recordStatusChange(
  trx: ServiceContext,
  student: StudentRow,
  values: { status: StudentStatus; effectiveOn: string; reason?: string | null },
): Promise<void> {
  const inEffect = await statusOn(trx, student, values.effectiveOn);
  if (inEffect === values.status) {
    throw new AppError(
      'conflict',
      `Học sinh đã ở trạng thái "${STUDENT_STATUS_LABEL_VI[values.status]}" vào ngày ${vietnameseDate(values.effectiveOn)}.`,
      { status: 'Trạng thái không thay đổi.' },
    );
  }
  await trx.db
    .insertInto('student_status_history')
    .values({
      unit_id: student.unit_id,
      student_id: student.id,
      status: values.status,
      effective_on: values.effectiveOn,
      reason: values.reason ?? null,
      recorded_by: trx.actor.userId || null,
    })
    .execute();
  const current = (await currentStatusOf(trx.db, student.unit_id, student.id)) ?? {
    status: values.status,
    effective_on: values.effectiveOn,
  };
  await trx.db
    .updateTable('students')
    .set({ status: current.status, status_since: current.effective_on, updated_at: new Date() })
    .where('unit_id', '=', student.unit_id)
    .where('id', '=', student.id)
    .execute();
  if (!isActiveStatus(current.status)) {
    await closeActiveEnrolments(trx, student.unit_id, student.id, current.effective_on);
  }
  await audit(trx, {
    unitId: student.unit_id,
    entity: 'student',
    entityId: student.id,
    action: 'change_status',
    before: { status: student.status, statusSince: student.status_since },
    after: { status: values.status, effectiveOn: values.effectiveOn, reason: values.reason ?? null },
  });
}
