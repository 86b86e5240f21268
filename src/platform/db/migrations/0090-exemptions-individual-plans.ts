import { type Kysely, sql } from 'kysely';

// Two TT22 cases the year close did not know.
//
// practical_exemptions — Điều 10: the principal exempts a student from the practical part of Giáo dục thể chất or
// GDQP-AN, for one term or the school year, on a medical ground with the hospital's record on file; the decision's
// number and date are kept so the grid and the học bạ can name it. The subject is still assessed (theory replaces
// practice, khoản 4), so nothing in the scores changes; the rows say why a teacher assesses theory.
//
// individual_plans — Điều 11 and Điều 12 khoản 4 (TT27 Điều 11 khoản 4 for primary): a student with a disability
// whom the school assesses against an individual education plan. The close no longer applies the promotion rule to
// them: it writes promotion 'principal_decision', and the principal's decision (final_promotion) with its reason
// (principal_decision_reason) is stored on the year result, printed on the học bạ.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table practical_exemptions (
      id uuid primary key default gen_random_uuid(),
      unit_id uuid not null references units(id),
      school_year text not null,
      student_id uuid not null references students(id),
      subject_code text not null check (subject_code in ('physical-education', 'national-defence')),
      period text not null check (period in ('term1', 'term2', 'year')),
      ground text not null
        check (ground in ('chronic_illness', 'disability', 'accident', 'illness_under_treatment')),
      decision_number text not null check (length(decision_number) between 1 and 100),
      decision_date date not null,
      note text check (note is null or length(note) between 1 and 1000),
      recorded_by uuid references users(id),
      recorded_at timestamptz not null default now(),
      unique (unit_id, school_year, student_id, subject_code, period)
    );
    create index practical_exemptions_student_idx on practical_exemptions (unit_id, school_year, student_id);

    create table individual_plans (
      unit_id uuid not null references units(id),
      school_year text not null,
      student_id uuid not null references students(id),
      note text check (note is null or length(note) between 1 and 1000),
      recorded_by uuid references users(id),
      recorded_at timestamptz not null default now(),
      primary key (unit_id, school_year, student_id)
    );

    alter table student_results drop constraint student_results_promotion_check;
    alter table student_results add constraint student_results_promotion_check
      check (promotion in ('promoted', 'retest', 'summer_conduct', 'retained', 'principal_decision'));
    alter table student_results add column principal_decision_reason text
      check (principal_decision_reason is null or length(principal_decision_reason) between 1 and 1000);
  `.execute(db);
}
