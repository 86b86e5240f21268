import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { MAX_CLASS_STUDENTS } from '#contracts/classes.ts';
import { isActiveStatus, STUDENT_STATUS_LABEL_VI } from '#contracts/students.ts';
import {
  schoolYearOfDate,
  todayInVietnam,
  usualCalendar,
  vietnameseDate,
} from '../../domain/calendar/index.ts';
import { type AuditEntry, audit, auditMany } from '../../platform/audit/audit.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { isUniqueViolation } from '../../platform/db/constraint-errors.ts';
import { unnestInsert } from '../../platform/db/unnest-insert.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { currentEnrolments } from '../roster/queries.ts';
import { effectiveSchoolYears } from '../school-years/service.ts';
import { assertYearOpen } from './finished-year.ts';
import { type ClassRow, classesByIds, findClass } from './queries.ts';
import { getClass, requireClass } from './service.ts';

/**
 * Today, moved inside the class's school year: enrolling in August counts from the first day of the year, and
 * entering an earlier year's classes counts from its last day.
 */
export async function defaultDateInYear(trx: ServiceContext, cls: ClassRow): Promise<string> {
  return dateInYear(await effectiveSchoolYears(trx.db, cls.unit_path), cls.school_year);
}

function dateInYear(
  years: readonly { code: string; startsOn: string; endsOn: string }[],
  schoolYear: string,
) {
  const today = todayInVietnam();
  const year = years.find((y) => y.code === schoolYear);
  const { startsOn, endsOn } = year ?? usualCalendar(schoolYear);
  if (today < startsOn) return startsOn;
  if (today > endsOn) return endsOn;
  return today;
}

function assertInYear(date: string, cls: ClassRow, field: string) {
  if (schoolYearOfDate(date) === cls.school_year) return;
  const message = `Ngày ${vietnameseDate(date)} không thuộc năm học ${cls.school_year} của lớp ${cls.name}.`;
  throw new AppError('validation_failed', message, { [field]: message });
}

/**
 * Refuses one more student in a full class (MAX_CLASS_STUDENTS, the most the grids can save). The class row is
 * locked first, so two enrolments into the same class at once count one after the other and cannot both take its
 * last place. `field` names the input the message belongs to.
 */
export async function assertClassHasRoom(trx: ServiceContext, cls: ClassRow, field: string): Promise<void> {
  await trx.db
    .selectFrom('classes')
    .select('id')
    .where('unit_id', '=', cls.unit_id)
    .where('id', '=', cls.id)
    .forUpdate()
    .execute();
  const { n } = await currentEnrolments(trx.db, cls.unit_id)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('e.class_id', '=', cls.id)
    .executeTakeFirstOrThrow();
  if (Number(n) < MAX_CLASS_STUDENTS) return;
  throw new AppError('conflict', classFullMessage(cls.name), { [field]: classFullMessage(cls.name) });
}

export const classFullMessage = (className: string) =>
  `Lớp ${className} đã đủ ${MAX_CLASS_STUDENTS} học sinh, số tối đa của một lớp; hãy xếp học sinh vào lớp khác.`;

/**
 * Puts one student of the school into a class. One active class per student per school year is enforced by the
 * database (enrolments_active_key); a second one is refused with the class the student is in. The Excel import
 * calls this inside its own transaction.
 */
