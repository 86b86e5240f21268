import type { ColumnType } from 'kysely';
import { ATTENDANCE_SESSIONS, UNLOCK_KINDS } from '#contracts/gradebook.ts';
import { TRANSCRIPT_STATUSES } from '#contracts/transcripts.ts';
import {
  EXEMPTION_GROUNDS,
  EXEMPTION_PERIODS,
  PRACTICAL_EXEMPTION_SUBJECTS,
} from '../../../domain/grading/exemptions.ts';
import {
  FINAL_PROMOTIONS,
  LEVEL4,
  PASS_FAIL,
  PRIMARY_CHECKPOINTS,
  PRIMARY_LEVELS,
  PRIMARY_OUTCOMES,
  PRIMARY_TRAIT_LEVELS,
  PROMOTIONS,
  RESULT_AWARDS,
} from '../../../domain/grading/types.ts';
import { col, nullable, type TablesType, withDefault } from './columns.ts';

/** A primary periodic evaluation: a subject's level (TT27 Điều 7 khoản 1) or a quality's or competence's (khoản 2). */
const PRIMARY_EVALUATION_LEVELS = [...PRIMARY_LEVELS, ...PRIMARY_TRAIT_LEVELS] as const;

export const gradebookTables = {
  teaching_assignments: {
    id: col.id(),
    unit_id: col.text(),
    school_year: col.text(),
    class_id: col.text(),
    subject_code: col.text(),
    teacher_id: col.text(),
    periods_per_year: col.number(),
    /** The class studies chuyên đề học tập in this subject (THPT): one more ĐĐGtx per term; migration 0086. */
    learning_topics: withDefault(col.boolean()),
    created_at: col.createdAt(),
  },
  gradebook_terms: {
    id: col.id(),
    unit_id: col.text(),
    school_year: col.text(),
    term: col.number(),
    entry_deadline: nullable(col.text()),
    locked_at: nullable(col.timestamp()),
    locked_by: nullable(col.text()),
  },
  gradebook_unlocks: {
    id: col.id(),
    unit_id: col.text(),
    school_year: col.text(),
    term: col.number(),
    class_id: col.text(),
    /** What an unlock reopens: one subject's scores, or the class's homeroom records (conduct and attendance). */
    kind: withDefault(col.oneOf(UNLOCK_KINDS)),
    /** Set for kind 'subject' only (gradebook_unlocks_target_check). */
    subject_code: nullable(col.text()),
    reason: col.text(),
    unlocked_by: nullable(col.text()),
    unlocked_at: withDefault(col.timestamp()),
    relocked_at: nullable(col.timestamp()),
  },
  /**
   * A term lock that belongs to one class, not to its school: a merged school's lock carried with its classes to the
   * receiving school (migration 0093). It closes the term as the school's lock does; an unlock reopens it.
   */
  gradebook_class_locks: {
    id: col.id(),
    unit_id: col.text(),
    school_year: col.text(),
    term: col.number(),
    class_id: col.text(),
    locked_at: col.timestamp(),
    locked_by: nullable(col.text()),
    reason: col.text(),
  },
  subject_scores: {
    id: col.id(),
    unit_id: col.text(),
    school_year: col.text(),
    term: col.number(),
    class_id: col.text(),
    student_id: col.text(),
    subject_code: col.text(),
    regular: col.numericArray(),
    midterm: nullable(col.number()),
    final: nullable(col.number()),
    regular_results: col.textArrayOf(PASS_FAIL),
    midterm_result: nullable(col.oneOf(PASS_FAIL)),
    final_result: nullable(col.oneOf(PASS_FAIL)),
    makeup: col.typed<ColumnType<string[], string[] | undefined, string[]>>(),
    term_average: nullable(col.number()),
    term_result: nullable(col.oneOf(PASS_FAIL)),
    teacher_comment: nullable(col.text()),
    updated_by: nullable(col.text()),
    updated_at: col.updatedAt(),
  },
  attendance: {
    id: col.id(),
    unit_id: col.text(),
    school_year: col.text(),
    class_id: col.text(),
    student_id: col.text(),
    date: col.text(),
    session: col.oneOf(ATTENDANCE_SESSIONS),
    excused: col.boolean(),
    note: nullable(col.text()),
    recorded_by: nullable(col.text()),
    recorded_at: col.createdAt(),
  },
  /** A homeroom teacher saved a date's session (migration 0092): "attendance taken", even with nobody absent. */
  attendance_taken: {
    unit_id: col.text(),
    school_year: col.text(),
    class_id: col.text(),
    date: col.text(),
    session: col.oneOf(ATTENDANCE_SESSIONS),
    taken_by: nullable(col.text()),
    taken_at: withDefault(col.timestamp()),
  },
  conduct_assessments: {
    id: col.id(),
    unit_id: col.text(),
    school_year: col.text(),
    term: col.number(),
    class_id: col.text(),
    student_id: col.text(),
    level: col.oneOf(LEVEL4),
    comment: nullable(col.text()),
    assessed_by: nullable(col.text()),
    updated_at: col.updatedAt(),
  },
  student_results: {
    unit_id: col.text(),
    school_year: col.text(),
    /** 1 or 2 for a term, 0 for the year. */
    term: col.number(),
    class_id: col.text(),
    student_id: col.text(),
    learning_result: nullable(col.oneOf(LEVEL4)),
    conduct_result: nullable(col.oneOf(LEVEL4)),
    absent_sessions: withDefault(col.number()),
    promotion: nullable(col.oneOf(PROMOTIONS)),
    award: nullable(col.oneOf(RESULT_AWARDS)),
    /** Primary: the achievement or progress the class recognised for "Học sinh Tiêu biểu" (TT27 Điều 13). */
    primary_recognition: nullable(col.text()),
    final_promotion: nullable(col.oneOf(FINAL_PROMOTIONS)),
    /** Year conduct re-assessed after summer training (TT22 Điều 13 khoản 3). */
    summer_conduct_result: nullable(col.oneOf(LEVEL4)),
    /** Year learning result recomputed after the summer re-test (TT22 Điều 14); migration 0081. */
    learning_after_retest: nullable(col.oneOf(LEVEL4)),
    /** The principal's reason for the decision on a student on an individual plan (TT22 Điều 12 khoản 4); 0090. */
    principal_decision_reason: nullable(col.text()),
    primary_outcome: nullable(col.oneOf(PRIMARY_OUTCOMES)),
    /** Primary: the outcome after the further assessment (đánh giá bổ sung, TT27 Điều 11 khoản 1 điểm b); 0094. */
    primary_outcome_after_support: nullable(col.oneOf(PRIMARY_OUTCOMES)),
    homeroom_comment: nullable(col.text()),
    computed_at: col.updatedAt(),
  },
  /**
   * A primary pupil who did not complete the grade (TT27 Điều 11 khoản 1 điểm b, c): the support plan, the further
   * assessment of the aspects that held the pupil back, the principal's decision with its reason; 0094.
   */
  primary_support: {
    unit_id: col.text(),
    school_year: col.text(),
    student_id: col.text(),
    plan: col.text(),
    plan_by: nullable(col.text()),
    plan_at: col.updatedAt(),
    /** The re-assessed aspects: [{ aspect, level, testScore }]. */
    reassessed: nullable(col.json()),
    assessed_by: nullable(col.text()),
    assessed_at: nullable(col.timestamp()),
    decision: nullable(col.oneOf(FINAL_PROMOTIONS)),
    decision_reason: nullable(col.text()),
    decided_by: nullable(col.text()),
    decided_at: nullable(col.timestamp()),
    version: withDefault(col.number()),
  },
  /** Exemption from the practical part of GDTC / GDQP-AN by the principal's decision (TT22 Điều 10); 0090. */
  practical_exemptions: {
    id: col.id(),
    unit_id: col.text(),
    school_year: col.text(),
    student_id: col.text(),
    subject_code: col.oneOf(PRACTICAL_EXEMPTION_SUBJECTS),
    period: col.oneOf(EXEMPTION_PERIODS),
    ground: col.oneOf(EXEMPTION_GROUNDS),
    decision_number: col.text(),
    decision_date: col.text(),
    note: nullable(col.text()),
    recorded_by: nullable(col.text()),
    recorded_at: col.createdAt(),
  },
  /** Students the school assesses against an individual education plan (TT22 Điều 11, 12 khoản 4); 0090. */
  individual_plans: {
    unit_id: col.text(),
    school_year: col.text(),
    student_id: col.text(),
    note: nullable(col.text()),
    recorded_by: nullable(col.text()),
    recorded_at: col.createdAt(),
  },
  subject_year_results: {
    unit_id: col.text(),
    school_year: col.text(),
    class_id: col.text(),
    student_id: col.text(),
    subject_code: col.text(),
    year_average: nullable(col.number()),
    year_result: nullable(col.oneOf(PASS_FAIL)),
    retest_score: nullable(col.number()),
    retest_result: nullable(col.oneOf(PASS_FAIL)),
  },
  primary_evaluations: {
    id: col.id(),
    unit_id: col.text(),
    school_year: col.text(),
    checkpoint: col.oneOf(PRIMARY_CHECKPOINTS),
    class_id: col.text(),
    student_id: col.text(),
    aspect: col.text(),
    level: col.oneOf(PRIMARY_EVALUATION_LEVELS),
    test_score: nullable(col.number()),
    comment: nullable(col.text()),
    updated_by: nullable(col.text()),
    updated_at: col.updatedAt(),
  },
  transcripts: {
    id: col.id(),
    unit_id: col.text(),
    school_year: col.text(),
    class_id: col.text(),
    student_id: col.text(),
    version: withDefault(col.number()),
    status: withDefault(col.oneOf(TRANSCRIPT_STATUSES)),
    snapshot: nullable(col.json()),
    correction_reason: nullable(col.text()),
    homeroom_signed_by: nullable(col.text()),
    homeroom_signed_at: nullable(col.timestamp()),
    approved_by: nullable(col.text()),
    approved_at: nullable(col.timestamp()),
    created_at: col.createdAt(),
  },
  class_notes: {
    id: col.id(),
    unit_id: col.text(),
    class_id: col.text(),
    author_user_id: col.text(),
    title: col.text(),
    body: col.text(),
    /** The students whose families the note is for; null = the whole class (migration 0092). */
    student_ids: nullable(col.textArray()),
    created_at: col.createdAt(),
  },
  class_note_acks: {
    id: col.id(),
    unit_id: col.text(),
    note_id: col.text(),
    user_id: col.text(),
    acknowledged_at: col.createdAt(),
  },
} as const;

export type GradebookTables = TablesType<typeof gradebookTables>;
