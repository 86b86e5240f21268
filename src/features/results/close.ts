import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { Level4, PassFail } from '../../domain/grading/index.ts';
import { audit } from '../../platform/audit/audit.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import type { JobProgress, JobRunner } from '../../platform/jobs/runner.ts';
import { publishEvents } from '../../platform/notifications/publish.ts';
import {
  absenceTotals,
  assignmentsOfClasses,
  conductOfClasses,
  scoreInputsByStudent,
} from '../gradebook/reads.ts';
import { currentEnrolments } from '../roster/queries.ts';
import { effectiveSchoolYears } from '../school-years/service.ts';
import { closePrimary } from './close-primary.ts';
import { type BatchRows, closeSecondaryStudent, type SecondaryReads } from './close-secondary.ts';
import { classSubjects, type Scope } from './compute.ts';
import { individualPlansOf } from './individual-plans.ts';
import {
  existingResults,
  studentResultBatch,
  subjectYearBatch,
  writeStudentResults,
  writeSubjectYearResults,
} from './write.ts';

export const CLOSE_JOB = 'results.close';

export const closeInput = z.object({
  unitId: z.uuid(),
  schoolYear: z.string().regex(/^\d{4}-\d{4}$/, 'Năm học có dạng 2025-2026.'),
  scope: z.enum(['term1', 'term2', 'year']),
  /** One class only (re-closing after a correction); the whole school otherwise. */
  classId: z.uuid().optional(),
});
/** What a close computes, in the progress messages: "Đang tính kết quả học kì I: lớp 6A1". */
const SCOPE_WORDS = { term1: 'học kì I', term2: 'học kì II', year: 'cả năm' } as const;

export type CloseInput = z.infer<typeof closeInput>;

export interface IncompleteStudent {
  studentId: string;
  fullName: string;
  className: string;
  missing: string[];
}

export interface CloseSummary {
  scope: Scope;
  schoolYear: string;
  classes: number;
  students: number;
  classified: number;
  incomplete: IncompleteStudent[];
}

/** Queues the close of a term or of the year for a school (or one of its classes); principal or vice (TT22 Điều 18). */
export async function queueClose(ctx: ServiceContext, runner: JobRunner, input: CloseInput) {
  await requireUnitAccess(ctx, 'gradebook.manage', input.unitId);
  if (input.classId) await classOfSchool(ctx.db, input.unitId, input.classId);
  const jobId = await runner.enqueue(ctx, { unitId: input.unitId, kind: CLOSE_JOB, payload: input });
  return { jobId };
}

async function classOfSchool(db: Kysely<DB>, unitId: string, classId: string) {
  const row = await db
    .selectFrom('classes')
    .select(['id', 'school_year'])
    .where('unit_id', '=', unitId)
    .where('id', '=', classId)
    .executeTakeFirst();
  if (!row)
    throw new AppError('not_found', 'Không tìm thấy lớp trong trường này.', {
      classId: 'Lớp không thuộc trường.',
    });
  return row;
}

export interface ClassInfo {
  id: string;
  name: string;
  grade: number;
}

export interface EnrolledStudent {
  studentId: string;
  fullName: string;
  classId: string;
}

/** Classes handled per round trip: large enough to keep the query count low, small enough for visible progress. */
const CLASS_BATCH = 40;

