import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, STORAGES } from '../../../test/databases.ts';
import { buildUnit } from '../../../test/factories.ts';
import type { Database } from '../db/database.ts';
import type { DB } from '../db/schema.ts';
import { INTERRUPTED } from './leases.ts';
import { JobRunner, type JobRunnerOptions } from './runner.ts';

/** A log that keeps its lines, to check what a runner said. */
function capturingLog(): { log: Logger; lines: { msg: string; [key: string]: unknown }[] } {
  const lines: { msg: string }[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { log, lines };
}

/** A handler that waits until the test opens its gate. */
function gated() {
  let open: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  let started = false;
  return {
    open,
    started: () => started,
    handler: async (_ctx: unknown, payload: unknown) => {
      started = true;
      await gate;
      return { done: payload };
    },
  };
}

describe.each(STORAGES)('quyền giữ tác vụ (lease) giữa các tiến trình (%s)', (storage) => {
  let database: Database;
  let db: Kysely<DB>;
  let unitId: string;
  const runners: JobRunner[] = [];

  beforeAll(async () => {
    database = await openTestDatabase(storage);
    db = database.db;
    unitId = (await buildUnit(db)).id;
  });
  afterEach(async () => {
    for (const runner of runners.splice(0)) await runner.stop();
  });
  afterAll(() => database.close());

  function runner(options: JobRunnerOptions = {}, log: Logger = pino({ level: 'silent' })): JobRunner {
    const created = new JobRunner(db, log, 1, options);
    runners.push(created);
    return created;
  }

  async function queue(kind: string, payload: unknown = null): Promise<string> {
    const row = await db
      .insertInto('jobs')
      .values({ unit_id: unitId, kind, payload: JSON.stringify(payload) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  /** A job left running by a runner that is gone, its lease passed `agoSeconds` ago (null: no lease at all). */
  async function abandoned(kind: string, agoSeconds: number | null): Promise<string> {
    const id = await queue(kind);
    await db
      .updateTable('jobs')
      .set({
        status: 'running',
        started_at: new Date(),
        attempts: 1,
        runner_id: 'may-da-tat/4242/00000000-0000-0000-0000-000000000000',
        lease_until:
          agoSeconds === null ? null : sql<Date>`now() - make_interval(secs => ${agoSeconds}::float8)`,
      })
      .where('id', '=', id)
      .execute();
    return id;
  }

  /** As if the runner holding the job had hung: its lease is in the past. */
  const letLeasePass = (id: string) =>
    db
      .updateTable('jobs')
      .set({ lease_until: sql<Date>`now() - interval '1 second'` })
      .where('id', '=', id)
      .execute();

  const jobRow = (id: string) =>
    db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('tiến trình khác khởi động lại không đụng tới tác vụ còn hạn giữ; tác vụ chạy xong với kết quả của nó', async () => {
    const slow = gated();
    // A short lease renewed often: the job outlives several leases, so only the heartbeat keeps it.
    const first = runner({ leaseMs: 600, heartbeatMs: 100 });
    first.register('test.slow', slow.handler);
    const id = await queue('test.slow', 'a');
    first.kick();
    await expect.poll(slow.started).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1500));

    const second = runner({ sweepMs: 100 });
    second.register('test.slow', slow.handler);
    await second.recover();
    expect(await jobRow(id)).toMatchObject({ status: 'running', runner_id: first.id, error: null });

    slow.open();
    await first.idle();
    expect(await jobRow(id)).toMatchObject({
      status: 'succeeded',
      result: { done: 'a' },
      runner_id: first.id,
      lease_until: null,
    });
  });

  it('tác vụ hết hạn giữ bị đánh dấu thất bại với lời nhắn chạy lại; tác vụ khai báo chạy lại được thì vào hàng đợi', async () => {
    const expired = await abandoned('test.import', 5);
    const withoutLease = await abandoned('test.import', null);
    const live = await abandoned('test.import', -60);
    const retryable = await abandoned('test.pdf', 5);

    const restarted = runner();
    restarted.register('test.import', async () => ({ imported: true }));
    restarted.register('test.pdf', async () => ({ pages: 3 }), { retryable: true });
    await restarted.recover();
    await restarted.idle();

    for (const id of [expired, withoutLease]) {
      const row = await jobRow(id);
      expect(row).toMatchObject({ status: 'failed', error: INTERRUPTED, result: null });
      expect(row.finished_at).not.toBeNull();
    }
    expect(await jobRow(live)).toMatchObject({ status: 'running', error: null, finished_at: null });
    expect(await jobRow(retryable)).toMatchObject({
      status: 'succeeded',
      result: { pages: 3 },
      runner_id: restarted.id,
      attempts: 2,
    });
  });

  it('tác vụ chạy lại được chỉ vào hàng đợi đến số lần tối đa, sau đó thất bại', async () => {
    const id = await abandoned('test.pdf', 5);
    await db.updateTable('jobs').set({ attempts: 3 }).where('id', '=', id).execute();
    const restarted = runner({ maxAttempts: 3 });
    restarted.register('test.pdf', async () => ({ pages: 3 }), { retryable: true });
    await restarted.recover();
    await restarted.idle();
    expect(await jobRow(id)).toMatchObject({ status: 'failed', error: INTERRUPTED, attempts: 3 });
  });

  it('tác vụ xong sau khi đã mất quyền giữ không ghi đè trạng thái do tiến trình khác ghi', async () => {
    const slow = gated();
    const { log, lines } = capturingLog();
    // No heartbeat during the test: the lease is made to pass as if this process had hung.
    const stuck = runner({ leaseMs: 60_000, heartbeatMs: 600_000 }, log);
    stuck.register('test.slow', slow.handler);
    const id = await queue('test.slow', 'b');
    stuck.kick();
    await expect.poll(slow.started).toBe(true);
    await letLeasePass(id);

    const other = runner();
    other.register('test.slow', slow.handler);
    await other.recover();
    expect(await jobRow(id)).toMatchObject({ status: 'failed', error: INTERRUPTED });

    slow.open();
    await stuck.idle();
    expect(await jobRow(id)).toMatchObject({ status: 'failed', error: INTERRUPTED, result: null });
    expect(lines).toContainEqual(
      expect.objectContaining({
        jobId: id,
        status: 'succeeded',
        msg: 'job finished after another runner took it over; its final state was not written',
      }),
    );
  });

  it('một tiến trình không tiếp quản tác vụ của chính nó dù nhịp giữ đến muộn', async () => {
    const slow = gated();
    const self = runner({ leaseMs: 60_000, heartbeatMs: 600_000, sweepMs: 50 });
    self.register('test.slow', slow.handler);
    const id = await queue('test.slow', 'c');
    await self.recover();
    await expect.poll(slow.started).toBe(true);
    await letLeasePass(id);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await jobRow(id)).toMatchObject({ status: 'running' });
    slow.open();
    await self.idle();
    expect(await jobRow(id)).toMatchObject({ status: 'succeeded', result: { done: 'c' } });
  });
});
