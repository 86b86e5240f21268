import { type Kysely, sql } from 'kysely';

// The rollover into the next school year creates the classes its promoted and retained students need. They used to
// be created bare (no homeroom teacher, no room), to be filled in class by class afterwards. The principal now edits
// a plan on the rollover preview first: per class of the new year, its homeroom teacher and room, kept here until
// the rollover runs (and after, as the record of what was planned). One row per class name of a school year, as
// classes themselves are unique by name. Rows are the school's; the teacher must be its staff (checked on save).
//
// A finished year's enrolments are history (issue 11 §1). Leaving the school used to end every open enrolment, so a
// graduation or a summer transfer recorded after the year's last day ended that year's enrolment too: the graduates
// vanished from last year's class lists, results and học bạ. Such enrolments are reopened here — ended on the day of
// a leaving status change (transfer out, dropout, graduation) that came after the last day of their year (the
// school's calendar, else the office's above it, else 31 May), when no other enrolment of the student in that year
// is open or ended later — and each reopening is audited.
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
  await sql`
    with candidates as (
      select e.id, e.unit_id, e.left_on
      from enrolments e
      join units u on u.id = e.unit_id
      where e.left_on is not null
        and e.left_on > coalesce(
          (select sy.ends_on from school_years sy join units a on a.id = sy.unit_id
           where sy.code = e.school_year and u.path like a.path || '%'
           order by length(a.path) desc limit 1),
          make_date(substr(e.school_year, 6, 4)::int, 5, 31))
        and exists (
          select 1 from student_status_history h
          where h.student_id = e.student_id and h.unit_id = e.unit_id and h.effective_on = e.left_on
            and h.status in ('transferred_out', 'dropped_out', 'graduated'))
        and not exists (
          select 1 from enrolments o
          where o.student_id = e.student_id and o.school_year = e.school_year and o.id <> e.id
            and (o.left_on is null or o.left_on >= e.left_on))
    ),
    reopened as (
      update enrolments e set left_on = null from candidates c where e.id = c.id
      returning e.id, c.unit_id, c.left_on
    )
    insert into audit_log (unit_id, entity, entity_id, action, before, after)
    select unit_id, 'enrolment', id::text, 'reopen_finished_year', jsonb_build_object('leftOn', left_on),
      jsonb_build_object('leftOn', null)
    from reopened
  `.execute(db);
}
