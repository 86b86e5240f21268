import { type Kysely, sql } from 'kysely';

// A locked term can be reopened for a class's homeroom records (conduct and attendance, kept by the homeroom
// teacher) as well as for one class × subject: the same unlock row, with kind 'homeroom' and no subject.
// At most one active (not re-locked) unlock per target: two principals unlocking at once must not leave a second
// open row behind after one re-lock. Older duplicates, possible before this index, are closed first; the lock
// check already read only the newest one, so nothing a user sees changes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table gradebook_unlocks
      add column kind text not null default 'subject' check (kind in ('subject', 'homeroom'));
    alter table gradebook_unlocks alter column subject_code drop not null;
    alter table gradebook_unlocks
      add constraint gradebook_unlocks_target_check check ((kind = 'subject') = (subject_code is not null));

    update gradebook_unlocks u set relocked_at = newer.unlocked_at
    from gradebook_unlocks newer
    where u.relocked_at is null and newer.relocked_at is null
      and newer.class_id = u.class_id and newer.term = u.term and newer.subject_code = u.subject_code
      and (newer.unlocked_at, newer.id) > (u.unlocked_at, u.id);

    create unique index gradebook_unlocks_active_key
      on gradebook_unlocks (class_id, term, kind, coalesce(subject_code, ''))
      where relocked_at is null;
  `.execute(db);
}
