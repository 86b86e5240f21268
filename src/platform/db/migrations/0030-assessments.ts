import { type Kysely, sql } from 'kysely';

// Criteria-based evaluations run as campaigns: the DX maturity index (QĐ 4725 for schools, QĐ 3806 for offices)
// first, later quality accreditation and library standards. Generic over the catalogue, which is data.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- A versioned catalogue (groups → items → sub-items/bands), validated by src/domain/assessment-catalogue.
    create table assessment_catalogues (
      id uuid primary key default gen_random_uuid(),
      -- Who published it: the ministry for the national default, a province office for a revised version.
      unit_id uuid not null references units(id),
      code text not null,
      version text not null,
      title text not null,
      subject_kind text not null check (subject_kind in ('school', 'office')),
      content jsonb not null,
      source text not null check (source in ('national', 'imported')),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (unit_id, code, version)
    );

    -- An office's yearly campaign over the units it manages; it pins one catalogue version.
    create table assessment_campaigns (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      catalogue_id uuid not null references assessment_catalogues(id),
      school_year text not null check (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      title text not null,
      self_assessment_starts_on date not null,
      submission_deadline date not null,
      external_starts_on date not null,
      external_ends_on date not null,
      publication_on date not null,
      status text not null default 'draft' check (status in ('draft', 'open', 'closed', 'published')),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (self_assessment_starts_on <= submission_deadline and submission_deadline <= external_ends_on
        and external_starts_on <= external_ends_on and external_ends_on <= publication_on)
    );
    create index assessment_campaigns_unit_idx on assessment_campaigns (unit_id, school_year);

    -- One assessed unit (school, or office for QĐ 3806) in a campaign; unit_id is the assessed unit.
    create table assessments (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      campaign_id uuid not null references assessment_campaigns(id),
      status text not null default 'not_started' check (status in ('not_started', 'in_progress', 'approved',
        'submitted', 'returned', 'under_review', 'assessed', 'recognised')),
      -- Scoring output (scoreAssessment) frozen at approval, and the office's after external assessment.
      self_result jsonb,
      external_result jsonb,
      approved_by uuid references users(id),
      approved_at timestamptz,
      submitted_at timestamptz,
      recognised_level int check (recognised_level between 1 and 3),
      recognition_id uuid,
      updated_at timestamptz not null default now(),
      unique (campaign_id, unit_id)
    );
    create index assessments_campaign_idx on assessments (campaign_id, status);

    -- The school's answer to one catalogue item and the office's agreed answer.
    create table assessment_items (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      assessment_id uuid not null references assessments(id) on delete cascade,
      item_id text not null,
      assignee_user_id uuid references users(id),
      answer jsonb,
      note text,
      progress text not null default 'todo' check (progress in ('todo', 'in_progress', 'done')),
      agreed_answer jsonb,
      external_comment text,
      return_comment text,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      unique (assessment_id, item_id)
    );

    create table assessment_evidence (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      assessment_id uuid not null references assessments(id) on delete cascade,
      item_id text not null,
      kind text not null check (kind in ('file', 'link', 'metric', 'text')),
      file_id uuid references stored_files(id),
      url text,
      metric_id text,
      -- The measured value at the time it was attached (the live value may change later).
      metric_snapshot jsonb,
      description text,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index assessment_evidence_item_idx on assessment_evidence (assessment_id, item_id);

    -- Every state change with its comment (submitted, returned, resubmitted, assessed, recognised…).
    create table assessment_events (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      assessment_id uuid not null references assessments(id) on delete cascade,
      action text not null,
      from_status text,
      to_status text,
      comment text,
      snapshot jsonb,
      actor_user_id uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index assessment_events_assessment_idx on assessment_events (assessment_id, created_at);

    -- The office's external-assessment team and the units it reviews.
    create table assessment_teams (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      campaign_id uuid not null references assessment_campaigns(id),
      name text not null,
      created_at timestamptz not null default now()
    );
    create table assessment_team_members (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      team_id uuid not null references assessment_teams(id) on delete cascade,
      user_id uuid not null references users(id),
      role text not null check (role in ('head', 'deputy', 'secretary', 'member')),
      unique (team_id, user_id)
    );
    create table assessment_team_units (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      team_id uuid not null references assessment_teams(id) on delete cascade,
      assessed_unit_id uuid not null references units(id),
      unique (team_id, assessed_unit_id)
    );

    -- Quyết định công nhận: one decision recognises the levels of a batch of units.
    create table recognition_decisions (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      campaign_id uuid not null references assessment_campaigns(id),
      decision_number text not null,
      decided_on date not null,
      signer_name text not null,
      signer_title text not null,
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      unique (unit_id, decision_number)
    );
    alter table assessments add constraint assessments_recognition_fk
      foreign key (recognition_id) references recognition_decisions(id);
  `.execute(db);
}
