import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLASS_STUDENTS } from '#contracts/classes.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildEnrolment,
  buildSchoolAccounts,
  buildStudent,
  fillClass,
} from '../../../test/factories.ts';
import type { Row } from '../../platform/db/schema.ts';

const FULL = `Lớp 6S1 đã đủ ${MAX_CLASS_STUDENTS} học sinh, số tối đa của một lớp; hãy xếp học sinh vào lớp khác.`;

describe.each(STORAGES)(`sĩ số tối đa ${MAX_CLASS_STUDENTS} (%s)`, (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let full: Row<'classes'>;
  let other: Row<'classes'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    principal = await t.as('ht.a');
    full = await buildClass(t.db, { unit: u.schoolA, name: '6S1' });
    other = await buildClass(t.db, { unit: u.schoolA, name: '6S2' });
    await fillClass(t.db, full, MAX_CLASS_STUDENTS - 1);
  });
  afterAll(() => t.close());

  const classSize = async () =>
    (await principal.get(`/api/v1/classes/${full.id}`)).body.studentCount as number;

  it('trang lớp: thêm quá sĩ số tối đa bị từ chối cả nhóm, nêu tên lớp và con số; còn chỗ thì thêm được', async () => {
    const an = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Nguyễn Văn An' });
    const binh = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Trần Văn Bình' });
    const both = await principal.post(`/api/v1/classes/${full.id}/students`, {
      studentIds: [an.id, binh.id],
    });
    expect(both.status).toBe(409);
    expect(both.body.error.message).toBe(FULL);
    expect(await classSize()).toBe(MAX_CLASS_STUDENTS - 1);
    const one = await principal.post(`/api/v1/classes/${full.id}/students`, { studentIds: [an.id] });
    expect(one.status).toBe(200);
    expect(one.body.studentCount).toBe(MAX_CLASS_STUDENTS);
  });

  it('chuyển lớp vào lớp đã đủ bị từ chối; học sinh vẫn ở lớp cũ', async () => {
    const chi = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Lê Thị Chi', gender: 'female' });
    await buildEnrolment(t.db, { student: chi, cls: other });
    const res = await principal.post(`/api/v1/classes/${other.id}/students/${chi.id}/move`, {
      toClassId: full.id,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toEqual({ toClassId: FULL });
    expect((await principal.get(`/api/v1/classes/${other.id}`)).body.studentCount).toBe(1);
  });

  it('thêm học sinh mới có tên lớp đã đủ: lỗi ở ô Lớp, không tạo hồ sơ', async () => {
    const res = await principal.post('/api/v1/students', {
      unitId: u.schoolA.id,
      fullName: 'Phạm Văn Dũng',
      className: '6S1',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toEqual({ className: FULL });
    const created = await t.db
      .selectFrom('students')
      .select('id')
      .where('unit_id', '=', u.schoolA.id)
      .where('full_name', '=', 'Phạm Văn Dũng')
      .execute();
    expect(created).toEqual([]);
  });

  it('hai lượt thêm cùng lúc vào chỗ cuối cùng: chỉ một lượt được', async () => {
    const last = await buildClass(t.db, { unit: u.schoolA, name: '6S3' });
    await fillClass(t.db, last, MAX_CLASS_STUDENTS - 1);
    const [x, y] = await Promise.all(
      ['Hồ Văn Xuân', 'Hồ Văn Yên'].map((fullName) => buildStudent(t.db, { unit: u.schoolA, fullName })),
    );
    const answers = await Promise.all(
      [x, y].map((s) => principal.post(`/api/v1/classes/${last.id}/students`, { studentIds: [s?.id] })),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect((await principal.get(`/api/v1/classes/${last.id}`)).body.studentCount).toBe(MAX_CLASS_STUDENTS);
  });
});
