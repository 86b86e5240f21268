import type { Kysely } from 'kysely';
import type { ResultAward } from '../../domain/grading/types.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { Level4, PassFail } from '../gradebook/reads.ts';

// Read-only views of computed results (term and year results, subject year results, primary evaluations) for
// transcripts, the contact book, exports and metrics. The caller has already checked access to the unit.

export interface StudentResultRow {
  studentId: string;
  classId: string;
  /** 1 or 2 for a term, 0 for the school year. */
  term: 0 | 1 | 2;
  learningResult: Level4 | null;
  conductResult: Level4 | null;
  absentSessions: number;
  promotion: 'promoted' | 'retest' | 'summer_conduct' | 'retained' | 'principal_decision' | null;
  award: ResultAward | null;
  finalPromotion: 'promoted' | 'retained' | null;
  summerConductResult: Level4 | null;
  /** Year learning result after the summer re-test (TT22 Điều 14). */
  learningAfterRetest: Level4 | null;
  /** The principal's reason for the decision on a student on an individual plan (TT22 Điều 12 khoản 4). */
  principalDecisionReason: string | null;
  primaryOutcome: 'completed_excellently' | 'completed_well' | 'completed' | 'not_completed' | null;
  /** Primary: the outcome after the further assessment (TT27 Điều 11 khoản 1 điểm b); migration 0094. */
  primaryOutcomeAfterSupport: StudentResultRow['primaryOutcome'];
  /** Primary: what the class recognised for "Học sinh Tiêu biểu" (TT27 Điều 13). */
  primaryRecognition: string | null;
  homeroomComment: string | null;
  computedAt: Date;
}

export interface SubjectYearRow {
  studentId: string;
  classId: string;
  subjectCode: string;
  /** ĐTBmcn of a scored subject. */
  yearAverage: number | null;
  yearResult: PassFail | null;
  retestScore: number | null;
  retestResult: PassFail | null;
}

export interface PrimaryEvaluationRow {
  studentId: string;
  classId: string;
  checkpoint: 'mid1' | 'end1' | 'mid2' | 'end2';
  /** 'subject:<code>', 'quality:<name>' or 'competence:<name>'. */
  aspect: string;
  level: 'completed_well' | 'completed' | 'not_completed' | 'good' | 'pass' | 'needs_effort';
  testScore: number | null;
  comment: string | null;
}

export interface StudentResults {
  terms: StudentResultRow[];
  subjects: SubjectYearRow[];
  primary: PrimaryEvaluationRow[];
}

/** Everything computed for these students in a school year (empty lists before the first close). */
export async function resultsOfStudents(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  studentIds: readonly string[],
): Promise<StudentResults> {
  if (studentIds.length === 0) return { terms: [], subjects: [], primary: [] };
  const [terms, subjects, primary] = await Promise.all([
    db
      .selectFrom('student_results')
      .select([
        'student_id as studentId',
        'class_id as classId',
        'term',
        'learning_result as learningResult',
        'conduct_result as conductResult',
        'absent_sessions as absentSessions',
        'promotion',
        'award',
        'final_promotion as finalPromotion',
        'summer_conduct_result as summerConductResult',
        'learning_after_retest as learningAfterRetest',
        'principal_decision_reason as principalDecisionReason',
        'primary_outcome as primaryOutcome',
        'primary_outcome_after_support as primaryOutcomeAfterSupport',
        'primary_recognition as primaryRecognition',
        'homeroom_comment as homeroomComment',
        'computed_at as computedAt',
      ])
      .where('unit_id', '=', unitId)
      .where('school_year', '=', schoolYear)
      .where('student_id', 'in', studentIds)
      .orderBy('term')
      .execute(),
    db
      .selectFrom('subject_year_results')
      .select([
        'student_id as studentId',
        'class_id as classId',
        'subject_code as subjectCode',
        'year_average as yearAverage',
        'year_result as yearResult',
        'retest_score as retestScore',
        'retest_result as retestResult',
      ])
      .where('unit_id', '=', unitId)
      .where('school_year', '=', schoolYear)
      .where('student_id', 'in', studentIds)
      .execute(),
    db
      .selectFrom('primary_evaluations')
      .select([
        'student_id as studentId',
        'class_id as classId',
        'checkpoint',
        'aspect',
        'level',
        'test_score as testScore',
        'comment',
      ])
      .where('unit_id', '=', unitId)
      .where('school_year', '=', schoolYear)
      .where('student_id', 'in', studentIds)
      .execute(),
  ]);
  return {
    terms: terms as StudentResultRow[],
    subjects: subjects as SubjectYearRow[],
    primary: primary as PrimaryEvaluationRow[],
  };
}
