import { type Kysely, sql } from 'kysely';

// Two people editing one criterion of a DX self-assessment (the principal and the teacher it is assigned to, or one
// person in two tabs) used to overwrite each other silently: the last save won. Each criterion's claim (answer, note,
// progress) now carries a version, raised by every change of the claim; a save names the version it loaded, and one
// that would overwrite a claim changed since is refused with 409 naming the criterion and its value now. Existing
// rows start at 0, like a criterion nobody has touched.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table assessment_items add column version integer not null default 0`.execute(db);
}
