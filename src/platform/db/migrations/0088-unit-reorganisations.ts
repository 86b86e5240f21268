import { type Kysely, sql } from 'kysely';

// Issue 11 §4: a merged school said only "Đã sáp nhập" — no target, date or decision — and kept its students and
// staff. A merger or a move is now carried out on a decision (số quyết định, ngày), and each one is recorded here:
// which unit, into which unit or under which office, from which office, when, why, and how many people and classes
// went across. Both sides read their history from it ("Đã sáp nhập vào …", "Tiếp nhận từ …").
//
// A merger moves the current year's classes to the receiving school with their enrolments. Enrolments point at
// their class together with its unit and year (so a class list can never mix schools); that key now follows the
// class when it changes school, instead of refusing the change, so the class and its list move in one statement.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table unit_reorganisations (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      kind text not null check (kind in ('merge', 'move')),
      target_unit_id uuid not null references units(id),
      from_parent_id uuid references units(id),
      decision_number text not null check (length(trim(decision_number)) > 0),
      decision_date date not null,
      effective_on date not null,
      reason text,
      moved jsonb not null default '{}'::jsonb,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index unit_reorganisations_unit_idx on unit_reorganisations (unit_id);
    create index unit_reorganisations_target_idx on unit_reorganisations (target_unit_id);

    alter table enrolments drop constraint enrolments_class_id_unit_id_school_year_fkey;
    alter table enrolments add constraint enrolments_class_id_unit_id_school_year_fkey
      foreign key (class_id, unit_id, school_year) references classes (id, unit_id, school_year) on update cascade;
  `.execute(db);
}
