import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Id, Json, Level4, NumericArray, PassFail, TextArray, UpdatedAt } from './columns.ts';

export interface TeachingAssignmentTable {
  id: Id;
  unit_id: string;
  school_year: string;
  class_id: string;
  subject_code: string;
  teacher_id: string;
  periods_per_year: number;
  created_at: CreatedAt;
}

export interface GradebookTermTable {
  id: Id;
  unit_id: string;
  school_year: string;
  term: number;
  entry_deadline: string | null;
  locked_at: Date | null;
  locked_by: string | null;
}

/** What an unlock reopens: one subject's scores, or the class's homeroom records (conduct and attendance). */
export type UnlockKind = 'subject' | 'homeroom';

export interface GradebookUnlockTable {
  id: Id;
  unit_id: string;
  school_year: string;
  term: number;
  class_id: string;
  kind: ColumnType<UnlockKind, UnlockKind | undefined, UnlockKind>;
  /** Set for kind 'subject' only (gradebook_unlocks_target_check). */
  subject_code: string | null;
  reason: string;
  unlocked_by: string | null;
  unlocked_at: Generated<Date>;
  relocked_at: Date | null;
}

export interface SubjectScoreTable {
  id: Id;
  unit_id: string;
  school_year: string;
  term: number;
  class_id: string;
  student_id: string;
  subject_code: string;
  regular: NumericArray;
  midterm: number | null;
  final: number | null;
  regular_results: TextArray;
  midterm_result: PassFail | null;
  final_result: PassFail | null;
  makeup: ColumnType<string[], string[] | undefined, string[]>;
  term_average: number | null;
  term_result: PassFail | null;
  teacher_comment: string | null;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export interface AttendanceTable {
  id: Id;
  unit_id: string;
  school_year: string;
  class_id: string;
  student_id: string;
  date: string;
  session: 'morning' | 'afternoon';
  excused: boolean;
  note: string | null;
  recorded_by: string | null;
  recorded_at: CreatedAt;
}

export interface ConductAssessmentTable {
  id: Id;
  unit_id: string;
  school_year: string;
  term: number;
  class_id: string;
  student_id: string;
  level: Level4;
  comment: string | null;
  assessed_by: string | null;
  updated_at: UpdatedAt;
}

export interface StudentResultTable {
  unit_id: string;
  school_year: string;
  /** 1 or 2 for a term, 0 for the year. */
  term: number;
  class_id: string;
  student_id: string;
  learning_result: Level4 | null;
  conduct_result: Level4 | null;
  absent_sessions: Generated<number>;
  promotion: 'promoted' | 'retest' | 'summer_conduct' | 'retained' | null;
  award: 'outstanding' | 'excellent' | null;
  final_promotion: 'promoted' | 'retained' | null;
  summer_conduct_result: Level4 | null;
  primary_outcome: 'completed_excellently' | 'completed_well' | 'completed' | 'not_completed' | null;
  homeroom_comment: string | null;
  computed_at: UpdatedAt;
}

export interface SubjectYearResultTable {
  unit_id: string;
  school_year: string;
  class_id: string;
  student_id: string;
  subject_code: string;
  year_average: number | null;
  year_result: PassFail | null;
  retest_score: number | null;
  retest_result: PassFail | null;
}

export interface PrimaryEvaluationTable {
  id: Id;
  unit_id: string;
  school_year: string;
  checkpoint: 'mid1' | 'end1' | 'mid2' | 'end2';
  class_id: string;
  student_id: string;
  aspect: string;
  level: 'completed_well' | 'completed' | 'not_completed' | 'good' | 'pass' | 'needs_effort';
  test_score: number | null;
  comment: string | null;
  updated_by: string | null;
  updated_at: UpdatedAt;
}

export type TranscriptStatus =
  | 'draft'
  | 'homeroom_signed'
  | 'approved'
  | 'sealed'
  | 'published'
  | 'superseded';

export interface TranscriptTable {
  id: Id;
  unit_id: string;
  school_year: string;
  class_id: string;
  student_id: string;
  version: Generated<number>;
  status: Generated<TranscriptStatus>;
  snapshot: Json;
  correction_reason: string | null;
  homeroom_signed_by: string | null;
  homeroom_signed_at: Date | null;
  approved_by: string | null;
  approved_at: Date | null;
  created_at: CreatedAt;
}

export interface ClassNoteTable {
  id: Id;
  unit_id: string;
  class_id: string;
  author_user_id: string;
  title: string;
  body: string;
  created_at: CreatedAt;
}

export interface ClassNoteAckTable {
  id: Id;
  unit_id: string;
  note_id: string;
  user_id: string;
  acknowledged_at: CreatedAt;
}

export interface GradebookTables {
  teaching_assignments: TeachingAssignmentTable;
  gradebook_terms: GradebookTermTable;
  gradebook_unlocks: GradebookUnlockTable;
  subject_scores: SubjectScoreTable;
  attendance: AttendanceTable;
  conduct_assessments: ConductAssessmentTable;
  student_results: StudentResultTable;
  subject_year_results: SubjectYearResultTable;
  primary_evaluations: PrimaryEvaluationTable;
  transcripts: TranscriptTable;
  class_notes: ClassNoteTable;
  class_note_acks: ClassNoteAckTable;
}