/** The job: per batch of classes, load the gradebook, compute with the domain rules, upsert set-based. */
export async function runClose(
  ctx: ServiceContext,
  payload: unknown,
  progress: JobProgress,
): Promise<CloseSummary> {
  const input = closeInput.parse(payload);
  await requireUnitAccess(ctx, 'gradebook.manage', input.unitId);
  let query = ctx.db
    .selectFrom('classes')
    .select(['id', 'name', 'grade'])
    .where('unit_id', '=', input.unitId)
    .where('school_year', '=', input.schoolYear);
  if (input.classId) query = query.where('id', '=', input.classId);
  const classes = (await query.orderBy('grade').orderBy('name').execute()) as ClassInfo[];
  if (classes.length === 0) {
    throw new AppError('validation_failed', `Trường chưa có lớp nào trong năm học ${input.schoolYear}.`, {
      schoolYear: 'Không có lớp.',
    });
  }
  const term1EndsOn = await lastDayOfTerm1(ctx.db, input.unitId, input.schoolYear);
  const summary: CloseSummary = {
    scope: input.scope,
    schoolYear: input.schoolYear,
    classes: classes.length,
    students: 0,
    classified: 0,
    incomplete: [],
  };
  const what = SCOPE_WORDS[input.scope];
  return inTransaction(ctx, async (trx) => {
    // One close of a school at a time: a second waits here, then sees the first one's rows and upserts.
    await progress.report(0, classes.length, 'Đang chờ lần tổng kết khác của trường chạy xong…');
    await sql`select pg_advisory_xact_lock(hashtext(${`results.close:${input.unitId}`}))`.execute(trx.db);
    // The phase and the class being computed, so the page says what is happening rather than spinning.
    await progress.report(0, classes.length, `Đang tính kết quả ${what}: lớp ${classes[0]?.name ?? ''}`);
    for (let i = 0; i < classes.length; i += CLASS_BATCH) {
      const batch = classes.slice(i, i + CLASS_BATCH);
      await closeBatch(trx.db, input, term1EndsOn, batch, summary);
      const next = classes[i + CLASS_BATCH];
      await progress.report(
        Math.min(i + CLASS_BATCH, classes.length),
        classes.length,
        next
          ? `Đang tính kết quả ${what}: lớp ${next.name} (đã tính ${summary.students} học sinh)`
          : `Đang lưu kết quả ${what} (${summary.students} học sinh)`,
      );
    }
    await audit(trx, {
      unitId: input.unitId,
      entity: 'results',
      entityId: input.classId ?? null,
      action: `close_${input.scope}`,
      after: {
        schoolYear: input.schoolYear,
        classes: summary.classes,
        students: summary.students,
        classified: summary.classified,
        incomplete: summary.incomplete.length,
      },
    });
    await announceResults(trx, input, classes);
    return summary;
  });
}

/** Where term 1 ends by the school's calendar (its own or an office's above it); null when none is declared. */
export async function lastDayOfTerm1(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
): Promise<string | null> {
  const unit = await db.selectFrom('units').select('path').where('id', '=', unitId).executeTakeFirstOrThrow();
  const calendar = (await effectiveSchoolYears(db, unit.path)).find((y) => y.code === schoolYear);
  return calendar?.term1EndsOn ?? null;
}

