import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../src/platform/auth/service.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { openTestDatabase, STORAGES } from '../../test/databases.ts';
import { buildProvince } from '../../test/factories.ts';
import { createUserFromCli, resetPasswordFromCli } from './user.ts';

describe.each(STORAGES)('lệnh truongso user (%s)', (storage) => {
  let database: Database;
  let u: Awaited<ReturnType<typeof buildProvince>>;

  beforeAll(async () => {
    database = await openTestDatabase(storage);
    u = await buildProvince(database.db);
  });
  afterAll(() => database.close());

  it('user create: tạo tài khoản hiệu trưởng với mật khẩu tạm, buộc đổi khi đăng nhập', async () => {
    const created = await createUserFromCli(database.db, {
      username: 'ht.truong.a',
      fullName: 'nguyễn thị hoa',
      unit: u.schoolA.code,
      role: ['principal'],
    });
    expect(created.username).toBe('ht.truong.a');
    expect(created.temporaryPassword).toBeTruthy();
    const session = await login(database.db, {
      login: 'ht.truong.a',
      password: created.temporaryPassword ?? '',
    });
    expect(session.token).toBeTruthy();
    const user = await database.db
      .selectFrom('users')
      .innerJoin('role_assignments', 'role_assignments.user_id', 'users.id')
      .select([
        'users.full_name',
        'users.must_change_password',
        'role_assignments.role',
        'role_assignments.unit_id',
      ])
      .where('users.username', '=', 'ht.truong.a')
      .execute();
    expect(user).toEqual([
      { full_name: 'Nguyễn Thị Hoa', must_change_password: true, role: 'principal', unit_id: u.schoolA.id },
    ]);
  });

  it('user create với --password: dùng mật khẩu đã chọn; mã đơn vị hay vai trò sai thì báo lỗi', async () => {
    await createUserFromCli(database.db, {
      username: 'quantri',
      fullName: 'Quản Trị Sở',
      unit: u.province.code,
      role: ['office_admin'],
      password: 'mat-khau-quan-tri',
    });
    await expect(
      login(database.db, { login: 'quantri', password: 'mat-khau-quan-tri' }),
    ).resolves.toBeTruthy();
    await expect(
      createUserFromCli(database.db, { username: 'x.y', fullName: 'X Y', unit: 'KHONG-CO', role: [] }),
    ).rejects.toThrow('Không có đơn vị mã "KHONG-CO"');
    await expect(
      createUserFromCli(database.db, {
        username: 'x.y',
        fullName: 'X Y',
        unit: u.schoolA.code,
        role: ['hieu_truong'],
      }),
    ).rejects.toThrow('--role');
  });

  it('user reset-password: mật khẩu tạm mới dùng được, mật khẩu cũ hết hiệu lực', async () => {
    const password = await resetPasswordFromCli(database.db, 'QuanTri');
    await expect(login(database.db, { login: 'quantri', password: 'mat-khau-quan-tri' })).rejects.toThrow();
    await expect(login(database.db, { login: 'quantri', password })).resolves.toBeTruthy();
    await expect(resetPasswordFromCli(database.db, 'khong.ai')).rejects.toThrow('Không có tài khoản');
  });
});
