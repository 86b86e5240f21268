import { type Kysely, sql } from 'kysely';
import {
  type RolloverClass,
  type RolloverInput,
  type RolloverOutcome,
  type RolloverStudent,
  rolloverInput,
} from '#contracts/rollover.ts';
import { isActiveStatus } from '#contracts/students.ts';
import { todayInVietnam, usualCalendar } from '../../domain/calendar/index.ts';
import { sortByVietnameseName } from '../../domain/text/collation.ts';
import { audit } from '../../platform/audit/audit.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { DB, StudentStatus } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobProgress, JobRunner } from '../../platform/jobs/runner.ts';
import { enrolNewStudents } from '../classes/enrolments.ts';
import { createClassesOfYear } from '../classes/service.ts';
import { currentEnrolments } from '../roster/queries.ts';
import { effectiveSchoolYears } from '../school-years/service.ts';
import { graduateStudents } from '../students/status.ts';

export { rolloverInput };
export const ROLLOVER_JOB = 'results.rollover';

export async function queueRollover(ctx: ServiceContext, runner: JobRunner, input: RolloverInput) {
  await requireSchool(ctx, 'gradebook.manage', input.unitId);
  const jobId = await runner.enqueue(ctx, { unitId: input.unitId, kind: ROLLOVER_JOB, payload: input });
  return { jobId };
}

/** 6A → 7A, 10A2 → 11A2: the class keeps its suffix in the next grade. */
export function nextClassName(name: string, grade: number, nextGrade: number): string {
  const prefix = String(grade);
  return name.startsWith(prefix) ? `${nextGrade}${name.slice(prefix.length)}` : `${nextGrade}${name}`;
}

/** A student in a class of the finished year (open enrolment), with the final decision and any new-year class. */
interface FinishedYearRow {
  studentId: string;
  fullName: string;
  status: StudentStatus;
  erased: boolean;
  className: string;
  grade: number;
  homeroomTeacherId: string | null;
  room: string | null;
  finalPromotion: string | null;
  /** The open enrolment of the new year, if the student already has one (an earlier run, or placed by hand). */
  nextClassName: string | null;
}

/** One student's part in the rollover: where they go, and what is still to write. */
interface Move extends RolloverStudent {
  kind: 'promoted' | 'retained' | 'graduated' | 'pending' | 'left';
  grade: number;
  /** What this run has to write for the student (nothing once done). */
  write: 'enrol' | 'graduate' | null;
}

/** The rollover worked out from the database as it is now: the same function serves the preview and the run. */
export interface RolloverPlan {
  school: Awaited<ReturnType<typeof requireSchool>>;
  moves: Move[];
  classes: RolloverClass[];
}

/**
 * Reads the finished year (one query) and decides each student by the final decision of the year close (TT22 Điều
 * 12): promoted into grade + 1 (the class of the same suffix), retained into the class of the same name, promoted
 * from the school's last grade graduated, no final decision pending. Students no longer at the school (transferred,
 * dropped out, erased) are listed and not moved. New classes take their homeroom teacher and room from the
 * principal's plan, else from the class they come up from.
 */
export async function planRollover(ctx: ServiceContext, input: RolloverInput): Promise<RolloverPlan> {
  const school = await requireSchool(ctx, 'gradebook.manage', input.unitId);
  const lastGrade = school.gradeTo ?? 12;
  const rows = await finishedYearRows(ctx.db, input);
  if (rows.length === 0) {
    throw new AppError('validation_failed', `Năm học ${input.fromYear} không có học sinh nào trong lớp.`, {
      fromYear: 'Không có học sinh.',
    });
  }
  const moves = rows.map((row) => moveOf(row, lastGrade));
  const classes = await newYearClasses(ctx.db, input, rows, moves);
  return { school, moves, classes };
}

function moveOf(row: FinishedYearRow, lastGrade: number): Move {
  const base = {
    studentId: row.studentId,
    fullName: row.fullName,
    fromClass: row.className,
    grade: row.grade,
  };
  const graduates = row.finalPromotion === 'promoted' && row.grade >= lastGrade;
  if (graduates && row.status === 'graduated')
    return { ...base, kind: 'graduated', toClass: null, write: null };
  if (row.erased || !isActiveStatus(row.status)) {
    return { ...base, kind: 'left', toClass: row.nextClassName, write: null };
  }
  if (graduates) return { ...base, kind: 'graduated', toClass: null, write: 'graduate' };
  const write = row.nextClassName ? null : ('enrol' as const);
  if (row.finalPromotion === 'promoted') {
    const toClass = row.nextClassName ?? nextClassName(row.className, row.grade, row.grade + 1);
    return { ...base, kind: 'promoted', grade: row.grade + 1, toClass, write };
  }
  if (row.finalPromotion === 'retained') {
    return { ...base, kind: 'retained', toClass: row.nextClassName ?? row.className, write };
  }
  return { ...base, kind: 'pending', toClass: row.nextClassName, write: null };
}

