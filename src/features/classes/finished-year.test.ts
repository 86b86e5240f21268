import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildClass, buildEnrolment, buildSchoolAccounts, buildStudent } from '../../../test/factories.ts';
import type { Row } from '../../platform/db/schema.ts';

describe.each(STORAGES)('lớp của năm học đã kết thúc không sửa tay được (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let finished: Row<'classes'>;
  let running: Row<'classes'>;
  let empty: Row<'classes'>;
  let student: Row<'students'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    principal = await t.as('ht.a');
    finished = await buildClass(t.db, { unit: u.schoolA, name: '6A1', schoolYear: '2024-2025' });
    empty = await buildClass(t.db, { unit: u.schoolA, name: '6A2', schoolYear: '2024-2025' });
    running = await buildClass(t.db, { unit: u.schoolA, name: '7A1', grade: 7 });
    student = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Nguyễn Văn An' });
    await buildEnrolment(t.db, { student, cls: finished, enrolledOn: '2024-09-05' });
  });
  afterAll(() => t.close());

  it('năm học trước năm hiện tại: sửa, xoá, thêm, chuyển, rút học sinh đều bị từ chối 409 kèm lý do', async () => {
    const edit = await principal.patch(`/api/v1/classes/${finished.id}`, { room: 'P.999' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toBe(
      'Năm học 2024-2025 đã kết thúc (năm học hiện tại là 2025-2026); lớp của năm đã kết thúc không sửa được.',
    );
    expect((await principal.delete(`/api/v1/classes/${empty.id}`)).status).toBe(409);
    const other = await buildStudent(t.db, { unit: u.schoolA });
    const enrol = await principal.post(`/api/v1/classes/${empty.id}/students`, { studentIds: [other.id] });
    expect(enrol.status).toBe(409);
    const remove = await principal.delete(`/api/v1/classes/${finished.id}/students/${student.id}`);
    expect(remove.status).toBe(409);
    const room = await t.db
      .selectFrom('classes')
      .select('room')
      .where('id', '=', finished.id)
      .executeTakeFirstOrThrow();
    expect(room.room).toBeNull();
  });

  it('trang lớp nói lý do khoá; lớp của năm đang chạy vẫn sửa được', async () => {
    const detail = await principal.get(`/api/v1/classes/${finished.id}`);
    expect(detail.body.lockedReason).toMatch(/đã kết thúc/);
    const open = await principal.get(`/api/v1/classes/${running.id}`);
    expect(open.body.lockedReason).toBeNull();
    expect((await principal.patch(`/api/v1/classes/${running.id}`, { room: 'P.201' })).status).toBe(200);
  });

  it('lớp năm sau tạo trước không khoá năm đang chạy; đã chạy chuyển năm học thì khoá', async () => {
    await buildClass(t.db, { unit: u.schoolA, name: '8A1', grade: 8, schoolYear: '2026-2027' });
    expect((await principal.patch(`/api/v1/classes/${running.id}`, { room: 'P.203' })).status).toBe(200);
    await t.db
      .insertInto('audit_log')
      .values({
        unit_id: u.schoolA.id,
        entity: 'results',
        action: 'rollover',
        after: JSON.stringify({ unitId: u.schoolA.id, fromYear: '2025-2026', toYear: '2026-2027' }),
      })
      .execute();
    const edit = await principal.patch(`/api/v1/classes/${running.id}`, { room: 'P.202' });
    expect(edit.status).toBe(409);
    expect(edit.body.error.message).toMatch(/đã chuyển sang năm học 2026-2027/);
  });
});
