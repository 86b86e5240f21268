import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildProvince, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { parseTrustProxy, type TrustProxy } from '../config.ts';
import { MAX_FAILED_LOGINS } from './service.ts';

type Units = Awaited<ReturnType<typeof buildProvince>>;

describe.each(STORAGES)('đăng nhập: khoá tài khoản, đổi mật khẩu, mật khẩu tạm (%s)', (storage) => {
  let t: TestApp;
  let units: Units;

  beforeAll(async () => {
    t = await startTestApp(storage);
    units = await buildProvince(t.db);
  });
  afterAll(() => t.close());

  const login = (login: string, password: string) =>
    t.anonymous().post('/api/v1/auth/login', { login, password });

  it(`30 lần sai cùng lúc: chỉ ${MAX_FAILED_LOGINS - 1} lần được thử mật khẩu, tài khoản bị khoá, mật khẩu đúng cũng bị từ chối`, async () => {
    await buildUser(t.db, { unit: units.schoolA, username: 'doan.mo', roles: [{ role: 'teacher' }] });
    const answers = await Promise.all(Array.from({ length: 30 }, () => login('doan.mo', 'doan-bua-1234')));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(MAX_FAILED_LOGINS - 1);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
    const user = await t.db
      .selectFrom('users')
      .select('locked_until')
      .where('username', '=', 'doan.mo')
      .executeTakeFirstOrThrow();
    expect(user.locked_until?.getTime()).toBeGreaterThan(Date.now());
    const right = await login('doan.mo', TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error.message).toContain('tạm khoá');
  });

  it('đổi mật khẩu kết thúc các phiên khác của người dùng, giữ phiên đang dùng', async () => {
    await buildUser(t.db, { unit: units.schoolA, username: 'hai.may', roles: [{ role: 'teacher' }] });
    const laptop = await t.as('hai.may');
    const phone = await t.as('hai.may');
    const res = await laptop.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'hoa-sen-tim-2025',
    });
    expect(res.status).toBe(204);
    expect((await laptop.get('/api/v1/auth/me')).status).toBe(200);
    expect((await phone.get('/api/v1/auth/me')).status).toBe(401);
  });

  it('nhập sai mật khẩu hiện tại khi đổi mật khẩu cũng tính vào số lần sai và dẫn tới khoá', async () => {
    await buildUser(t.db, { unit: units.schoolA, username: 'phien.cap', roles: [{ role: 'teacher' }] });
    const stolen = await t.as('phien.cap');
    const tries = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) {
      tries.push(
        (await stolen.post('/api/v1/auth/password', { currentPassword: `doan-${i}`, newPassword: 'x' }))
          .status,
      );
    }
    expect(tries.slice(0, -1).every((s) => s === 400)).toBe(true);
    expect(tries.at(-1)).toBe(429);
    expect((await login('phien.cap', TEST_PASSWORD)).status).toBe(429);
  });

  it('mật khẩu phải khó đoán: không phổ biến, không dựa trên tên trường, tên đăng nhập hay mật khẩu mẫu', async () => {
    await buildUser(t.db, {
      unit: units.schoolA,
      username: 'chinh.sach',
      fullName: 'Phạm Minh Chính',
      roles: [{ role: 'teacher' }],
    });
    const client = await t.as('chinh.sach');
    for (const weak of [
      'truongso-demo',
      'password123',
      'TruongTHCSA2025',
      'phamminhchinh',
      'chinh.sach123',
    ]) {
      const res = await client.post('/api/v1/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: weak,
      });
      expect(res.status, weak).toBe(400);
      expect(res.body.error.fields.newPassword, weak).toMatch(/Mật khẩu/);
    }
    const ok = await client.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ba-con-meo-xanh-la',
    });
    expect(ok.status).toBe(204);
  });

  it('mật khẩu tạm: máy chủ chỉ cho xem mình, đổi mật khẩu và đăng xuất (password_change_required)', async () => {
    const user = await buildUser(t.db, {
      unit: units.schoolA,
      username: 'mk.tam',
      roles: [{ role: 'principal' }],
    });
    await t.db.updateTable('users').set({ must_change_password: true }).where('id', '=', user.id).execute();
    const client = await t.as('mk.tam');
    const refused = await client.get(`/api/v1/units/${units.schoolA.id}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('password_change_required');
    expect(refused.body.error.message).toContain('đổi mật khẩu');
    const me = await client.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.mustChangePassword).toBe(true);
    const changed = await client.post('/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'ba-con-meo-xanh-la',
    });
    expect(changed.status).toBe(204);
    expect((await client.get(`/api/v1/units/${units.schoolA.id}`)).status).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
  });

  it('mọi phản hồi có tiêu đề bảo mật (CSP không cho script nội tuyến, chống nhúng khung)', async () => {
    for (const url of ['/api/v1/auth/me', '/api/v1/khong-co', '/api/docs/', '/api/docs/json']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy'], url).toContain("script-src 'self'");
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy'], url).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toBe('same-origin');
    }
    // The Swagger UI page loads its scripts from files only, so the same policy lets it render.
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).not.toMatch(/<script>(?!\s*<\/script>)/);
  });
});

describe.each(STORAGES)('IP của người dùng và proxy tin cậy (%s)', (storage) => {
  /**
   * Logs in once through a "proxy" claiming client 203.0.113.9 over HTTPS, then guesses three times claiming three
   * other clients, with the login limit at 3 per IP. Returns what the server recorded and answered.
   */
  const throughProxy = async (trustProxy?: TrustProxy) => {
    const t = await startTestApp(storage, { loginRateLimit: 3, trustProxy });
    try {
      const units = await buildProvince(t.db);
      const user = await buildUser(t.db, { unit: units.schoolA, username: 'ip.test' });
      const loginFrom = (forwardedFor: string, password: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'x-forwarded-for': forwardedFor, 'x-forwarded-proto': 'https' },
          payload: { login: 'ip.test', password },
        });
      const first = await loginFrom('203.0.113.9', TEST_PASSWORD);
      const sessions = await t.db
        .selectFrom('sessions')
        .select('ip')
        .where('user_id', '=', user.id)
        .execute();
      const guesses = [];
      for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
        guesses.push((await loginFrom(ip, 'sai-mat-khau')).statusCode);
      }
      return {
        status: first.statusCode,
        sessionIps: sessions.map((s) => s.ip),
        secureCookie: first.cookies.find((c) => c.name === 'ts_session')?.secure === true,
        guesses,
      };
    } finally {
      await t.close();
    }
  };

  it('mặc định X-Forwarded-For giả không đổi IP ghi nhận, không thoát giới hạn đăng nhập theo IP', async () => {
    expect(await throughProxy()).toEqual({
      status: 200,
      sessionIps: ['127.0.0.1'],
      // Not Secure: X-Forwarded-Proto from an untrusted peer does not make the request HTTPS.
      secureCookie: false,
      guesses: [401, 401, 429],
    });
  });

  it('TRUONGSO_TRUST_PROXY=1: IP và giao thức do proxy báo được dùng; cookie Secure qua HTTPS', async () => {
    expect(await throughProxy(parseTrustProxy('1'))).toEqual({
      status: 200,
      sessionIps: ['203.0.113.9'],
      secureCookie: true,
      guesses: [401, 401, 401],
    });
  });
});

describe('TRUONGSO_TRUST_PROXY', () => {
  it('mặc định không tin proxy nào; nhận số proxy hoặc danh sách địa chỉ/CIDR', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('127.0.0.1, 10.0.0.0/8,::1,fd00::/8')).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'fd00::/8',
    ]);
  });

  it('giá trị sai dừng khởi động với thông báo rõ', () => {
    for (const bad of ['true', 'yes', '10.0.0.0/33', '10.0.0', '1.2.3.4,', '-1']) {
      expect(() => parseTrustProxy(bad), bad).toThrow(/TRUONGSO_TRUST_PROXY=.* không hợp lệ/);
    }
  });
});
