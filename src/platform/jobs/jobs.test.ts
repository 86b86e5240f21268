import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildUser } from '../../../test/factories.ts';
import { type ProvinceTest, startProvinceTest } from '../../../test/province-app.ts';
import { loadAssignments } from '../auth/sessions.ts';
import type { ServiceContext } from '../context.ts';
import { JobRunner } from './runner.ts';

describe.each(STORAGES)('tác vụ nền (%s)', (storage) => {
  let t: TestApp;
  let u: ProvinceTest['u'];
  let as: ProvinceTest['as'];
  let release: () => void = () => {};

  beforeAll(async () => {
    ({ t, u, as } = await startProvinceTest(storage));
    await buildUser(t.db, { unit: u.schoolA, username: 'ht.a', roles: [{ role: 'principal' }] });
    // Holds a transaction open (on PGlite: the only connection) until the test releases it.
    t.jobs.register('test.hold', async (ctx, _payload, progress) =>
      ctx.db.transaction().execute(async (trx) => {
        await trx.selectFrom('units').select('id').limit(1).execute();
        await progress.report(1, 3, 'Đang làm bước 1');
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        return { held: true };
      }),
    );
  });
  afterAll(() => t.close());

  async function principalContext(): Promise<ServiceContext> {
    const user = await t.db
      .selectFrom('users')
      .select(['id', 'username', 'full_name'])
      .where('username', '=', 'ht.a')
      .executeTakeFirstOrThrow();
    return {
      db: t.db,
      log: pino({ level: 'silent' }),
      actor: {
        userId: user.id,
        username: user.username,
        fullName: user.full_name,
        mustChangePassword: false,
        assignments: await loadAssignments(t.db, user.id),
      },
    };
  }

  it('người tạo xem được tiến độ khi tác vụ đang giữ cơ sở dữ liệu, rồi thấy kết quả khi xong', async () => {
    const principal = await as('ht.a');
    expect((await principal.get('/api/v1/auth/me')).status).toBe(200);
    const ctx = await principalContext();
    const jobId = await t.jobs.enqueue(ctx, { unitId: u.schoolA.id, kind: 'test.hold', payload: null });
    await expect.poll(() => t.jobs.liveJob(jobId)?.done).toBe(1);

    const running = await principal.get(`/api/v1/jobs/${jobId}`);
    expect(running.status).toBe(200);
    expect(running.body).toMatchObject({ status: 'running', progressDone: 1, progressTotal: 3 });

    release();
    await t.jobs.idle();
    const done = await principal.get(`/api/v1/jobs/${jobId}`);
    expect(done.body).toMatchObject({ status: 'succeeded', result: { held: true } });
  });

  it('trên PostgreSQL nhiều tác vụ chạy cùng lúc, mỗi tác vụ đúng một lần', async () => {
    if (storage !== 'postgres') return; // the embedded database has one connection: one job at a time
    const runner = new JobRunner(t.db, pino({ level: 'silent' }), 3);
    const started: string[] = [];
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    runner.register('test.wait', async (_ctx, payload) => {
      started.push(String(payload));
      await gate;
      return payload;
    });
    const ctx = await principalContext();
    const ids = [];
    for (const n of ['1', '2', '3', '4']) {
      ids.push(await runner.enqueue(ctx, { unitId: u.schoolA.id, kind: 'test.wait', payload: n }));
    }
    // Three workers: three jobs wait at the gate together, the fourth is still queued.
    await expect.poll(() => started.length).toBe(3);
    open();
    await runner.idle();
    expect([...started].sort()).toEqual(['1', '2', '3', '4']);
    const jobs = await t.db.selectFrom('jobs').select(['status']).where('id', 'in', ids).execute();
    expect(jobs.map((j) => j.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
  });
});
