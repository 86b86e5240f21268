import { type Kysely, sql } from 'kysely';

// Primary pupils who do not complete the grade (TT27 Điều 11 khoản 1 điểm b, c): the teacher records the support
// plan (kế hoạch, hướng dẫn, giúp đỡ), then the further assessment (đánh giá bổ sung) of the aspects that held the
// pupil back; if the pupil still does not complete, the principal decides "được lên lớp" or "chưa được lên lớp"
// with a reason. One row per pupil and year in primary_support; the outcome after the further assessment is stored
// on the year result as a result of its own (primary_outcome_after_support), as the secondary re-assessment is
// (learning_after_retest, 0081). The principal's decision goes to final_promotion and principal_decision_reason
// like the individual-plan decision (0090) and is kept here too, so a re-run of the year close re-derives it.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table primary_support (
      unit_id uuid not null references units(id),
      school_year text not null,
      student_id uuid not null references students(id),
      plan text not null check (length(plan) between 1 and 2000),
      plan_by uuid references users(id),
      plan_at timestamptz not null default now(),
      reassessed jsonb,
      assessed_by uuid references users(id),
      assessed_at timestamptz,
      decision text check (decision in ('promoted', 'retained')),
      decision_reason text check (decision_reason is null or length(decision_reason) between 1 and 1000),
      decided_by uuid references users(id),
      decided_at timestamptz,
      version integer not null default 1,
      primary key (unit_id, school_year, student_id),
      check ((decision is null) = (decision_reason is null))
    );

    alter table student_results add column primary_outcome_after_support text
      check (primary_outcome_after_support in ('completed_excellently', 'completed_well', 'completed', 'not_completed'));
  `.execute(db);
}
