import type { SummerInput } from '#contracts/results.ts';
import {
  GradingInputError,
  type Level4,
  type PassFail,
  retestDue,
  type SubjectResult,
  scoreProblem,
  subjectsToRetest,
} from '../../domain/grading/index.ts';
import { audit } from '../../platform/audit/audit.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { finalPromotionOf } from './compute.ts';

/**
 * The steps of recording the summer (TT22 Điều 13–14, see recordSummer in service.ts): load the year result,
 * check the student was sent to the summer and what was entered, recompute the final decision, write it.
 */

/** A student's year result (term 0) with the path of its school, for the access check. */
export async function loadYearResult(ctx: ServiceContext, studentId: string, schoolYear: string) {
  return (
    ctx.db
      .selectFrom('student_results as r')
      .innerJoin('units as u', 'u.id', 'r.unit_id')
      .innerJoin('classes as c', 'c.id', 'r.class_id')
      .selectAll('r')
      .select(['u.path as unit_path', 'c.grade as class_grade'])
      // scope: loaded by student to find the unit; access to that unit is checked right below.
      .where('r.student_id', '=', studentId)
      .where('r.school_year', '=', schoolYear)
      .where('r.term', '=', 0)
      .executeTakeFirst()
  );
}

export type YearResult = NonNullable<Awaited<ReturnType<typeof loadYearResult>>>;

/** The student's subject year results (ĐTBmcn or Đạt / Chưa đạt), with any re-test already entered. */
export async function subjectYearRowsOf(
  trx: ServiceContext,
  year: YearResult,
  studentId: string,
  schoolYear: string,
) {
  return trx.db
    .selectFrom('subject_year_results')
    .selectAll()
    .where('unit_id', '=', year.unit_id)
    .where('student_id', '=', studentId)
    .where('school_year', '=', schoolYear)
    .execute();
}

export type SubjectYearRecord = Awaited<ReturnType<typeof subjectYearRowsOf>>[number];

/** Whether the student's re-test is open now (TT22 Điều 14 after Điều 13, see src/domain/grading/summer.ts). */
function retestDueOf(year: YearResult, summerConduct: Level4 | null): boolean {
  if (year.promotion !== 'retest' && year.promotion !== 'summer_conduct') return false;
  const standing = {
    learning: year.learning_result as Level4,
    conduct: year.conduct_result as Level4,
    absentSessions: year.absent_sessions,
  };
  return retestDue(standing, summerConduct);
}

export function yearSubjectsOf(subjectRows: readonly SubjectYearRecord[]): SubjectResult[] {
  return subjectRows.map((r) =>
    r.year_average !== null
      ? { subject: r.subject_code, kind: 'score', average: Number(r.year_average) }
      : { subject: r.subject_code, kind: 'comment', result: r.year_result as PassFail },
  );
}

/**
 * Every re-test entered must be of a subject due for re-test and carry a score (scored subject) or Đạt / Chưa đạt
 * (comment subject); summer conduct only for a student sent to summer conduct. One 400 names the bad entries.
 */
