import { type Kysely, sql } from 'kysely';

// Issue 11 §3: an erasure is a withdrawal first (docs/privacy.md). Records erased before that rule could be left
// "Đang học" (enrolled / transferred in) while erased; they are withdrawn now, as the erasure does today: a
// "dropped_out" status-history row effective on the day of the erasure (or the status date, if later), the record's
// status, the end of the enrolment of the school year running that day, and an audit row each. The names they
// lost under the old rule cannot be restored.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create temporary table stuck_erased as
      select s.id, s.unit_id, s.status as old_status, s.status_since as old_since,
             greatest(s.erased_at::date, coalesce(s.status_since, s.erased_at::date)) as on_day
      from students s
      where s.erased_at is not null and s.status in ('enrolled', 'transferred_in')
  `.execute(db);
  await sql`
    insert into student_status_history (unit_id, student_id, status, effective_on, reason)
    select unit_id, id, 'dropped_out', on_day, 'Thôi học, xoá dữ liệu cá nhân theo yêu cầu (ghi bổ sung)'
    from stuck_erased
  `.execute(db);
  await sql`
    update students s set status = 'dropped_out', status_since = x.on_day, updated_at = now()
    from stuck_erased x where s.id = x.id
  `.execute(db);
  // The school year of a day: from 1 August (domain/calendar schoolYearOfDate).
  await sql`
    update enrolments e set left_on = greatest(e.enrolled_on, x.on_day)
    from stuck_erased x
    where e.student_id = x.id and e.unit_id = x.unit_id and e.left_on is null
      and e.school_year = case when extract(month from x.on_day) >= 8
        then extract(year from x.on_day)::int || '-' || (extract(year from x.on_day)::int + 1)
        else (extract(year from x.on_day)::int - 1) || '-' || extract(year from x.on_day)::int end
  `.execute(db);
  await sql`
    insert into audit_log (unit_id, entity, entity_id, action, before, after)
    select unit_id, 'student', id::text, 'change_status',
           jsonb_build_object('status', old_status, 'statusSince', old_since),
           jsonb_build_object('status', 'dropped_out', 'effectiveOn', on_day, 'reason', 'migration 0087')
    from stuck_erased
  `.execute(db);
  await sql`drop table stuck_erased`.execute(db);
}
