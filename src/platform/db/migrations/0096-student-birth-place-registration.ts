import { type Kysely, sql } from 'kysely';

// The học bạ's identity page (TT22 appendix; issue 12 §2) prints nơi sinh, số đăng bộ and the parents' occupation,
// which the school enters and we did not hold: the student's place of birth and the number in the school's
// registration book (sổ đăng bộ), and each guardian's occupation (nghề nghiệp).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table students add column birth_place text`.execute(db);
  await sql`alter table students add column registration_number text`.execute(db);
  await sql`alter table student_guardians add column occupation text`.execute(db);
}
