import type { Selectable } from 'kysely';
import type { PrimarySummary, SummerInput } from '#contracts/results.ts';
import type { Level4, PassFail } from '../../domain/grading/index.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { can } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { type ClassRow, findClass } from '../classes/queries.ts';
import { assignmentsOfClasses, scoresOfClasses } from '../gradebook/reads.ts';
import { currentEnrolments } from '../roster/queries.ts';
import { type ClassSubject, classSubjects, subjectTermResult } from './compute.ts';
import { endOfYearTraits, primarySummaryByGrade, primarySummaryOf } from './primary-summary.ts';
import {
  checkSummerInput,
  finalDecisionOf,
  loadYearResult,
  subjectYearRowsOf,
  writeSummer,
  yearSubjectsOf,
} from './summer.ts';

const LEVELS: readonly Level4[] = ['excellent', 'good', 'pass', 'fail'];

/**
 * A class's results may be read with gradebook.read on its school, or by its homeroom teacher (who reports the
 * promotion list to the parents). Guardians and other schools are refused.
 */
export async function requireClassResults(ctx: ServiceContext, classId: string): Promise<ClassRow> {
  const cls = await findClass(ctx.db, classId);
  if (!cls) throw notFound('lớp');
  const unit = { id: cls.unit_id, path: cls.unit_path };
  if (can(ctx.actor, 'gradebook.read', unit)) return cls;
  if (cls.homeroom_teacher_id && ctx.actor.userId) {
    const staff = await ctx.db
      .selectFrom('staff')
      .select('id')
      .where('unit_id', '=', cls.unit_id)
      .where('id', '=', cls.homeroom_teacher_id)
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirst();
    if (staff) return cls;
  }
  throw forbidden();
}

function pct(n: number, total: number): number {
  return total === 0 ? 0 : Math.round((1000 * n) / total) / 10;
}

function levelCounts(values: readonly (Level4 | null)[]) {
  const total = values.filter((v) => v !== null).length;
  return LEVELS.map((level) => {
    const count = values.filter((v) => v === level).length;
    return { level, count, percent: pct(count, total) };
  });
}

function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return Math.round((10 * values.reduce((a, b) => a + b, 0)) / values.length) / 10;
}

/** The results table of a class for a term (1, 2) or the year (0), with the class summary. */
export async function classResults(ctx: ServiceContext, classId: string, term: 0 | 1 | 2) {
  const cls = await requireClassResults(ctx, classId);
  const db = ctx.db;
  const [members, results, assignments, plans] = await Promise.all([
    currentEnrolments(db, cls.unit_id)
      .innerJoin('students as s', 's.id', 'e.student_id')
      .select(['s.id', 's.full_name'])
      .where('e.class_id', '=', cls.id)
      .execute(),
    db
      .selectFrom('student_results')
      .selectAll()
      .where('unit_id', '=', cls.unit_id)
      .where('class_id', '=', cls.id)
      .where('school_year', '=', cls.school_year)
      .where('term', '=', term)
      .execute(),
    assignmentsOfClasses(db, cls.unit_id, cls.school_year, [cls.id]),
    db
      .selectFrom('individual_plans')
      .select('student_id')
      .where('unit_id', '=', cls.unit_id)
      .where('school_year', '=', cls.school_year)
      .execute(),
  ]);
  members.sort((a, b) => compareVietnameseNames(a.full_name, b.full_name));
  const subjects = cls.grade >= 6 ? classSubjects(cls.grade, assignments) : [];
  const subjectValues =
    term === 0
      ? await yearSubjectCells(db, cls)
      : subjects.length > 0
        ? await termSubjectCells(db, cls, term, subjects)
        : new Map<string, Map<string, SubjectCell>>();
  const onPlan = new Set(plans.map((p) => p.student_id));
  const students = studentRowsOf(members, results, subjectValues, onPlan);
  // Primary (TT27): the year's outcomes, titles and end-of-year qualities and competences, whatever the term asked.
  const primary =
    cls.grade <= 5 ? await classPrimarySummary(db, cls, members, term === 0 ? results : null) : null;
  return {
    class: {
      id: cls.id,
      unitId: cls.unit_id,
      name: cls.name,
      grade: cls.grade,
      schoolYear: cls.school_year,
      homeroomTeacherName: cls.homeroom_teacher_name,
    },
    term,
    subjects: subjects.map((s) => ({ code: s.code, name: s.name, kind: s.kind })),
    students,
    summary: { ...classSummaryOf(students, subjects), primary },
    canManage: can(ctx.actor, 'gradebook.manage', { id: cls.unit_id, path: cls.unit_path }),
  };
}

