import { type Kysely, sql } from 'kysely';
import { packedList, packedNumber, unpackRows } from '../../platform/db/packed-rows.ts';
import type { DB } from '../../platform/db/schema.ts';

// Read-only views of the gradebook (scores, attendance, conduct, teaching assignments) for the features built on
// it: results and year close, transcripts, the contact book, exports and metrics. The caller has already checked
// access to the unit; every query is scoped by unit_id.

export type PassFail = 'pass' | 'fail';
export type Level4 = 'excellent' | 'good' | 'pass' | 'fail';

export interface TermScoreRow {
  studentId: string;
  classId: string;
  subjectCode: string;
  term: 1 | 2;
  /** ĐĐGtx scores in order (scored subjects); nulls are assessments not yet entered. */
  regular: (number | null)[];
  midterm: number | null;
  final: number | null;
  /** Đạt / Chưa đạt of comment-assessed subjects. */
  regularResults: (PassFail | null)[];
  midtermResult: PassFail | null;
  finalResult: PassFail | null;
  /** Which assessments were make-ups (kiểm tra bù): 'regular:2', 'midterm', 'final'. */
  makeup: string[];
  /** ĐTBmhk, stored once the term's assessments are complete. */
  termAverage: number | null;
  termResult: PassFail | null;
  teacherComment: string | null;
  updatedAt: Date;
}

function scoreRows(db: Kysely<DB>, unitId: string, schoolYear: string) {
  return db
    .selectFrom('subject_scores')
    .select([
      'student_id as studentId',
      'class_id as classId',
      'subject_code as subjectCode',
      'term',
      'regular',
      'midterm',
      'final',
      'regular_results as regularResults',
      'midterm_result as midtermResult',
      'final_result as finalResult',
      'makeup',
      'term_average as termAverage',
      'term_result as termResult',
      'teacher_comment as teacherComment',
      'updated_at as updatedAt',
    ])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear);
}

/** Every score row of these classes in a school year (both terms unless one is given). */
export async function scoresOfClasses(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  classIds: readonly string[],
  term?: 1 | 2,
): Promise<TermScoreRow[]> {
  if (classIds.length === 0) return [];
  let query = scoreRows(db, unitId, schoolYear).where('class_id', 'in', classIds);
  if (term) query = query.where('term', '=', term);
  return (await query.execute()) as TermScoreRow[];
}

/** Every score row of these students in a school year, whichever class they were in. */
export async function scoresOfStudents(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  studentIds: readonly string[],
): Promise<TermScoreRow[]> {
  if (studentIds.length === 0) return [];
  return (await scoreRows(db, unitId, schoolYear)
    .where('student_id', 'in', studentIds)
    .execute()) as TermScoreRow[];
}

export interface AbsenceTotals {
  excused: number;
  unexcused: number;
  /** Sessions absent in term 1 (up to the calendar's last day of term 1) and in term 2; 0 without a calendar. */
  term1: number;
  term2: number;
}

/**
 * Absent sessions (buổi) per student of these classes over the school year (TT22 Điều 12: the total counts), and
 * per term when the school year's calendar says where term 1 ends (the term results show them).
 */
