import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildProvince, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';

describe.each(STORAGES)('đăng nhập và phiên làm việc (%s)', (storage) => {
  let t: TestApp;
  let units: Awaited<ReturnType<typeof buildProvince>>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    units = await buildProvince(t.db);
    await buildUser(t.db, {
      unit: units.schoolA,
      username: 'hieutruong.a',
      email: 'ht.a@truong.edu.vn',
      phone: '0912345678',
      roles: [{ role: 'principal' }],
    });
    await buildUser(t.db, { unit: units.schoolA, username: 'khoa.sai', roles: [{ role: 'teacher' }] });
  });
  afterAll(() => t.close());

  it('đăng nhập bằng tên đăng nhập, e-mail hoặc số điện thoại', async () => {
    for (const login of ['hieutruong.a', 'HT.A@truong.edu.vn', '0912345678']) {
      const res = await t.anonymous().post('/api/v1/auth/login', { login, password: TEST_PASSWORD });
      expect(res.status, login).toBe(200);
      expect(res.body.user.username).toBe('hieutruong.a');
      expect(res.body.assignments).toEqual([
        expect.objectContaining({ role: 'principal', unitId: units.schoolA.id }),
      ]);
    }
  });

  it('cookie phiên là httpOnly, SameSite; cookie CSRF đọc được', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: 'hieutruong.a', password: TEST_PASSWORD },
    });
    const session = res.cookies.find((c) => c.name === 'ts_session');
    const csrf = res.cookies.find((c) => c.name === 'ts_csrf');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(csrf?.httpOnly).not.toBe(true);
  });

  it('sai mật khẩu: thông báo tiếng Việt, không lộ tài khoản nào tồn tại', async () => {
    const wrong = await t
      .anonymous()
      .post('/api/v1/auth/login', { login: 'hieutruong.a', password: 'sai-mat-khau' });
    const unknown = await t
      .anonymous()
      .post('/api/v1/auth/login', { login: 'khong.co', password: 'sai-mat-khau' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(wrong.body.error.message).toContain('không đúng');
  });

  it('khoá tạm thời sau 5 lần sai liên tiếp, kể cả khi sau đó nhập đúng', async () => {
    for (let i = 0; i < 5; i++) {
      await t.anonymous().post('/api/v1/auth/login', { login: 'khoa.sai', password: 'sai' });
    }
    const res = await t
      .anonymous()
      .post('/api/v1/auth/login', { login: 'khoa.sai', password: TEST_PASSWORD });
    expect(res.status).toBe(429);
    expect(res.body.error.message).toContain('tạm khoá');
  });

  it('chưa đăng nhập thì không xem được dữ liệu', async () => {
    const res = await t.anonymous().get('/api/v1/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('yêu cầu thay đổi dữ liệu thiếu mã CSRF bị từ chối', async () => {
    const client = await t.as('hieutruong.a');
    const me = await client.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    const cookie = `ts_session=${(client as unknown as { cookies: Map<string, string> }).cookies.get('ts_session')}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password',
      headers: { cookie, 'content-type': 'application/json' },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'mat-khau-moi-1' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
  });

  it('đổi mật khẩu: kiểm tra mật khẩu cũ, độ dài, rồi đăng nhập bằng mật khẩu mới', async () => {
    await buildUser(t.db, { unit: units.schoolA, username: 'doi.mk', roles: [{ role: 'teacher' }] });
    const client = await t.as('doi.mk');
    const short = await client.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ngan',
    });
    expect(short.status).toBe(400);
    expect(short.body.error.fields.newPassword).toBeDefined();
    const wrong = await client.post('/api/v1/auth/password', {
      currentPassword: 'x',
      newPassword: 'mat-khau-moi-1',
    });
    expect(wrong.body.error.fields.currentPassword).toBeDefined();
    const ok = await client.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'mat-khau-moi-1',
    });
    expect(ok.status).toBe(204);
    const again = await t
      .anonymous()
      .post('/api/v1/auth/login', { login: 'doi.mk', password: 'mat-khau-moi-1' });
    expect(again.status).toBe(200);
  });

  it('đăng xuất kết thúc phiên', async () => {
    const client = await t.as('hieutruong.a');
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await client.get('/api/v1/auth/me')).status).toBe(401);
  });
});
