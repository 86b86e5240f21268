import { type Kysely, sql } from 'kysely';

// The question bank (issue 14 §1). One row per question, owned by the unit it was written in (a school or an
// office). The body (type, stem, options, key) is JSON validated by contracts/questions.ts; what lists filter and
// search on is in columns: subject, grade, topic, competence level, difficulty, sharing and review state.
// `search_text` holds the folded text (no diacritics) for search, `fingerprint` the normalised text for duplicate
// detection; both are computed by the service from the body so they cannot disagree with it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table questions (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      author_user_id uuid not null references users(id),
      department_id uuid references departments(id),
      share_level text not null default 'private'
        check (share_level in ('private', 'department', 'school', 'office')),
      subject_code text not null,
      grade smallint not null check (grade between 1 and 12),
      topic text not null default '',
      level text check (level in ('know', 'understand', 'apply')),
      source_level text,
      difficulty smallint check (difficulty between 1 and 5),
      type text not null
        check (type in ('single_choice', 'true_false_group', 'short_answer', 'matching', 'essay')),
      body jsonb not null,
      search_text text not null,
      fingerprint text not null,
      review_state text not null default 'draft'
        check (review_state in ('draft', 'submitted', 'approved', 'rejected')),
      review_note text,
      reviewed_by uuid references users(id),
      reviewed_at timestamptz,
      version integer not null default 1,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index questions_unit_subject_idx on questions (unit_id, subject_code, grade)`.execute(db);
  await sql`create index questions_fingerprint_idx on questions (fingerprint)`.execute(db);
  await sql`create index questions_author_idx on questions (author_user_id)`.execute(db);
}