export async function enrolStudent(
  ctx: ServiceContext,
  unitId: string,
  input: { studentId: string; classId: string; enrolledOn?: string },
): Promise<{ enrolmentId: string }> {
  const cls = await requireClass(ctx, input.classId, ['classes.write']);
  if (cls.unit_id !== unitId) throw notFound('lớp');
  return inTransaction(ctx, async (trx) => {
    const student = await trx.db
      .selectFrom('students')
      .select(['id', 'full_name', 'status', 'erased_at'])
      .where('unit_id', '=', unitId)
      .where('id', '=', input.studentId)
      .executeTakeFirst();
    if (!student) throw notFound('học sinh của trường');
    if (student.erased_at || !isActiveStatus(student.status)) {
      const message = `${student.full_name} không còn học ở trường (${STUDENT_STATUS_LABEL_VI[student.status]}).`;
      throw new AppError('validation_failed', message, { studentIds: message });
    }
    const enrolledOn = input.enrolledOn ?? (await defaultDateInYear(trx, cls));
    assertInYear(enrolledOn, cls, 'enrolledOn');
    // Read first only to name the class in the message; the unique index is what enforces the rule.
    const current = await currentClassName(trx, unitId, student.id, cls.school_year);
    if (current !== undefined) throw alreadyInClass(student.full_name, current, cls.school_year);
    await assertClassHasRoom(trx, cls, 'studentIds');
    try {
      const row = await trx.db
        .insertInto('enrolments')
        .values({
          unit_id: unitId,
          class_id: cls.id,
          student_id: student.id,
          school_year: cls.school_year,
          enrolled_on: enrolledOn,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit(trx, {
        unitId,
        entity: 'enrolment',
        entityId: row.id,
        action: 'create',
        after: { studentId: student.id, classId: cls.id, className: cls.name, enrolledOn },
      });
      return { enrolmentId: row.id };
    } catch (error) {
      if (isUniqueViolation(error)) throw alreadyInClass(student.full_name, null, cls.school_year);
      throw error;
    }
  });
}

/** One new student's place for enrolNewStudents; without a date, today moved inside the class's year. */
export interface NewEnrolment {
  studentId: string;
  classId: string;
  enrolledOn?: string;
}

/**
 * enrolStudent for students the caller has just created in its transaction (the Excel import): the same enrolments
 * and audit rows, written set-based. Each class is checked (`classes.write`) and locked once, in id order, and
 * counted once; an entry that would pass MAX_CLASS_STUDENTS is refused like assertClassHasRoom (on `field`) with
 * `details.index`, its position in `entries`. New students are active and in no class yet, so enrolStudent's status
 * and "already in a class" reads are left out; the unique index still enforces one class per year.
 * Returns the enrolments' audit entries, already written unless `options.auditByCaller`: then the caller writes them
 * with its own (one audit statement for a whole import on the embedded database's shared connection).
 */
export async function enrolNewStudents(
  trx: ServiceContext,
  unitId: string,
  entries: readonly NewEnrolment[],
  field: string,
  options: { auditByCaller?: boolean } = {},
): Promise<AuditEntry[]> {
  if (entries.length === 0) return [];
  const classIds = [...new Set(entries.map((e) => e.classId))].sort();
  const classes = new Map<string, ClassRow & { defaultDate: string; taken: number }>();
  await trx.db
    .selectFrom('classes')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('id', 'in', classIds)
    .orderBy('id')
    .forUpdate()
    .execute();
  const counts = await currentEnrolments(trx.db, unitId)
    .select(['e.class_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('e.class_id', 'in', classIds)
    .groupBy('e.class_id')
    .execute();
  const taken = new Map(counts.map((c) => [c.class_id, Number(c.n)]));
  // Checked and read once for all the classes (the rollover enrols into fifty at a time), not class by class.
  const unit = await requireUnitAccess(trx, 'classes.write', unitId);
  const found = await classesByIds(trx.db, unitId, classIds);
  if (found.length !== classIds.length) throw notFound('lớp');
  const years = await effectiveSchoolYears(trx.db, unit.path);
  for (const cls of found) {
    classes.set(cls.id, {
      ...cls,
      defaultDate: dateInYear(years, cls.school_year),
      taken: taken.get(cls.id) ?? 0,
    });
  }
  const rows = entries.map((entry, index) => {
    const cls = classes.get(entry.classId) as ClassRow & { defaultDate: string; taken: number };
    const enrolledOn = entry.enrolledOn ?? cls.defaultDate;
    assertInYear(enrolledOn, cls, 'enrolledOn');
    if (cls.taken++ >= MAX_CLASS_STUDENTS) {
      const message = classFullMessage(cls.name);
      throw new AppError('conflict', message, { [field]: message }, { index });
    }
    return {
      // The id is chosen here, so the audit rows need no `returning` of the inserted rows.
      id: randomUUID(),
      unit_id: unitId,
      class_id: cls.id,
      student_id: entry.studentId,
      school_year: cls.school_year,
      enrolled_on: enrolledOn,
    };
  });
  await unnestInsert('enrolments', ENROLMENT_COLUMNS, rows).execute(trx.db);
  const audits: AuditEntry[] = rows.map((row) => ({
    unitId,
    entity: 'enrolment',
    entityId: row.id,
    action: 'create',
    after: {
      studentId: row.student_id,
      classId: row.class_id,
      className: classes.get(row.class_id)?.name,
      enrolledOn: row.enrolled_on,
    },
  }));
  if (!options.auditByCaller) await auditMany(trx, audits);
  return audits;
}

const ENROLMENT_COLUMNS = {
  id: 'uuid',
  unit_id: 'uuid',
  class_id: 'uuid',
  student_id: 'uuid',
  school_year: 'text',
  enrolled_on: 'date',
} as const;

async function currentClassName(trx: ServiceContext, unitId: string, studentId: string, schoolYear: string) {
  const current = await currentEnrolments(trx.db, unitId)
    .innerJoin('classes as c', 'c.id', 'e.class_id')
    .select('c.name')
    .where('e.student_id', '=', studentId)
    .where('e.school_year', '=', schoolYear)
    .executeTakeFirst();
  return current?.name;
}

function alreadyInClass(fullName: string, className: string | null, schoolYear: string): AppError {
  const where = className ? `lớp ${className}` : 'một lớp khác';
  const message = `${fullName} đang học ${where} năm học ${schoolYear}. Dùng "Chuyển lớp" để đổi lớp.`;
  return new AppError('conflict', message, { studentIds: message });
}

/** Adds several students to a class: all of them, or none when one is refused. */
export async function enrolStudents(
  ctx: ServiceContext,
  classId: string,
  input: { studentIds: readonly string[]; enrolledOn?: string },
) {
  const cls = await requireClass(ctx, classId, ['classes.write']);
  await assertYearOpen(ctx.db, cls);
  await inTransaction(ctx, async (trx) => {
    for (const studentId of new Set(input.studentIds)) {
      await enrolStudent(trx, cls.unit_id, { studentId, classId, enrolledOn: input.enrolledOn });
    }
  });
  return getClass(ctx, classId);
}

async function activeEnrolment(trx: ServiceContext, cls: ClassRow, studentId: string) {
  const enrolment = await currentEnrolments(trx.db, cls.unit_id)
    .select(['e.id', 'e.enrolled_on'])
    .where('e.class_id', '=', cls.id)
    .where('e.student_id', '=', studentId)
    .executeTakeFirst();
  if (!enrolment) throw notFound(`học sinh này trong lớp ${cls.name}`);
  return enrolment;
}

function endEnrolment(trx: ServiceContext, unitId: string, enrolmentId: string, leftOn: string) {
  return trx.db
    .updateTable('enrolments')
    .set({ left_on: leftOn })
    .where('unit_id', '=', unitId)
    .where('id', '=', enrolmentId)
    .execute();
}

/** Moves a student to another class of the same school year: the old enrolment ends the day the new one starts. */
export async function moveStudent(
  ctx: ServiceContext,
  classId: string,
  studentId: string,
  input: { toClassId: string; movedOn?: string },
) {
  const from = await requireClass(ctx, classId, ['classes.write']);
  const to = await requireClass(ctx, input.toClassId, ['classes.write']);
  await assertYearOpen(ctx.db, from);
  if (to.id === from.id || to.unit_id !== from.unit_id || to.school_year !== from.school_year) {
    const message = 'Chọn một lớp khác của trường trong cùng năm học.';
    throw new AppError('validation_failed', message, { toClassId: message });
  }
  await inTransaction(ctx, async (trx) => {
    const enrolment = await activeEnrolment(trx, from, studentId);
    const movedOn = input.movedOn ?? (await defaultDateInYear(trx, from));
    assertInYear(movedOn, from, 'movedOn');
    if (movedOn < enrolment.enrolled_on) {
      const message = `Ngày chuyển lớp phải từ ngày vào lớp ${from.name} (${vietnameseDate(enrolment.enrolled_on)}) trở đi.`;
      throw new AppError('validation_failed', message, { movedOn: message });
    }
    await assertClassHasRoom(trx, to, 'toClassId');
    await endEnrolment(trx, from.unit_id, enrolment.id, movedOn);
    const moved = await trx.db
      .insertInto('enrolments')
      .values({
        unit_id: to.unit_id,
        class_id: to.id,
        student_id: studentId,
        school_year: to.school_year,
        enrolled_on: movedOn,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit(trx, {
      unitId: from.unit_id,
      entity: 'enrolment',
      entityId: moved.id,
      action: 'move',
      before: { enrolmentId: enrolment.id, classId: from.id, className: from.name },
      after: { classId: to.id, className: to.name, movedOn },
    });
  });
  return getClass(ctx, to.id);
}

/** Takes a student out of a class from a date (the enrolment is kept as history). */
export async function removeStudent(
  ctx: ServiceContext,
  classId: string,
  studentId: string,
  input: { leftOn?: string },
) {
  const cls = await requireClass(ctx, classId, ['classes.write']);
  await assertYearOpen(ctx.db, cls);
  await inTransaction(ctx, async (trx) => {
    const enrolment = await activeEnrolment(trx, cls, studentId);
    const fallback = await defaultDateInYear(trx, cls);
    // An enrolment that starts later (entered before the year began) ends no earlier than it starts.
    const leftOn = input.leftOn ?? [fallback, enrolment.enrolled_on].sort()[1] ?? fallback;
    if (leftOn < enrolment.enrolled_on) {
      const message = `Ngày rời lớp phải từ ngày vào lớp (${vietnameseDate(enrolment.enrolled_on)}) trở đi.`;
      throw new AppError('validation_failed', message, { leftOn: message });
    }
    await endEnrolment(trx, cls.unit_id, enrolment.id, leftOn);
    await audit(trx, {
      unitId: cls.unit_id,
      entity: 'enrolment',
      entityId: enrolment.id,
      action: 'remove',
      after: { studentId, classId: cls.id, className: cls.name, leftOn },
    });
  });
  return getClass(ctx, classId);
}

/**
 * Ends the open enrolments of a student who leaves the school (transfer, dropout, graduation) — those of school years
 * still running on that day. An enrolment of a year that had ended by then (its last day by the school's calendar) is
 * left as it was: the student finished that year in that class, and a finished year's class lists, results and
 * transcripts must read the same after the summer's graduations and transfers as before them.
 */
export async function closeActiveEnrolments(
  trx: ServiceContext,
  unitId: string,
  studentId: string,
  on: string,
) {
  const open = await currentEnrolments(trx.db, unitId)
    .select(['e.id', 'e.school_year'])
    .where('e.student_id', '=', studentId)
    .execute();
  if (open.length === 0) return;
  const lastDays = await lastDaysOfYears(trx, unitId);
  const running = open
    .filter((e) => on <= (lastDays.get(e.school_year) ?? usualCalendar(e.school_year).endsOn))
    .map((e) => e.id);
  if (running.length === 0) return;
  await trx.db
    .updateTable('enrolments')
    .set({ left_on: sql<string>`greatest(enrolled_on, ${on}::date)` })
    .where('unit_id', '=', unitId)
    .where('id', 'in', running)
    .execute();
}

/** The last day of each school year by the school's calendar (its own or an office's above it). */
async function lastDaysOfYears(trx: ServiceContext, unitId: string): Promise<Map<string, string>> {
  const unit = await trx.db
    .selectFrom('units')
    .select('path')
    .where('id', '=', unitId)
    .executeTakeFirstOrThrow();
  const years = await effectiveSchoolYears(trx.db, unit.path);
  return new Map(years.map((y) => [y.code, y.endsOn]));
}

/** The class of a school year with this name (case-insensitive), for the import and the new-student form. */
export async function findClassByName(
  trx: ServiceContext,
  unitId: string,
  schoolYear: string,
  name: string,
): Promise<ClassRow | undefined> {
  const row = await trx.db
    .selectFrom('classes')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .where(sql<string>`upper(name)`, '=', name.trim().toUpperCase())
    .executeTakeFirst();
  return row ? findClass(trx.db, row.id) : undefined;
}
