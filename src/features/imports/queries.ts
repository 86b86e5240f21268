import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';

/** `stored_files.purpose` of the uploads kept by a preview. */
export const FILE_PURPOSE = 'import';

/**
 * A previewed file not committed: no job has claimed it, or the job that did failed (its transaction wrote nothing).
 * The commit claims such a file; the daily clean-up deletes it once it is old.
 */
export const notCommitted = (eb: ExpressionBuilder<DB, 'stored_files'>) =>
  eb.or([
    eb('stored_files.committed_job_id', 'is', null),
    eb.exists(
      eb
        // scope: the job the file itself names (the file's query is scoped by its caller).
        .selectFrom('jobs')
        .select('jobs.id')
        .whereRef('jobs.id', '=', 'stored_files.committed_job_id')
        .where('jobs.status', '=', 'failed'),
    ),
  ]);