/** Students in these classes at the close (open enrolments of the school year). */
async function studentsOfClasses(
  db: Kysely<DB>,
  unitId: string,
  classIds: string[],
): Promise<EnrolledStudent[]> {
  return currentEnrolments(db, unitId)
    .innerJoin('students as s', 's.id', 'e.student_id')
    .select(['e.student_id as studentId', 's.full_name as fullName', 'e.class_id as classId'])
    .where('e.class_id', 'in', classIds)
    .execute();
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/**
 * One batch of classes: every input read in parallel (one query per table for the whole batch), the outcomes
 * computed student by student, then one set-based write per table.
 */
async function closeBatch(
  db: Kysely<DB>,
  input: CloseInput,
  term1EndsOn: string | null,
  batch: readonly ClassInfo[],
  summary: CloseSummary,
): Promise<void> {
  const { out, modes } = await computeBatch(db, input, term1EndsOn, batch, summary);
  await writeStudentResults(db, modes.studentResults, input, out.resultRows);
  await writeSubjectYearResults(db, modes.subjectResults, input, out.subjectRows);
}

/**
 * Reads and computes one batch without writing: the close writes the rows, a transcript correction compares them
 * with the stored ones first (`recompute.ts`). `onlyStudents` narrows the batch to some of its students.
 */
export async function computeBatch(
  db: Kysely<DB>,
  input: CloseInput,
  term1EndsOn: string | null,
  batch: readonly ClassInfo[],
  summary: CloseSummary,
  onlyStudents?: ReadonlySet<string>,
) {
  const { unitId, schoolYear } = input;
  const secondary = batch.filter((c) => c.grade >= 6).map((c) => c.id);
  const primary = batch.filter((c) => c.grade < 6);
  const classIds = batch.map((c) => c.id);
  const [enrolled, scores, conduct, absences, assignments, retests, summer, modes, plans] = await Promise.all(
    [
      studentsOfClasses(db, unitId, classIds),
      scoreInputsByStudent(
        db,
        unitId,
        schoolYear,
        secondary,
        input.scope === 'term1' ? 1 : input.scope === 'term2' ? 2 : undefined,
      ),
      conductOfClasses(db, unitId, schoolYear, secondary),
      absenceTotals(db, unitId, schoolYear, classIds, term1EndsOn),
      assignmentsOfClasses(db, unitId, schoolYear, secondary),
      input.scope === 'year' ? retestsOf(db, unitId, schoolYear, classIds) : Promise.resolve(new Map()),
      input.scope === 'year' ? summerConductOf(db, unitId, schoolYear, classIds) : Promise.resolve(new Map()),
      existingResults(db, input, classIds),
      input.scope === 'year' ? individualPlansOf(db, unitId, schoolYear) : Promise.resolve(new Map()),
    ],
  );
  const students = onlyStudents ? enrolled.filter((s) => onlyStudents.has(s.studentId)) : enrolled;
  const conductByStudent = groupBy(conduct, (c) => c.studentId);
  const assignmentsByClass = groupBy(assignments, (a) => a.classId);
  const studentsByClass = groupBy(students, (s) => s.classId);
  const reads: SecondaryReads = { scores, conductByStudent, absences, retests, summer, plans };
  const out: BatchRows = { resultRows: studentResultBatch(), subjectRows: subjectYearBatch(), summary };

  for (const cls of batch) {
    const members = studentsByClass.get(cls.id) ?? [];
    summary.students += members.length;
    if (cls.grade < 6) continue;
    const subjects = classSubjects(cls.grade, assignmentsByClass.get(cls.id) ?? []);
    for (const member of members) closeSecondaryStudent(input.scope, cls, subjects, member, reads, out);
  }
  if (input.scope === 'year' && primary.length > 0) {
    await closePrimary(db, input, primary, studentsByClass, { absences, plans }, out.resultRows, summary);
  }
  return { out, modes };
}

export type Retests = Map<string, Map<string, { score: number | null; result: PassFail | null }>>;

async function retestsOf(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  classIds: string[],
): Promise<Retests> {
  const rows = await db
    .selectFrom('subject_year_results')
    .select(['student_id', 'subject_code', 'retest_score', 'retest_result'])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .where('class_id', 'in', classIds)
    .where((eb) => eb.or([eb('retest_score', 'is not', null), eb('retest_result', 'is not', null)]))
    .execute();
  const map: Retests = new Map();
  for (const r of rows) {
    const m = map.get(r.student_id) ?? new Map();
    m.set(r.subject_code, {
      score: r.retest_score === null ? null : Number(r.retest_score),
      result: r.retest_result,
    });
    map.set(r.student_id, m);
  }
  return map;
}

async function summerConductOf(db: Kysely<DB>, unitId: string, schoolYear: string, classIds: string[]) {
  const rows = await db
    .selectFrom('student_results')
    .select(['student_id', 'summer_conduct_result'])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .where('term', '=', 0)
    .where('class_id', 'in', classIds)
    .where('summer_conduct_result', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.student_id, r.summer_conduct_result as Level4]));
}

const SCOPE_VI: Record<Scope, string> = { term1: 'Học kì I', term2: 'Học kì II', year: 'Cả năm' };

/**
 * Families hear that the term's or year's results are out, once per school, year and scope: a re-close after a
 * correction does not announce again (the event key has no date).
 */
async function announceResults(ctx: ServiceContext, input: z.infer<typeof closeInput>, classes: ClassInfo[]) {
  const students = await currentEnrolments(ctx.db, input.unitId)
    .select('e.student_id')
    .where(
      'e.class_id',
      'in',
      classes.map((c) => c.id),
    )
    .execute();
  const scope = SCOPE_VI[input.scope];
  await publishEvents(ctx.db, [
    {
      unitId: input.unitId,
      kind: 'results_published',
      dedupeKey: `${input.unitId}:${input.schoolYear}:${input.scope}:${input.classId ?? 'all'}`,
      title: `Đã có kết quả ${scope.toLowerCase()} năm học ${input.schoolYear}`,
      body: 'Xem kết quả học tập và rèn luyện của con trong Sổ liên lạc.',
      link: '/contact-book?tab=results',
      createdBy: ctx.actor.userId,
      studentIds: students.map((s) => s.student_id),
    },
  ]);
}
