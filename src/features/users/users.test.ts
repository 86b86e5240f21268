import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildStaff, buildUser, TEST_PASSWORD } from '../../../test/factories.ts';
import { type ProvinceTest, startProvinceTest } from '../../../test/province-app.ts';

describe.each(STORAGES)('tài khoản và vai trò (%s)', (storage) => {
  let t: TestApp;
  let u: ProvinceTest['u'];
  let as: ProvinceTest['as'];
  const ids = { deputy: '', shared: '', otherPrincipal: '' };

  beforeAll(async () => {
    ({ t, u, as } = await startProvinceTest(storage));
    await buildUser(t.db, { unit: u.schoolA, username: 'ht.a', roles: [{ role: 'principal' }] });
    await buildUser(t.db, { unit: u.schoolA, username: 'gv.a', roles: [{ role: 'teacher' }] });
    await buildUser(t.db, { unit: u.schoolB, username: 'gv.b', roles: [{ role: 'teacher' }] });
    await buildUser(t.db, { unit: u.schoolB, username: 'ht.b', roles: [{ role: 'principal' }] });
    await buildUser(t.db, { unit: u.officeA, username: 'phong.a', roles: [{ role: 'office_admin' }] });
    const deputy = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'pht.a',
      fullName: 'Nguyễn Thị Huệ',
      roles: [{ role: 'vice_principal' }],
    });
    ids.deputy = deputy.id;
    // Managed by school A but also teaching at school B: school A alone may not take it over.
    const shared = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'gv.hai.truong',
      roles: [{ role: 'teacher' }, { role: 'teacher', unit: u.schoolB }],
    });
    ids.shared = shared.id;
    const otherPrincipal = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'ht.cu',
      roles: [{ role: 'principal' }],
    });
    ids.otherPrincipal = otherPrincipal.id;
  });
  afterAll(() => t.close());

  const usernames = (res: { body: { items: { username: string }[] } }) =>
    res.body.items.map((x) => x.username);

  it('hiệu trưởng xem tài khoản của trường mình (kể cả người được phân công từ trường khác)', async () => {
    const res = await (await as('ht.a')).get(`/api/v1/users?unitId=${u.schoolA.id}`);
    expect(res.status).toBe(200);
    expect(usernames(res)).toEqual(['gv.a', 'gv.hai.truong', 'ht.a', 'ht.cu', 'pht.a']);
    const searched = await (await as('ht.a')).get(`/api/v1/users?unitId=${u.schoolA.id}&q=hue`);
    expect(usernames(searched)).toEqual(['pht.a']);
    expect((await (await as('ht.a')).get(`/api/v1/users?unitId=${u.schoolB.id}`)).status).toBe(403);
  });

  it('phòng xem tài khoản các trường mình quản lý; giáo viên không xem được danh sách tài khoản', async () => {
    const res = await (await as('phong.a')).get(`/api/v1/users?unitId=${u.officeA.id}&role=principal`);
    expect(usernames(res)).toEqual(['ht.a', 'ht.cu']);
    expect((await (await as('phong.a')).get(`/api/v1/users?unitId=${u.officeB.id}`)).status).toBe(403);
    expect((await (await as('gv.a')).get(`/api/v1/users?unitId=${u.schoolA.id}`)).status).toBe(403);
  });

  it('tạo tài khoản với mật khẩu tạm hiện một lần; người dùng phải đổi mật khẩu khi đăng nhập', async () => {
    const staff = await buildStaff(t.db, { unit: u.schoolA, fullName: 'Võ Văn Tâm' });
    const res = await (await as('ht.a')).post('/api/v1/users', {
      unitId: u.schoolA.id,
      username: 'GV.Tam',
      fullName: 'võ văn tâm',
      email: '',
      password: '',
      roles: [{ role: 'teacher', unitId: u.schoolA.id }],
      staffId: staff.id,
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      username: 'gv.tam',
      fullName: 'Võ Văn Tâm',
      mustChangePassword: true,
      staff: { id: staff.id },
      roles: [{ role: 'teacher', unitId: u.schoolA.id }],
    });
    expect(res.body.temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}$/);
    const login = await t.anonymous().post('/api/v1/auth/login', {
      login: 'gv.tam',
      password: res.body.temporaryPassword,
    });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    const dup = await (await as('ht.a')).post('/api/v1/users', {
      unitId: u.schoolA.id,
      username: 'gv.tam',
      fullName: 'Người Khác',
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields.username).toBeDefined();
  });

  it('hiệu trưởng không cấp được quyền quản trị hệ thống, hiệu trưởng, hay vai trò ở trường khác', async () => {
    const client = await as('ht.a');
    const grant = (role: string, unitId: string) =>
      client.post(`/api/v1/users/${ids.deputy}/roles`, { role, unitId });
    expect((await grant('system_admin', u.schoolA.id)).status).toBe(403);
    expect((await grant('principal', u.schoolA.id)).status).toBe(403);
    expect((await grant('teacher', u.schoolB.id)).status).toBe(403);
    const wrongKind = await grant('office_specialist', u.schoolA.id);
    expect(wrongKind.status).toBe(400);
    expect(wrongKind.body.error.fields.role).toBeDefined();
    const ok = await grant('it_officer', u.schoolA.id);
    expect(ok.status).toBe(200);
    expect(ok.body.roles.map((r: { role: string }) => r.role).sort()).toEqual([
      'it_officer',
      'vice_principal',
    ]);
    const created = await client.post('/api/v1/users', {
      unitId: u.schoolA.id,
      username: 'leo.thang',
      fullName: 'Leo Thang',
      roles: [{ role: 'system_admin', unitId: u.schoolA.id }],
    });
    expect(created.status).toBe(403);
    expect(await t.db.selectFrom('users').select('id').where('username', '=', 'leo.thang').execute()).toEqual(
      [],
    );
  });

  it('quản trị phòng chỉ cấp vai trò trong phạm vi phòng, không bao giờ cấp quản trị hệ thống', async () => {
    const client = await as('phong.a');
    const grant = (role: string, unitId: string) =>
      client.post(`/api/v1/users/${ids.deputy}/roles`, { role, unitId });
    expect((await grant('teacher', u.schoolB.id)).status).toBe(403);
    expect((await grant('office_specialist', u.officeB.id)).status).toBe(403);
    expect((await grant('system_admin', u.officeA.id)).status).toBe(403);
    const appointee = await buildUser(t.db, { unit: u.schoolA, username: 'ht.moi' });
    const appointed = await client.post(`/api/v1/users/${appointee.id}/roles`, {
      role: 'principal',
      unitId: u.schoolA.id,
    });
    expect(appointed.status).toBe(200);
    const roles = await client.get(`/api/v1/users/grantable-roles?unitId=${u.schoolA.id}`);
    expect(roles.body.roles).toContain('principal');
    expect(roles.body.roles).not.toContain('system_admin');
    expect(roles.body.roles).not.toContain('office_admin');
    const principalRoles = await (await as('ht.a')).get(
      `/api/v1/users/grantable-roles?unitId=${u.schoolA.id}`,
    );
    expect(principalRoles.body.roles).toEqual([
      'vice_principal',
      'it_officer',
      'department_head',
      'teacher',
      'staff',
      'guardian',
      'student',
    ]);
  });

  it('gỡ vai trò; không quản lý được tài khoản có vai trò ngoài phạm vi hay tài khoản hiệu trưởng khác', async () => {
    const principal = await as('ht.a');
    const user = (await principal.get(`/api/v1/users/${ids.shared}`)).body;
    expect(user.manageable).toBe(false);
    expect((await principal.post(`/api/v1/users/${ids.shared}/reset-password`)).status).toBe(403);
    expect((await principal.post(`/api/v1/users/${ids.otherPrincipal}/deactivate`)).status).toBe(403);
    const office = await as('phong.a');
    const teacherRoleAtA = user.roles.find((r: { unitId: string }) => r.unitId === u.schoolA.id);
    expect((await office.delete(`/api/v1/users/${ids.shared}/roles/${teacherRoleAtA.id}`)).status).toBe(403);
    const deputy = (await office.get(`/api/v1/users/${ids.deputy}`)).body;
    const it = deputy.roles.find((r: { role: string }) => r.role === 'it_officer');
    const removed = await office.delete(`/api/v1/users/${ids.deputy}/roles/${it.id}`);
    expect(removed.status).toBe(200);
    expect(removed.body.roles.map((r: { role: string }) => r.role)).not.toContain('it_officer');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'role_assignment')
      .where('unit_id', '=', u.schoolA.id)
      .execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['grant', 'grant', 'revoke']);
  });

  it('đặt lại mật khẩu: buộc đổi mật khẩu và kết thúc mọi phiên đang mở của người dùng', async () => {
    await buildUser(t.db, { unit: u.schoolA, username: 'quen.mk', roles: [{ role: 'teacher' }] });
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'quen.mk')
      .executeTakeFirstOrThrow();
    const session = await t.as('quen.mk');
    expect((await session.get('/api/v1/auth/me')).status).toBe(200);
    const reset = await (await as('ht.a')).post(`/api/v1/users/${user.id}/reset-password`);
    expect(reset.status).toBe(200);
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    const old = await t.anonymous().post('/api/v1/auth/login', { login: 'quen.mk', password: TEST_PASSWORD });
    expect(old.status).toBe(401);
    const fresh = await t.anonymous().post('/api/v1/auth/login', {
      login: 'quen.mk',
      password: reset.body.temporaryPassword,
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.user.mustChangePassword).toBe(true);
  });

  it('vô hiệu hoá thì đăng xuất và không đăng nhập được; kích hoạt lại thì đăng nhập được', async () => {
    const user = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'tam.nghi',
      roles: [{ role: 'teacher' }],
    });
    const session = await t.as('tam.nghi');
    const principal = await as('ht.a');
    expect((await principal.post(`/api/v1/users/${user.id}/deactivate`)).body.isActive).toBe(false);
    expect((await session.get('/api/v1/auth/me')).status).toBe(401);
    const refused = await t
      .anonymous()
      .post('/api/v1/auth/login', { login: 'tam.nghi', password: TEST_PASSWORD });
    expect(refused.status).toBe(403);
    expect((await principal.post(`/api/v1/users/${user.id}/reactivate`)).body.isActive).toBe(true);
    await expect(t.as('tam.nghi')).resolves.toBeDefined();
  });

  it('không tự sửa tài khoản của mình; giáo viên không tạo được tài khoản', async () => {
    const me = await t.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'ht.a')
      .executeTakeFirstOrThrow();
    expect((await (await as('ht.a')).post(`/api/v1/users/${me.id}/deactivate`)).status).toBe(403);
    const res = await (await as('gv.a')).post('/api/v1/users', {
      unitId: u.schoolA.id,
      username: 'khong.duoc',
      fullName: 'Không Được',
    });
    expect(res.status).toBe(403);
  });

  it('sửa thông tin và gắn hồ sơ cán bộ; hồ sơ trường khác bị từ chối', async () => {
    const principal = await as('ht.a');
    const staffA = await buildStaff(t.db, { unit: u.schoolA, fullName: 'Nguyễn Thị Huệ' });
    const staffB = await buildStaff(t.db, { unit: u.schoolB, fullName: 'Người Trường B' });
    const edited = await principal.patch(`/api/v1/users/${ids.deputy}`, { phone: '0911 222 333' });
    expect(edited.body.phone).toBe('0911222333');
    const linked = await principal.put(`/api/v1/users/${ids.deputy}/staff`, { staffId: staffA.id });
    expect(linked.body.staff).toMatchObject({ id: staffA.id, fullName: 'Nguyễn Thị Huệ' });
    expect((await principal.put(`/api/v1/users/${ids.deputy}/staff`, { staffId: staffB.id })).status).toBe(
      403,
    );
    const unlinked = await principal.put(`/api/v1/users/${ids.deputy}/staff`, { staffId: null });
    expect(unlinked.body.staff).toBeNull();
  });

  it('tài khoản trường khác: không xem, không sửa, không kích hoạt lại, không xem được vai trò cấp được', async () => {
    const other = await as('ht.b');
    expect((await other.get(`/api/v1/users/${ids.deputy}`)).status).toBe(403);
    expect((await other.patch(`/api/v1/users/${ids.deputy}`, { fullName: 'Tên Khác' })).status).toBe(403);
    expect((await other.post(`/api/v1/users/${ids.deputy}/reactivate`)).status).toBe(403);
    expect((await other.get(`/api/v1/users/grantable-roles?unitId=${u.schoolA.id}`)).status).toBe(403);
    expect(
      (await (await as('gv.a')).get(`/api/v1/users/grantable-roles?unitId=${u.schoolA.id}`)).status,
    ).toBe(403);
  });

  it('hiệu trưởng xem được tài khoản do trường khác quản lý nhưng có vai trò ở trường mình', async () => {
    const visiting = await buildUser(t.db, {
      unit: u.schoolB,
      username: 'gv.thinh.giang',
      roles: [{ role: 'teacher' }, { role: 'teacher', unit: u.schoolA }],
    });
    const res = await (await as('ht.a')).get(`/api/v1/users/${visiting.id}`);
    expect(res.status).toBe(200);
    expect(res.body.manageable).toBe(false);
  });
});
