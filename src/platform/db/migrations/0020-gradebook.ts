import { type Kysely, sql } from 'kysely';

// E-gradebook, attendance, conduct, year results, transcripts and contact book (TT 22/2021, TT 27/2020).
// Scores are one row per student × subject × term (regular scores as an array), so a province year is
// ~7M rows rather than ~40M: averages and year close read far less.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Phân công giảng dạy: who teaches which subject to which class; periods per year set the number of ĐĐGtx.
    create table teaching_assignments (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null check (school_year ~ '^[0-9]{4}-[0-9]{4}$'),
      class_id uuid not null references classes(id),
      subject_code text not null,
      teacher_id uuid not null references staff(id),
      periods_per_year int not null check (periods_per_year between 1 and 400),
      created_at timestamptz not null default now(),
      unique (class_id, subject_code)
    );
    create index teaching_assignments_teacher_idx on teaching_assignments (unit_id, teacher_id, school_year);

    -- Per school, school year and term: the entry deadline and the lock set by the principal.
    create table gradebook_terms (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null,
      term int not null check (term in (1, 2)),
      entry_deadline date,
      locked_at timestamptz,
      locked_by uuid references users(id),
      unique (unit_id, school_year, term)
    );

    -- A locked term reopened for one class × subject to correct scores, with the reason (audited).
    create table gradebook_unlocks (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null,
      term int not null check (term in (1, 2)),
      class_id uuid not null references classes(id),
      subject_code text not null,
      reason text not null,
      unlocked_by uuid references users(id),
      unlocked_at timestamptz not null default now(),
      relocked_at timestamptz
    );
    create index gradebook_unlocks_class_idx on gradebook_unlocks (class_id, subject_code, term);

    -- ĐĐGtx / ĐĐGgk / ĐĐGck of one student in one subject and term. Scored subjects use the numeric columns,
    -- comment-only subjects the *_result columns (pass/fail). Array positions are the assessment numbers;
    -- makeup lists which assessments were kiểm tra bù ('regular:2', 'midterm', 'final').
    create table subject_scores (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null,
      term int not null check (term in (1, 2)),
      class_id uuid not null references classes(id),
      student_id uuid not null references students(id),
      subject_code text not null,
      regular numeric(3,1)[] not null default '{}' check (10 >= all (regular) and 0 <= all (regular)),
      midterm numeric(3,1) check (midterm between 0 and 10),
      final numeric(3,1) check (final between 0 and 10),
      regular_results text[] not null default '{}' check (regular_results <@ array['pass', 'fail']::text[]),
      midterm_result text check (midterm_result in ('pass', 'fail')),
      final_result text check (final_result in ('pass', 'fail')),
      makeup text[] not null default '{}',
      -- ĐTBmhk (scored) or the term result (comment-only), computed by src/domain/grading when complete.
      term_average numeric(3,1) check (term_average between 0 and 10),
      term_result text check (term_result in ('pass', 'fail')),
      teacher_comment text,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      unique (student_id, school_year, term, subject_code)
    );
    create index subject_scores_class_idx on subject_scores (unit_id, class_id, subject_code, term);

    -- Daily absences by session (buổi); only absences are stored.
    create table attendance (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null,
      class_id uuid not null references classes(id),
      student_id uuid not null references students(id),
      date date not null,
      session text not null check (session in ('morning', 'afternoon')),
      excused boolean not null,
      note text,
      recorded_by uuid references users(id),
      recorded_at timestamptz not null default now(),
      unique (student_id, date, session)
    );
    create index attendance_class_idx on attendance (unit_id, class_id, date);

    -- Kết quả rèn luyện per term, set by the homeroom teacher.
    create table conduct_assessments (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null,
      term int not null check (term in (1, 2)),
      class_id uuid not null references classes(id),
      student_id uuid not null references students(id),
      level text not null check (level in ('excellent', 'good', 'pass', 'fail')),
      comment text,
      assessed_by uuid references users(id),
      updated_at timestamptz not null default now(),
      unique (student_id, school_year, term)
    );

    -- Results of a term (term = 1 or 2) or of the year (term = 0) per student, written by the close job.
    create table student_results (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null,
      term int not null check (term in (0, 1, 2)),
      class_id uuid not null references classes(id),
      student_id uuid not null references students(id),
      learning_result text check (learning_result in ('excellent', 'good', 'pass', 'fail')),
      conduct_result text check (conduct_result in ('excellent', 'good', 'pass', 'fail')),
      absent_sessions int not null default 0,
      promotion text check (promotion in ('promoted', 'retest', 'summer_conduct', 'retained')),
      award text check (award in ('outstanding', 'excellent')),
      -- After the summer: re-test results recomputed, or conduct re-assessed (TT22 Điều 13, 14).
      final_promotion text check (final_promotion in ('promoted', 'retained')),
      summer_conduct_result text check (summer_conduct_result in ('excellent', 'good', 'pass', 'fail')),
      -- Primary (TT27): the year outcome.
      primary_outcome text check (primary_outcome in ('completed_excellently', 'completed_well', 'completed', 'not_completed')),
      homeroom_comment text,
      computed_at timestamptz not null default now(),
      unique (student_id, school_year, term)
    );
    create index student_results_class_idx on student_results (unit_id, class_id, school_year, term);

    -- Year average per subject (ĐTBmcn) or year result of a comment-only subject, with the summer re-test.
    create table subject_year_results (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null,
      class_id uuid not null references classes(id),
      student_id uuid not null references students(id),
      subject_code text not null,
      year_average numeric(3,1) check (year_average between 0 and 10),
      year_result text check (year_result in ('pass', 'fail')),
      retest_score numeric(3,1) check (retest_score between 0 and 10),
      retest_result text check (retest_result in ('pass', 'fail')),
      unique (student_id, school_year, subject_code)
    );
    create index subject_year_results_class_idx on subject_year_results (unit_id, class_id, school_year);

    -- Primary periodic evaluations (TT27): per checkpoint, a level per subject (with a test score) and per
    -- quality / competence.
    create table primary_evaluations (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null,
      checkpoint text not null check (checkpoint in ('mid1', 'end1', 'mid2', 'end2')),
      class_id uuid not null references classes(id),
      student_id uuid not null references students(id),
      -- 'subject:<code>', 'quality:<name>' or 'competence:<name>'
      aspect text not null,
      level text not null check (level in ('completed_well', 'completed', 'not_completed', 'good', 'pass', 'needs_effort')),
      test_score int check (test_score between 0 and 10),
      comment text,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now(),
      unique (student_id, school_year, checkpoint, aspect)
    );
    create index primary_evaluations_class_idx on primary_evaluations (unit_id, class_id, school_year, checkpoint);

    -- Học bạ: one version per student and year. A frozen version keeps its data snapshot; a correction makes a
    -- new version and supersedes the old one. status follows the signing chain in use.
    create table transcripts (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null,
      class_id uuid not null references classes(id),
      student_id uuid not null references students(id),
      version int not null default 1,
      status text not null default 'draft' check (status in ('draft', 'homeroom_signed', 'approved', 'sealed',
        'published', 'superseded')),
      snapshot jsonb,
      correction_reason text,
      homeroom_signed_by uuid references users(id),
      homeroom_signed_at timestamptz,
      approved_by uuid references users(id),
      approved_at timestamptz,
      created_at timestamptz not null default now(),
      unique (student_id, school_year, version)
    );
    create index transcripts_class_idx on transcripts (unit_id, class_id, school_year);

    -- Sổ liên lạc: a teacher's note to a class's guardians, and each guardian's acknowledgement.
    create table class_notes (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      class_id uuid not null references classes(id),
      author_user_id uuid not null references users(id),
      title text not null,
      body text not null,
      created_at timestamptz not null default now()
    );
    create index class_notes_class_idx on class_notes (unit_id, class_id, created_at desc);

    create table class_note_acks (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      note_id uuid not null references class_notes(id) on delete cascade,
      user_id uuid not null references users(id),
      acknowledged_at timestamptz not null default now(),
      unique (note_id, user_id)
    );
  `.execute(db);
}
