import { type Kysely, sql } from 'kysely';

// One login name, one account. Login accepts a username, an e-mail or a phone, and each column was unique only
// within itself: a principal could create the username 0582274139 while it was a guardian's phone, and logins with
// it then reached either account. Every login name now lives in login_names (primary key: the lower-cased name),
// kept by a trigger on users, so the database refuses a name that another account already uses in any column.
// One account may use one value twice (a guardian whose username is their own phone).
//
// Existing collisions are resolved first, deterministically, and each change is written to the audit log of the
// account's unit (action 'login_name_migrated') and raised as a NOTICE:
// - a username equal to another account's e-mail or phone gets the first free suffix: 0582274139-2, -3, …
//   (the e-mail/phone is a contact the person gave; the username was chosen by whoever made the account);
// - a phone equal to another account's e-mail (not a phone at all) is cleared.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$
    declare
      r record;
      candidate text;
      n int;
    begin
      for r in
        select u.id, u.unit_id, u.username from users u
        where exists (
          select 1 from users v
          where v.id <> u.id and (lower(v.email) = lower(u.username) or lower(v.phone) = lower(u.username))
        )
        order by u.created_at, u.id
      loop
        n := 2;
        loop
          candidate := r.username || '-' || n;
          exit when not exists (
            select 1 from users w
            where lower(candidate) in (lower(w.username), lower(w.email), lower(w.phone))
          );
          n := n + 1;
        end loop;
        update users set username = candidate, updated_at = now() where id = r.id;
        insert into audit_log (unit_id, entity, entity_id, action, before, after)
        values (r.unit_id, 'user', r.id::text, 'login_name_migrated',
                jsonb_build_object('username', r.username), jsonb_build_object('username', candidate));
        raise notice 'login names: username "%" of user % was another account''s e-mail or phone; renamed to "%"',
          r.username, r.id, candidate;
      end loop;

      for r in
        select u.id, u.unit_id, u.phone from users u
        where exists (select 1 from users v where v.id <> u.id and lower(v.email) = lower(u.phone))
        order by u.created_at, u.id
      loop
        update users set phone = null, updated_at = now() where id = r.id;
        insert into audit_log (unit_id, entity, entity_id, action, before, after)
        values (r.unit_id, 'user', r.id::text, 'login_name_migrated',
                jsonb_build_object('phone', r.phone), jsonb_build_object('phone', null));
        raise notice 'login names: phone "%" of user % was another account''s e-mail; cleared', r.phone, r.id;
      end loop;
    end $$;

    create table login_names (
      -- lower(username), lower(email) or lower(phone); login looks the typed name up here, lower-cased.
      name text primary key,
      user_id uuid not null references users(id) on delete cascade
    );
    create index login_names_user_idx on login_names (user_id);
    insert into login_names (name, user_id)
    select distinct v.name, u.id
    from users u cross join lateral (values (lower(u.username)), (lower(u.email)), (lower(u.phone))) as v(name)
    where v.name is not null;

    -- Claims the row's login names. INSERT … ON CONFLICT waits for a concurrent claim of the same name to commit,
    -- and the next statement sees it, so two transactions cannot both win. The error names the column
    -- (constraint login_names_<field>) so the service can say which field to change.
    create function users_claim_login_names() returns trigger language plpgsql as $f$
    declare
      claim record;
      holder uuid;
    begin
      delete from login_names where user_id = new.id;
      for claim in
        select * from (values ('username', lower(new.username)), ('email', lower(new.email)), ('phone', lower(new.phone)))
          as c(field, name)
        where c.name is not null
      loop
        insert into login_names (name, user_id) values (claim.name, new.id) on conflict (name) do nothing;
        select user_id into holder from login_names where name = claim.name;
        if holder is distinct from new.id then
          raise exception 'login name "%" is already used by another account (login_names_%)', claim.name, claim.field
            using errcode = 'unique_violation', constraint = 'login_names_' || claim.field, column = claim.field;
        end if;
      end loop;
      return null;
    end $f$;

    create trigger users_login_names
      after insert or update of username, email, phone on users
      for each row execute function users_claim_login_names();
  `.execute(db);
}