/** Per student, per subject code: the value shown in the subject's column. */
type SubjectCells = Map<string, Map<string, SubjectCell>>;

function putCell(cells: SubjectCells, studentId: string, code: string, cell: SubjectCell): void {
  const m = cells.get(studentId) ?? new Map<string, SubjectCell>();
  m.set(code, cell);
  cells.set(studentId, m);
}

/** The year: ĐTBmcn / year result as stored by the year close, with the summer re-test if any. */
async function yearSubjectCells(db: ServiceContext['db'], cls: ClassRow): Promise<SubjectCells> {
  const cells: SubjectCells = new Map();
  const rows = await db
    .selectFrom('subject_year_results')
    .selectAll()
    .where('unit_id', '=', cls.unit_id)
    .where('class_id', '=', cls.id)
    .where('school_year', '=', cls.school_year)
    .execute();
  for (const r of rows) {
    putCell(cells, r.student_id, r.subject_code, {
      average: r.year_average === null ? null : Number(r.year_average),
      result: r.year_result,
      retestScore: r.retest_score === null ? null : Number(r.retest_score),
      retestResult: r.retest_result,
    });
  }
  return cells;
}

/** A term: ĐTBmhk / term result computed from the scores now (nothing is stored before the term close). */
async function termSubjectCells(
  db: ServiceContext['db'],
  cls: ClassRow,
  term: 1 | 2,
  subjects: readonly ClassSubject[],
): Promise<SubjectCells> {
  const cells: SubjectCells = new Map();
  const scores = await scoresOfClasses(db, cls.unit_id, cls.school_year, [cls.id], term);
  for (const subject of subjects) {
    for (const row of scores.filter((s) => s.subjectCode === subject.code)) {
      const r = subjectTermResult(subject, row, term);
      if ('result' in r) {
        putCell(cells, row.studentId, subject.code, {
          average: r.result.kind === 'score' ? r.result.average : null,
          result: r.result.kind === 'comment' ? r.result.result : null,
          retestScore: null,
          retestResult: null,
        });
      }
    }
  }
  return cells;
}

type ResultRow = Selectable<DB['student_results']>;

/** One row per current member, in roster order; `computed` is false until the term or year is closed. */
function studentRowsOf(
  members: readonly { id: string; full_name: string }[],
  results: readonly ResultRow[],
  subjectValues: SubjectCells,
  onPlan: ReadonlySet<string>,
) {
  const byStudent = new Map(results.map((r) => [r.student_id, r]));
  return members.map((m) => {
    const r = byStudent.get(m.id);
    return {
      studentId: m.id,
      fullName: m.full_name,
      computed: r !== undefined,
      learningResult: r?.learning_result ?? null,
      conductResult: r?.conduct_result ?? null,
      absentSessions: r?.absent_sessions ?? null,
      promotion: r?.promotion ?? null,
      award: r?.award ?? null,
      finalPromotion: r?.final_promotion ?? null,
      summerConductResult: r?.summer_conduct_result ?? null,
      learningAfterRetest: r?.learning_after_retest ?? null,
      individualPlan: onPlan.has(m.id),
      principalDecisionReason: r?.principal_decision_reason ?? null,
      primaryOutcome: r?.primary_outcome ?? null,
      primaryOutcomeAfterSupport: r?.primary_outcome_after_support ?? null,
      primaryRecognition: r?.primary_recognition ?? null,
      subjects: Object.fromEntries(subjectValues.get(m.id) ?? new Map()),
    };
  });
}

