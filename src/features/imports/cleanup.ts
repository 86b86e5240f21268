import type { Kysely } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { FILE_PURPOSE, notCommitted } from './queries.ts';

export const CLEANUP_JOB = 'imports.cleanup';
/** A preview is kept this long for its commit or its errors download. */
export const PREVIEW_KEPT_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes the previewed files nobody committed within a day (the row holds the content, so nothing else is left):
 * the uploads with errors, the ones abandoned before "Ghi", and those whose commit job failed (it wrote nothing).
 * Files of a commit that succeeded or is still queued or running are kept. Returns how many were deleted.
 */
export async function deleteStalePreviews(db: Kysely<DB>, now = new Date()): Promise<number> {
  const result = await db
    // scope: a maintenance job over every school's abandoned uploads, not a request of one user.
    .deleteFrom('stored_files')
    .where('purpose', '=', FILE_PURPOSE)
    .where('created_at', '<', new Date(now.getTime() - PREVIEW_KEPT_MS))
    .where(notCommitted)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** The daily job (queued by the runner's schedule, see the manifest). */
export async function runCleanupJob(ctx: ServiceContext) {
  const deleted = await deleteStalePreviews(ctx.db);
  ctx.log.info({ deleted }, 'stale import previews deleted');
  return { deleted };
}
