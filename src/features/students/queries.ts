import { type Kysely, sql } from 'kysely';
import type { ListStudentsQuery } from '#contracts/students.ts';
import { ACTIVE_STATUSES } from '#contracts/students.ts';
import { foldVietnamese } from '../../domain/text/fold.ts';
import type { DB, Row, StudentStatus } from '../../platform/db/schema.ts';
import { containsPattern } from '../../platform/db/sql-helpers.ts';
import { currentEnrolments } from '../roster/queries.ts';

export type StudentRow = Row<'students'> & { unit_path: string; unit_name: string };

/**
 * One student with their school's path, for the access check that follows. The row is not returned to anyone
 * before `requireStudentAccess` has checked the unit.
 */
export function findStudent(db: Kysely<DB>, id: string): Promise<StudentRow | undefined> {
  return (
    db
      // scope: loaded by id to find its unit; the caller checks access on that unit before using it.
      .selectFrom('students as s')
      .innerJoin('units as u', 'u.id', 's.unit_id')
      .selectAll('s')
      .select(['u.path as unit_path', 'u.name as unit_name'])
      .where('s.id', '=', id)
      .executeTakeFirst()
  );
}

/** What search matches: the folded name and the sector database code (never the personal ID). */
export function searchTextOf(fullName: string, moetStudentCode: string | null | undefined): string {
  return foldVietnamese(`${fullName} ${moetStudentCode ?? ''}`);
}

/** LIKE pattern for one folded word, with LIKE's wildcards escaped. */
export type ListedStudent = Pick<
  Row<'students'>,
  | 'id'
  | 'full_name'
  | 'birth_date'
  | 'gender'
  | 'moet_student_code'
  | 'status'
  | 'status_since'
  | 'national_id'
> & { class_id: string | null; class_name: string | null; grade: number | null };

/**
 * Every student of a school matching the filters, with their active class of the school year. Unsorted: the
 * caller orders by Vietnamese name order (compareVietnameseNames) and pages, because no SQL collation orders by
 * given name, then middle name, then family name. A school holds a few thousand students at most.
 */
export function listStudentRows(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string | null,
  filter: Omit<ListStudentsQuery, 'page' | 'pageSize' | 'unitId' | 'schoolYear'>,
): Promise<ListedStudent[]> {
  let query = db
    .selectFrom('students as s')
    .leftJoin(
      currentEnrolments(db, unitId)
        .select(['e.student_id', 'e.class_id'])
        .where('e.school_year', '=', schoolYear ?? '')
        .as('e'),
      'e.student_id',
      's.id',
    )
    .leftJoin('classes as c', 'c.id', 'e.class_id')
    .select([
      's.id',
      's.full_name',
      's.birth_date',
      's.gender',
      's.moet_student_code',
      's.status',
      's.status_since',
      's.national_id',
      'c.id as class_id',
      'c.name as class_name',
      'c.grade',
    ])
    .where('s.unit_id', '=', unitId)
    .where('s.erased_at', 'is', null);
  for (const word of foldVietnamese(filter.q ?? '').split(' ')) {
    if (word) query = query.where('s.search_text', 'like', containsPattern(word));
  }
  if (filter.classId === 'none') query = query.where('c.id', 'is', null);
  else if (filter.classId) query = query.where('c.id', '=', filter.classId);
  if (filter.grade !== undefined) query = query.where('c.grade', '=', filter.grade);
  if (filter.status === 'active') query = query.where('s.status', 'in', [...ACTIVE_STATUSES]);
  else if (filter.status) query = query.where('s.status', '=', filter.status);
  if (filter.gender) query = query.where('s.gender', '=', filter.gender);
  return query.execute();
}

export function guardiansOf(db: Kysely<DB>, unitId: string, studentId: string) {
  return (
    db
      .selectFrom('student_guardians')
      .selectAll()
      .where('unit_id', '=', unitId)
      .where('student_id', '=', studentId)
      .orderBy('position')
      .orderBy('created_at')
      // Rows written together share position and time (the demo, older imports): the id makes the order one order.
      .orderBy('id')
      .execute()
  );
}

/**
 * Guardians of many students of a school (all of them when `studentIds` is absent), each student's in their order
 * on the record (position, then creation): the set-based import's audit rows and update mode.
 */
export function guardiansOfStudents(db: Kysely<DB>, unitId: string, studentIds?: readonly string[]) {
  let query = db
    .selectFrom('student_guardians')
    .select(['id', 'student_id', 'full_name', 'relationship', 'phone', 'occupation'])
    .where('unit_id', '=', unitId);
  if (studentIds) query = query.where('student_id', '=', sql<string>`any(${studentIds}::uuid[])`);
  return query.orderBy('student_id').orderBy('position').orderBy('created_at').orderBy('id').execute();
}

/** The first guardian of each student: the one the Excel export shows and update mode compares with. */
export async function firstGuardians(db: Kysely<DB>, unitId: string, studentIds?: readonly string[]) {
  const first = new Map<string, Awaited<ReturnType<typeof guardiansOfStudents>>[number]>();
  for (const g of await guardiansOfStudents(db, unitId, studentIds)) {
    if (!first.has(g.student_id)) first.set(g.student_id, g);
  }
  return first;
}

/** A student's status history at every school it was recorded at, oldest first. */
export function statusHistoryOf(db: Kysely<DB>, studentId: string) {
  return (
    db
      // scope: the history of one student whose access was already checked; rows may name earlier schools.
      .selectFrom('student_status_history as h')
      .leftJoin('users as u', 'u.id', 'h.recorded_by')
      .select([
        'h.id',
        'h.unit_id',
        'h.status',
        'h.effective_on',
        'h.reason',
        'h.recorded_at',
        'u.full_name as recorded_by_name',
      ])
      .where('h.student_id', '=', studentId)
      .orderBy('h.effective_on')
      .orderBy('h.recorded_at')
      .execute()
  );
}

/** A student's classes over the years, newest first. */
export function enrolmentsOf(db: Kysely<DB>, studentId: string) {
  return (
    db
      // scope: the enrolments of one student whose access was already checked.
      .selectFrom('enrolments as e')
      .innerJoin('classes as c', 'c.id', 'e.class_id')
      .select([
        'e.id',
        'e.unit_id',
        'e.class_id',
        'c.name as class_name',
        'c.grade',
        'e.school_year',
        'e.enrolled_on',
        'e.left_on',
      ])
      .where('e.student_id', '=', studentId)
      .orderBy('e.school_year', 'desc')
      .orderBy('e.enrolled_on', 'desc')
      .execute()
  );
}

/** The status in effect now: the latest history entry (by effective date, then by when it was recorded). */
export async function currentStatusOf(
  db: Kysely<DB>,
  unitId: string,
  studentId: string,
): Promise<{ status: StudentStatus; effective_on: string } | undefined> {
  return db
    .selectFrom('student_status_history')
    .select(['status', 'effective_on'])
    .where('unit_id', '=', unitId)
    .where('student_id', '=', studentId)
    .orderBy('effective_on', 'desc')
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** A guardian as shown on the record and in the personal-data export. */
export function toGuardian(g: Row<'student_guardians'>) {
  return {
    id: g.id,
    fullName: g.full_name,
    relationship: g.relationship,
    phone: g.phone,
    email: g.email,
    occupation: g.occupation,
    hasAccount: g.user_id !== null,
  };
}
