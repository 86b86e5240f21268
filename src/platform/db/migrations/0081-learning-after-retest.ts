import { type Kysely, sql } from 'kysely';

// The year learning result after the summer re-test (TT22 Điều 14) becomes a stored result of its own. Until now it
// was computed when the re-tests were entered and kept only in the audit row, so the results pages and the học bạ
// could not show it. The conduct after summer training (Điều 13) already has its column, summer_conduct_result.
// Existing rows stay empty: the value follows from the re-test scores already stored in subject_year_results by the
// rules of src/domain/grading, so the next run of the year close (which keeps the re-tests) or the next summer entry
// writes it; the audit rows are not read back because they do not name the school year.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table student_results add column learning_after_retest text
      check (learning_after_retest in ('excellent', 'good', 'pass', 'fail'));
  `.execute(db);
}