/** The class summary: levels over the students with results, and the mean of each scored subject's averages. */
function classSummaryOf(students: ReturnType<typeof studentRowsOf>, subjects: readonly ClassSubject[]) {
  const computed = students.filter((s) => s.computed);
  return {
    students: students.length,
    computed: computed.length,
    learning: levelCounts(computed.map((s) => s.learningResult)),
    conduct: levelCounts(computed.map((s) => s.conductResult)),
    subjectAverages: subjects.map((s) => ({
      code: s.code,
      average:
        s.kind === 'score'
          ? mean(
              students.flatMap((st) =>
                st.subjects[s.code]?.average == null ? [] : [st.subjects[s.code].average],
              ),
            )
          : null,
    })),
  };
}

interface SubjectCell {
  average: number | null;
  result: PassFail | null;
  retestScore: number | null;
  retestResult: PassFail | null;
}

/** School summary per grade: counts and percentages per learning and conduct level (one SQL aggregate). */
export async function schoolSummary(
  ctx: ServiceContext,
  unitId: string,
  schoolYear: string,
  term: 0 | 1 | 2,
) {
  await requireUnitAccess(ctx, 'gradebook.read', unitId);
  const [grades, primary] = await Promise.all([
    resultCountsByGrade(ctx.db, unitId, schoolYear, term),
    term === 0 ? primarySummaryByGrade(ctx.db, unitId, schoolYear) : new Map<number, PrimarySummary>(),
  ]);
  return { schoolYear, term, grades: grades.map((g) => ({ ...g, primary: primary.get(g.grade) ?? null })) };
}

/** A primary class over its members: the year rows (read again when the page asked for a term) and traits. */
async function classPrimarySummary(
  db: ServiceContext['db'],
  cls: ClassRow,
  members: readonly { id: string }[],
  yearRows: readonly ResultRow[] | null,
): Promise<PrimarySummary> {
  const [rows, traits] = await Promise.all([
    yearRows ??
      db
        .selectFrom('student_results')
        .selectAll()
        .where('unit_id', '=', cls.unit_id)
        .where('class_id', '=', cls.id)
        .where('school_year', '=', cls.school_year)
        .where('term', '=', 0)
        .execute(),
    endOfYearTraits(db, cls.unit_id, cls.school_year, [cls.id]),
  ]);
  const byStudent = new Map(rows.map((r) => [r.student_id, r]));
  return primarySummaryOf(
    members.map((m) => ({
      outcome: byStudent.get(m.id)?.primary_outcome ?? null,
      award: byStudent.get(m.id)?.award ?? null,
      traits: traits.get(m.id) ?? new Map(),
    })),
  );
}

export type GradeCounts = Awaited<ReturnType<typeof resultCountsByGrade>>[number];

/**
 * Per grade of a school, from the stored results of a term (1, 2) or the year (0): the students with a result row,
 * the number at each learning and conduct level, and — for the year — the decision of TT22 Điều 12–14 before the
 * summer (promoted / retest / summerConduct / retained / principalDecision / notClassified, the last being students
 * missing scores or assessments; the five add up to the students) and after it (finalPromoted / finalRetained;
 * pending = sent to the summer or to the principal's decision of Điều 12 khoản 4 and not yet decided).
 * The caller has checked access to the unit.
 */
