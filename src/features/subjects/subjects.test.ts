import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts, buildUser } from '../../../test/factories.ts';

describe.each(STORAGES)('danh mục môn học (%s)', (storage) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    await buildUser(t.db, { unit: u.schoolA, username: 'phhs', roles: [{ role: 'guardian' }] });
  });
  afterAll(() => t.close());

  it('khối 6: Toán đánh giá bằng điểm, Giáo dục thể chất bằng nhận xét (TT22), kèm số tiết một năm', async () => {
    const res = await (await t.as('gv.a')).get('/api/v1/subjects?grade=6');
    expect(res.status).toBe(200);
    const byCode = new Map(res.body.map((s: { code: string }) => [s.code, s]));
    expect(byCode.get('math')).toMatchObject({ name: 'Toán', assessment: 'score', periodsPerYear: 140 });
    expect(byCode.get('physical-education')).toMatchObject({ assessment: 'comment' });
    expect(byCode.has('vietnamese')).toBe(false);
  });

  it('khối tiểu học: không có hình thức TT22, có bài kiểm tra định kỳ (TT27)', async () => {
    const res = await (await t.as('phhs')).get('/api/v1/subjects?grade=4');
    const math = res.body.find((s: { code: string }) => s.code === 'math');
    expect(math).toMatchObject({ assessment: null, periodicTests: { endOfTerm: true, midTerm: true } });
  });

  it('cần đăng nhập; khối ngoài 1–12 bị từ chối', async () => {
    expect((await t.anonymous().get('/api/v1/subjects?grade=6')).status).toBe(401);
    const bad = await (await t.as('gv.a')).get('/api/v1/subjects?grade=13');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.grade).toBeDefined();
  });
});
