import { type Kysely, sql } from 'kysely';

// A previewed import file is committed at most once. The same fileId committed twice (a double click, a retry after
// a slow answer) used to create every student twice. The commit now claims the file for its job by setting
// committed_job_id in the transaction that queues the job, with a conditional update: the column holds one job, so a
// second commit finds it taken and answers "already done" with the first job. A failed job wrote nothing and may be
// replaced by a new one. Unique because one job imports one file.
//
// The partial index serves the daily clean-up of previews nobody committed (files older than a day, no job).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table stored_files add column committed_job_id uuid unique references jobs(id);
    alter table stored_files add constraint stored_files_committed_import_check
      check (committed_job_id is null or purpose = 'import');
    create index stored_files_uncommitted_idx on stored_files (created_at)
      where purpose = 'import' and committed_job_id is null;
  `.execute(db);
}