export function checkSummerInput(
  input: SummerInput,
  year: YearResult,
  subjectRows: readonly SubjectYearRecord[],
  yearSubjects: SubjectResult[],
): void {
  const fields: Record<string, string> = {};
  // TT22 Điều 14: only scored subjects under 5,0 and comment subjects at Chưa đạt, of a student sent to re-test —
  // or trained in the summer first, whose conduct (re-assessed now or before) has reached Đạt (`retestDue`).
  const summerConduct = input.summerConduct ?? (year.summer_conduct_result as Level4 | null);
  const due = new Set(retestDueOf(year, summerConduct) ? subjectsToRetest(yearSubjects) : []);
  if ((input.retests ?? []).length > 0 && due.size === 0 && year.promotion === 'summer_conduct') {
    const message =
      'Học sinh rèn luyện trong hè chỉ được kiểm tra lại sau khi rèn luyện được đánh giá lại từ mức Đạt (Điều 13, 14 Thông tư 22).';
    throw new AppError('validation_failed', message, { retests: message });
  }
  (input.retests ?? []).forEach((retest, i) => {
    const row = subjectRows.find((r) => r.subject_code === retest.subjectCode);
    if (!row) {
      fields[`retests.${i}.subjectCode`] = `Không có môn ${retest.subjectCode} trong kết quả cả năm.`;
    } else if (!due.has(retest.subjectCode)) {
      fields[`retests.${i}.subjectCode`] =
        `Môn ${retest.subjectCode} không thuộc diện kiểm tra lại (chỉ môn có ĐTBmcn dưới 5,0 hoặc môn nhận xét Chưa đạt).`;
    } else if (row.year_average !== null && retest.score === undefined) {
      fields[`retests.${i}.score`] = `Nhập điểm kiểm tra lại môn ${retest.subjectCode}.`;
    } else if (row.year_result !== null && retest.result === undefined) {
      fields[`retests.${i}.result`] = `Chọn Đạt / Chưa đạt cho môn ${retest.subjectCode}.`;
    } else if (retest.score !== undefined) {
      const problem = scoreProblem(retest.score);
      if (problem) fields[`retests.${i}.score`] = problem;
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError('validation_failed', Object.values(fields)[0] as string, fields);
  }
  if (input.summerConduct && year.promotion !== 'summer_conduct') {
    const message = 'Chỉ học sinh rèn luyện trong hè mới được đánh giá lại rèn luyện.';
    throw new AppError('validation_failed', message, { summerConduct: message });
  }
}

/**
 * The final decision by the domain rules, from the re-tests already stored overlaid with those entered now. A
 * rule's refusal of its input (GradingInputError) is the user's 400, not a 500.
 */
export function finalDecisionOf(
  input: SummerInput,
  year: YearResult,
  subjectRows: readonly SubjectYearRecord[],
  yearSubjects: SubjectResult[],
  summerConduct: Level4 | null,
): ReturnType<typeof finalPromotionOf> {
  const retests = new Map(
    subjectRows.map((r) => [
      r.subject_code,
      { score: r.retest_score === null ? null : Number(r.retest_score), result: r.retest_result },
    ]),
  );
  for (const retest of input.retests ?? []) {
    retests.set(retest.subjectCode, { score: retest.score ?? null, result: retest.result ?? null });
  }
  try {
    return finalPromotionOf({
      learning: year.learning_result as Level4,
      conduct: year.conduct_result as Level4,
      absentSessions: year.absent_sessions,
      yearSubjects,
      retests,
      summerConduct,
      grade: year.class_grade,
    });
  } catch (error) {
    if (error instanceof GradingInputError) {
      throw new AppError('validation_failed', error.message, { retests: error.message });
    }
    throw error;
  }
}

/** Writes the re-tests entered, the summer conduct and final decision, and the audit row with before and after. */
export async function writeSummer(
  trx: ServiceContext,
  studentId: string,
  input: SummerInput,
  year: YearResult,
  subjectRows: readonly SubjectYearRecord[],
  summerConduct: Level4 | null,
  final: ReturnType<typeof finalPromotionOf>,
): Promise<void> {
  for (const retest of input.retests ?? []) {
    await trx.db
      .updateTable('subject_year_results')
      .set({ retest_score: retest.score ?? null, retest_result: retest.result ?? null })
      .where('unit_id', '=', year.unit_id)
      .where('student_id', '=', studentId)
      .where('school_year', '=', input.schoolYear)
      .where('subject_code', '=', retest.subjectCode)
      .execute();
  }
  await trx.db
    .updateTable('student_results')
    .set({
      summer_conduct_result: summerConduct,
      learning_after_retest: final.learningAfterRetest,
      final_promotion: final.finalPromotion,
    })
    .where('unit_id', '=', year.unit_id)
    .where('student_id', '=', studentId)
    .where('school_year', '=', input.schoolYear)
    .where('term', '=', 0)
    .execute();
  await audit(trx, {
    unitId: year.unit_id,
    entity: 'student_results',
    entityId: studentId,
    action: 'summer',
    before: {
      finalPromotion: year.final_promotion,
      summerConduct: year.summer_conduct_result,
      learningAfterRetest: year.learning_after_retest,
      retests: subjectRows
        .filter((r) => r.retest_score !== null || r.retest_result !== null)
        .map((r) => ({ subjectCode: r.subject_code, score: r.retest_score, result: r.retest_result })),
    },
    after: {
      finalPromotion: final.finalPromotion,
      summerConduct,
      retests: input.retests ?? [],
      learningAfterRetest: final.learningAfterRetest,
    },
  });
}
