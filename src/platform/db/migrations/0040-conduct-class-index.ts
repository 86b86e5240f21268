import { type Kysely, sql } from 'kysely';

// The year close reads term conduct per batch of classes (gradebook reads: conductOfClasses); without an index on
// the class the province close scanned every conduct row of the province once per batch.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index conduct_assessments_class_idx on conduct_assessments (unit_id, class_id, school_year);
  `.execute(db);
}
