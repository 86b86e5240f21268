import type { Kysely } from 'kysely';
import { regularAssessmentCount } from '../src/domain/grading/index.ts';
import type { DB, Row } from '../src/platform/db/schema.ts';

// Gradebook rows for the results tests, written directly (the score-entry feature is built in parallel).

type Cls = Pick<Row<'classes'>, 'id' | 'unit_id' | 'school_year'>;
type Student = Pick<Row<'students'>, 'id'>;

export interface TestSubject {
  code: string;
  kind: 'score' | 'comment';
  periods: number;
}

/** Grade 6: the eight scored subjects and one comment subject (Giáo dục thể chất) — a small TT22 timetable. */
export const GRADE6_SUBJECTS: TestSubject[] = [
  { code: 'literature', kind: 'score', periods: 140 },
  { code: 'math', kind: 'score', periods: 140 },
  { code: 'foreign-language-1', kind: 'score', periods: 105 },
  { code: 'history-geography', kind: 'score', periods: 105 },
  { code: 'natural-science', kind: 'score', periods: 140 },
  { code: 'civic-education', kind: 'score', periods: 35 },
  { code: 'technology', kind: 'score', periods: 35 },
  { code: 'informatics', kind: 'score', periods: 35 },
  { code: 'physical-education', kind: 'comment', periods: 70 },
];

export async function buildAssignments(
  db: Kysely<DB>,
  cls: Cls,
  teacher: Pick<Row<'staff'>, 'id'>,
  subjects: readonly TestSubject[] = GRADE6_SUBJECTS,
) {
  await db
    .insertInto('teaching_assignments')
    .values(
      subjects.map((s) => ({
        unit_id: cls.unit_id,
        school_year: cls.school_year,
        class_id: cls.id,
        subject_code: s.code,
        teacher_id: teacher.id,
        periods_per_year: s.periods,
      })),
    )
    .execute();
}

export interface ScoreSpec {
  regular?: (number | null)[];
  midterm?: number | null;
  final?: number | null;
}

/** One scored subject × term; `value` alone fills every assessment with it, so ĐTBmhk = value. */
export async function buildScore(
  db: Kysely<DB>,
  spec: { cls: Cls; student: Student; subject: TestSubject; term: 1 | 2; value?: number } & ScoreSpec,
) {
  const count = regularAssessmentCount(spec.subject.periods);
  const v = spec.value ?? 7;
  await db
    .insertInto('subject_scores')
    .values({
      unit_id: spec.cls.unit_id,
      school_year: spec.cls.school_year,
      term: spec.term,
      class_id: spec.cls.id,
      student_id: spec.student.id,
      subject_code: spec.subject.code,
      regular: spec.regular ?? Array.from({ length: count }, () => v),
      midterm: spec.midterm === undefined ? v : spec.midterm,
      final: spec.final === undefined ? v : spec.final,
    })
    .execute();
}

export async function buildCommentScore(
  db: Kysely<DB>,
  spec: { cls: Cls; student: Student; subject: TestSubject; term: 1 | 2; result?: 'pass' | 'fail' },
) {
  const r = spec.result ?? 'pass';
  await db
    .insertInto('subject_scores')
    .values({
      unit_id: spec.cls.unit_id,
      school_year: spec.cls.school_year,
      term: spec.term,
      class_id: spec.cls.id,
      student_id: spec.student.id,
      subject_code: spec.subject.code,
      regular_results: [r, r],
      midterm_result: r,
      final_result: r,
    })
    .execute();
}

export async function buildConduct(
  db: Kysely<DB>,
  spec: { cls: Cls; student: Student; term: 1 | 2; level: Row<'conduct_assessments'>['level'] },
) {
  await db
    .insertInto('conduct_assessments')
    .values({
      unit_id: spec.cls.unit_id,
      school_year: spec.cls.school_year,
      term: spec.term,
      class_id: spec.cls.id,
      student_id: spec.student.id,
      level: spec.level,
    })
    .execute();
}

/** `count` absent sessions on consecutive days from 2025-09-08 (mornings, then afternoons). */
export async function buildAbsences(db: Kysely<DB>, spec: { cls: Cls; student: Student; count: number }) {
  const rows = Array.from({ length: spec.count }, (_, i) => {
    const day = new Date(Date.UTC(2025, 8, 8 + Math.floor(i / 2)));
    return {
      unit_id: spec.cls.unit_id,
      school_year: spec.cls.school_year,
      class_id: spec.cls.id,
      student_id: spec.student.id,
      date: day.toISOString().slice(0, 10),
      session: i % 2 === 0 ? ('morning' as const) : ('afternoon' as const),
      excused: i % 3 === 0,
    };
  });
  if (rows.length > 0) await db.insertInto('attendance').values(rows).execute();
}

/**
 * A student's whole year: each scored subject at `averages[code] ?? average` in both terms (ĐTBmhk = ĐTBmcn = that
 * value), comment subjects Đạt unless listed in `commentFails`, conduct per term. `skip` leaves out one
 * subject × term (incomplete data).
 */
export async function buildYear(
  db: Kysely<DB>,
  spec: {
    cls: Cls;
    student: Student;
    average: number;
    averages?: Record<string, number>;
    commentFails?: string[];
    conduct: [Row<'conduct_assessments'>['level'], Row<'conduct_assessments'>['level']];
    subjects?: readonly TestSubject[];
    skip?: { code: string; term: 1 | 2 };
    custom?: { code: string; term: 1 | 2 } & ScoreSpec;
  },
) {
  for (const subject of spec.subjects ?? GRADE6_SUBJECTS) {
    for (const term of [1, 2] as const) {
      if (spec.skip?.code === subject.code && spec.skip.term === term) continue;
      const base = { cls: spec.cls, student: spec.student, subject, term };
      if (subject.kind === 'comment') {
        const result = spec.commentFails?.includes(subject.code) ? 'fail' : 'pass';
        await buildCommentScore(db, { ...base, result });
      } else if (spec.custom?.code === subject.code && spec.custom.term === term) {
        await buildScore(db, { ...base, ...spec.custom });
      } else {
        await buildScore(db, { ...base, value: spec.averages?.[subject.code] ?? spec.average });
      }
    }
  }
  await buildConduct(db, { cls: spec.cls, student: spec.student, term: 1, level: spec.conduct[0] });
  await buildConduct(db, { cls: spec.cls, student: spec.student, term: 2, level: spec.conduct[1] });
}

/** Rewrites one subject × term so every assessment and the stored ĐTBmhk are `value` (a later score change). */
export async function setTermScore(
  db: Kysely<DB>,
  spec: { student: Student; subjectCode: string; term: 1 | 2; value: number },
) {
  const v = spec.value;
  await db
    .updateTable('subject_scores')
    .set({ regular: [v, v, v, v], midterm: v, final: v, term_average: v })
    .where('student_id', '=', spec.student.id)
    .where('subject_code', '=', spec.subjectCode)
    .where('term', '=', spec.term)
    .execute();
}
