import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildDepartment,
  buildEnrolment,
  buildGuardian,
  buildProvince,
  buildStaff,
  buildStudent,
  buildUnit,
  buildUser,
} from '../../../test/factories.ts';
import { rowValues, workbookOf } from '../../../test/xlsx.ts';

const decision = { decisionNumber: '125/QĐ-UBND', decisionDate: '2026-06-20', effectiveOn: '2026-07-01' };
const names = (group: { items: { name: string }[] }) => group.items.map((i) => i.name).sort();

describe.each(STORAGES)('sáp nhập, chuyển đơn vị có xem trước và lịch sử (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildProvince>>;
  let source: Awaited<ReturnType<typeof buildUnit>>;
  let primary: Awaited<ReturnType<typeof buildUnit>>;
  const ids: Record<string, string> = {};
  let officeA: TestClient;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildProvince(t.db);
    source = await buildUnit(t.db, {
      parent: u.officeA,
      level: 'lower_secondary',
      name: 'Trường THCS Sáp Nhập',
    });
    primary = await buildUnit(t.db, { parent: u.officeA, level: 'primary', name: 'Trường TH Hoà Bình' });
    await buildUser(t.db, { unit: u.province, username: 'so.admin', roles: [{ role: 'office_admin' }] });
    await buildUser(t.db, { unit: u.officeA, username: 'phong.a.admin', roles: [{ role: 'office_admin' }] });
    await buildUser(t.db, { unit: u.officeB, username: 'phong.b.admin', roles: [{ role: 'office_admin' }] });
    await buildUser(t.db, { unit: u.schoolA, username: 'ht.a', roles: [{ role: 'principal' }] });
    const principal = await buildUser(t.db, {
      unit: source,
      username: 'ht.sn',
      fullName: 'Phạm Hiệu Trưởng',
      roles: [{ role: 'principal' }],
    });
    const deputy = await buildUser(t.db, {
      unit: source,
      username: 'pht.sn',
      fullName: 'Đinh Phó Hiệu Trưởng',
      roles: [{ role: 'vice_principal' }],
    });
    const teacherUser = await buildUser(t.db, {
      unit: source,
      username: 'gv.sn',
      fullName: 'Lê Giáo Viên',
      roles: [{ role: 'teacher' }],
    });
    const teacher = await buildStaff(t.db, { unit: source, fullName: 'Lê Giáo Viên', user: teacherUser });
    await buildDepartment(t.db, { unit: source, name: 'Tổ Toán', head: teacher });
    await t.db.updateTable('staff').set({ department_id: null }).where('id', '=', teacher.id).execute();
    const retired = await buildStaff(t.db, {
      unit: source,
      fullName: 'Vũ Đã Nghỉ',
      employmentStatus: 'retired',
    });
    const cls = await buildClass(t.db, { unit: source, name: '6A9', homeroomTeacher: teacher });
    const pastClass = await buildClass(t.db, { unit: source, name: '6A9', schoolYear: '2024-2025' });
    const an = await buildStudent(t.db, { unit: source, fullName: 'Nguyễn Văn An' });
    const binh = await buildStudent(t.db, { unit: source, fullName: 'Trần Thị Bình' });
    const graduate = await buildStudent(t.db, {
      unit: source,
      fullName: 'Đỗ Đã Tốt Nghiệp',
      status: 'graduated',
    });
    await buildEnrolment(t.db, { student: an, cls: pastClass, enrolledOn: '2024-09-05', leftOn: null });
    await buildEnrolment(t.db, { student: an, cls });
    await buildEnrolment(t.db, { student: binh, cls });
    await buildGuardian(t.db, { student: an, fullName: 'Nguyễn Văn Cha' });
    await t.db
      .insertInto('attendance')
      .values({
        unit_id: source.id,
        school_year: '2025-2026',
        class_id: cls.id,
        student_id: an.id,
        date: '2025-10-06',
        session: 'morning',
        excused: true,
      })
      .execute();
    // The merged school locked học kì I; the receiving school has not (its term is still open).
    await t.db
      .insertInto('gradebook_terms')
      .values({
        unit_id: source.id,
        school_year: '2025-2026',
        term: 1,
        locked_at: new Date(),
        locked_by: null,
      })
      .execute();
    Object.assign(ids, {
      principal: principal.id,
      deputy: deputy.id,
      teacherUser: teacherUser.id,
      teacher: teacher.id,
      retired: retired.id,
      cls: cls.id,
      pastClass: pastClass.id,
      an: an.id,
      graduate: graduate.id,
    });
    officeA = await t.as('phong.a.admin');
  });
  afterAll(() => t.close());

  const previewMerge = (client: TestClient, from: string, into: string) =>
    client.get(`/api/v1/units/${from}/merge-preview?intoUnitId=${into}`);

  it('xem trước liệt kê học sinh, cán bộ, lớp năm nay, tài khoản, vai trò sẽ chuyển và phần ở lại', async () => {
    const res = await previewMerge(officeA, source.id, u.schoolA.id);
    expect(res.status).toBe(200);
    expect(res.body.blockers).toEqual([]);
    expect(res.body.schoolYear).toBe('2025-2026');
    expect(names(res.body.students)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
    expect(res.body.students.items[0].detail).toBe('6A9');
    expect(names(res.body.staff)).toEqual(['Lê Giáo Viên']);
    expect(names(res.body.classes)).toEqual(['6A9']);
    expect(names(res.body.accounts)).toEqual(['Lê Giáo Viên', 'Phạm Hiệu Trưởng', 'Đinh Phó Hiệu Trưởng']);
    expect(res.body.roles.items.map((r: { detail: string }) => r.detail)).toEqual(['Giáo viên']);
    // The merged school's leaders do not become a second leadership of the receiving school: the preview says so.
    expect(res.body.endingRoles.items.map((r: { detail: string }) => r.detail).sort()).toEqual([
      'Hiệu trưởng',
      'Phó hiệu trưởng',
    ]);
    const notes = res.body.notes.join(' ');
    expect(notes).toMatch(/Vai trò lãnh đạo của Trường THCS Sáp Nhập kết thúc khi sáp nhập/);
    expect(notes).toMatch(/không tự động trở thành Hiệu trưởng, Phó hiệu trưởng của Trường THCS A/);
    expect(notes).toMatch(/Học kì I đã khoá ở Trường THCS Sáp Nhập: các lớp chuyển sang vẫn khoá Học kì I/);
    expect(res.body.stays.join(' ')).toMatch(/1 học sinh đã tốt nghiệp/);
    // The full lists as a workbook: one sheet per group, every name (the page lists the first 300).
    const xlsx = await officeA.get(
      `/api/v1/units/${source.id}/merge-preview.xlsx?intoUnitId=${u.schoolA.id}`,
    );
    expect(xlsx.status).toBe(200);
    const book = await workbookOf(xlsx.raw);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Học sinh',
      'Cán bộ',
      'Lớp',
      'Tài khoản',
      'Vai trò chuyển',
      'Vai trò kết thúc',
    ]);
    const students = book.getWorksheet('Học sinh');
    expect(students && rowValues(students, 1)[0]).toBe(
      'Sáp nhập Trường THCS Sáp Nhập vào Trường THCS A — Học sinh (2)',
    );
    expect(students && [rowValues(students, 3), rowValues(students, 4)]).toEqual([
      [1, 'Nguyễn Văn An', '6A9'],
      [2, 'Trần Thị Bình', '6A9'],
    ]);
  });

  it('trường tiểu học không sáp nhập được vào trường THCS: xem trước nêu lý do, thực hiện bị từ chối', async () => {
    const preview = await previewMerge(officeA, primary.id, u.schoolA.id);
    expect(preview.body.blockers.join(' ')).toMatch(/không dạy đủ các khối/);
    const res = await officeA.post(`/api/v1/units/${primary.id}/merge`, {
      intoUnitId: u.schoolA.id,
      ...decision,
      expectedState: preview.body.expectedState,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.intoUnitId).toMatch(/không dạy đủ/);
  });

  it('người của phòng khác không xem trước, không thực hiện được', async () => {
    const other = await t.as('phong.b.admin');
    expect((await previewMerge(other, source.id, u.schoolA.id)).status).toBe(403);
    const res = await other.post(`/api/v1/units/${source.id}/merge`, {
      intoUnitId: u.schoolB.id,
      ...decision,
      expectedState: 'x',
    });
    expect(res.status).toBe(403);
    expect((await previewMerge(await t.as('ht.a'), source.id, u.schoolA.id)).status).toBe(403);
  });

  it('thiếu số quyết định bị từ chối, nêu tên trường bằng tiếng Việt', async () => {
    const preview = await previewMerge(officeA, source.id, u.schoolA.id);
    const res = await officeA.post(`/api/v1/units/${source.id}/merge`, {
      intoUnitId: u.schoolA.id,
      decisionDate: decision.decisionDate,
      effectiveOn: decision.effectiveOn,
      expectedState: preview.body.expectedState,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Số quyết định/);
  });

  it('xem trước đã cũ (có học sinh mới sau khi xem) thì bị từ chối 409, không gì thay đổi', async () => {
    const preview = await previewMerge(officeA, source.id, u.schoolA.id);
    const late = await buildStudent(t.db, { unit: source, fullName: 'Hồ Mới Vào' });
    const res = await officeA.post(`/api/v1/units/${source.id}/merge`, {
      intoUnitId: u.schoolA.id,
      ...decision,
      expectedState: preview.body.expectedState,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toMatch(/xem trước lại/);
    const still = await t.db
      .selectFrom('units')
      .select('status')
      .where('id', '=', source.id)
      .executeTakeFirstOrThrow();
    expect(still.status).toBe('active');
    await t.db.deleteFrom('student_status_history').where('student_id', '=', late.id).execute();
    await t.db.deleteFrom('students').where('id', '=', late.id).execute();
  });

  it('vai trò giữ lại phải là vai trò lãnh đạo kết thúc theo bản xem trước (400, không gì thay đổi)', async () => {
    const preview = await previewMerge(officeA, source.id, u.schoolA.id);
    const teacherRole = preview.body.roles.items[0].id;
    const res = await officeA.post(`/api/v1/units/${source.id}/merge`, {
      intoUnitId: u.schoolA.id,
      ...decision,
      keepRoles: [teacherRole],
      expectedState: preview.body.expectedState,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.keepRoles).toMatch(/vai trò lãnh đạo kết thúc khi sáp nhập/);
    const unit = await t.db
      .selectFrom('units')
      .select('status')
      .where('id', '=', source.id)
      .executeTakeFirst();
    expect(unit?.status).toBe('active');
  });

  it('sáp nhập: học sinh, lớp, cán bộ, tài khoản, vai trò sang trường tiếp nhận; năm cũ ở lại; lịch sử ghi quyết định', async () => {
    const preview = await previewMerge(officeA, source.id, u.schoolA.id);
    // The decision keeps the deputy as a deputy of the receiving school; the principal's role ends.
    const deputyRole = preview.body.endingRoles.items.find(
      (r: { detail: string }) => r.detail === 'Phó hiệu trưởng',
    ).id;
    const res = await officeA.post(`/api/v1/units/${source.id}/merge`, {
      intoUnitId: u.schoolA.id,
      ...decision,
      reason: 'Sắp xếp mạng lưới trường lớp',
      keepRoles: [deputyRole],
      expectedState: preview.body.expectedState,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ status: 'merged', mergedIntoId: u.schoolA.id });
    const unitOf = async (table: 'students' | 'staff' | 'classes' | 'users', id: string) =>
      (await t.db.selectFrom(table).select('unit_id').where('id', '=', id).executeTakeFirstOrThrow()).unit_id;
    expect(await unitOf('students', ids.an as string)).toBe(u.schoolA.id);
    expect(await unitOf('classes', ids.cls as string)).toBe(u.schoolA.id);
    expect(await unitOf('staff', ids.teacher as string)).toBe(u.schoolA.id);
    expect(await unitOf('users', ids.principal as string)).toBe(u.schoolA.id);
    expect(await unitOf('students', ids.graduate as string)).toBe(source.id);
    expect(await unitOf('staff', ids.retired as string)).toBe(source.id);
    expect(await unitOf('classes', ids.pastClass as string)).toBe(source.id);
    const enrolments = await t.db
      .selectFrom('enrolments')
      .select(['unit_id', 'school_year'])
      .where('student_id', '=', ids.an as string)
      .orderBy('school_year')
      .execute();
    expect(enrolments.map((e) => e.unit_id)).toEqual([source.id, u.schoolA.id]);
    const roles = await t.db
      .selectFrom('role_assignments')
      .select(['unit_id', 'role'])
      .where('user_id', 'in', [ids.principal as string, ids.teacherUser as string, ids.deputy as string])
      .orderBy('role')
      .execute();
    expect(roles).toEqual([
      { unit_id: u.schoolA.id, role: 'teacher' },
      { unit_id: u.schoolA.id, role: 'vice_principal' },
    ]);
    // The principal's ended role is kept in the history: its audit row names the decision.
    const ended = await t.db
      .selectFrom('audit_log')
      .select(['unit_id', 'action', 'before', 'after'])
      .where('entity', '=', 'role_assignment')
      .execute();
    expect(ended).toEqual([
      {
        unit_id: source.id,
        action: 'revoke',
        before: expect.objectContaining({ username: 'ht.sn', role: 'principal' }),
        after: expect.objectContaining({ reason: expect.stringMatching(/Sáp nhập .* \(QĐ 125\/QĐ-UBND\)/) }),
      },
    ]);
    // Học kì I stays locked for 6A9 at the receiving school, whose own học kì I is open.
    const locks = await t.db
      .selectFrom('gradebook_class_locks')
      .select(['unit_id', 'class_id', 'term', 'reason'])
      .execute();
    expect(locks).toEqual([
      {
        unit_id: u.schoolA.id,
        class_id: ids.cls,
        term: 1,
        reason: expect.stringContaining('Khoá của Trường THCS Sáp Nhập trước khi sáp nhập'),
      },
    ]);
    const receiving = await t.as('ht.a');
    const grid = await receiving.get(`/api/v1/gradebook/classes/${ids.cls}/subjects/math/terms/1`);
    expect(grid.status, JSON.stringify(grid.body)).toBe(200);
    expect(grid.body.lock).toMatchObject({ locked: true, open: false });
    const term2 = await receiving.get(`/api/v1/gradebook/classes/${ids.cls}/subjects/math/terms/2`);
    expect(term2.body.lock).toMatchObject({ locked: false, open: true });
    const terms = await receiving.get(`/api/v1/gradebook/terms?unitId=${u.schoolA.id}&schoolYear=2025-2026`);
    expect(terms.body.terms[0]).toMatchObject({ term: 1, locked: false });
    expect(terms.body.classLocks).toMatchObject([{ term: 1, className: '6A9' }]);
    // An unlock with a reason reopens the carried lock as it reopens a school's.
    const unlocked = await receiving.post('/api/v1/gradebook/unlocks', {
      classId: ids.cls,
      term: 1,
      kind: 'subject',
      subjectCode: 'math',
      reason: 'Sửa điểm nhập nhầm sau sáp nhập',
    });
    expect(unlocked.status, JSON.stringify(unlocked.body)).toBe(201);
    const reopened = await receiving.get(`/api/v1/gradebook/classes/${ids.cls}/subjects/math/terms/1`);
    expect(reopened.body.lock).toMatchObject({ locked: true, open: true });
    const attendance = await t.db
      .selectFrom('attendance')
      .select('unit_id')
      .where('class_id', '=', ids.cls as string)
      .execute();
    expect(attendance.map((a) => a.unit_id)).toEqual([u.schoolA.id]);
    const guardians = await t.db
      .selectFrom('student_guardians')
      .select('unit_id')
      .where('student_id', '=', ids.an as string)
      .execute();
    expect(guardians.map((g) => g.unit_id)).toEqual([u.schoolA.id]);

    const out = await officeA.get(`/api/v1/units/${source.id}/reorganisations`);
    expect(out.body).toEqual([
      expect.objectContaining({
        kind: 'merge',
        direction: 'out',
        targetName: 'Trường THCS A',
        decisionNumber: '125/QĐ-UBND',
        decisionDate: '2026-06-20',
        effectiveOn: '2026-07-01',
        moved: expect.objectContaining({
          students: 2,
          staff: 1,
          classes: 1,
          accounts: 3,
          roles: 2,
          endedRoles: 1,
          keptRoles: 1,
        }),
      }),
    ]);
    const inbound = await officeA.get(`/api/v1/units/${u.schoolA.id}/reorganisations`);
    expect(inbound.body).toEqual([
      expect.objectContaining({ direction: 'in', unitName: 'Trường THCS Sáp Nhập' }),
    ]);
    const audits = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'unit')
      .where('entity_id', 'in', [source.id, u.schoolA.id])
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['merge', 'receive_merged']);
    // The kept deputy now works at the receiving school; the former principal is not its principal.
    const deputy = await t.as('pht.sn');
    expect((await deputy.get(`/api/v1/units/${u.schoolA.id}`)).status).toBe(200);
    const former = await t.as('ht.sn');
    const settings = await former.put('/api/v1/gradebook/terms/2', {
      unitId: u.schoolA.id,
      schoolYear: '2025-2026',
      entryDeadline: null,
      locked: true,
    });
    expect(settings.status).toBe(403);
  });

  it('trường đã sáp nhập chỉ còn để xem: sửa, sáp nhập lại đều bị từ chối', async () => {
    const edit = await officeA.patch(`/api/v1/units/${source.id}`, { name: 'Tên Mới' });
    expect(edit.status).toBe(409);
    const again = await previewMerge(officeA, source.id, u.schoolA.id);
    expect(again.body.blockers.join(' ')).toMatch(/đã sáp nhập/);
    // Roles held on a merged school no longer count (sessions); above it, a system administrator is refused too.
    await buildUser(t.db, { unit: u.ministry, username: 'qtht', roles: [{ role: 'system_admin' }] });
    const former = await t.as('qtht');
    const cls = await former.post('/api/v1/classes', {
      unitId: source.id,
      schoolYear: '2025-2026',
      grade: 6,
      name: '6Z',
    });
    expect(cls.status).toBe(409);
    expect(cls.body.error.message).toMatch(/chỉ còn để xem/);
  });

  it('lớp trùng tên ở trường tiếp nhận chặn việc sáp nhập', async () => {
    const other = await buildUnit(t.db, {
      parent: u.officeA,
      level: 'lower_secondary',
      name: 'Trường THCS Trùng',
    });
    await buildClass(t.db, { unit: other, name: '6A9' });
    const preview = await previewMerge(officeA, other.id, u.schoolA.id);
    expect(preview.body.blockers.join(' ')).toMatch(/lớp trùng tên: 6A9/);
  });

  it('chuyển trường: chỉ sang cơ quan đúng cấp; có quyết định; lịch sử ghi chuyển từ đâu', async () => {
    const so = await t.as('so.admin');
    const wrong = await so.get(`/api/v1/units/${u.highSchool.id}/move-preview?parentId=${u.officeA.id}`);
    expect(wrong.body.blockers.join(' ')).toMatch(/chỉ trực thuộc Sở/);
    const preview = await so.get(`/api/v1/units/${primary.id}/move-preview?parentId=${u.officeB.id}`);
    expect(preview.body.blockers).toEqual([]);
    const res = await so.post(`/api/v1/units/${primary.id}/move`, {
      parentId: u.officeB.id,
      ...decision,
      expectedState: preview.body.expectedState,
    });
    expect(res.status).toBe(200);
    expect(res.body.parentId).toBe(u.officeB.id);
    const history = await so.get(`/api/v1/units/${primary.id}/reorganisations`);
    expect(history.body).toEqual([
      expect.objectContaining({ kind: 'move', fromParentName: 'Phòng GD&ĐT A', targetName: 'Phòng GD&ĐT B' }),
    ]);
  });
});
