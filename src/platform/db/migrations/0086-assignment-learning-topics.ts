import { type Kysely, sql } from 'kysely';

// Chuyên đề học tập (THPT, 2018 programme): a class studies learning topics in the subjects it chose, and such a
// subject has one more regular assessment (ĐĐGtx) per term than its periods give (TT22 Điều 6 khoản 2 điểm b counts
// the periods "không bao gồm chuyên đề học tập"). Whether the class × subject has topics is the school's plan, so it
// is stored on the teaching assignment; existing rows have none, which is the rule they were graded by.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table teaching_assignments add column learning_topics boolean not null default false`.execute(
    db,
  );
}
