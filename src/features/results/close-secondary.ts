import type { Level4 } from '../../domain/grading/index.ts';
import type { AbsenceTotals, ConductRow, ScoreInputRow } from '../gradebook/reads.ts';
import type { ClassInfo, CloseSummary, EnrolledStudent, Retests } from './close.ts';
import { type ClassSubject, computeStudent, type Scope, type StudentOutcome } from './compute.ts';
import type { IndividualPlans } from './individual-plans.ts';
import type { ColumnBatch, StudentResultRow, SubjectYearRow } from './write.ts';

// The per-student step of the year close for secondary students (TT22): the benchmarked path, 300k students a
// province. Everything a student needs was read once for the whole batch and is passed in typed objects.

/** What a batch read for its secondary students (grades 6–12), indexed by student. Built once per batch. */
export interface SecondaryReads {
  scores: Map<string, ScoreInputRow[]>;
  conductByStudent: Map<string, ConductRow[]>;
  absences: Map<string, AbsenceTotals>;
  retests: Retests;
  summer: Map<string, Level4>;
  /** Students on an individual education plan (TT22 Điều 12 khoản 4), with the principal's decision so far. */
  plans: IndividualPlans;
}

/** Where a batch collects its rows (column-wise, written set-based at the end) and its counts. */
export interface BatchRows {
  resultRows: ColumnBatch<StudentResultRow>;
  subjectRows: ColumnBatch<SubjectYearRow>;
  summary: CloseSummary;
}

/**
 * One secondary student (TT22): the outcome computed by the domain rules from the scores entered in this class,
 * counted as classified or incomplete, and added to the batch's rows. Runs once per student of a province (the
 * benchmarked path): plain arguments, no closures, only lookups in the batch's maps.
 */
export function closeSecondaryStudent(
  scope: Scope,
  cls: ClassInfo,
  subjects: readonly ClassSubject[],
  member: EnrolledStudent,
  reads: SecondaryReads,
  out: BatchRows,
): void {
  const termConduct: Partial<Record<1 | 2, Level4>> = {};
  for (const c of reads.conductByStudent.get(member.studentId) ?? []) termConduct[c.term] = c.level;
  const absent = reads.absences.get(member.studentId);
  const outcome: StudentOutcome = computeStudent(
    subjects,
    {
      studentId: member.studentId,
      grade: cls.grade,
      scores: (reads.scores.get(member.studentId) ?? []).filter((s) => s.classId === cls.id),
      conduct: termConduct,
      absentSessions: absent ? absent.excused + absent.unexcused : 0,
      retests: reads.retests.get(member.studentId) ?? new Map(),
      summerConduct: reads.summer.get(member.studentId) ?? null,
      individualPlan: reads.plans.has(member.studentId)
        ? { decision: reads.plans.get(member.studentId) ?? null }
        : undefined,
    },
    scope,
  );
  if (outcome.missing.length > 0) {
    out.summary.incomplete.push({
      studentId: member.studentId,
      fullName: member.fullName,
      className: cls.name,
      missing: outcome.missing,
    });
  } else out.summary.classified += 1;
  addOutcomeRows(cls.id, member.studentId, outcome, absent, out);
}

/** The student's term rows, year row (year close) and subject year rows. */
function addOutcomeRows(
  classId: string,
  studentId: string,
  outcome: StudentOutcome,
  absent: AbsenceTotals | undefined,
  out: BatchRows,
): void {
  for (const term of outcome.terms) {
    out.resultRows.add({
      class_id: classId,
      student_id: studentId,
      term: term.term,
      learning_result: term.learning,
      conduct_result: term.conduct,
      absent_sessions: absent ? absent[`term${term.term}`] : 0,
      promotion: null,
      award: null,
      final_promotion: null,
      learning_after_retest: null,
      primary_outcome_after_support: null,
      primary_outcome: null,
    });
  }
  if (outcome.year) {
    out.resultRows.add({
      class_id: classId,
      student_id: studentId,
      term: 0,
      learning_result: outcome.year.learning,
      conduct_result: outcome.year.conduct,
      absent_sessions: outcome.year.absentSessions,
      promotion: outcome.year.promotion,
      award: outcome.year.award,
      final_promotion: outcome.year.finalPromotion,
      learning_after_retest: outcome.year.learningAfterRetest,
      primary_outcome_after_support: null,
      primary_outcome: null,
    });
  }
  for (const s of outcome.subjects) {
    out.subjectRows.add({
      class_id: classId,
      student_id: studentId,
      subject_code: s.subjectCode,
      year_average: s.yearAverage,
      year_result: s.yearResult,
    });
  }
}
