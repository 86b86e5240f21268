import { type Kysely, sql } from 'kysely';
import {
  completesGrade,
  PRINCIPAL_DECIDES,
  type PrimaryAspectMark,
  type PrimaryLevel,
  type PrimaryTraitLevel,
  primaryAward,
  primaryYearOutcome,
} from '../../domain/grading/index.ts';
import { packedNumber, unpackRows } from '../../platform/db/packed-rows.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { ClassInfo, CloseInput, CloseSummary, EnrolledStudent } from './close.ts';
import type { IndividualPlans } from './individual-plans.ts';
import { primarySupportOf, supportResultOf } from './primary-support.ts';
import type { ColumnBatch, StudentResultRow } from './write.ts';

/**
 * Primary (TT27 Điều 9 khoản 2): the year outcome from the end-of-year evaluation (checkpoint end2) — every
 * subject level, quality, competence and end-of-year test score. Absences are not a criterion in primary.
 */
export async function closePrimary(
  db: Kysely<DB>,
  input: CloseInput,
  classes: readonly ClassInfo[],
  studentsByClass: Map<string, EnrolledStudent[]>,
  reads: { absences: Map<string, { excused: number; unexcused: number }>; plans: IndividualPlans },
  resultRows: ColumnBatch<StudentResultRow>,
  summary: CloseSummary,
) {
  const [byStudent, recognised, support] = await Promise.all([
    primaryEvaluationsOf(db, input, classes),
    recognisedPupils(db, input, classes),
    primarySupportOf(db, input.unitId, input.schoolYear),
  ]);
  for (const cls of classes) {
    for (const member of studentsByClass.get(cls.id) ?? []) {
      closePrimaryStudent(
        cls,
        member,
        byStudent.get(member.studentId) ?? [],
        recognised.has(member.studentId),
        reads.absences.get(member.studentId),
        reads.plans.has(member.studentId)
          ? { decision: reads.plans.get(member.studentId) ?? null }
          : undefined,
        support.get(member.studentId),
        resultRows,
        summary,
      );
    }
  }
}

/** The end-of-year evaluations (checkpoint end2) of these classes, as [aspect, level, test score] rows by student. */
async function primaryEvaluationsOf(db: Kysely<DB>, input: CloseInput, classes: readonly ClassInfo[]) {
  // One row per student with the evaluations packed (see unpackRows): half of a province are primary students.
  const evaluations = await db
    .selectFrom('primary_evaluations')
    .select([
      'student_id',
      sql<string>`string_agg(concat(aspect, '|', level, '|', test_score), ';')`.as('packed'),
    ])
    .where('unit_id', '=', input.unitId)
    .where('school_year', '=', input.schoolYear)
    .where('checkpoint', '=', 'end2')
    .where(
      'class_id',
      'in',
      classes.map((c) => c.id),
    )
    .groupBy('student_id')
    .execute();
  return new Map(evaluations.map((e) => [e.student_id, unpackRows(e.packed)]));
}

/**
 * Pupils the class recognised for "Học sinh Tiêu biểu" (TT27 Điều 13 khoản 1 điểm a), recorded on their year row
 * before this run; a re-run of the close keeps the recognition (the column is not rewritten) and re-derives the title.
 */
async function recognisedPupils(db: Kysely<DB>, input: CloseInput, classes: readonly ClassInfo[]) {
  const rows = await db
    .selectFrom('student_results')
    .select('student_id')
    .where('unit_id', '=', input.unitId)
    .where('school_year', '=', input.schoolYear)
    .where('term', '=', 0)
    .where('primary_recognition', 'is not', null)
    .where(
      'class_id',
      'in',
      classes.map((c) => c.id),
    )
    .execute();
  return new Set(rows.map((r) => r.student_id));
}

/**
 * One primary student: the year outcome when every kind of evaluation is there, else the student is reported
 * incomplete; the year row is written either way. Runs once per primary student of a province.
 */
function closePrimaryStudent(
  cls: ClassInfo,
  member: EnrolledStudent,
  rows: ReturnType<typeof unpackRows>,
  recognisedByClass: boolean,
  absent: { excused: number; unexcused: number } | undefined,
  plan: { decision: 'promoted' | 'retained' | null } | undefined,
  support: Parameters<typeof supportResultOf>[2],
  resultRows: ColumnBatch<StudentResultRow>,
  summary: CloseSummary,
): void {
  const subjects = rows.filter(([aspect]) => aspect.startsWith('subject:'));
  const qualities = rows.filter(([aspect]) => aspect.startsWith('quality:'));
  const competencies = rows.filter(([aspect]) => aspect.startsWith('competence:'));
  const missing: string[] = [];
  if (subjects.length === 0) missing.push('Đánh giá cuối năm: chưa có mức đạt được của môn học');
  if (qualities.length === 0) missing.push('Đánh giá cuối năm: chưa đánh giá phẩm chất');
  if (competencies.length === 0) missing.push('Đánh giá cuối năm: chưa đánh giá năng lực');
  let outcome: ReturnType<typeof primaryYearOutcome> | null = null;
  if (missing.length === 0) {
    outcome = primaryYearOutcome({
      subjects: subjects.map(([, level]) => level as PrimaryLevel),
      qualities: qualities.map(([, level]) => level as PrimaryTraitLevel),
      competencies: competencies.map(([, level]) => level as PrimaryTraitLevel),
      testScores: subjects.flatMap(([, , score]) => (score ? [Number(score)] : [])),
    });
    summary.classified += 1;
  } else {
    summary.incomplete.push({
      studentId: member.studentId,
      fullName: member.fullName,
      className: cls.name,
      missing,
    });
  }
  // A primary student who does not complete gets a support plan, a further assessment, then the principal's decision
  // (TT27 Điều 11 khoản 1 điểm b, c; primary-support.ts): what is stored of that path is re-derived here, so a
  // re-run of the close keeps it. A pupil assessed against an individual education plan is the principal's
  // decision whatever the outcome.
  const promoted = outcome && completesGrade(outcome) ? 'promoted' : null;
  const promotion = outcome && plan ? PRINCIPAL_DECIDES : promoted;
  const afterSupport =
    outcome === 'not_completed' && !plan
      ? supportResultOf(marksOf(rows), outcome, support)
      : { afterSupport: null, finalPromotion: promoted };
  const finalPromotion = outcome && plan ? plan.decision : afterSupport.finalPromotion;
  resultRows.add({
    class_id: cls.id,
    student_id: member.studentId,
    term: 0,
    learning_result: null,
    conduct_result: null,
    absent_sessions: absent ? absent.excused + absent.unexcused : 0,
    promotion,
    award: outcome ? primaryAward({ outcome, recognisedByClass }) : null,
    final_promotion: finalPromotion,
    learning_after_retest: null,
    primary_outcome_after_support: afterSupport.afterSupport,
    primary_outcome: outcome,
  });
}

/** The packed end-of-year rows as the marks the TT27 support rule reads. */
function marksOf(rows: ReturnType<typeof unpackRows>): PrimaryAspectMark[] {
  return rows.map(([aspect, level, score]) => ({
    aspect,
    level: level as PrimaryAspectMark['level'],
    testScore: packedNumber(score),
  }));
}
