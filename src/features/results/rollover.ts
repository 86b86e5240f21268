import type { Kysely } from 'kysely';
import { z } from 'zod';
import { schoolYearStartYear, todayInVietnam } from '../../domain/calendar/index.ts';
import { audit } from '../../platform/audit/audit.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobProgress, JobRunner } from '../../platform/jobs/runner.ts';
import { enrolStudent } from '../classes/enrolments.ts';
import { createClass } from '../classes/service.ts';
import { currentEnrolments } from '../roster/queries.ts';
import { changeStatus } from '../students/status.ts';

export const ROLLOVER_JOB = 'results.rollover';

const yearCode = z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.');
export const rolloverInput = z
  .object({ unitId: z.uuid(), fromYear: yearCode, toYear: yearCode })
  .refine((v) => schoolYearStartYear(v.toYear) === schoolYearStartYear(v.fromYear) + 1, {
    message: 'Năm học mới phải liền sau năm học cũ.',
    path: ['toYear'],
  });
export type RolloverInput = z.infer<typeof rolloverInput>;

export interface RolloverSummary {
  promoted: number;
  retained: number;
  graduated: number;
  alreadyDone: number;
  classesCreated: string[];
  /** Students without a final decision (summer pending, or not classified): left for the principal. */
  pending: { studentId: string; fullName: string; className: string }[];
}

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

/**
 * Moves the school into the next school year from the final decisions of the year close (TT22 Điều 12): promoted
 * students into grade + 1 (class created if missing, same suffix), retained students into the class of the same
 * name and grade, the last grade of the school graduated through the students service. Re-running changes
 * nothing: students already enrolled in the new year, or already graduated, are skipped.
 */
export async function runRollover(
  ctx: ServiceContext,
  payload: unknown,
  progress: JobProgress,
): Promise<RolloverSummary> {
  const input = rolloverInput.parse(payload);
  const school = await requireSchool(ctx, 'gradebook.manage', input.unitId);
  const lastGrade = school.gradeTo ?? 12;
  return inTransaction(ctx, async (trx) => {
    const db = trx.db;
    const rows = await currentEnrolments(db, input.unitId)
      .innerJoin('classes as c', 'c.id', 'e.class_id')
      .innerJoin('students as s', 's.id', 'e.student_id')
      .leftJoin('student_results as r', (join) =>
        join
          .onRef('r.student_id', '=', 'e.student_id')
          .on('r.school_year', '=', input.fromYear)
          .on('r.term', '=', 0),
      )
      .select([
        'e.student_id as studentId',
        's.full_name as fullName',
        's.status',
        'c.name as className',
        'c.grade',
        'r.final_promotion as finalPromotion',
      ])
      .where('c.unit_id', '=', input.unitId)
      .where('e.school_year', '=', input.fromYear)
      .execute();
    const classByName = await classesByName(db, input.unitId, input.toYear);
    const enrolled = new Set(
      (
        await currentEnrolments(db, input.unitId)
          .select('e.student_id')
          .where('e.school_year', '=', input.toYear)
          .execute()
      ).map((r) => r.student_id),
    );
    const summary: RolloverSummary = {
      promoted: 0,
      retained: 0,
      graduated: 0,
      alreadyDone: 0,
      classesCreated: [],
      pending: [],
    };
    const next: NextYear = { trx, input, lastGrade, classByName, summary };
    let done = 0;
    for (const row of rows) {
      done += 1;
      if (done % 200 === 0) await progress.report(done, rows.length, `Đã chuyển ${done} học sinh`);
      if (row.status === 'graduated' || enrolled.has(row.studentId)) {
        summary.alreadyDone += 1;
        continue;
      }
      await moveStudent(next, row);
    }
    if (rows.length === 0) {
      throw new AppError('validation_failed', `Năm học ${input.fromYear} không có học sinh nào trong lớp.`, {
        fromYear: 'Không có học sinh.',
      });
    }
    await progress.report(rows.length, rows.length, 'Xong');
    await audit(trx, {
      unitId: input.unitId,
      entity: 'results',
      entityId: null,
      action: 'rollover',
      after: { ...input, ...summary, pending: summary.pending.length },
    });
    return summary;
  });
}

/** The school's classes of a school year, id by name. */
async function classesByName(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
): Promise<Map<string, string>> {
  const classes = await db
    .selectFrom('classes')
    .select(['id', 'name', 'grade'])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .execute();
  return new Map(classes.map((c) => [c.name, c.id]));
}

/** The new school year being filled: its classes by name (created on demand) and the counts so far. */
interface NextYear {
  trx: ServiceContext;
  input: RolloverInput;
  /** The school's last grade: promoted from it means graduated. */
  lastGrade: number;
  classByName: Map<string, string>;
  summary: RolloverSummary;
}

/** A student enrolled in the old year and not yet moved, as the rollover reads them. */
interface RolloverRow {
  studentId: string;
  fullName: string;
  className: string;
  grade: number;
  finalPromotion: string | null;
}

/** One student by the final decision: graduated, promoted to grade + 1, retained, or left pending. */
async function moveStudent(next: NextYear, row: RolloverRow): Promise<void> {
  const { trx, input, summary } = next;
  if (row.finalPromotion === 'promoted' && row.grade >= next.lastGrade) {
    await changeStatus(trx, row.studentId, { status: 'graduated', effectiveOn: todayInVietnam() });
    summary.graduated += 1;
  } else if (row.finalPromotion === 'promoted') {
    const classId = await classFor(
      next,
      nextClassName(row.className, row.grade, row.grade + 1),
      row.grade + 1,
    );
    await enrolStudent(trx, input.unitId, { studentId: row.studentId, classId });
    summary.promoted += 1;
  } else if (row.finalPromotion === 'retained') {
    const classId = await classFor(next, row.className, row.grade);
    await enrolStudent(trx, input.unitId, { studentId: row.studentId, classId });
    summary.retained += 1;
  } else {
    summary.pending.push({ studentId: row.studentId, fullName: row.fullName, className: row.className });
  }
}

/** The class of that name in the new year, created (and listed in the summary) the first time it is needed. */
async function classFor(next: NextYear, name: string, grade: number): Promise<string> {
  const existing = next.classByName.get(name);
  if (existing) return existing;
  const created = await createClass(next.trx, next.input.unitId, {
    schoolYear: next.input.toYear,
    grade,
    name,
  });
  next.classByName.set(name, created.id);
  next.summary.classesCreated.push(name);
  return created.id;
}
