import { z } from 'zod';
import { schoolYearStartYear, todayInVietnam } from '../../domain/calendar/index.ts';
import { audit } from '../../platform/audit/audit.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
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
    const nextYear = await db
      .selectFrom('classes')
      .select(['id', 'name', 'grade'])
      .where('unit_id', '=', input.unitId)
      .where('school_year', '=', input.toYear)
      .execute();
    const classByName = new Map(nextYear.map((c) => [c.name, c.id]));
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
    const classFor = async (name: string, grade: number) => {
      const existing = classByName.get(name);
      if (existing) return existing;
      const created = await createClass(trx, input.unitId, { schoolYear: input.toYear, grade, name });
      classByName.set(name, created.id);
      summary.classesCreated.push(name);
      return created.id;
    };
    let done = 0;
    for (const row of rows) {
      done += 1;
      if (done % 200 === 0) await progress.report(done, rows.length, `Đã chuyển ${done} học sinh`);
      if (row.status === 'graduated' || enrolled.has(row.studentId)) {
        summary.alreadyDone += 1;
        continue;
      }
      if (row.finalPromotion === 'promoted' && row.grade >= lastGrade) {
        await changeStatus(trx, row.studentId, { status: 'graduated', effectiveOn: todayInVietnam() });
        summary.graduated += 1;
      } else if (row.finalPromotion === 'promoted') {
        const classId = await classFor(nextClassName(row.className, row.grade, row.grade + 1), row.grade + 1);
        await enrolStudent(trx, input.unitId, { studentId: row.studentId, classId });
        summary.promoted += 1;
      } else if (row.finalPromotion === 'retained') {
        const classId = await classFor(row.className, row.grade);
        await enrolStudent(trx, input.unitId, { studentId: row.studentId, classId });
        summary.retained += 1;
      } else {
        summary.pending.push({ studentId: row.studentId, fullName: row.fullName, className: row.className });
      }
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
