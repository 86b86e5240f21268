import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildUser } from '../../../test/factories.ts';
import { type ProvinceTest, startProvinceTest } from '../../../test/province-app.ts';
import { loadAssignments } from '../auth/sessions.ts';
import type { ServiceContext } from '../context.ts';

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

  it('người tạo xem được tiến độ khi tác vụ đang giữ cơ sở dữ liệu, rồi thấy kết quả khi xong', async () => {
    const principal = await as('ht.a');
    expect((await principal.get('/api/v1/auth/me')).status).toBe(200);
    const user = await t.db
      .selectFrom('users')
      .select(['id', 'username', 'full_name'])
      .where('username', '=', 'ht.a')
      .executeTakeFirstOrThrow();
    const ctx: ServiceContext = {
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
});
