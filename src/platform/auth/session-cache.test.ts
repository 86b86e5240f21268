import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildEnrolment,
  buildSchoolAccounts,
  buildStudent,
  buildUser,
  TEST_PASSWORD,
} from '../../../test/factories.ts';
import { resetSessionCache, SESSION_CACHE_MS } from './sessions.ts';

// The session cache (sessions.ts) saves the database read of each request for SESSION_CACHE_MS. Each change to who
// a user is or may do must still take effect on the very next request in this process; only a change written by
// another process (here: straight into the database) waits for the entry to age out.

describe.each(STORAGES)('bộ nhớ đệm phiên làm việc (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let n = 0;

  beforeAll(async () => {
    // The other storage's run in this process forgot every session (a unit rename): start clean, as a new process.
    resetSessionCache();
    t = await startTestApp(storage, { sessionCacheMs: SESSION_CACHE_MS });
    u = await buildSchoolAccounts(t.db);
    await buildUser(t.db, { unit: u.province, username: 'so.admin', roles: [{ role: 'office_admin' }] });
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  /** A fresh teacher of school A (each test its own, so the cache of one test cannot help another). */
  async function teacher() {
    n += 1;
    return buildUser(t.db, { unit: u.schoolA, username: `gv.cache${n}`, roles: [{ role: 'teacher' }] });
  }

  /** Logs in and returns the raw cookie header, so the same session can be replayed after a logout. */
  async function login(username: string, password = TEST_PASSWORD): Promise<string> {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { login: username, password },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  }
  const csrfOf = (cookie: string) => /ts_csrf=([^;]+)/.exec(cookie)?.[1] ?? '';
  const me = async (cookie: string) => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie } });
    return { status: res.statusCode, body: res.json() };
  };
  const post = (cookie: string, url: string, payload: Record<string, unknown> = {}) =>
    t.app.inject({ method: 'POST', url, payload, headers: { cookie, 'x-csrf-token': csrfOf(cookie) } });
  const roles = (body: { assignments: { role: string }[] }) => body.assignments.map((a) => a.role).sort();

  it('dùng lại phiên đã kiểm tra: thay đổi ghi thẳng vào CSDL (tiến trình khác) có hiệu lực sau tối đa 30 giây', async () => {
    const user = await teacher();
    const cookie = await login(user.username);
    expect(roles((await me(cookie)).body)).toEqual(['teacher']);
    // Another process grants a role: this one does not know until its entry ages out.
    await t.db
      .insertInto('role_assignments')
      .values({ user_id: user.id, role: 'vice_principal', unit_id: u.schoolA.id })
      .execute();
    expect(roles((await me(cookie)).body)).toEqual(['teacher']);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + SESSION_CACHE_MS + 1000 });
    expect(roles((await me(cookie)).body)).toEqual(['teacher', 'vice_principal']);
  });

  it('đăng xuất: phiên cũ bị từ chối ngay ở yêu cầu kế tiếp', async () => {
    const cookie = await login((await teacher()).username);
    expect((await me(cookie)).status).toBe(200);
    expect((await post(cookie, '/api/v1/auth/logout')).statusCode).toBe(204);
    expect((await me(cookie)).status).toBe(401);
  });

  it('đổi mật khẩu: các phiên khác bị đăng xuất ngay; phiên đang đổi vẫn dùng được', async () => {
    const user = await teacher();
    const other = await login(user.username);
    const current = await login(user.username);
    expect((await me(other)).status).toBe(200);
    expect((await me(current)).status).toBe(200);
    const res = await post(current, '/api/v1/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Mot-mat-khau-moi-rat-dai-2026',
    });
    expect(res.statusCode, res.body).toBe(204);
    expect((await me(other)).status).toBe(401);
    expect((await me(current)).status).toBe(200);
  });

  it('quản trị đặt lại mật khẩu: mọi phiên của tài khoản bị đăng xuất ngay', async () => {
    const user = await teacher();
    const cookie = await login(user.username);
    expect((await me(cookie)).status).toBe(200);
    const principal = await login('ht.a');
    expect((await post(principal, `/api/v1/users/${user.id}/reset-password`)).statusCode).toBe(200);
    expect((await me(cookie)).status).toBe(401);
  });

  it('vô hiệu hoá tài khoản: phiên bị từ chối ngay', async () => {
    const user = await teacher();
    const cookie = await login(user.username);
    expect((await me(cookie)).status).toBe(200);
    const principal = await login('ht.a');
    expect((await post(principal, `/api/v1/users/${user.id}/deactivate`)).statusCode).toBe(200);
    expect((await me(cookie)).status).toBe(401);
  });

  it('cấp và thu hồi vai trò: có hiệu lực ngay ở yêu cầu kế tiếp', async () => {
    const user = await teacher();
    const cookie = await login(user.username);
    expect(roles((await me(cookie)).body)).toEqual(['teacher']);
    const principal = await login('ht.a');
    const granted = await post(principal, `/api/v1/users/${user.id}/roles`, {
      role: 'vice_principal',
      unitId: u.schoolA.id,
    });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(roles((await me(cookie)).body)).toEqual(['teacher', 'vice_principal']);
    const assignment = granted.json().roles.find((r: { role: string }) => r.role === 'vice_principal');
    const revoked = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/users/${user.id}/roles/${assignment.id}`,
      headers: { cookie: principal, 'x-csrf-token': csrfOf(principal) },
    });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(roles((await me(cookie)).body)).toEqual(['teacher']);
  });

  it('xoá dữ liệu cá nhân của học sinh: tài khoản của em bị đăng xuất ngay', async () => {
    const self = await buildUser(t.db, { unit: u.schoolA, username: 'hs.xoa', roles: [{ role: 'student' }] });
    const student = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Phạm Văn Xoá', user: self });
    await buildEnrolment(t.db, {
      student,
      cls: await buildClass(t.db, { unit: u.schoolA, name: '6X', grade: 6 }),
    });
    const cookie = await login('hs.xoa');
    expect((await me(cookie)).status).toBe(200);
    const principal = await login('ht.a');
    const res = await post(principal, `/api/v1/students/${student.id}/erase`, {
      reason: 'Cha mẹ học sinh yêu cầu xoá theo Luật 91/2025/QH15',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(cookie)).status).toBe(401);
  });

  it('phiên hết hạn: không bao giờ được phục vụ từ bộ nhớ đệm', async () => {
    const user = await teacher();
    const cookie = await login(user.username);
    // Past the entry cached at login; the session now ends in 5 s (seen just now, so the read does not slide it).
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + SESSION_CACHE_MS + 1000 });
    await t.db
      .updateTable('sessions')
      .set({ expires_at: new Date(Date.now() + 5000), last_seen_at: new Date() })
      .where('user_id', '=', user.id)
      .execute();
    expect((await me(cookie)).status).toBe(200);
    // 10 s later, well inside the cache's 30 s: expired all the same.
    vi.setSystemTime(Date.now() + 10_000);
    expect((await me(cookie)).status).toBe(401);
  });

  // Last: a unit change stops all caching for a minute (sessions.ts, FORGET_WINDOW_MS).
  it('đổi tên đơn vị: tên mới hiện ngay trong phiên của người có vai trò ở đó', async () => {
    const cookie = await login((await teacher()).username);
    expect((await me(cookie)).body.assignments[0].unitName).not.toBe('Trường THCS Đổi Tên');
    const admin = await login('so.admin');
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/units/${u.schoolA.id}`,
      payload: { name: 'Trường THCS Đổi Tên' },
      headers: { cookie: admin, 'x-csrf-token': csrfOf(admin) },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await me(cookie)).body.assignments[0].unitName).toBe('Trường THCS Đổi Tên');
  });
});
