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
import { schoolYearOfDate } from '../../domain/calendar/index.ts';
import type { Row } from '../../platform/db/schema.ts';

describe.each(STORAGES)('xếp lớp học sinh (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let a1: Row<'classes'>;
  let a2: Row<'classes'>;
  let nextYear: Row<'classes'>;
  let classB: Row<'classes'>;
  let an: Row<'students'>;
  let binh: Row<'students'>;
  let chi: Row<'students'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    await buildUser(t.db, { unit: u.schoolA, username: 'phhs', roles: [{ role: 'guardian' }] });
    principal = await t.as('ht.a');
    a1 = await buildClass(t.db, { unit: u.schoolA, name: '6A1' });
    a2 = await buildClass(t.db, { unit: u.schoolA, name: '6A2' });
    nextYear = await buildClass(t.db, { unit: u.schoolA, name: '7A1', grade: 7, schoolYear: '2026-2027' });
    classB = await buildClass(t.db, { unit: u.schoolB, name: '6B1' });
    an = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Nguyễn Văn An' });
    binh = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Trần Thị Bình', gender: 'female' });
    chi = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Lê Thị Chi', gender: 'female' });
  });
  afterAll(() => t.close());

  it('thêm học sinh vào lớp: danh sách lớp theo thứ tự tên Việt Nam, sĩ số tăng', async () => {
    const res = await principal.post(`/api/v1/classes/${a1.id}/students`, {
      studentIds: [binh.id, an.id, chi.id],
      enrolledOn: '2025-09-05',
    });
    expect(res.status).toBe(200);
    expect(res.body.studentCount).toBe(3);
    expect(res.body.students.map((s: { fullName: string }) => s.fullName)).toEqual([
      'Nguyễn Văn An',
      'Trần Thị Bình',
      'Lê Thị Chi',
    ]);
  });

  it('mỗi học sinh chỉ một lớp đang học trong một năm học: thêm vào lớp thứ hai bị từ chối, nêu tên lớp', async () => {
    const res = await principal.post(`/api/v1/classes/${a2.id}/students`, { studentIds: [an.id] });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('Nguyễn Văn An đang học lớp 6A1');
    // The rule holds in the database itself, whatever the code does.
    await expect(
      buildEnrolment(t.db, { student: an, cls: { ...a2, unit_id: a1.unit_id, school_year: '2025-2026' } }),
    ).rejects.toThrow();
  });

  it('một lô có học sinh bị từ chối thì không ai được thêm', async () => {
    const dung = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Phạm Văn Dũng' });
    const res = await principal.post(`/api/v1/classes/${a2.id}/students`, { studentIds: [dung.id, an.id] });
    expect(res.status).toBe(409);
    const detail = await principal.get(`/api/v1/classes/${a2.id}`);
    expect(detail.body.students).toEqual([]);
  });

  it('lớp của năm học sau là một năm học khác: học sinh được xếp lớp cho năm sau', async () => {
    const res = await principal.post(`/api/v1/classes/${nextYear.id}/students`, { studentIds: [an.id] });
    expect(res.status).toBe(200);
    // Without a date, the enrolment starts today, moved inside that school year.
    expect(schoolYearOfDate(res.body.students[0].enrolledOn)).toBe('2026-2027');
  });

  it('chuyển lớp: lớp cũ kết thúc đúng ngày lớp mới bắt đầu, lịch sử còn lại', async () => {
    const res = await principal.post(`/api/v1/classes/${a1.id}/students/${binh.id}/move`, {
      toClassId: a2.id,
      movedOn: '2025-10-01',
    });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('6A2');
    expect(
      res.body.students.map((s: { fullName: string; enrolledOn: string }) => [s.fullName, s.enrolledOn]),
    ).toEqual([['Trần Thị Bình', '2025-10-01']]);
    const student = await principal.get(`/api/v1/students/${binh.id}`);
    expect(
      student.body.enrolments.map((e: { className: string; leftOn: string | null }) => [
        e.className,
        e.leftOn,
      ]),
    ).toEqual([
      ['6A2', null],
      ['6A1', '2025-10-01'],
    ]);
  });

  it('chuyển lớp sang năm học khác hoặc trước ngày vào lớp bị từ chối', async () => {
    const otherYear = await principal.post(`/api/v1/classes/${a1.id}/students/${an.id}/move`, {
      toClassId: nextYear.id,
    });
    expect(otherYear.status).toBe(400);
    expect(otherYear.body.error.fields.toClassId).toBeDefined();
    const early = await principal.post(`/api/v1/classes/${a1.id}/students/${an.id}/move`, {
      toClassId: a2.id,
      movedOn: '2025-09-01',
    });
    expect(early.status).toBe(400);
  });

  it('rút khỏi lớp: học sinh không còn trong danh sách lớp, lượt học trong lớp được giữ', async () => {
    const res = await principal.delete(`/api/v1/classes/${a1.id}/students/${chi.id}?leftOn=2025-11-01`);
    expect(res.status).toBe(200);
    expect(res.body.students.map((s: { fullName: string }) => s.fullName)).toEqual(['Nguyễn Văn An']);
    const rows = await t.db.selectFrom('enrolments').selectAll().where('student_id', '=', chi.id).execute();
    expect(rows.map((r) => r.left_on)).toEqual(['2025-11-01']);
    expect((await principal.delete(`/api/v1/classes/${a1.id}/students/${chi.id}`)).status).toBe(404);
  });

  it('không xếp học sinh trường B vào lớp trường A; học sinh đã nghỉ học không được xếp lớp', async () => {
    const dat = await buildStudent(t.db, { unit: u.schoolB, fullName: 'Ngô Quốc Đạt' });
    expect((await principal.post(`/api/v1/classes/${a2.id}/students`, { studentIds: [dat.id] })).status).toBe(
      404,
    );
    const gone = await buildStudent(t.db, { unit: u.schoolA, status: 'dropped_out' });
    const res = await principal.post(`/api/v1/classes/${a2.id}/students`, { studentIds: [gone.id] });
    expect(res.status).toBe(400);
  });

  it('xem lớp: giáo viên trường A được, giáo viên trường B và phụ huynh bị từ chối', async () => {
    expect((await (await t.as('gv.a')).get(`/api/v1/classes/${a1.id}`)).status).toBe(200);
    expect((await (await t.as('gv.b')).get(`/api/v1/classes/${a1.id}`)).status).toBe(403);
    expect((await (await t.as('phhs')).get(`/api/v1/classes/${a1.id}`)).status).toBe(403);
    expect((await (await t.as('phong.a')).get(`/api/v1/classes/${classB.id}`)).status).toBe(403);
  });

  it('xếp, chuyển, rút: giáo viên bị từ chối; hiệu trưởng trường B bị từ chối lớp trường A', async () => {
    for (const username of ['gv.a', 'ht.b']) {
      const client = await t.as(username);
      expect((await client.post(`/api/v1/classes/${a2.id}/students`, { studentIds: [chi.id] })).status).toBe(
        403,
      );
      expect(
        (await client.post(`/api/v1/classes/${a1.id}/students/${an.id}/move`, { toClassId: a2.id })).status,
      ).toBe(403);
      expect((await client.delete(`/api/v1/classes/${a1.id}/students/${an.id}`)).status).toBe(403);
    }
  });
});
