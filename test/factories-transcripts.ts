import type { Kysely } from 'kysely';
import type { DB, Row } from '../src/platform/db/schema.ts';
import {
  buildClass,
  buildEnrolment,
  buildGuardian,
  buildStaff,
  buildStudent,
  buildUser,
} from './factories.ts';

// Rows of the gradebook and results written directly, as score entry and the year close (built by other
// features) would write them, so transcripts and the contact book can be tested on their own.

type UnitRef = Pick<Row<'units'>, 'id'>;
type ClassRef = Pick<Row<'classes'>, 'id' | 'unit_id' | 'school_year'>;
type StudentRef = Pick<Row<'students'>, 'id'>;

/** The keys every gradebook and results row of one student in one class carries. */
function ofStudentInClass(spec: { cls: ClassRef; student: StudentRef }) {
  return {
    unit_id: spec.cls.unit_id,
    school_year: spec.cls.school_year,
    class_id: spec.cls.id,
    student_id: spec.student.id,
  };
}

/** A teacher with a login whose staff record is linked to it (homeroom teachers and subject teachers). */
export async function buildTeacherAccount(
  db: Kysely<DB>,
  spec: { unit: UnitRef; username: string; fullName: string },
) {
  const user = await buildUser(db, {
    unit: spec.unit,
    username: spec.username,
    fullName: spec.fullName,
    roles: [{ role: 'teacher' }],
  });
  const staff = await buildStaff(db, { unit: spec.unit, fullName: spec.fullName, user });
  return { user, staff };
}

/** A class with students enrolled (in the order given). */
export async function buildClassWithStudents(
  db: Kysely<DB>,
  spec: {
    unit: UnitRef;
    name: string;
    grade?: number;
    homeroomTeacher?: Pick<Row<'staff'>, 'id'>;
    students: string[];
  },
) {
  const cls = await buildClass(db, {
    unit: spec.unit,
    name: spec.name,
    grade: spec.grade ?? 6,
    homeroomTeacher: spec.homeroomTeacher,
  });
  const students: Row<'students'>[] = [];
  for (const fullName of spec.students) {
    const student = await buildStudent(db, { unit: spec.unit, fullName });
    await buildEnrolment(db, { student, cls });
    students.push(student);
  }
  return { cls, students };
}

/** A guardian of the student with a guardian login at the student's school. */
export async function buildGuardianAccount(
  db: Kysely<DB>,
  spec: { students: Pick<Row<'students'>, 'id' | 'unit_id'>[]; username: string; fullName: string },
) {
  const first = spec.students[0] as Pick<Row<'students'>, 'id' | 'unit_id'>;
  const user = await buildUser(db, {
    unit: { id: first.unit_id },
    username: spec.username,
    fullName: spec.fullName,
    roles: [{ role: 'guardian' }],
  });
  for (const student of spec.students) {
    await buildGuardian(db, { student, fullName: spec.fullName, user, relationship: 'mother' });
  }
  return user;
}

