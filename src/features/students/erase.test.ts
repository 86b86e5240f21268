import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildEnrolment,
  buildGuardian,
  buildSchoolAccounts,
  buildStudent,
  buildUser,
} from '../../../test/factories.ts';
import type { Row } from '../../platform/db/schema.ts';

describe.each(STORAGES)('quyền đối với dữ liệu cá nhân của học sinh (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let an: Row<'students'>;
  let leaver: Row<'students'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    await buildUser(t.db, { unit: u.province, username: 'so', roles: [{ role: 'office_admin' }] });
    const parent = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'phhs',
      roles: [{ role: 'guardian' }],
    });
    const self = await buildUser(t.db, { unit: u.schoolA, username: 'hs.an', roles: [{ role: 'student' }] });
    principal = await t.as('ht.a');
    const class6 = await buildClass(t.db, { unit: u.schoolA, name: '6A1', grade: 6 });
    an = await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Nguyễn Văn An',
      nationalId: '001213012345',
      moetStudentCode: 'HS-001',
      address: '12 Lê Lợi',
      birthDate: '2013-04-02',
      ethnicity: 'tay',
      disability: 'visual',
      poorHousehold: true,
      user: self,
    });
    await buildGuardian(t.db, { student: an, fullName: 'Nguyễn Thị Hoa', phone: '0912345678', user: parent });
    await buildEnrolment(t.db, { student: an, cls: class6 });
    leaver = await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Trần Văn Bảo',
      status: 'transferred_out',
      statusSince: '2025-10-01',
    });
  });
  afterAll(() => t.close());

  it('hiệu trưởng tải về toàn bộ dữ liệu cá nhân (JSON), kể cả nhật ký truy cập; việc tải được ghi lại', async () => {
    await (await t.as('gv.a')).get(`/api/v1/students/${an.id}`);
    const res = await principal.get(`/api/v1/students/${an.id}/personal-data`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('du-lieu-ca-nhan-nguyen-van-an');
    expect(res.body.student).toMatchObject({ fullName: 'Nguyễn Văn An', nationalId: '001213012345' });
    expect(res.body.guardians).toMatchObject([{ fullName: 'Nguyễn Thị Hoa', phone: '0912345678' }]);
    expect(res.body.statusHistory).toMatchObject([{ status: 'enrolled', effectiveOn: '2025-09-05' }]);
    expect(res.body.enrolments).toMatchObject([{ className: '6A1', schoolYear: '2025-2026' }]);
    const actions = res.body.accessLog.map(
      (l: { action: string; subject: string }) => `${l.subject}:${l.action}`,
    );
    // The two export rows share the transaction's timestamp, so their order is not fixed.
    expect(actions.sort()).toEqual(['guardian:export', 'student:export', 'student:view']);
  });

  it('cha mẹ và học sinh tải về dữ liệu của chính mình (JSON và PDF); việc tải được ghi lại', async () => {
    for (const username of ['phhs', 'hs.an']) {
      const client = await t.as(username);
      const res = await client.get(`/api/v1/students/${an.id}/personal-data`);
      expect(res.status, username).toBe(200);
      expect(res.body.student.fullName).toBe('Nguyễn Văn An');
      expect((await client.get(`/api/v1/students/${an.id}/personal-data.pdf`)).status, username).toBe(200);
    }
    expect((await (await t.as('phhs')).get(`/api/v1/students/${leaver.id}/personal-data`)).status).toBe(403);
  });

  it('trong nhà trường chỉ hiệu trưởng được tải về: phó hiệu trưởng, giáo viên, phòng, sở, hiệu trưởng trường khác bị từ chối', async () => {
    for (const username of ['pht.a', 'gv.a', 'phong.a', 'so', 'ht.b']) {
      const res = await (await t.as(username)).get(`/api/v1/students/${an.id}/personal-data`);
      expect(res.status, username).toBe(403);
    }
  });

  it('học sinh còn đang học: từ chối xoá nếu không có lý do (xoá là cho thôi học trước)', async () => {
    const res = await principal.post(`/api/v1/students/${an.id}/erase`, {});
    expect(res.status).toBe(409);
    expect(res.body.error.fields.reason).toContain('thôi học');
    const future = await principal.post(`/api/v1/students/${an.id}/erase`, {
      reason: 'x',
      withdrawnOn: '2999-01-01',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields.withdrawnOn).toBeDefined();
  });

  it('xem trước: liệt kê dữ liệu bị xoá, dữ liệu giữ lại kèm căn cứ; báo sẽ cho thôi học; không ghi gì', async () => {
    const res = await principal.get(`/api/v1/students/${an.id}/erasure-preview`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      alreadyErased: false,
      withdrawsFirst: true,
      guardians: 1,
      hasAccount: true,
    });
    expect(res.body.erased.map((k: { key: string }) => k.key)).toContain('guardians');
    const identity = res.body.restricted.find((k: { key: string }) => k.key === 'identity');
    expect(identity.basis).toContain('TT27/2016');
    expect((await (await t.as('gv.a')).get(`/api/v1/students/${an.id}/erasure-preview`)).status).toBe(403);
  });

  it('chỉ hiệu trưởng của trường được xoá', async () => {
    for (const username of ['pht.a', 'gv.a', 'so', 'ht.b']) {
      const res = await (await t.as(username)).post(`/api/v1/students/${leaver.id}/erase`, {});
      expect(res.status, username).toBe(403);
    }
  });

  it('xoá dữ liệu học sinh đang học: thôi học cùng giao dịch; giữ họ tên, ngày sinh, mã học sinh (hạn chế); xoá số định danh, nơi ở, cha mẹ, tài khoản', async () => {
    const res = await principal.post(`/api/v1/students/${an.id}/erase`, {
      reason: 'Cha mẹ học sinh yêu cầu xoá theo Luật 91/2025/QH15',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      erased: true,
      fullName: 'Nguyễn Văn An',
      birthDate: '2013-04-02',
      moetStudentCode: 'HS-001',
      status: 'dropped_out',
    });
    expect(res.body.statusHistory.at(-1).reason).toContain('Thôi học, xoá dữ liệu cá nhân theo yêu cầu');
    // 6A1 of 2025-2026 is a finished year: its class list keeps him (closeActiveEnrolments ends running years only).
    expect(res.body.sensitive).toMatchObject({
      nationalId: null,
      address: null,
      poorHousehold: false,
      ethnicity: 'tay',
      disability: 'visual',
    });
    expect(res.body.guardians).toMatchObject([{ fullName: '', phone: null, hasAccount: false }]);
    expect(res.body.hasAccount).toBe(false);
    // Still counted as a student of 6A1 on 30/9 for the statistics.
    const snapshot = await principal.get(`/api/v1/students/snapshot?unitId=${u.schoolA.id}&date=2025-09-30`);
    expect(snapshot.body.byGrade).toContainEqual({ grade: 6, male: 1, female: 0, total: 1 });
    // The earlier audit rows no longer hold the values.
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity_id', '=', an.id)
      .execute();
    expect(JSON.stringify(audit)).not.toContain('001213012345');
    expect(JSON.stringify(audit)).not.toContain('Nguyễn Thị Hoa');
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['erase', 'change_status']));
    const log = await t.db
      .selectFrom('data_access_log')
      .select('action')
      .where('subject_id', '=', an.id)
      .where('action', '=', 'erase')
      .execute();
    expect(log).toHaveLength(1);
  });

  it('sau khi xoá: không tìm thấy theo tên, phụ huynh và học sinh mất liên kết, không sửa được, xoá lần hai báo đã xoá', async () => {
    const found = await principal.get(`/api/v1/students?unitId=${u.schoolA.id}&q=nguyen`);
    expect(found.body.items).toEqual([]);
    expect((await (await t.as('phhs')).get('/api/v1/students/mine')).body).toEqual([]);
    await expect(t.as('hs.an')).rejects.toThrow();
    expect((await principal.patch(`/api/v1/students/${an.id}`, { address: 'X' })).status).toBe(409);
    const again = await principal.post(`/api/v1/students/${an.id}/erase`, { reason: 'lần hai' });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_done');
  });

  it('học sinh đã chuyển đi được xoá không cần lý do; hai lần xoá cùng lúc: một lần thành công, lần kia báo đã xoá', async () => {
    const both = await Promise.all([
      principal.post(`/api/v1/students/${leaver.id}/erase`, {}),
      principal.post(`/api/v1/students/${leaver.id}/erase`, {}),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 200)?.body.erased).toBe(true);
    const erasures = await t.db
      .selectFrom('audit_log')
      .select('id')
      .where('entity_id', '=', leaver.id)
      .where('action', '=', 'erase')
      .execute();
    expect(erasures).toHaveLength(1);
  });
});
