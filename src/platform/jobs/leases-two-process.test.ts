import type { Kysely } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildProcess } from '../../../test/child-process.ts';
import { openScratchPostgres } from '../../../test/databases.ts';
import { buildUnit } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import { migrateToLatest } from '../db/migrator.ts';
import type { DB } from '../db/schema.ts';
import { INTERRUPTED } from './leases.ts';
import { JobRunner } from './runner.ts';

// A short lease so an abandoned job is taken over within seconds; the heartbeat renews it five times a lease.
const LEASE_MS = 3000;
const HEARTBEAT_MS = 600;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Another web process with its own runner (test/job-runner-child.ts), running the queued 'test.two-step' job. */
function startOtherProcess(databaseUrl: string) {
  const { child, events, exited, log } = startChildProcess<{ event: string; runnerId?: string }>(
    'test/job-runner-child.ts',
    { DATABASE_URL: databaseUrl, LEASE_MS: String(LEASE_MS), HEARTBEAT_MS: String(HEARTBEAT_MS) },
  );
  return {
    child,
    exited,
    log,
    /** The child's runner id, once its job has done step 1 and waits (its transaction open). */
    inTheMiddle: async () => {
      await expect
        .poll(() => events.find((e) => e.event === 'step-1'), { timeout: 60_000, interval: 100 })
        .toBeDefined();
      return events.find((e) => e.event === 'step-1')?.runnerId as string;
    },
  };
}

describe.runIf(process.env.DATABASE_URL)('hai tiến trình web trên cùng PostgreSQL', () => {
  let database: Database & { url: string };
  let db: Kysely<DB>;
  let unitId: string;

  beforeAll(async () => {
    database = await openScratchPostgres();
    await migrateToLatest(database.db as never);
    db = database.db;
    unitId = (await buildUnit(db)).id;
  });
  afterAll(() => database.close());

  async function queueTwoStep(label: string): Promise<string> {
    const row = await db
      .insertInto('jobs')
      .values({ unit_id: unitId, kind: 'test.two-step', payload: JSON.stringify(label) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** The rows the job wrote, as seen from outside its transaction. */
  const stepsWritten = async (label: string) =>
    (
      await db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'test.two-step')
        .where('entity_id', '=', label)
        .orderBy('action')
        .execute()
    ).map((r) => r.action);

  const jobRow = (id: string) =>
    db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  /** This test process restarting: a new runner whose start-up and sweeps look for jobs to take over. */
  async function restartHere(): Promise<JobRunner> {
    const runner = new JobRunner(db, pino({ level: 'silent' }), 1, { sweepMs: 200 });
    runner.register('test.two-step', async () => {
      throw new Error('the job belongs to the other process; this runner must not run it');
    });
    await runner.recover();
    return runner;
  }

  it('khởi động lại một tiến trình không làm hỏng tác vụ tiến trình kia đang chạy; tác vụ xong với kết quả của nó', async () => {
    const id = await queueTwoStep('restart');
    const other = startOtherProcess(database.url);
    const otherRunner = await other.inTheMiddle();

    const restarted = await restartHere();
    // Past two leases: only the other process's heartbeat keeps the job its own.
    await sleep(2 * LEASE_MS);
    expect(await jobRow(id)).toMatchObject({ status: 'running', runner_id: otherRunner, error: null });

    other.child.stdin.write('finish\n');
    expect(await other.exited, other.log()).toBe(0);
    await restarted.stop();
    expect(await jobRow(id)).toMatchObject({
      status: 'succeeded',
      result: { steps: 2 },
      error: null,
      runner_id: otherRunner,
    });
    expect(await stepsWritten('restart')).toEqual(['step-1', 'step-2']);
  });

  it('tiến trình bị kill -9 giữa chừng: khi hết hạn giữ, tác vụ thất bại với lời nhắn chạy lại và không có gì ghi dở', async () => {
    const id = await queueTwoStep('killed');
    const other = startOtherProcess(database.url);
    const otherRunner = await other.inTheMiddle();
    const restarted = await restartHere();

    other.child.kill('SIGKILL');
    expect(await other.exited).toBe('SIGKILL');
    // The dead process's lease has not passed yet: the job is not failed the moment the process is gone.
    expect(await jobRow(id)).toMatchObject({ status: 'running', runner_id: otherRunner });

    await expect
      .poll(async () => (await jobRow(id)).status, { timeout: 30_000, interval: 200 })
      .toBe('failed');
    await restarted.stop();
    const row = await jobRow(id);
    expect(row).toMatchObject({ error: INTERRUPTED, result: null, runner_id: otherRunner });
    expect(row.finished_at).not.toBeNull();
    // Step 1 was written inside the job's transaction, which PostgreSQL rolled back when the connection died.
    expect(await stepsWritten('killed')).toEqual([]);
  });
});
