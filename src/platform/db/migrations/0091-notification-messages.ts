import { type Kysely, sql } from 'kysely';

// Issue 13 §1: families are reached on their channels (e-mail, Web Push, Zalo ZNS, SMS), not only by the bell.
// An event (an absence, a note, results published) is one row; each recipient × channel is one message row with
// its state, so the sender sees who was reached and a failed send is retried with back-off. A family that cannot be
// reached at all (no account, no phone) gets one message on channel 'none', failed with the reason, so the sender's
// report lists it. Preferences and push subscriptions belong to the user (not to a unit). notification_keys holds
// the VAPID key pair and the unsubscribe-token secret, generated at first start when not configured.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notification_events (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      kind text not null,
      -- One event per subject: 'studentId:date' for an absence, the note id for a note.
      dedupe_key text not null,
      subject_id uuid,
      title text not null,
      body text,
      link text,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (kind, dedupe_key)
    );
    create index notification_events_unit_idx on notification_events (unit_id, kind, subject_id);

    create table notification_messages (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      event_id uuid not null references notification_events(id) on delete cascade,
      user_id uuid references users(id) on delete cascade,
      student_id uuid references students(id) on delete cascade,
      channel text not null check (channel in ('in_app', 'email', 'push', 'zns', 'sms', 'none')),
      address text,
      state text not null default 'queued' check (state in ('queued', 'sent', 'delivered', 'failed')),
      attempts int not null default 0,
      next_attempt_at timestamptz not null default now(),
      last_error text,
      provider_ref text,
      sent_at timestamptz,
      delivered_at timestamptz,
      created_at timestamptz not null default now()
    );
    create index notification_messages_due_idx on notification_messages (next_attempt_at) where state = 'queued';
    create index notification_messages_event_idx on notification_messages (unit_id, event_id);
    create index notification_messages_sms_idx on notification_messages (unit_id, channel, sent_at);

    create table notification_preferences (
      user_id uuid primary key references users(id) on delete cascade,
      email boolean not null default true,
      push boolean not null default true,
      zns boolean not null default true,
      sms boolean not null default true,
      -- 'HH:MM' on a clock in Việt Nam; a window may pass midnight (21:00–06:30).
      quiet_from text check (quiet_from ~ '^[0-2][0-9]:[0-5][0-9]$'),
      quiet_to text check (quiet_to ~ '^[0-2][0-9]:[0-5][0-9]$'),
      updated_at timestamptz not null default now()
    );

    create table push_subscriptions (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      endpoint text not null unique,
      p256dh text not null,
      auth text not null,
      created_at timestamptz not null default now()
    );
    create index push_subscriptions_user_idx on push_subscriptions (user_id);

    create table notification_keys (
      id int primary key check (id = 1),
      vapid_public_key text not null,
      vapid_private_key text not null,
      token_secret text not null,
      created_at timestamptz not null default now()
    );
  `.execute(db);
}
