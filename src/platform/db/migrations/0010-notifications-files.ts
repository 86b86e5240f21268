import { type Kysely, sql } from 'kysely';

// In-app notifications (deadlines, returned items, notes from teachers) and stored files (evidence, imports).
// Files live in the database so one backup holds everything and both engines behave the same.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table notifications (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      user_id uuid not null references users(id) on delete cascade,
      kind text not null,
      title text not null,
      body text,
      -- Path inside the web app the notification opens, e.g. '/dx/assessments/…'.
      link text,
      created_at timestamptz not null default now(),
      read_at timestamptz
    );
    create index notifications_user_idx on notifications (user_id, created_at desc);
    create index notifications_unit_idx on notifications (unit_id, created_at desc);

    create table stored_files (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      file_name text not null,
      mime_type text not null,
      size_bytes int not null check (size_bytes >= 0),
      sha256 text not null,
      content bytea not null,
      -- What the file belongs to, for access checks and clean-up ('dx_evidence', 'import', ...).
      purpose text not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index stored_files_unit_idx on stored_files (unit_id, purpose);
  `.execute(db);
}