export async function buildTeachingAssignment(
  db: Kysely<DB>,
  spec: { cls: ClassRef; subjectCode: string; teacher: Pick<Row<'staff'>, 'id'>; periodsPerYear?: number },
) {
  return db
    .insertInto('teaching_assignments')
    .values({
      unit_id: spec.cls.unit_id,
      school_year: spec.cls.school_year,
      class_id: spec.cls.id,
      subject_code: spec.subjectCode,
      teacher_id: spec.teacher.id,
      periods_per_year: spec.periodsPerYear ?? 140,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** One student's scores in one subject and term (scored subjects: numbers; comment-only: pass/fail). */
export async function buildSubjectScores(
  db: Kysely<DB>,
  spec: {
    cls: ClassRef;
    student: StudentRef;
    subjectCode: string;
    term: 1 | 2;
    regular?: number[];
    midterm?: number | null;
    final?: number | null;
    termAverage?: number | null;
    regularResults?: ('pass' | 'fail')[];
    midtermResult?: 'pass' | 'fail' | null;
    finalResult?: 'pass' | 'fail' | null;
    termResult?: 'pass' | 'fail' | null;
    comment?: string | null;
  },
) {
  return db
    .insertInto('subject_scores')
    .values({
      ...ofStudentInClass(spec),
      subject_code: spec.subjectCode,
      term: spec.term,
      regular: spec.regular ?? [],
      midterm: spec.midterm ?? null,
      final: spec.final ?? null,
      term_average: spec.termAverage ?? null,
      regular_results: spec.regularResults ?? [],
      midterm_result: spec.midtermResult ?? null,
      final_result: spec.finalResult ?? null,
      term_result: spec.termResult ?? null,
      teacher_comment: spec.comment ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildSubjectYearResult(
  db: Kysely<DB>,
  spec: {
    cls: ClassRef;
    student: StudentRef;
    subjectCode: string;
    yearAverage?: number | null;
    yearResult?: 'pass' | 'fail' | null;
    retestScore?: number | null;
    retestResult?: 'pass' | 'fail' | null;
  },
) {
  return db
    .insertInto('subject_year_results')
    .values({
      ...ofStudentInClass(spec),
      subject_code: spec.subjectCode,
      year_average: spec.yearAverage ?? null,
      year_result: spec.yearResult ?? null,
      retest_score: spec.retestScore ?? null,
      retest_result: spec.retestResult ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

type Level4 = 'excellent' | 'good' | 'pass' | 'fail';

/** A term (1, 2) or year (0) result as the close writes it. */
export async function buildStudentResult(
  db: Kysely<DB>,
  spec: {
    cls: ClassRef;
    student: StudentRef;
    term: 0 | 1 | 2;
    learning?: Level4 | null;
    conduct?: Level4 | null;
    absentSessions?: number;
    promotion?: Row<'student_results'>['promotion'];
    award?: Row<'student_results'>['award'];
    finalPromotion?: Row<'student_results'>['final_promotion'];
    summerConduct?: Level4 | null;
    learningAfterRetest?: Level4 | null;
    primaryOutcome?: Row<'student_results'>['primary_outcome'];
    homeroomComment?: string | null;
  },
) {
  return db
    .insertInto('student_results')
    .values({
      ...ofStudentInClass(spec),
      term: spec.term,
      learning_result: spec.learning ?? null,
      conduct_result: spec.conduct ?? null,
      absent_sessions: spec.absentSessions ?? 0,
      promotion: spec.promotion ?? null,
      award: spec.award ?? null,
      final_promotion: spec.finalPromotion ?? null,
      summer_conduct_result: spec.summerConduct ?? null,
      learning_after_retest: spec.learningAfterRetest ?? null,
      primary_outcome: spec.primaryOutcome ?? null,
      homeroom_comment: spec.homeroomComment ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildAbsence(
  db: Kysely<DB>,
  spec: {
    cls: ClassRef;
    student: StudentRef;
    date: string;
    session?: 'morning' | 'afternoon';
    excused?: boolean;
  },
) {
  return db
    .insertInto('attendance')
    .values({
      ...ofStudentInClass(spec),
      date: spec.date,
      session: spec.session ?? 'morning',
      excused: spec.excused ?? true,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function buildPrimaryEvaluation(
  db: Kysely<DB>,
  spec: {
    cls: ClassRef;
    student: StudentRef;
    checkpoint: 'mid1' | 'end1' | 'mid2' | 'end2';
    aspect: string;
    level: Row<'primary_evaluations'>['level'];
    testScore?: number | null;
    comment?: string | null;
  },
) {
  return db
    .insertInto('primary_evaluations')
    .values({
      ...ofStudentInClass(spec),
      checkpoint: spec.checkpoint,
      aspect: spec.aspect,
      level: spec.level,
      test_score: spec.testScore ?? null,
      comment: spec.comment ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}
