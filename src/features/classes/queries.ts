import type { Kysely } from 'kysely';
import type { SchoolClass } from '#contracts/classes.ts';
import type { DB, Row } from '../../platform/db/schema.ts';

export type ClassRow = Row<'classes'> & {
  unit_path: string;
  homeroom_teacher_name: string | null;
  student_count: number;
};

/** Classes with their school's path, homeroom teacher's name and current size; callers add conditions. */
export function selectClasses(db: Kysely<DB>) {
  return db
    .selectFrom('classes as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .leftJoin('staff as t', 't.id', 'c.homeroom_teacher_id')
    .selectAll('c')
    .select((eb) => [
      'u.path as unit_path',
      't.full_name as homeroom_teacher_name',
      // The roster's "current" (roster/queries.ts), correlated to each class, so not built from one unit id.
      eb
        .selectFrom('enrolments as e')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('e.class_id', '=', 'c.id')
        .whereRef('e.unit_id', '=', 'c.unit_id')
        .where('e.left_on', 'is', null)
        .as('student_count'),
    ]);
}

/** Classes of a school year, by grade then by name with numbers in numeric order (6A2 before 6A10). */
export async function classesOf(db: Kysely<DB>, unitId: string, schoolYear: string): Promise<ClassRow[]> {
  const rows = (await selectClasses(db)
    .where('c.unit_id', '=', unitId)
    .where('c.school_year', '=', schoolYear)
    .execute()) as ClassRow[];
  return rows.sort((a, b) => a.grade - b.grade || compareClassNames(a.name, b.name));
}

/** Classes of a school by id (any school year), unsorted. */
export function classesByIds(db: Kysely<DB>, unitId: string, ids: readonly string[]): Promise<ClassRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return selectClasses(db).where('c.unit_id', '=', unitId).where('c.id', 'in', ids).execute() as Promise<
    ClassRow[]
  >;
}

export function findClass(db: Kysely<DB>, id: string): Promise<ClassRow | undefined> {
  return (
    selectClasses(db)
      // scope: loaded by id to find its unit; the caller checks access on that unit before using it.
      .where('c.id', '=', id)
      .executeTakeFirst() as Promise<ClassRow | undefined>
  );
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' });
export const compareClassNames = (a: string, b: string) => collator.compare(a, b);

export function toClass(row: ClassRow): SchoolClass {
  return {
    id: row.id,
    unitId: row.unit_id,
    schoolYear: row.school_year,
    grade: row.grade,
    name: row.name,
    homeroomTeacherId: row.homeroom_teacher_id,
    homeroomTeacherName: row.homeroom_teacher_name,
    room: row.room,
    studentCount: Number(row.student_count ?? 0),
  };
}
