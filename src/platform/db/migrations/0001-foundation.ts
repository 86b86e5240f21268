import { type Kysely, sql } from 'kysely';

// Foundation: units, school years, accounts, roles, sessions, audit, jobs.
// Ids are uuids so rows from several instances (a school laptop, a province server) can be merged or
// distributed by unit without renumbering; every unit-owned table leads its indexes with unit_id.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table unit_kinds (
      code text primary key,
      name_vi text not null,
      category text not null check (category in ('ministry', 'office', 'school')),
      sort_order int not null default 0
    );
    insert into unit_kinds (code, name_vi, category, sort_order) values
      ('ministry', 'Bộ Giáo dục và Đào tạo', 'ministry', 0),
      ('province_office', 'Sở Giáo dục và Đào tạo', 'office', 10),
      ('local_office', 'Phòng Giáo dục và Đào tạo', 'office', 20),
      ('school', 'Trường học', 'school', 30);

    create table units (
      id uuid primary key default gen_random_uuid(),
      parent_id uuid references units(id),
      kind text not null references unit_kinds(code),
      code text not null unique,
      name text not null,
      short_name text,
      -- Materialised path of ids from the root ('/a/b/c/'): "this unit and everything below" is a prefix match.
      path text not null,
      level text check (level in ('preschool', 'primary', 'lower_secondary', 'upper_secondary', 'multi_level', 'continuing_ed')),
      grade_from int check (grade_from between 0 and 12),
      grade_to int check (grade_to between 0 and 12),
      ownership text check (ownership in ('public', 'private', 'people_founded')),
      province text,
      district text,
      commune text,
      address text,
      phone text,
      email text,
      website text,
      current_school_year text check (current_school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      status text not null default 'active' check (status in ('active', 'merged', 'closed')),
      merged_into_id uuid references units(id),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      check (grade_from is null or grade_to is null or grade_from <= grade_to)
    );
    create index units_parent_idx on units (parent_id);
    create index units_path_idx on units (path text_pattern_ops);

    -- Where a unit sat in the hierarchy over time, so past years keep reporting under the old parent.
    create table unit_parent_history (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      parent_id uuid references units(id),
      valid_from date not null,
      valid_to date,
      reason text,
      check (valid_to is null or valid_to >= valid_from)
    );
    create index unit_parent_history_unit_idx on unit_parent_history (unit_id, valid_from);

    -- A school-year calendar set by a unit (usually the province office) for itself and the units below it.
    create table school_years (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      code text not null check (code ~ '^[0-9]{4}-[0-9]{4}$'),
      starts_on date not null,
      term1_ends_on date not null,
      term2_starts_on date not null,
      ends_on date not null,
      created_at timestamptz not null default now(),
      unique (unit_id, code),
      check (starts_on < term1_ends_on and term1_ends_on < term2_starts_on and term2_starts_on < ends_on)
    );

    create table users (
      id uuid primary key default gen_random_uuid(),
      -- The unit that manages this account (resets, deactivation).
      unit_id uuid not null references units(id),
      username text not null,
      email text,
      phone text,
      full_name text not null,
      password_hash text not null,
      must_change_password boolean not null default false,
      failed_login_count int not null default 0,
      locked_until timestamptz,
      is_active boolean not null default true,
      last_login_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create unique index users_username_key on users (lower(username));
    create unique index users_email_key on users (lower(email)) where email is not null;
    create unique index users_phone_key on users (phone) where phone is not null;
    create index users_unit_idx on users (unit_id);

    create table role_assignments (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references users(id) on delete cascade,
      role text not null check (role in ('system_admin', 'office_admin', 'office_specialist', 'principal',
        'vice_principal', 'it_officer', 'department_head', 'teacher', 'staff', 'guardian', 'student')),
      unit_id uuid not null references units(id),
      created_at timestamptz not null default now(),
      unique (user_id, role, unit_id)
    );
    create index role_assignments_unit_idx on role_assignments (unit_id);

    create table sessions (
      -- sha-256 of the cookie token: a leaked table does not leak usable sessions.
      id text primary key,
      user_id uuid not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null,
      ip text,
      user_agent text
    );
    create index sessions_user_idx on sessions (user_id);

    create table audit_log (
      id uuid primary key default gen_random_uuid(),
      occurred_at timestamptz not null default now(),
      actor_user_id uuid references users(id),
      unit_id uuid references units(id),
      entity text not null,
      entity_id text,
      action text not null,
      before jsonb,
      after jsonb,
      ip text
    );
    create index audit_log_unit_time_idx on audit_log (unit_id, occurred_at desc);
    create index audit_log_entity_idx on audit_log (entity, entity_id);

    -- Who looked at or exported a person's data (Law 91/2025/QH15 on personal data protection).
    create table data_access_log (
      id uuid primary key default gen_random_uuid(),
      occurred_at timestamptz not null default now(),
      actor_user_id uuid references users(id),
      unit_id uuid not null references units(id),
      subject_kind text not null check (subject_kind in ('student', 'staff', 'guardian')),
      subject_id uuid not null,
      action text not null check (action in ('view', 'export', 'erase', 'list_export')),
      detail text
    );
    create index data_access_log_subject_idx on data_access_log (subject_kind, subject_id, occurred_at desc);
    create index data_access_log_unit_idx on data_access_log (unit_id, occurred_at desc);

    create table jobs (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      kind text not null,
      status text not null default 'queued' check (status in ('queued', 'running', 'succeeded', 'failed')),
      progress_done int not null default 0,
      progress_total int not null default 0,
      message text,
      payload jsonb,
      result jsonb,
      error jsonb,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      started_at timestamptz,
      finished_at timestamptz
    );
    create index jobs_unit_idx on jobs (unit_id, created_at desc);
    create index jobs_status_idx on jobs (status) where status in ('queued', 'running');
  `.execute(db);
}
