import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * Who owns a running job. A runner claims a job with its id and a lease (`lease_until`), renews the lease while the
 * handler runs, and writes the final state only while it still owns the job. Another runner takes a job over only
 * when its lease has passed: its owner stopped renewing, so its process is gone or stuck.
 *
 * Times are the database's (`now()`), never a process's clock, so web processes on several hosts agree on expiry.
 */

/** Why a job whose runner vanished is failed. True because every job writes in one transaction: it rolled back. */
export const INTERRUPTED = {
  code: 'interrupted',
  message: 'Tác vụ bị gián đoạn (máy chủ dừng giữa chừng); dữ liệu không thay đổi — hãy chạy lại.',
} as const;

/** Unique per process and readable in the jobs table: which host and process ran a job. */
export function newRunnerId(): string {
  return `${hostname()}/${process.pid}/${randomUUID()}`;
}

const leaseEnd = (leaseMs: number) => sql<Date>`now() + make_interval(secs => ${leaseMs / 1000}::float8)`;

/** A runner's hold on one job. The attempt number fences a stuck runner out of a job re-queued and claimed again. */
export interface Claim {
  jobId: string;
  runnerId: string;
  attempt: number;
}

/** Claims a queued job for this runner; undefined when another runner claimed it first. */
export async function claimJob(
  db: Kysely<DB>,
  jobId: string,
  runnerId: string,
  leaseMs: number,
): Promise<Claim | undefined> {
  const claimed = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      started_at: new Date(),
      runner_id: runnerId,
      lease_until: leaseEnd(leaseMs),
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', jobId)
    .where('status', '=', 'queued')
    .returning('attempts')
    .executeTakeFirst();
  return claimed && { jobId, runnerId, attempt: claimed.attempts };
}

/**
 * Pushes the leases of this runner's running jobs forward, in one small UPDATE (on the embedded database it waits
 * for the single connection, so it must not hold it long). Returns the ids still owned; a missing id was taken over.
 */
export async function renewLeases(
  db: Kysely<DB>,
  runnerId: string,
  jobIds: readonly string[],
  leaseMs: number,
): Promise<Set<string>> {
  if (jobIds.length === 0) return new Set();
  const rows = await db
    .updateTable('jobs')
    .set({ lease_until: leaseEnd(leaseMs) })
    .where('id', 'in', jobIds)
    .where('runner_id', '=', runnerId)
    .where('status', '=', 'running')
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

export interface TakenOverJob {
  id: string;
  kind: string;
  /** The runner that held the lease and stopped renewing it. */
  runner_id: string | null;
}

/** Running, held by another runner (or by none: claimed before leases existed), and the lease has passed. */
const expiredElsewhere = (runnerId: string) => (eb: ExpressionBuilder<DB, 'jobs'>) =>
  eb.and([
    eb('status', '=', 'running'),
    eb.or([eb('runner_id', 'is', null), eb('runner_id', '!=', runnerId)]),
    eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]),
  ]);

/**
 * Takes over the running jobs of other runners whose lease has passed. A kind declared retryable goes back to the
 * queue, at most `maxAttempts` claims in all; any other job is failed with INTERRUPTED, since running it again is
 * the user's decision. A runner never takes over its own jobs: it knows whether their handlers still run (on the
 * embedded database its heartbeat may wait behind the job's own transaction and let the lease pass).
 */
export async function takeOverExpired(
  db: Kysely<DB>,
  runnerId: string,
  options: { retryableKinds: readonly string[]; maxAttempts: number },
): Promise<{ requeued: TakenOverJob[]; failed: TakenOverJob[] }> {
  // runner_id stays: it names the runner that lost the job, and the next claim overwrites it.
  const requeued =
    options.retryableKinds.length === 0
      ? []
      : await db
          .updateTable('jobs')
          .set({ status: 'queued', lease_until: null, progress_done: 0, progress_total: 0, message: null })
          .where(expiredElsewhere(runnerId))
          .where('kind', 'in', options.retryableKinds)
          .where('attempts', '<', options.maxAttempts)
          .returning(['id', 'kind', 'runner_id'])
          .execute();
  const failed = await db
    .updateTable('jobs')
    .set({ status: 'failed', finished_at: new Date(), lease_until: null, error: JSON.stringify(INTERRUPTED) })
    .where(expiredElsewhere(runnerId))
    .returning(['id', 'kind', 'runner_id'])
    .execute();
  return { requeued, failed };
}

/**
 * Writes a job's final state if this claim still holds it. False when another runner took the job over meanwhile:
 * the row keeps what that runner wrote.
 */
export async function finishOwnedJob(
  db: Kysely<DB>,
  claim: Claim,
  status: 'succeeded' | 'failed',
  fields: { result?: string; error?: string },
): Promise<boolean> {
  const written = await db
    .updateTable('jobs')
    .set({ status, finished_at: new Date(), lease_until: null, ...fields })
    .where('id', '=', claim.jobId)
    .where('runner_id', '=', claim.runnerId)
    .where('attempts', '=', claim.attempt)
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(written.numUpdatedRows) > 0;
}
