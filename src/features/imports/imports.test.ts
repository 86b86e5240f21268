import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '#contracts/common.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildHomeroomTeacher,
  buildProvince,
  buildSchoolAccounts,
  buildStudent,
  buildUser,
} from '../../../test/factories.ts';
import { buildWorkbook, childNationalId, loadWorkbook, sheetRows } from '../../../test/factories-imports.ts';
import { studentsImportKind } from '../students/import-kind.ts';

const HEADERS = studentsImportKind.columns.map((c) => c.header);
/** A student row in template column order: name, birth, sex, class, moet code, national id, then the rest. */
const row = (cells: Partial<Record<string, string | number | null>>) =>
  studentsImportKind.columns.map((c) => cells[c.key] ?? null);

describe.each(STORAGES)('nhập, xuất Excel (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    principal = await t.as('ht.a');
    await buildClass(t.db, { unit: u.schoolA, name: '6A1', grade: 6 });
    await buildClass(t.db, { unit: u.schoolA, name: '6A2', grade: 6 });
    // A student of another school of the province already holds this personal ID.
    await buildStudent(t.db, {
      unit: u.schoolB,
      fullName: 'Trần Văn Có Sẵn',
      nationalId: childNationalId(999),
    });
  });
  afterAll(() => t.close());

  const preview = (client: TestClient, kind: string, content: Buffer, unitId = u.schoolA.id) =>
    client.upload(`/api/v1/imports/preview?unitId=${unitId}&kind=${kind}`, 'file', {
      name: 'danh-sach.xlsx',
      content,
      type: XLSX_MIME,
    });
  const countStudents = async () =>
    Number(
      (
        await t.db
          .selectFrom('students')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('unit_id', '=', u.schoolA.id)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('mẫu học sinh: tiêu đề tiếng Việt, trang hướng dẫn, danh sách chọn cho giới tính và trạng thái', async () => {
    const res = await principal.get('/api/v1/imports/templates/students');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    const workbook = await loadWorkbook(res.raw);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Học sinh', 'Hướng dẫn', 'Danh mục']);
    expect(sheetRows(workbook, 'Học sinh')[0]).toEqual(HEADERS);
    const sheet = workbook.getWorksheet('Học sinh');
    const validations = (sheet as unknown as { dataValidations: { model: Record<string, { type: string }> } })
      .dataValidations.model;
    expect(validations.C2?.type).toBe('list'); // Giới tính
    expect(JSON.stringify(sheetRows(workbook, 'Danh mục'))).toContain('Chuyển đến');
    expect(JSON.stringify(sheetRows(workbook, 'Hướng dẫn'))).toContain('DD/MM/YYYY');
    const unknown = await principal.get('/api/v1/imports/templates/diem');
    expect(unknown.status).toBe(400);
    expect((await t.anonymous().get('/api/v1/imports/templates/staff')).status).toBe(401);
  });

  it('mẫu cán bộ và lớp học: cột của mẫu, chức vụ và tình trạng công tác là danh sách chọn', async () => {
    const staff = await loadWorkbook((await principal.get('/api/v1/imports/templates/staff')).raw);
    const headers = sheetRows(staff, 'Cán bộ')[0] ?? [];
    expect(headers).toContain('Chức vụ');
    const lists = JSON.stringify(sheetRows(staff, 'Danh mục'));
    expect(lists).toContain('Hiệu trưởng');
    expect(lists).toContain('Biên chế');
    const classes = await loadWorkbook((await principal.get('/api/v1/imports/templates/classes')).raw);
    expect(sheetRows(classes, 'Lớp học')[0]).toEqual([
      'Tên lớp',
      'Khối',
      'Giáo viên chủ nhiệm',
      'Phòng học',
      'Sĩ số',
    ]);
    expect(JSON.stringify(sheetRows(classes, 'Hướng dẫn'))).toContain('bỏ qua khi nhập');
  });

  it('tệp hỏng: liệt kê mọi lỗi theo dòng và cột, không cho ghi, không ghi gì', async () => {
    const before = await countStudents();
    const file = await buildWorkbook('Học sinh', HEADERS, [
      row({ fullName: 'Lê Thị Hoa', birthDate: '31/02/2013', gender: 'Nữ', className: '6A1' }), // 2: bad date
      row({ fullName: '', gender: 'Nam', className: '6A1' }), // 3: missing name
      row({ fullName: 'Phạm Văn Đức', className: '6A1', nationalId: '00121301' }), // 4: malformed ID
      row({ fullName: 'Hồ Thị Mai', className: '6A1', nationalId: childNationalId(1, 2013, true) }), // 5
      row({ fullName: 'Vũ Thị Lan', className: '6A1', nationalId: childNationalId(1, 2013, true) }), // 6: dup in file
      row({ fullName: 'Đỗ Văn Nam', className: '6A1', nationalId: childNationalId(999) }), // 7: dup in province
      row({ fullName: 'Bùi Văn Sơn', className: '9Z9' }), // 8: unknown class
      row({ fullName: 'Đặng Thị Vy', gender: 'Khác', className: '6A2' }), // 9: bad enumeration
      row({ fullName: 'Trần Minh Quân', birthDate: '2013-13-45', className: '6A2' }), // 10: bad date
    ]);
    const res = await preview(principal, 'students', file);
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.fileId).toBeNull();
    expect(res.body.total).toBe(9);
    const errors = res.body.errors.map((e: { row: number; column: string }) => `${e.row}:${e.column}`);
    expect(errors).toEqual([
      '2:Ngày sinh',
      '3:Họ và tên',
      '4:Số định danh cá nhân',
      '6:Số định danh cá nhân',
      '7:Số định danh cá nhân',
      '8:Lớp',
      '9:Giới tính',
      '10:Ngày sinh',
    ]);
    const messages = res.body.errors.map((e: { message: string }) => e.message).join('\n');
    expect(messages).toContain('không có thật');
    expect(messages).toContain('Thiếu họ và tên');
    expect(messages).toContain('12 chữ số');
    expect(messages).toContain('trùng với dòng 5');
    expect(messages).toContain('Trường THCS B');
    expect(messages).toContain('Không có lớp 9Z9');
    expect(messages).toContain('"Khác" không có trong danh sách giới tính');
    expect(await countStudents()).toBe(before);
  });

  it('tệp không phải Excel, thiếu cột bắt buộc hay cột lạ: báo lỗi tiêu đề', async () => {
    const notExcel = await preview(principal, 'students', Buffer.from('Họ và tên;Lớp\nAn;6A1'));
    expect(notExcel.body.errors).toEqual([
      { row: null, column: null, message: expect.stringContaining('cần tệp Excel .xlsx') },
    ]);
    const headers = HEADERS.filter((h) => h !== 'Họ và tên').map((h) =>
      h === 'Ngày sinh' ? 'Ngày sanh' : h,
    );
    const wrongHeaders = await preview(
      principal,
      'students',
      await buildWorkbook('Học sinh', headers, [['x']]),
    );
    expect(wrongHeaders.body.errors).toEqual([
      { row: 1, column: 'Ngày sanh', message: expect.stringContaining('không có trong mẫu học sinh') },
      { row: 1, column: 'Họ và tên', message: expect.stringContaining('Thiếu cột bắt buộc') },
    ]);
    const empty = await preview(principal, 'students', await buildWorkbook('Học sinh', HEADERS, []));
    expect(empty.body.errors[0].message).toContain('chưa có dòng dữ liệu');
  });

  it('trường A không nhập vào, không xuất từ trường B; giáo viên không được nhập', async () => {
    const file = await buildWorkbook('Học sinh', HEADERS, [row({ fullName: 'Lê Văn An' })]);
    expect((await preview(principal, 'students', file, u.schoolB.id)).status).toBe(403);
    expect((await principal.get(`/api/v1/imports/exports/students?unitId=${u.schoolB.id}`)).status).toBe(403);
    expect((await principal.get(`/api/v1/imports/exports/staff?unitId=${u.schoolB.id}`)).status).toBe(403);
    const officeB = await t.as('phong.b');
    expect((await officeB.get(`/api/v1/imports/exports/classes?unitId=${u.schoolA.id}`)).status).toBe(403);
    const teacher = await t.as('gv.a');
    expect((await preview(teacher, 'students', file)).status).toBe(403);
    expect((await preview(teacher, 'classes', file)).status).toBe(403);
    const ok = await preview(principal, 'students', file);
    const commit = await teacher.post('/api/v1/imports/commit', {
      unitId: u.schoolA.id,
      kind: 'students',
      fileId: ok.body.fileId,
    });
    expect(commit.status).toBe(403);
    const otherSchool = await (await t.as('ht.b')).post('/api/v1/imports/commit', {
      unitId: u.schoolA.id,
      kind: 'students',
      fileId: ok.body.fileId,
    });
    expect(otherSchool.status).toBe(403);
  });

  it('2000 học sinh: một tác vụ ghi tất cả, báo tiến độ, mỗi dòng có nhật ký và được xếp lớp', async () => {
    // Ten classes of 200, the most a class may hold (MAX_CLASS_STUDENTS).
    for (let n = 3; n <= 10; n++) await buildClass(t.db, { unit: u.schoolA, name: `6A${n}`, grade: 6 });
    const rows = Array.from({ length: 2000 }, (_, i) =>
      row({
        fullName: `Nguyễn Văn ${['An', 'Bình', 'Cường', 'Dũng'][i % 4]} ${['Hải', 'Long', 'Minh', 'Phong', 'Tâm'][Math.floor(i / 4) % 5]}`,
        birthDate: `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2013`,
        gender: 'Nam',
        className: `6A${(i % 10) + 1}`,
        moetStudentCode: `HS${String(i).padStart(8, '0')}`,
        nationalId: childNationalId(i + 100_000),
        guardianName: 'Nguyễn Văn Bố',
        guardianRelationship: 'Cha',
        guardianPhone: '0912345678',
      }),
    );
    const file = await buildWorkbook('Học sinh', HEADERS, rows);
    const started = Date.now();
    const res = await preview(principal, 'students', file);
    const previewMs = Date.now() - started;
    expect(res.body.errors).toEqual([]);
    expect(res.body.total).toBe(2000);
    const before = await countStudents();
    const commit = await principal.post('/api/v1/imports/commit', {
      unitId: u.schoolA.id,
      kind: 'students',
      fileId: res.body.fileId,
    });
    expect(commit.status).toBe(202);
    const seen: number[] = [];
    const watch = setInterval(() => {
      const live = t.jobs.liveJob(commit.body.jobId);
      if (live) seen.push(live.done);
    }, 50);
    await t.jobs.idle();
    clearInterval(watch);
    const commitMs = Date.now() - started - previewMs;
    const job = await principal.get(`/api/v1/jobs/${commit.body.jobId}`);
    expect(job.body).toMatchObject({
      status: 'succeeded',
      progressDone: 2000,
      progressTotal: 2000,
      result: { kind: 'students', created: 2000 },
    });
    expect(seen.some((done) => done > 0 && done < 2000)).toBe(true);
    expect(await countStudents()).toBe(before + 2000);
    const audits = await t.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('unit_id', '=', u.schoolA.id)
      .where('entity', '=', 'student')
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(Number(audits.n)).toBeGreaterThanOrEqual(2000);
    const enrolled = await t.db
      .selectFrom('enrolments')
      .innerJoin('classes', 'classes.id', 'enrolments.class_id')
      .select(['classes.name', (eb) => eb.fn.countAll().as('n')])
      .where('enrolments.unit_id', '=', u.schoolA.id)
      .groupBy('classes.name')
      .orderBy('classes.name')
      .execute();
    expect(enrolled.map((e) => Number(e.n))).toEqual(Array(10).fill(200));
    console.log(`[imports ${storage}] 2000 students: preview ${previewMs} ms, commit ${commitMs} ms`);
  }, 900_000); // every row goes through the students service (about 18 queries each) on a shared two-core machine

  it('ghi lại tệp đã ghi: kiểm tra lại trong giao dịch, trùng số định danh, tác vụ thất bại, không ghi thêm', async () => {
    const file = await buildWorkbook('Học sinh', HEADERS, [
      row({ fullName: 'Lê Văn Mới', nationalId: childNationalId(5000) }),
    ]);
    const first = await preview(principal, 'students', file);
    const second = await preview(principal, 'students', file);
    await principal.post('/api/v1/imports/commit', {
      unitId: u.schoolA.id,
      kind: 'students',
      fileId: first.body.fileId,
    });
    await t.jobs.idle();
    const before = await countStudents();
    const again = await principal.post('/api/v1/imports/commit', {
      unitId: u.schoolA.id,
      kind: 'students',
      fileId: second.body.fileId,
    });
    await t.jobs.idle();
    const job = await principal.get(`/api/v1/jobs/${again.body.jobId}`);
    expect(job.body.status).toBe('failed');
    expect(job.body.error.details.errors).toEqual([
      { row: 2, column: 'Số định danh cá nhân', message: expect.stringContaining('Trường THCS A') },
    ]);
    expect(await countStudents()).toBe(before);
  });

  it('xuất danh sách: thông tin nhạy cảm chỉ cho người có quyền, có ghi nhật ký truy cập', async () => {
    const full = await principal.get(`/api/v1/imports/exports/students?unitId=${u.schoolA.id}`);
    expect(full.status).toBe(200);
    const rows = sheetRows(await loadWorkbook(full.raw), 'Học sinh');
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.length).toBe(2002);
    const logged = await t.db
      .selectFrom('data_access_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('unit_id', '=', u.schoolA.id)
      .where('action', '=', 'list_export')
      .executeTakeFirstOrThrow();
    expect(Number(logged.n)).toBe(2001);
    const teacher = await t.as('gv.a');
    const limited = sheetRows(
      await loadWorkbook((await teacher.get(`/api/v1/imports/exports/students?unitId=${u.schoolA.id}`)).raw),
      'Học sinh',
    );
    expect(limited[0]).not.toContain('Số định danh cá nhân');
    expect(limited[0]).not.toContain('Địa chỉ');
    expect(limited[0]).toContain('Lớp');
  });
});

