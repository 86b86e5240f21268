import { type Kysely, sql } from 'kysely';

// The rollover into the next school year creates the classes its promoted and retained students need. They used to
// be created bare (no homeroom teacher, no room), to be filled in class by class afterwards. The principal now edits
// a plan on the rollover preview first: per class of the new year, its homeroom teacher and room, kept here until
// the rollover runs (and after, as the record of what was planned). One row per class name of a school year, as
// classes themselves are unique by name. Rows are the school's; the teacher must be its staff (checked on save).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table rollover_plan_classes (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null check (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      name text not null check (length(trim(name)) > 0),
      homeroom_teacher_id uuid references staff(id),
      room text,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      unique (unit_id, school_year, name)
    );
  `.execute(db);
}