async function finishedYearRows(db: Kysely<DB>, input: RolloverInput): Promise<FinishedYearRow[]> {
  // Two plain reads joined here: a left join on the new year's enrolments made PGlite (no statistics after a bulk
  // load) scan them once per student.
  const [rows, next] = await Promise.all([
    currentEnrolments(db, input.unitId)
      .innerJoin('classes as c', 'c.id', 'e.class_id')
      .innerJoin('students as s', 's.id', 'e.student_id')
      // scope: the year result by its key (student, year, term) of the school's own enrolled students; naming
      // r.unit_id too made PGlite scan the school's results once per student.
      .leftJoin('student_results as r', (join) =>
        join
          .onRef('r.student_id', '=', 'e.student_id')

          .on('r.school_year', '=', input.fromYear)
          .on('r.term', '=', 0),
      )
      .select((eb) => [
        'e.student_id as studentId',
        's.full_name as fullName',
        's.status',
        eb('s.erased_at', 'is not', null).as('erased'),
        'c.name as className',
        'c.grade',
        'c.homeroom_teacher_id as homeroomTeacherId',
        'c.room',
        'r.final_promotion as finalPromotion',
      ])
      .where('e.school_year', '=', input.fromYear)
      .execute(),
    currentEnrolments(db, input.unitId)
      .innerJoin('classes as c', 'c.id', 'e.class_id')
      .select(['e.student_id', 'c.name'])
      .where('e.school_year', '=', input.toYear)
      .execute(),
  ]);
  const nextClass = new Map(next.map((n) => [n.student_id, n.name]));
  return rows.map((r) => ({
    ...r,
    erased: Boolean(r.erased),
    nextClassName: nextClass.get(r.studentId) ?? null,
  }));
}

/**
 * The classes of the new year that receive students: those already there as they are, the others as the plan has
 * them (else with the teacher and room of the class most of their students come up from).
 */
