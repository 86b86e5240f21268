import { type Kysely, sql } from 'kysely';

// Two things the home pages and the teacher's contact book need.
//
// Only absences are stored in `attendance`, so a class where everyone came and a class whose teacher has not opened
// the register yet looked the same. The principal's home page asks "which classes have not taken attendance today?":
// the homeroom teacher's save of a date and session now leaves one row here (who and when), even with no absence.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table attendance_taken (
      unit_id uuid not null references units(id),
      school_year text not null,
      class_id uuid not null references classes(id),
      date date not null,
      session text not null check (session in ('morning', 'afternoon')),
      taken_by uuid references users(id),
      taken_at timestamptz not null default now(),
      primary key (class_id, date, session)
    )`.execute(db);
  await sql`create index attendance_taken_unit_date_idx on attendance_taken (unit_id, date)`.execute(db);
  // A teacher's note goes to the whole class (null, as every note so far) or to chosen students' families (issue 13
  // §2: "compose to the class or to chosen students").
  await sql`alter table class_notes add column student_ids uuid[]`.execute(db);
}