export async function absenceTotals(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  classIds: readonly string[],
  term1EndsOn: string | null = null,
): Promise<Map<string, AbsenceTotals>> {
  if (classIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('attendance')
    .select((eb) => [
      'student_id',
      eb.fn.count<number>('id').filterWhere('excused', '=', true).as('excused'),
      eb.fn.count<number>('id').filterWhere('excused', '=', false).as('unexcused'),
      // Without a calendar no date is known to be in term 1 or 2.
      term1EndsOn
        ? eb.fn.count<number>('id').filterWhere('date', '<=', term1EndsOn).as('term1')
        : sql<number>`0`.as('term1'),
      term1EndsOn
        ? eb.fn.count<number>('id').filterWhere('date', '>', term1EndsOn).as('term2')
        : sql<number>`0`.as('term2'),
    ])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .where('class_id', 'in', classIds)
    .groupBy('student_id')
    .execute();
  return new Map(
    rows.map((r) => [
      r.student_id,
      {
        excused: Number(r.excused),
        unexcused: Number(r.unexcused),
        term1: Number(r.term1),
        term2: Number(r.term2),
      },
    ]),
  );
}

export interface AbsenceRow {
  studentId: string;
  date: string;
  session: 'morning' | 'afternoon';
  excused: boolean;
  note: string | null;
}

/** Absences of these students in a school year, newest first. */
export async function absencesOfStudents(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  studentIds: readonly string[],
): Promise<AbsenceRow[]> {
  if (studentIds.length === 0) return [];
  return (await db
    .selectFrom('attendance')
    .select(['student_id as studentId', 'date', 'session', 'excused', 'note'])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .where('student_id', 'in', studentIds)
    .orderBy('date', 'desc')
    .orderBy('session')
    .execute()) as AbsenceRow[];
}

export interface ConductRow {
  studentId: string;
  classId: string;
  term: 1 | 2;
  level: Level4;
  comment: string | null;
}

/** Term conduct (kết quả rèn luyện) of these classes' students. */
export async function conductOfClasses(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  classIds: readonly string[],
): Promise<ConductRow[]> {
  if (classIds.length === 0) return [];
  return (await db
    .selectFrom('conduct_assessments')
    .select(['student_id as studentId', 'class_id as classId', 'term', 'level', 'comment'])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .where('class_id', 'in', classIds)
    .execute()) as ConductRow[];
}

export interface AssignmentRow {
  id: string;
  classId: string;
  subjectCode: string;
  teacherId: string;
  teacherName: string;
  periodsPerYear: number;
  /** Chuyên đề học tập in this subject (THPT): one more ĐĐGtx per term (migration 0086). */
  learningTopics: boolean;
}

/** Teaching assignments of these classes, with the teacher's name. */
export async function assignmentsOfClasses(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  classIds: readonly string[],
): Promise<AssignmentRow[]> {
  if (classIds.length === 0) return [];
  return selectAssignments(db, unitId, schoolYear).where('a.class_id', 'in', classIds).execute();
}

/** Every teaching assignment of a school's year (the assignments board reads them beside its classes). */
export function assignmentsOfYear(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
): Promise<AssignmentRow[]> {
  return selectAssignments(db, unitId, schoolYear).execute();
}

function selectAssignments(db: Kysely<DB>, unitId: string, schoolYear: string) {
  return db
    .selectFrom('teaching_assignments as a')
    .innerJoin('staff', 'staff.id', 'a.teacher_id')
    .select([
      'a.id',
      'a.class_id as classId',
      'a.subject_code as subjectCode',
      'a.teacher_id as teacherId',
      'staff.full_name as teacherName',
      'a.periods_per_year as periodsPerYear',
      'a.learning_topics as learningTopics',
    ])
    .where('a.unit_id', '=', unitId)
    .where('a.school_year', '=', schoolYear);
}

/** The columns of a score row the year close computes from (no comment, make-up flags or timestamps). */
export type ScoreInputRow = Pick<
  TermScoreRow,
  | 'studentId'
  | 'classId'
  | 'subjectCode'
  | 'term'
  | 'regular'
  | 'midterm'
  | 'final'
  | 'regularResults'
  | 'midtermResult'
  | 'finalResult'
>;

/**
 * Like scoresOfClasses but lean, for the year close over millions of rows: only the columns the rules read, one row
 * per student and class with that student's score rows packed into one text field (see unpackRows). Regular
 * assessments not entered are left out of `regular`; the rules count only the entered ones.
 */
export async function scoreInputsByStudent(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  classIds: readonly string[],
  term?: 1 | 2,
): Promise<Map<string, ScoreInputRow[]>> {
  const byStudent = new Map<string, ScoreInputRow[]>();
  if (classIds.length === 0) return byStudent;
  let query = db
    .selectFrom('subject_scores')
    .select([
      'student_id as studentId',
      'class_id as classId',
      sql<string>`string_agg(concat(subject_code, '|', term, '|', array_to_string(regular, ','), '|', midterm, '|',
        final, '|', array_to_string(regular_results, ','), '|', midterm_result, '|', final_result), ';')`.as(
        'packed',
      ),
    ])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .where('class_id', 'in', classIds)
    .groupBy(['student_id', 'class_id']);
  if (term) query = query.where('term', '=', term);
  for (const { studentId, classId, packed } of await query.execute()) {
    const rows = byStudent.get(studentId) ?? [];
    for (const f of unpackRows(packed)) rows.push(unpackScoreRow(studentId, classId, f));
    byStudent.set(studentId, rows);
  }
  return byStudent;
}

function unpackScoreRow(studentId: string, classId: string, f: string[]): ScoreInputRow {
  return {
    studentId,
    classId,
    subjectCode: f[0] as string,
    term: Number(f[1]) as 1 | 2,
    regular: packedList(f[2]).map(Number),
    midterm: packedNumber(f[3]),
    final: packedNumber(f[4]),
    regularResults: packedList(f[5]) as PassFail[],
    midtermResult: (f[6] || null) as PassFail | null,
    finalResult: (f[7] || null) as PassFail | null,
  };
}
