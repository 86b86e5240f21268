import { type Kysely, sql } from 'kysely';

// A running job belongs to the runner (one per web or CLI process) that claimed it, for as long as that runner
// renews its lease. Before this, every process marked every running job failed at start-up, so restarting one web
// process reported another process's import as "failed, nothing saved" while it went on to succeed.
// - runner_id: the claiming runner (host/pid/uuid), kept after the job ends to tell which process ran it.
// - lease_until: the runner's heartbeat pushes it forward; only a job whose lease has passed is taken over.
// - attempts: claims so far, so a job declared retryable is re-queued a bounded number of times.
// Jobs running when this migration runs have no lease: the next sweep treats them as interrupted, as start-up did.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table jobs
      add column runner_id text,
      add column lease_until timestamptz,
      add column attempts int not null default 0;
  `.execute(db);
}
