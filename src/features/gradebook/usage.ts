import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

// Read view of gradebook use (for metrics and dashboards): which classes of a school year have scores entered in
// the e-gradebook. The caller has already checked access to the unit; the query is scoped by unit_id.

export interface ClassGradebookUse {
  classId: string;
  className: string;
  grade: number;
  /** Score rows with at least one assessment entered (any term, any subject). */
  enteredRows: number;
}

/** Every class of the school year with the number of its score rows that hold an entered assessment. */
export async function gradebookUseByClass(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
): Promise<ClassGradebookUse[]> {
  const rows = await db
    .selectFrom('classes as c')
    .leftJoin('subject_scores as s', (join) =>
      join
        .onRef('s.class_id', '=', 'c.id')
        .on('s.unit_id', '=', unitId)
        .on('s.school_year', '=', schoolYear)
        .on(
          sql<boolean>`(s.midterm is not null or s.final is not null or s.midterm_result is not null
            or s.final_result is not null or s.term_average is not null or s.term_result is not null
            or cardinality(array_remove(s.regular, null)) > 0
            or cardinality(array_remove(s.regular_results, null)) > 0)`,
        ),
    )
    .select(['c.id', 'c.name', 'c.grade'])
    .select(sql<number>`count(s.id)::int`.as('entered'))
    .where('c.unit_id', '=', unitId)
    .where('c.school_year', '=', schoolYear)
    .groupBy(['c.id', 'c.name', 'c.grade'])
    .orderBy('c.grade')
    .orderBy('c.name')
    .execute();
  return rows.map((r) => ({ classId: r.id, className: r.name, grade: r.grade, enteredRows: r.entered }));
}
