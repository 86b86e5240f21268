import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { openTestDatabase, STORAGES } from '../../../test/databases.ts';
import {
  buildGuardian,
  buildSchoolAccounts,
  buildStudent,
  buildUnit,
  buildUser,
  TEST_PASSWORD,
} from '../../../test/factories.ts';
import { createMigrator, migrateToLatest } from '../../platform/db/migrator.ts';

// One login name, one account: a username can never be another account's phone or e-mail, and the reverse.
describe.each(STORAGES)(
  'tên đăng nhập không trùng số điện thoại, e-mail của tài khoản khác (%s)',
  (storage) => {
    let t: TestApp;
    let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
    let principal: TestClient;

    beforeAll(async () => {
      t = await startTestApp(storage);
      u = await buildSchoolAccounts(t.db);
      principal = await t.as('ht.a');
      await buildUser(t.db, {
        unit: u.schoolA,
        username: 'gv.co.sdt',
        phone: '0582274139',
        email: 'co.sdt@truong.edu.vn',
        roles: [{ role: 'teacher' }],
      });
    });
    afterAll(() => t.close());

    const createUser = (fields: { username: string; phone?: string; email?: string }) =>
      principal.post('/api/v1/users', { unitId: u.schoolA.id, fullName: 'Người Mới', ...fields });

    /** A new student's guardian with this phone, given an account (username: the phone unless named). */
    const guardianAccount = async (phone: string, username?: string) => {
      const student = await buildStudent(t.db, { unit: u.schoolA });
      const guardian = await buildGuardian(t.db, { student, fullName: 'Đỗ Thị Lan', phone });
      return principal.post(`/api/v1/guardians/${guardian.id}/account`, username ? { username } : {});
    };

    it('tạo tài khoản có tên đăng nhập là số điện thoại của người khác: 409, nêu trường tên đăng nhập', async () => {
      const res = await createUser({ username: '0582274139' });
      expect(res.status).toBe(409);
      expect(res.body.error.fields.username).toContain('số điện thoại của tài khoản khác');
      const byEmail = await createUser({ username: 'CO.SDT@truong.edu.vn'.replace('@', '.') });
      expect(byEmail.status).toBe(201); // a different name: only an exact login name collides
    });

    it('tạo tài khoản có số điện thoại hoặc e-mail là tên đăng nhập của người khác: 409, nêu đúng trường', async () => {
      await buildUser(t.db, { unit: u.schoolA, username: '0911222333' });
      const phone = await createUser({ username: 'nguoi.moi.1', phone: '0911222333' });
      expect(phone.status).toBe(409);
      expect(Object.keys(phone.body.error.fields)).toEqual(['phone']);
      await buildUser(t.db, { unit: u.schoolA, username: 'ten@la.email' });
      const email = await createUser({ username: 'nguoi.moi.2', email: 'TEN@la.email' });
      expect(email.status).toBe(409);
      expect(Object.keys(email.body.error.fields)).toEqual(['email']);
      expect(await sql`select 1 from users where username like 'nguoi.moi.%'`.execute(t.db)).toMatchObject({
        rows: [],
      });
    });

    it('một tài khoản được dùng cùng một giá trị cho tên đăng nhập và số điện thoại của chính mình', async () => {
      await buildUser(t.db, { unit: u.schoolA, username: '0933444555', phone: '0933444555' });
      const res = await t
        .anonymous()
        .post('/api/v1/auth/login', { login: '0933444555', password: TEST_PASSWORD });
      expect(res.status).toBe(200);
    });

    it('tài khoản phụ huynh: số điện thoại đã là tên đăng nhập hoặc số điện thoại của tài khoản khác thì từ chối', async () => {
      const res = await guardianAccount('0582274139');
      expect(res.status).toBe(409);
      expect(res.body.error.fields.username).toContain('số điện thoại của tài khoản khác');
      const named = await guardianAccount('0977000111', 'gv.co.sdt');
      expect(named.status).toBe(409);
    });

    it('sau khi có tài khoản phụ huynh (tên đăng nhập là số điện thoại), không tạo được tài khoản khác dùng số đó', async () => {
      const res = await guardianAccount('0966777888');
      expect(res.status).toBe(201);
      expect(res.body.username).toBe('0966777888');
      const asUsername = await createUser({ username: '0966777888' });
      expect(asUsername.status).toBe(409);
      expect(asUsername.body.error.fields.username).toBeDefined();
      const asPhone = await createUser({ username: 'nguoi.moi.3', phone: '0966777888' });
      expect(asPhone.status).toBe(409);
      expect(asPhone.body.error.fields.phone).toBeDefined();
    });
  },
);

describe.each(STORAGES)('migration 0060: gỡ các tên đăng nhập đang trùng (%s)', (storage) => {
  it('tên đăng nhập trùng số điện thoại/e-mail của người khác được thêm hậu tố và ghi nhật ký', async () => {
    const database = await openTestDatabase(storage, { migrate: false });
    try {
      const migrator = createMigrator(database.db as never);
      const before = await migrator.migrateTo('0050-gradebook-homeroom-unlocks');
      expect(before.error).toBeUndefined();
      const db = database.db;
      const school = await buildUnit(db, { kind: 'ministry', name: 'Bộ' });
      const add = (username: string, phone: string | null, email: string | null) =>
        db
          .insertInto('users')
          .values({ unit_id: school.id, username, phone, email, full_name: username, password_hash: 'x' })
          .returning('id')
          .executeTakeFirstOrThrow();
      const guardian = await add('ph.lan', '0582274139', null);
      const principal = await add('0582274139', null, null);
      await add('0582274139-2', null, null); // the first suffix is taken: the next one is used
      const byEmail = await add('ke.toan@truong.vn', null, null);
      await add('ke.toan', null, 'ke.toan@truong.vn');
      const ownPhone = await add('0900000009', '0900000009', null);

      await migrateToLatest(db as never);

      const names = await db.selectFrom('users').select(['id', 'username']).execute();
      const nameOf = (id: string) => names.find((n) => n.id === id)?.username;
      expect(nameOf(principal.id)).toBe('0582274139-3');
      expect(nameOf(byEmail.id)).toBe('ke.toan@truong.vn-2');
      expect(nameOf(guardian.id)).toBe('ph.lan');
      expect(nameOf(ownPhone.id)).toBe('0900000009');
      const audit = await db
        .selectFrom('audit_log')
        .select(['entity_id', 'before', 'after'])
        .where('action', '=', 'login_name_migrated')
        .orderBy('entity_id')
        .execute();
      expect(audit).toHaveLength(2);
      expect(audit).toContainEqual({
        entity_id: principal.id,
        before: { username: '0582274139' },
        after: { username: '0582274139-3' },
      });
      const holder = await db
        .selectFrom('login_names')
        .select('user_id')
        .where('name', '=', '0582274139')
        .executeTakeFirstOrThrow();
      expect(holder.user_id).toBe(guardian.id);
    } finally {
      await database.close();
    }
  });
});