export async function resultCountsByGrade(
  db: ServiceContext['db'],
  unitId: string,
  schoolYear: string,
  term: 0 | 1 | 2,
) {
  const rows = await db
    .selectFrom('student_results as r')
    .innerJoin('classes as c', 'c.id', 'r.class_id')
    .select((eb) => [
      'c.grade',
      eb.fn.countAll<number>().as('students'),
      ...LEVELS.map((l) =>
        eb.fn.countAll<number>().filterWhere('r.learning_result', '=', l).as(`learning_${l}`),
      ),
      ...LEVELS.map((l) =>
        eb.fn.countAll<number>().filterWhere('r.conduct_result', '=', l).as(`conduct_${l}`),
      ),
      eb.fn.countAll<number>().filterWhere('r.promotion', '=', 'promoted').as('promoted'),
      eb.fn.countAll<number>().filterWhere('r.promotion', '=', 'retest').as('retest'),
      eb.fn.countAll<number>().filterWhere('r.promotion', '=', 'summer_conduct').as('summer_conduct'),
      eb.fn.countAll<number>().filterWhere('r.promotion', '=', 'retained').as('retained'),
      eb.fn.countAll<number>().filterWhere('r.promotion', '=', 'principal_decision').as('principal_decision'),
      eb.fn.countAll<number>().filterWhere('r.promotion', 'is', null).as('not_classified'),
      eb.fn.countAll<number>().filterWhere('r.final_promotion', '=', 'promoted').as('final_promoted'),
      eb.fn.countAll<number>().filterWhere('r.final_promotion', '=', 'retained').as('final_retained'),
      eb.fn
        .countAll<number>()
        .filterWhere((w) =>
          w.and([
            w('r.promotion', 'in', ['retest', 'summer_conduct', 'principal_decision']),
            w('r.final_promotion', 'is', null),
          ]),
        )
        .as('pending'),
    ])
    .where('r.unit_id', '=', unitId)
    .where('c.unit_id', '=', unitId)
    .where('r.school_year', '=', schoolYear)
    .where('r.term', '=', term)
    .groupBy('c.grade')
    .orderBy('c.grade')
    .execute();
  return rows.map((row) => {
    const r = row as unknown as Record<string, number>;
    const students = Number(r.students);
    const levels = (prefix: string) =>
      LEVELS.map((level) => {
        const count = Number(r[`${prefix}_${level}`]);
        return { level, count, percent: pct(count, students) };
      });
    return {
      grade: Number(r.grade),
      students,
      learning: levels('learning'),
      conduct: levels('conduct'),
      promotion: {
        promoted: Number(r.promoted),
        retest: Number(r.retest),
        summerConduct: Number(r.summer_conduct),
        retained: Number(r.retained),
        principalDecision: Number(r.principal_decision),
        notClassified: Number(r.not_classified),
        finalPromoted: Number(r.final_promoted),
        finalRetained: Number(r.final_retained),
        pending: Number(r.pending),
      },
    };
  });
}

/**
 * Summer (TT22 Điều 13–14): re-test results per subject and the re-assessed conduct replace the year values; the
 * final decision is recomputed with the domain rules. The original year results stay for the transcript.
 */
export async function recordSummer(ctx: ServiceContext, studentId: string, input: SummerInput) {
  const year = await loadYearResult(ctx, studentId, input.schoolYear);
  if (!year) throw notFound('kết quả cả năm của học sinh (chưa khoá sổ cả năm?)');
  if (!can(ctx.actor, 'gradebook.manage', { id: year.unit_id, path: year.unit_path })) throw forbidden();
  if (year.primary_outcome !== null) {
    // TT27 Điều 11 khoản 1 điểm b, c: no summer re-test in primary school.
    throw new AppError(
      'conflict',
      'Học sinh tiểu học không kiểm tra lại hay rèn luyện trong hè (Thông tư 22). Học sinh chưa hoàn thành chương trình lớp học được giáo viên lập kế hoạch hỗ trợ, đánh giá bổ sung; Hiệu trưởng quyết định lên lớp hay ở lại lớp (Thông tư 27 Điều 11).',
    );
  }
  if (!year.promotion || !year.learning_result || !year.conduct_result) {
    throw new AppError('conflict', 'Học sinh chưa được xếp loại cả năm (thiếu điểm hoặc đánh giá).');
  }
  if (year.promotion === 'promoted' || year.promotion === 'retained') {
    throw new AppError(
      'validation_failed',
      'Học sinh không thuộc diện kiểm tra lại hoặc rèn luyện trong hè.',
      { studentId: 'Không thuộc diện kiểm tra lại / rèn luyện hè.' },
    );
  }
  return inTransaction(ctx, async (trx) => {
    const subjectRows = await subjectYearRowsOf(trx, year, studentId, input.schoolYear);
    const yearSubjects = yearSubjectsOf(subjectRows);
    checkSummerInput(input, year, subjectRows, yearSubjects);
    const summerConduct = input.summerConduct ?? year.summer_conduct_result;
    const final = finalDecisionOf(input, year, subjectRows, yearSubjects, summerConduct);
    await writeSummer(trx, studentId, input, year, subjectRows, summerConduct, final);
    return {
      studentId,
      promotion: year.promotion,
      finalPromotion: final.finalPromotion,
      learningAfterRetest: final.learningAfterRetest,
      summerConductResult: summerConduct,
    };
  });
}
