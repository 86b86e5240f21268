import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts, buildUser } from '../../../test/factories.ts';
import { publishEvents } from './publish.ts';

describe.each(STORAGES)('chuông thông báo (%s)', (storage) => {
  let t: TestApp;
  let userId: string;
  let unitId: string;

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    unitId = u.schoolA.id;
    userId = (await buildUser(t.db, { unit: u.schoolA, username: 'gv.chuong', roles: [{ role: 'teacher' }] }))
      .id;
  });
  afterAll(() => t.close());

  it('the unread count falls as notifications are opened and clears with read-all', async () => {
    await publishEvents(t.db, [
      { unitId, kind: 'job_finished', dedupeKey: 'j1', title: 'Nhập học sinh xong', userIds: [userId] },
      { unitId, kind: 'job_finished', dedupeKey: 'j2', title: 'Khoá sổ xong', userIds: [userId] },
      { unitId, kind: 'job_finished', dedupeKey: 'j3', title: 'In học bạ xong', userIds: [userId] },
    ]);
    const me = await t.as('gv.chuong');
    const list = await me.get('/api/v1/notifications');
    expect(list.body.unread).toBe(3);
    const read = await me.post(`/api/v1/notifications/${list.body.items[0].id}/read`, {});
    expect(read.status).toBe(204);
    expect((await me.get('/api/v1/notifications')).body.unread).toBe(2);
    expect((await me.post('/api/v1/notifications/read-all', {})).status).toBe(204);
    expect((await me.get('/api/v1/notifications')).body.unread).toBe(0);
  });

  it('the user who queued a job is told when it ends', async () => {
    t.jobs.register('test.notify', async () => ({ ok: true }));
    const actor = {
      userId,
      username: 'gv.chuong',
      fullName: 'GV',
      mustChangePassword: false,
      assignments: [],
    };
    await t.jobs.enqueue({ db: t.db, actor, log: console }, { unitId, kind: 'test.notify', payload: {} });
    await t.jobs.idle();
    const me = await t.as('gv.chuong');
    const list = await me.get('/api/v1/notifications');
    expect(list.body.items[0]).toMatchObject({
      kind: 'job_finished',
      title: 'Tác vụ đã hoàn thành: test.notify',
    });
  });
});
