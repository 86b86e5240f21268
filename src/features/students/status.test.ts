import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildEnrolment,
  buildSchoolAccounts,
  buildStudent,
  buildUser,
} from '../../../test/factories.ts';
import type { Row } from '../../platform/db/schema.ts';

describe.each(STORAGES)('trạng thái học sinh và số liệu theo ngày (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let stays: Row<'students'>;
  let leaves: Row<'students'>;
  let arrives: Row<'students'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    await buildUser(t.db, { unit: u.province, username: 'so', roles: [{ role: 'office_admin' }] });
    await buildUser(t.db, { unit: u.schoolA, username: 'phhs', roles: [{ role: 'guardian' }] });
    principal = await t.as('ht.a');
    const class6 = await buildClass(t.db, { unit: u.schoolA, name: '6A1', grade: 6 });
    const class7 = await buildClass(t.db, { unit: u.schoolA, name: '7A1', grade: 7 });
    stays = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Nguyễn Văn An', gender: 'male' });
    leaves = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Trần Thị Bình', gender: 'female' });
    arrives = await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Lê Thị Chi',
      gender: 'female',
      status: 'transferred_in',
      statusSince: '2025-10-15',
    });
    // Dropped out last school year: not a student on 30/9/2025.
    const dung = await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Phạm Văn Dũng',
      status: 'dropped_out',
      statusSince: '2025-03-01',
    });
    await t.db
      .insertInto('student_status_history')
      .values({ unit_id: u.schoolA.id, student_id: dung.id, status: 'enrolled', effective_on: '2024-09-05' })
      .execute();
    await buildEnrolment(t.db, { student: stays, cls: class6 });
    await buildEnrolment(t.db, { student: leaves, cls: class7 });
    await buildEnrolment(t.db, { student: arrives, cls: class7, enrolledOn: '2025-10-15' });
    await buildStudent(t.db, { unit: u.schoolB, fullName: 'Ngô Quốc Đạt' });
  });
  afterAll(() => t.close());

  const snapshot = async (date: string, client: TestClient = principal, unitId = u.schoolA.id) =>
    client.get(`/api/v1/students/snapshot?unitId=${unitId}&date=${date}`);

  it('chuyển đi có ngày hiệu lực và lý do: ghi lịch sử, đổi trạng thái, rời lớp từ ngày đó', async () => {
    const res = await principal.post(`/api/v1/students/${leaves.id}/status`, {
      status: 'transferred_out',
      effectiveOn: '2025-09-20',
      reason: 'Chuyển theo gia đình vào TP Hồ Chí Minh',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'transferred_out', statusSince: '2025-09-20', className: null });
    expect(
      res.body.statusHistory.map((h: { status: string; effectiveOn: string }) => [h.status, h.effectiveOn]),
    ).toEqual([
      ['enrolled', '2025-09-05'],
      ['transferred_out', '2025-09-20'],
    ]);
    expect(res.body.enrolments[0]).toMatchObject({ className: '7A1', leftOn: '2025-09-20' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', leaves.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['change_status']);
  });

  it('số học sinh "tính đến 30/9" lấy từ lịch sử có ngày, không từ trạng thái hôm nay', async () => {
    const onSept30 = await snapshot('2025-09-30');
    expect(onSept30.status).toBe(200);
    // An stays; Bình left on 20/9; Chi arrives 15/10; Dũng dropped out in March.
    expect(onSept30.body).toMatchObject({
      date: '2025-09-30',
      schoolYear: '2025-2026',
      total: 1,
      byGrade: [{ grade: 6, male: 1, female: 0, total: 1 }],
    });
    const onSept10 = await snapshot('2025-09-10');
    expect(onSept10.body.total).toBe(2);
    expect(onSept10.body.byGrade).toEqual([
      { grade: 6, male: 1, female: 0, total: 1 },
      { grade: 7, male: 0, female: 1, total: 1 },
    ]);
    const onOct31 = await snapshot('2025-10-31');
    expect(onOct31.body.total).toBe(2);
    // Last school year Dũng was still there until 1/3.
    expect((await snapshot('2025-01-10')).body.total).toBe(1);
    expect((await snapshot('2025-03-01')).body.total).toBe(0);
  });

  it('bỏ học cần lý do; ngày hiệu lực không ở tương lai; trạng thái không đổi thì báo trùng', async () => {
    const noReason = await principal.post(`/api/v1/students/${stays.id}/status`, {
      status: 'dropped_out',
      effectiveOn: '2025-11-01',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBeDefined();
    const future = await principal.post(`/api/v1/students/${stays.id}/status`, {
      status: 'graduated',
      effectiveOn: '2999-06-01',
    });
    expect(future.status).toBe(400);
    expect(future.body.error.fields.effectiveOn).toBeDefined();
    const same = await principal.post(`/api/v1/students/${stays.id}/status`, {
      status: 'enrolled',
      effectiveOn: '2025-10-01',
    });
    expect(same.status).toBe(409);
  });

  it('học sinh bỏ học rồi đi học lại: trạng thái hiện tại là mục mới nhất của lịch sử', async () => {
    const comeback = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Đinh Văn Hải' });
    await principal.post(`/api/v1/students/${comeback.id}/status`, {
      status: 'dropped_out',
      effectiveOn: '2025-10-01',
      reason: 'Hoàn cảnh gia đình khó khăn',
    });
    const back = await principal.post(`/api/v1/students/${comeback.id}/status`, {
      status: 'enrolled',
      effectiveOn: '2025-11-03',
      reason: 'Đi học lại',
    });
    expect(back.body).toMatchObject({ status: 'enrolled', statusSince: '2025-11-03' });
    // Hải is in no class, so he is the only one counted without a grade.
    const withoutClass = async (date: string) =>
      (await snapshot(date)).body.byGrade.find((g: { grade: number | null }) => g.grade === null)?.total ?? 0;
    const counted = [];
    for (const date of ['2025-09-30', '2025-10-15', '2025-11-10']) counted.push(await withoutClass(date));
    expect(counted).toEqual([1, 0, 1]);
  });

  it('đổi trạng thái: giáo viên bị từ chối; hiệu trưởng trường B bị từ chối học sinh trường A', async () => {
    const body = { status: 'dropped_out', effectiveOn: '2025-11-01', reason: 'Thử' };
    expect((await (await t.as('gv.a')).post(`/api/v1/students/${stays.id}/status`, body)).status).toBe(403);
    expect((await (await t.as('ht.b')).post(`/api/v1/students/${stays.id}/status`, body)).status).toBe(403);
    expect((await (await t.as('phong.a')).post(`/api/v1/students/${stays.id}/status`, body)).status).toBe(
      403,
    );
  });

  it('số liệu theo ngày: phòng A và sở xem được trường A; phòng B, giáo viên trường B, phụ huynh bị từ chối', async () => {
    expect((await snapshot('2025-09-30', await t.as('phong.a'))).status).toBe(200);
    expect((await snapshot('2025-09-30', await t.as('so'))).status).toBe(200);
    expect((await snapshot('2025-09-30', await t.as('phong.b'))).status).toBe(403);
    expect((await snapshot('2025-09-30', await t.as('gv.b'))).status).toBe(403);
    expect((await snapshot('2025-09-30', await t.as('phhs'))).status).toBe(403);
  });
});
