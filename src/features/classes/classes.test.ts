import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildEnrolment,
  buildHomeroomTeacher,
  buildSchoolAccounts,
  buildStudent,
  buildUser,
} from '../../../test/factories.ts';
import type { Row } from '../../platform/db/schema.ts';

describe.each(STORAGES)('lớp học (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let teacherA: Row<'staff'>;
  let teacherB: Row<'staff'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    await buildUser(t.db, { unit: u.schoolA, username: 'phhs', roles: [{ role: 'guardian' }] });
    principal = await t.as('ht.a');
    teacherA = await buildHomeroomTeacher(t.db, { unit: u.schoolA, fullName: 'Vũ Thị Lan' });
    await buildHomeroomTeacher(t.db, { unit: u.schoolA, fullName: 'Đỗ Văn Bắc' });
    teacherB = await buildHomeroomTeacher(t.db, { unit: u.schoolB, fullName: 'Hà Văn Nam' });
  });
  afterAll(() => t.close());

  const newClass = (extra: Record<string, unknown> = {}) => ({
    unitId: u.schoolA.id,
    schoolYear: '2025-2026',
    grade: 6,
    name: '6A1',
    room: 'P.101',
    ...extra,
  });

  it('tạo lớp có giáo viên chủ nhiệm của trường; tên lớp không trùng trong năm học; có nhật ký', async () => {
    const res = await principal.post('/api/v1/classes', newClass({ homeroomTeacherId: teacherA.id }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: '6A1',
      grade: 6,
      homeroomTeacherName: 'Vũ Thị Lan',
      studentCount: 0,
    });
    const dup = await principal.post('/api/v1/classes', newClass());
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields.name).toContain('6A1');
    const nextYear = await principal.post('/api/v1/classes', newClass({ schoolYear: '2026-2027' }));
    expect(nextYear.status).toBe(201);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', res.body.id)
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
  });

  it('khối phải thuộc cấp học của trường; giáo viên chủ nhiệm phải là người của trường', async () => {
    const grade = await principal.post('/api/v1/classes', newClass({ name: '10A1', grade: 10 }));
    expect(grade.status).toBe(400);
    expect(grade.body.error.fields.grade).toContain('6–9');
    const teacher = await principal.post(
      '/api/v1/classes',
      newClass({ name: '6A2', homeroomTeacherId: teacherB.id }),
    );
    expect(teacher.status).toBe(400);
    expect(teacher.body.error.fields.homeroomTeacherId).toBeDefined();
  });

  it('tạo, sửa, xoá lớp: giáo viên bị từ chối; hiệu trưởng trường A không làm được ở trường B', async () => {
    expect((await (await t.as('gv.a')).post('/api/v1/classes', newClass({ name: '6A9' }))).status).toBe(403);
    expect(
      (await principal.post('/api/v1/classes', newClass({ unitId: u.schoolB.id, name: '6B1' }))).status,
    ).toBe(403);
    const classB = await buildClass(t.db, { unit: u.schoolB, name: '6B1' });
    expect((await principal.patch(`/api/v1/classes/${classB.id}`, { room: 'X' })).status).toBe(403);
    expect((await principal.delete(`/api/v1/classes/${classB.id}`)).status).toBe(403);
    expect((await (await t.as('phong.a')).patch(`/api/v1/classes/${classB.id}`, { room: 'X' })).status).toBe(
      403,
    );
  });

  it('danh sách lớp theo khối, số trong tên theo thứ tự số (6A2 trước 6A10), kèm sĩ số', async () => {
    const a10 = await buildClass(t.db, { unit: u.schoolA, name: '6A10', grade: 6 });
    await buildClass(t.db, { unit: u.schoolA, name: '6A2', grade: 6 });
    await buildClass(t.db, { unit: u.schoolA, name: '7A1', grade: 7 });
    const student = await buildStudent(t.db, { unit: u.schoolA });
    await buildEnrolment(t.db, { student, cls: a10 });
    const res = await (await t.as('gv.a')).get(`/api/v1/classes?unitId=${u.schoolA.id}`);
    expect(res.status).toBe(200);
    expect(res.body.schoolYear).toBe('2025-2026');
    expect(
      res.body.classes.map((c: { name: string; studentCount: number }) => [c.name, c.studentCount]),
    ).toEqual([
      ['6A1', 0],
      ['6A2', 0],
      ['6A10', 1],
      ['7A1', 0],
    ]);
    const other = await (await t.as('gv.a')).get(
      `/api/v1/classes?unitId=${u.schoolA.id}&schoolYear=2026-2027`,
    );
    expect(other.body.classes.map((c: { name: string }) => c.name)).toEqual(['6A1']);
  });

  it('danh sách lớp: giáo viên trường B, phòng B, phụ huynh bị từ chối; phòng A xem được', async () => {
    for (const username of ['gv.b', 'phong.b', 'phhs']) {
      const res = await (await t.as(username)).get(`/api/v1/classes?unitId=${u.schoolA.id}`);
      expect(res.status, username).toBe(403);
    }
    expect((await (await t.as('phong.a')).get(`/api/v1/classes?unitId=${u.schoolA.id}`)).status).toBe(200);
  });

  it('sửa lớp: đổi phòng, đổi tên trùng lớp khác bị báo; xoá được lớp chưa có học sinh, không xoá lớp đã có', async () => {
    const list = await principal.get(`/api/v1/classes?unitId=${u.schoolA.id}`);
    const byName = new Map(list.body.classes.map((c: { name: string; id: string }) => [c.name, c.id]));
    const renamed = await principal.patch(`/api/v1/classes/${byName.get('6A2')}`, { room: 'P.202' });
    expect(renamed.body.room).toBe('P.202');
    const clash = await principal.patch(`/api/v1/classes/${byName.get('6A2')}`, { name: '6A1' });
    expect(clash.status).toBe(409);
    expect((await principal.delete(`/api/v1/classes/${byName.get('6A10')}`)).status).toBe(409);
    expect((await principal.delete(`/api/v1/classes/${byName.get('7A1')}`)).status).toBe(204);
  });

  it('giáo viên có thể làm chủ nhiệm: chỉ người của trường, theo thứ tự tên; giáo viên không được xem', async () => {
    const res = await principal.get(`/api/v1/classes/homeroom-candidates?unitId=${u.schoolA.id}`);
    expect(res.body.map((c: { fullName: string }) => c.fullName)).toEqual(['Đỗ Văn Bắc', 'Vũ Thị Lan']);
    expect(
      (await (await t.as('gv.a')).get(`/api/v1/classes/homeroom-candidates?unitId=${u.schoolA.id}`)).status,
    ).toBe(403);
    expect((await principal.get(`/api/v1/classes/homeroom-candidates?unitId=${u.schoolB.id}`)).status).toBe(
      403,
    );
  });
});
