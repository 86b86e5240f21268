import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildGuardian, buildSchoolAccounts, buildStudent, buildUser } from '../../../test/factories.ts';
import type { Row } from '../../platform/db/schema.ts';

describe.each(STORAGES)('tài khoản phụ huynh (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let an: Row<'students'>;
  let binh: Row<'students'>;
  let other: Row<'students'>;
  let mother: Row<'student_guardians'>;
  let motherAgain: Row<'student_guardians'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    principal = await t.as('ht.a');
    an = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Nguyễn Văn An' });
    binh = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Nguyễn Thị Bình', gender: 'female' });
    other = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Lê Văn Cường' });
    mother = await buildGuardian(t.db, { student: an, fullName: 'Trần Thị Hoa', phone: '0912345678' });
    // The same mother, recorded again on her second child's file.
    motherAgain = await buildGuardian(t.db, { student: binh, fullName: 'Trần Thị Hoa', phone: '0912345678' });
    await buildGuardian(t.db, { student: other, fullName: 'Lê Văn Dũng', phone: '0900000001' });
  });
  afterAll(() => t.close());

  const loginAs = async (login: string, password: string) => {
    const client = new TestClient(t.app);
    const res = await client.post('/api/v1/auth/login', { login, password });
    return { client, res };
  };

  it('tạo tài khoản từ hồ sơ phụ huynh: tên đăng nhập là số điện thoại, mật khẩu hiện một lần, phải đổi khi đăng nhập', async () => {
    const res = await principal.post(`/api/v1/guardians/${mother.id}/account`, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: '0912345678', linkedExisting: false });
    expect(res.body.initialPassword).toMatch(/^[A-Za-z2-9]{10}$/);
    const { client, res: login } = await loginAs('0912345678', res.body.initialPassword);
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    expect(login.body.assignments).toMatchObject([{ role: 'guardian', unitId: u.schoolA.id }]);
    // The server holds the guardian to the temporary password's change before showing anything.
    expect((await client.get('/api/v1/students/mine')).body.error.code).toBe('password_change_required');
    const changed = await client.post('/api/v1/auth/password', {
      currentPassword: res.body.initialPassword,
      newPassword: 'ba-con-meo-xanh-la',
    });
    expect(changed.status).toBe(204);
    const mine = await client.get('/api/v1/students/mine');
    expect(mine.body.map((s: { fullName: string }) => s.fullName)).toEqual(['Nguyễn Văn An']);
    expect((await client.get(`/api/v1/students/${an.id}`)).status).toBe(200);
    expect((await client.get(`/api/v1/students/${other.id}`)).status).toBe(403);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', mother.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create_account']);
    expect(JSON.stringify(audit)).not.toContain(res.body.initialPassword);
  });

  it('phụ huynh có con thứ hai: liên kết vào tài khoản đã có, không tạo mật khẩu mới', async () => {
    const res = await principal.post(`/api/v1/guardians/${motherAgain.id}/account`, {});
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: '0912345678', linkedExisting: true, initialPassword: null });
    const created = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', '0912345678')
      .execute();
    expect(created).toHaveLength(1);
  });

  it('đã có tài khoản thì báo đã làm; không có số điện thoại thì cần tên đăng nhập; tên đã dùng thì từ chối', async () => {
    expect((await principal.post(`/api/v1/guardians/${mother.id}/account`, {})).status).toBe(409);
    const noPhone = await buildGuardian(t.db, { student: other, fullName: 'Lê Thị Em', phone: null });
    const missing = await principal.post(`/api/v1/guardians/${noPhone.id}/account`, {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields.username).toBeDefined();
    const taken = await principal.post(`/api/v1/guardians/${noPhone.id}/account`, { username: 'gv.a' });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields.username).toContain('gv.a');
    const ok = await principal.post(`/api/v1/guardians/${noPhone.id}/account`, { username: 'le.thi.em' });
    expect(ok.status).toBe(201);
  });

  it('giáo viên, hiệu trưởng trường khác, phụ huynh không tạo được tài khoản', async () => {
    const target = await buildGuardian(t.db, {
      student: other,
      fullName: 'Lê Văn Phúc',
      phone: '0900000002',
    });
    await buildUser(t.db, { unit: u.schoolA, username: 'phhs.x', roles: [{ role: 'guardian' }] });
    for (const username of ['gv.a', 'ht.b', 'phong.a', 'phhs.x']) {
      const res = await (await t.as(username)).post(`/api/v1/guardians/${target.id}/account`, {});
      expect(res.status, username).toBe(403);
    }
  });
});
