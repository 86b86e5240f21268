import {
  PROMOTION_ACTIONS,
  PROMOTION_COUNT_KEYS,
  type PromotionCounts,
  type PromotionList,
  type PromotionListQuery,
} from '#contracts/results.ts';
import { subjectByCode, subjectsForGrade } from '../../domain/curriculum/index.ts';
import {
  type Level4,
  type SubjectResult,
  subjectsToRetest,
  summerSteps,
} from '../../domain/grading/index.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import { can } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { classesOf, compareClassNames } from '../classes/queries.ts';

import { resultsOfStudents, type SubjectYearRow } from './reads.ts';
import { type GradeCounts, resultCountsByGrade } from './service.ts';

/**
 * Danh sách lên lớp toàn trường, after the year close: per grade how many students were promoted, sent to the
 * summer re-test (kiểm tra lại) or conduct training (rèn luyện trong hè), or retained (TT22 Điều 12–14), how the
 * summer ended, and the students who need action with the subjects they re-test. Grades 6–12 only: primary
 * (TT27) has no re-test or summer training, its outcome is on the primary grid.
 */

/** TT22 applies from grade 6; below that the year outcome is TT27's. */
const FIRST_TT22_GRADE = 6;

type Student = PromotionList['students'][number];

function countsOf(grade: GradeCounts): PromotionCounts {
  return { students: grade.students, ...grade.promotion };
}

function sumCounts(rows: readonly PromotionCounts[]): PromotionCounts {
  const sum = (key: keyof PromotionCounts) => rows.reduce((total, row) => total + row[key], 0);
  return Object.fromEntries(PROMOTION_COUNT_KEYS.map((key) => [key, sum(key)])) as PromotionCounts;
}

/**
 * Whether the student's summer includes the re-test: sent to it, or — conduct and learning both Chưa đạt — trained
 * first and then re-tested (TT22 Điều 13, 14; `summerSteps`). Listed with the subjects from the start, so the school
 * can plan the re-test while the training runs.
 */
function owesRetest(r: {
  promotion: string | null;
  learningResult: string | null;
  conductResult: string | null;
  absentSessions: number;
}): boolean {
  if (r.promotion !== 'retest' && r.promotion !== 'summer_conduct') return false;
  if (r.learningResult === null || r.conductResult === null) return false;
  const standing = {
    learning: r.learningResult as Level4,
    conduct: r.conductResult as Level4,
    absentSessions: r.absentSessions,
  };
  return summerSteps(standing).includes('retest');
}

/** The students sent to the summer or retained, with the filters of the query (class, grade, outcome, status). */
async function studentsNeedingAction(ctx: ServiceContext, query: PromotionListQuery) {
  return ctx.db
    .selectFrom('student_results as r')
    .innerJoin('classes as c', 'c.id', 'r.class_id')
    .innerJoin('students as s', 's.id', 'r.student_id')
    .select([
      'r.student_id as studentId',
      's.full_name as fullName',
      's.birth_date as birthDate',
      'r.class_id as classId',
      'c.name as className',
      'c.grade',
      'r.promotion',
      'r.learning_result as learningResult',
      'r.conduct_result as conductResult',
      'r.absent_sessions as absentSessions',
      'r.summer_conduct_result as summerConductResult',
      'r.learning_after_retest as learningAfterRetest',
      'r.final_promotion as finalPromotion',
    ])
    .where('r.unit_id', '=', query.unitId)
    .where('c.unit_id', '=', query.unitId)
    .where('s.unit_id', '=', query.unitId)
    .where('r.school_year', '=', query.schoolYear)
    .where('r.term', '=', 0)
    .where('c.grade', '>=', FIRST_TT22_GRADE)
    .where('r.promotion', 'in', query.outcome ? [query.outcome] : [...PROMOTION_ACTIONS])
    .$if(query.grade !== undefined, (q) => q.where('c.grade', '=', query.grade as number))
    .$if(query.classId !== undefined, (q) => q.where('r.class_id', '=', query.classId as string))
    .$if(query.status === 'pending', (q) => q.where('r.final_promotion', 'is', null))
    .$if(query.status === 'decided', (q) => q.where('r.final_promotion', 'is not', null))
    .execute();
}

/** The subjects to re-test (TT22 Điều 14) from the stored year results, with the re-test entered so far. */
function retestSubjects(grade: number, years: readonly SubjectYearRow[]): Student['retestSubjects'] {
  const asResult = (y: SubjectYearRow): SubjectResult =>
    y.yearAverage !== null
      ? { subject: y.subjectCode, kind: 'score', average: Number(y.yearAverage) }
      : { subject: y.subjectCode, kind: 'comment', result: y.yearResult ?? 'fail' };
  const due = new Set(subjectsToRetest(years.map(asResult)));
  const names = new Map(subjectsForGrade(grade).map((s) => [s.code as string, s.name]));
  return years
    .filter((y) => due.has(y.subjectCode))
    .map((y) => ({
      code: y.subjectCode,
      name: names.get(y.subjectCode) ?? subjectByCode(y.subjectCode)?.name ?? y.subjectCode,
      yearAverage: y.yearAverage === null ? null : Number(y.yearAverage),
      yearResult: y.yearResult,
      retestScore: y.retestScore === null ? null : Number(y.retestScore),
      retestResult: y.retestResult,
    }));
}

export async function promotionList(ctx: ServiceContext, query: PromotionListQuery): Promise<PromotionList> {
  const school = await requireSchool(ctx, 'gradebook.read', query.unitId);
  const { unitId, schoolYear } = query;
  const [counts, classes, rows] = await Promise.all([
    resultCountsByGrade(ctx.db, unitId, schoolYear, 0),
    classesOf(ctx.db, unitId, schoolYear),
    studentsNeedingAction(ctx, query),
  ]);
  const grades = counts
    .filter((g) => g.grade >= FIRST_TT22_GRADE)
    .map((g) => ({ grade: g.grade, ...countsOf(g) }));
  const years = await resultsOfStudents(
    ctx.db,
    unitId,
    schoolYear,
    rows.filter(owesRetest).map((r) => r.studentId),
  );
  const students = rows
    .map((r) => ({
      ...r,
      grade: Number(r.grade),
      promotion: r.promotion as Student['promotion'],
      retestSubjects: owesRetest(r)
        ? retestSubjects(
            r.grade,
            years.subjects.filter((y) => y.studentId === r.studentId),
          )
        : [],
    }))
    .sort(
      (a, b) =>
        a.grade - b.grade ||
        compareClassNames(a.className, b.className) ||
        compareVietnameseNames(a.fullName, b.fullName),
    );
  return {
    school: { id: school.id, name: school.name },
    schoolYear,
    classes: classes
      .filter((c) => c.grade >= FIRST_TT22_GRADE)
      .map((c) => ({ id: c.id, name: c.name, grade: c.grade })),
    grades,
    total: sumCounts(grades),
    students,
    canManage: can(ctx.actor, 'gradebook.manage', school),
  };
}