async function newYearClasses(
  db: Kysely<DB>,
  input: RolloverInput,
  rows: readonly FinishedYearRow[],
  moves: readonly Move[],
): Promise<RolloverClass[]> {
  const [existing, plan] = await Promise.all([
    db
      .selectFrom('classes as c')
      .leftJoin('staff as t', 't.id', 'c.homeroom_teacher_id')
      .select(['c.id', 'c.name', 'c.grade', 'c.homeroom_teacher_id', 'c.room', 't.full_name'])
      .where('c.unit_id', '=', input.unitId)
      .where('c.school_year', '=', input.toYear)
      .execute(),
    db
      .selectFrom('rollover_plan_classes as p')
      .leftJoin('staff as t', 't.id', 'p.homeroom_teacher_id')
      .select(['p.name', 'p.homeroom_teacher_id', 'p.room', 't.full_name'])
      .where('p.unit_id', '=', input.unitId)
      .where('p.school_year', '=', input.toYear)
      .execute(),
  ]);
  const existingByName = new Map(existing.map((c) => [c.name, c]));
  const planByName = new Map(plan.map((p) => [p.name, p]));
  const targets = new Map<string, { grade: number; incoming: number; from: Map<string, number> }>();
  for (const move of moves) {
    if (!move.toClass || (move.kind !== 'promoted' && move.kind !== 'retained')) continue;
    const target = targets.get(move.toClass) ?? { grade: move.grade, incoming: 0, from: new Map() };
    target.incoming += 1;
    if (move.kind === 'promoted') target.from.set(move.fromClass, (target.from.get(move.fromClass) ?? 0) + 1);
    targets.set(move.toClass, target);
  }
  const names = await defaultTeachers(db, input.unitId, rows);
  const classes = [...targets.entries()].map(([name, target]): RolloverClass => {
    const there = existingByName.get(name);
    if (there) {
      return {
        name,
        grade: there.grade,
        exists: true,
        incoming: target.incoming,
        homeroomTeacherId: there.homeroom_teacher_id,
        homeroomTeacherName: there.full_name,
        room: there.room,
      };
    }
    const planned = planByName.get(name);
    if (planned) {
      return {
        name,
        grade: target.grade,
        exists: false,
        incoming: target.incoming,
        homeroomTeacherId: planned.homeroom_teacher_id,
        homeroomTeacherName: planned.full_name,
        room: planned.room,
      };
    }
    const mainSource = [...target.from.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
    const source = mainSource ? rows.find((r) => r.className === mainSource) : undefined;
    const teacherId = source?.homeroomTeacherId ?? null;
    return {
      name,
      grade: target.grade,
      exists: false,
      incoming: target.incoming,
      homeroomTeacherId: teacherId,
      homeroomTeacherName: teacherId ? (names.get(teacherId) ?? null) : null,
      room: source?.room ?? null,
    };
  });
  return classes.sort((a, b) => a.grade - b.grade || a.name.localeCompare(b.name, 'vi', { numeric: true }));
}

/** Names of the finished year's homeroom teachers (the default teachers of the classes they bring up). */
async function defaultTeachers(db: Kysely<DB>, unitId: string, rows: readonly FinishedYearRow[]) {
  const ids = [...new Set(rows.flatMap((r) => (r.homeroomTeacherId ? [r.homeroomTeacherId] : [])))];
  if (ids.length === 0) return new Map<string, string>();
  const staff = await db
    .selectFrom('staff')
    .select(['id', 'full_name'])
    .where('unit_id', '=', unitId)
    .where('id', 'in', ids)
    .execute();
  return new Map(staff.map((s) => [s.id, s.full_name]));
}

/** The outcome by name, lists in class then Vietnamese name order. */
export function outcomeOf(input: RolloverInput, plan: RolloverPlan, written: number): RolloverOutcome {
  const byName = sortByVietnameseName(plan.moves, (m) => m.fullName);
  const list = (kind: Move['kind']) =>
    byName
      .filter((m) => m.kind === kind)
      .sort((a, b) => a.fromClass.localeCompare(b.fromClass, 'vi', { numeric: true }))
      .map(({ studentId, fullName, fromClass, toClass }) => ({ studentId, fullName, fromClass, toClass }));
  return {
    fromYear: input.fromYear,
    toYear: input.toYear,
    promoted: list('promoted'),
    retained: list('retained'),
    graduated: list('graduated'),
    pending: list('pending'),
    left: list('left'),
    classes: plan.classes,
    written,
  };
}

/** The first day of the new year by the school's calendar: the day its students' enrolments start. */
async function firstDayOf(db: Kysely<DB>, unitPath: string, schoolYear: string): Promise<string> {
  const year = (await effectiveSchoolYears(db, unitPath)).find((y) => y.code === schoolYear);
  return year?.startsOn ?? usualCalendar(schoolYear).startsOn;
}

/**
 * The job: moves the school into the next school year in one transaction, one statement per table — the classes
 * still missing (from the plan), every enrolment of the new year, the graduations — each row audited. The finished
 * year is not written to: its enrolments, results and transcripts read the same afterwards. Re-running writes
 * nothing (students already in a class of the new year, or graduated, are done) and returns the same lists.
 */
export async function runRollover(
  ctx: ServiceContext,
  payload: unknown,
  progress: JobProgress,
): Promise<RolloverOutcome> {
  const input = rolloverInput.parse(payload);
  await requireSchool(ctx, 'gradebook.manage', input.unitId);
  return inTransaction(ctx, async (trx) => {
    // One rollover of a school at a time: a second waits here, then finds everything done.
    await sql`select pg_advisory_xact_lock(hashtext(${`results.rollover:${input.unitId}`}))`.execute(trx.db);
    const plan = await planRollover(trx, input);
    await progress.report(0, plan.moves.length, 'Đang chuyển năm học…');
    const missing = plan.classes.filter((c) => !c.exists);
    const created = await createClassesOfYear(trx, input.unitId, input.toYear, missing);
    const classIds = await classIdsOf(trx.db, input.unitId, input.toYear);
    const enrolledOn = await firstDayOf(trx.db, plan.school.path, input.toYear);
    const toEnrol = plan.moves.filter((m) => m.write === 'enrol');
    await enrolNewStudents(
      trx,
      input.unitId,
      toEnrol.map((m) => ({
        studentId: m.studentId,
        classId: classIds.get(m.toClass as string) as string,
        enrolledOn,
      })),
      'toYear',
    );
    const toGraduate = plan.moves.filter((m) => m.write === 'graduate').map((m) => m.studentId);
    await graduateStudents(trx, input.unitId, toGraduate, todayInVietnam());
    const written = created.size + toEnrol.length + toGraduate.length;
    const outcome = outcomeOf(
      input,
      { ...plan, classes: plan.classes.map((c) => ({ ...c, exists: true })) },
      written,
    );
    if (written > 0) {
      await audit(trx, {
        unitId: input.unitId,
        entity: 'results',
        entityId: null,
        action: 'rollover',
        after: {
          ...input,
          promoted: outcome.promoted.length,
          retained: outcome.retained.length,
          graduated: outcome.graduated.length,
          pending: outcome.pending.length,
          left: outcome.left.length,
          classesCreated: [...created.keys()],
          written,
        },
      });
    }
    await progress.report(plan.moves.length, plan.moves.length, 'Xong');
    return outcome;
  });
}

async function classIdsOf(db: Kysely<DB>, unitId: string, schoolYear: string) {
  const rows = await db
    .selectFrom('classes')
    .select(['id', 'name'])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .execute();
  return new Map(rows.map((c) => [c.name, c.id]));
}
