import { type Kysely, sql } from 'kysely';

// A term lock is the principal's, for the whole school (gradebook_terms). When a school merges into another (issue
// 11 §4), its classes of the current year arrive at a school whose own term may still be open: the term the merged
// school had locked must stay locked for those classes, or their signed-off scores, conduct and attendance could be
// changed without an unlock and its reason. One row per class and term, copied from the merged school's lock (who
// and when) in the merger's transaction; an unlock with a reason reopens it as it reopens a school's lock.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table gradebook_class_locks (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null,
      term int not null check (term in (1, 2)),
      class_id uuid not null references classes(id),
      locked_at timestamptz not null,
      locked_by uuid references users(id),
      reason text not null,
      unique (class_id, term)
    )`.execute(db);
  await sql`create index gradebook_class_locks_unit_idx on gradebook_class_locks (unit_id, school_year, term)`.execute(
    db,
  );
}