describe.each(STORAGES)('Excel: xuất rồi nhập lại (%s)', (storage) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(storage);
  });
  afterAll(() => t.close());

  it('cán bộ, lớp, học sinh xuất từ trường A nhập được vào trường khác tỉnh với cùng dữ liệu', async () => {
    const first = await buildSchoolAccounts(t.db);
    const second = await buildProvince(t.db);
    await buildUser(t.db, { unit: second.schoolA, username: 'ht.moi', roles: [{ role: 'principal' }] });
    const teacher = await buildHomeroomTeacher(t.db, { unit: first.schoolA, fullName: 'Vũ Thị Lan' });
    const cls = await buildClass(t.db, {
      unit: first.schoolA,
      name: '6A1',
      grade: 6,
      homeroomTeacher: teacher,
    });
    const source = await t.as('ht.a');
    const importClient = await t.as('ht.moi');
    const target = second.schoolA.id;
    const student = await source.post('/api/v1/students', {
      unitId: first.schoolA.id,
      fullName: 'Phạm Thị Ngọc Ánh',
      birthDate: '2013-03-08',
      gender: 'female',
      className: cls.name,
      ethnicity: 'tay',
      nationalId: childNationalId(77, 2013, true),
      address: 'Thôn Bản Giốc, xã Đàm Thuỷ',
      poorHousehold: true,
      guardians: [{ fullName: 'Phạm Văn Hùng', relationship: 'father', phone: '0987654321' }],
    });
    expect(student.status).toBe(201);

    for (const kind of ['staff', 'classes', 'students']) {
      const exported = await source.get(`/api/v1/imports/exports/${kind}?unitId=${first.schoolA.id}`);
      expect(exported.status).toBe(200);
      const previewed = await importClient.upload(
        `/api/v1/imports/preview?unitId=${target}&kind=${kind}`,
        'file',
        {
          name: `${kind}.xlsx`,
          content: exported.raw,
        },
      );
      expect(previewed.body.errors, kind).toEqual([]);
      const commit = await importClient.post('/api/v1/imports/commit', {
        unitId: target,
        kind,
        fileId: previewed.body.fileId,
      });
      await t.jobs.idle();
      const job = await importClient.get(`/api/v1/jobs/${commit.body.jobId}`);
      expect(job.body.status, JSON.stringify(job.body.error)).toBe('succeeded');
    }
    const classes = await importClient.get(`/api/v1/classes?unitId=${target}`);
    expect(classes.body.classes).toMatchObject([
      { name: '6A1', grade: 6, homeroomTeacherName: 'Vũ Thị Lan', studentCount: 1 },
    ]);
    const listed = await importClient.get(`/api/v1/students?unitId=${target}`);
    const copy = await importClient.get(`/api/v1/students/${listed.body.items[0].id}`);
    expect(copy.body).toMatchObject({
      fullName: 'Phạm Thị Ngọc Ánh',
      birthDate: '2013-03-08',
      gender: 'female',
      className: '6A1',
      sensitive: {
        ethnicity: 'tay',
        nationalId: childNationalId(77, 2013, true),
        address: 'Thôn Bản Giốc, xã Đàm Thuỷ',
        poorHousehold: true,
        nearPoorHousehold: false,
      },
      guardians: [{ fullName: 'Phạm Văn Hùng', relationship: 'father', phone: '0987654321' }],
    });
  });
});
