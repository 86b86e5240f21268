import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '#contracts/common.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildEnrolment,
  buildGuardian,
  buildSchoolAccounts,
  buildStudent,
} from '../../../test/factories.ts';
import { buildWorkbook, childNationalId } from '../../../test/factories-imports.ts';
import type { Row } from '../../platform/db/schema.ts';
import { studentsImportKind } from '../students/import-kind.ts';

const HEADERS = studentsImportKind.columns.map((c) => c.header);
/** A student row in template column order. */
const row = (cells: Partial<Record<string, string | number | null>>) =>
  studentsImportKind.columns.map((c) => cells[c.key] ?? null);

describe.each(STORAGES)('nhập học sinh, chế độ thêm mới và cập nhật (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let class6A1: Row<'classes'>;
  let class6A2: Row<'classes'>;
  /** Matched by MOET student code, by national ID, by name + birth date in the class; one left as is. */
  let byCode: Row<'students'>;
  let byNationalId: Row<'students'>;
  let byName: Row<'students'>;
  let untouched: Row<'students'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    principal = await t.as('ht.a');
    class6A1 = await buildClass(t.db, { unit: u.schoolA, name: '6A1', grade: 6 });
    class6A2 = await buildClass(t.db, { unit: u.schoolA, name: '6A2', grade: 6 });
    byCode = await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Nguyễn Văn Mã',
      moetStudentCode: '0101234567',
      address: 'Số 1 Hàng Bông',
    });
    byNationalId = await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Trần Thị Định Danh',
      gender: 'female',
      nationalId: childNationalId(1, 2013, true),
    });
    byName = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Lê Văn Tên', birthDate: '2013-05-20' });
    untouched = await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Hoàng Thị Giữ',
      gender: 'female',
      moetStudentCode: '0109999999',
    });
    for (const student of [byCode, byNationalId, byName]) {
      await buildEnrolment(t.db, { student, cls: class6A1 });
    }
    await buildEnrolment(t.db, { student: untouched, cls: class6A2 });
    // Two guardians written in one statement share position and time: the export and the match agree on the first.
    await t.db
      .insertInto('student_guardians')
      .values(
        ['Hoàng Văn Cha', 'Nguyễn Thị Mẹ'].map((fullName, i) => ({
          unit_id: u.schoolA.id,
          student_id: untouched.id,
          full_name: fullName,
          relationship: i ? ('mother' as const) : ('father' as const),
          phone: `090000000${i}`,
        })),
      )
      .execute();
    await buildGuardian(t.db, {
      student: byName,
      fullName: 'Lê Văn Bố',
      relationship: 'father',
      phone: '0912345678',
    });
  });
  afterAll(() => t.close());

  const preview = (content: Buffer, mode = 'upsert') =>
    principal.upload(`/api/v1/imports/preview?unitId=${u.schoolA.id}&kind=students&mode=${mode}`, 'file', {
      name: 'hoc-sinh.xlsx',
      content,
      type: XLSX_MIME,
    });
  const commit = async (fileId: string) => {
    const res = await principal.post('/api/v1/imports/commit', {
      unitId: u.schoolA.id,
      kind: 'students',
      fileId,
      mode: 'upsert',
    });
    expect(res.status).toBe(202);
    await t.jobs.idle();
    return (await principal.get(`/api/v1/jobs/${res.body.jobId}`)).body;
  };
  const students = () =>
    t.db
      .selectFrom('students')
      .selectAll()
      .where('unit_id', '=', u.schoolA.id)
      .orderBy('full_name')
      .execute();
  const updateAudits = () =>
    t.db
      .selectFrom('audit_log')
      .select(['entity_id', 'before', 'after'])
      .where('unit_id', '=', u.schoolA.id)
      .where('entity', '=', 'student')
      .where('action', '=', 'update')
      .execute();

  it('xuất Excel rồi nhập lại nguyên tệp: mọi dòng "không đổi", ghi không sửa hồ sơ nào', async () => {
    const exported = await principal.get(`/api/v1/imports/exports/students?unitId=${u.schoolA.id}`);
    expect(exported.status).toBe(200);
    const res = await preview(exported.raw);
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([]);
    expect(res.body.counts).toEqual({ created: 0, changed: 0, unchanged: 4 });
    expect(res.body.rows.map((r: { outcome: string }) => r.outcome)).toEqual(Array(4).fill('unchanged'));
    const before = await students();
    const job = await commit(res.body.fileId);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ mode: 'upsert', created: 0, updated: 0, unchanged: 4 });
    expect(await students()).toEqual(before);
    expect(await updateAudits()).toEqual([]);
  });

  it('xem trước: dòng mới / thay đổi (từng ô, cũ → mới) / không đổi; ghi cập nhật và thêm trong một tác vụ', async () => {
    const file = await buildWorkbook('Học sinh', HEADERS, [
      // Matched by code: a new address.
      row({
        fullName: 'Nguyễn Văn Mã',
        birthDate: '20/05/2013',
        gender: 'Nam',
        className: '6A1',
        moetStudentCode: '0101234567',
        address: 'Số 2 Hàng Gai',
        ethnicity: 'Kinh',
      }),
      // Matched by national ID: the name corrected.
      row({
        fullName: 'Trần Thị Định Danh Mới',
        birthDate: '20/05/2013',
        gender: 'Nữ',
        className: '6A1',
        nationalId: childNationalId(1, 2013, true),
        ethnicity: 'Kinh',
      }),
      // Matched by name and birth date in 6A1: the father's phone changed.
      row({
        fullName: 'Lê Văn Tên',
        birthDate: '20/05/2013',
        gender: 'Nam',
        className: '6A1',
        ethnicity: 'Kinh',
        guardianName: 'Lê Văn Bố',
        guardianRelationship: 'Cha',
        guardianPhone: '0987654321',
      }),
      // The same as on record.
      row({
        fullName: 'Hoàng Thị Giữ',
        birthDate: '20/05/2013',
        gender: 'Nữ',
        className: '6A2',
        moetStudentCode: '0109999999',
        ethnicity: 'Kinh',
      }),
      row({ fullName: 'Đỗ Văn Mới', birthDate: '01/02/2013', gender: 'Nam', className: '6A2' }),
    ]);
    const res = await preview(file);
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([]);
    expect(res.body.counts).toEqual({ created: 1, changed: 3, unchanged: 1 });
    const [first, second, third, fourth, fifth] = res.body.rows;
    expect(first.outcome).toBe('changed');
    expect(first.changes).toEqual([
      { key: 'address', header: 'Địa chỉ', before: 'Số 1 Hàng Bông', after: 'Số 2 Hàng Gai' },
    ]);
    expect(second.changes).toEqual([
      {
        key: 'fullName',
        header: 'Họ và tên',
        before: 'Trần Thị Định Danh',
        after: 'Trần Thị Định Danh Mới',
      },
    ]);
    expect(third.changes).toEqual([
      { key: 'guardianPhone', header: 'Điện thoại cha/mẹ', before: '0912345678', after: '0987654321' },
    ]);
    expect(fourth).toMatchObject({ outcome: 'unchanged', changes: [] });
    expect(fifth.outcome).toBe('new');
    // Create mode still refuses the rows of students on record (their codes are taken).
    const created = await preview(file, 'create');
    expect(created.body.valid).toBe(false);

    const untouchedBefore = await t.db
      .selectFrom('students')
      .select('updated_at')
      .where('id', '=', untouched.id)
      .executeTakeFirstOrThrow();
    const job = await commit(res.body.fileId);
    expect(job.status).toBe('succeeded');
    expect(job.result).toMatchObject({ created: 1, updated: 3, unchanged: 1 });
    const after = new Map((await students()).map((s) => [s.id, s]));
    expect(after.get(byCode.id)?.address).toBe('Số 2 Hàng Gai');
    expect(after.get(byNationalId.id)?.full_name).toBe('Trần Thị Định Danh Mới');
    expect(after.get(byNationalId.id)?.search_text).toContain('moi');
    expect(after.get(untouched.id)?.updated_at).toEqual(untouchedBefore.updated_at);
    const guardian = await t.db
      .selectFrom('student_guardians')
      .select(['full_name', 'phone'])
      .where('student_id', '=', byName.id)
      .execute();
    expect(guardian).toEqual([{ full_name: 'Lê Văn Bố', phone: '0987654321' }]);
    const newcomer = [...after.values()].find((s) => s.full_name === 'Đỗ Văn Mới');
    expect(newcomer).toBeDefined();
    // One audit row per changed record, with the fields before and after; none for the unchanged one.
    const audits = await updateAudits();
    expect(audits.map((a) => a.entity_id).sort()).toEqual([byCode.id, byNationalId.id, byName.id].sort());
    const ofCode = audits.find((a) => a.entity_id === byCode.id);
    expect(ofCode?.before).toEqual({ address: 'Số 1 Hàng Bông' });
    expect(ofCode?.after).toEqual({ address: 'Số 2 Hàng Gai' });
    const ofName = audits.find((a) => a.entity_id === byName.id);
    expect(ofName?.after).toMatchObject({ guardian: { phone: '0987654321' } });
  });

  it('hai học sinh cùng họ tên, ngày sinh trong lớp: dòng báo lỗi khớp hai học sinh, không ghi được', async () => {
    for (let i = 0; i < 2; i++) {
      const twin = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Phạm Văn Trùng' });
      await buildEnrolment(t.db, { student: twin, cls: class6A2 });
    }
    const file = await buildWorkbook('Học sinh', HEADERS, [
      row({ fullName: 'Đinh Văn Khác', birthDate: '03/03/2013', className: '6A2' }),
      row({ fullName: 'Phạm Văn Trùng', birthDate: '20/05/2013', className: '6A2', address: 'Mới' }),
    ]);
    const res = await preview(file);
    expect(res.body.valid).toBe(false);
    expect(res.body.fileId).toBeNull();
    expect(res.body.errors).toEqual([
      { row: 3, column: 'Họ và tên', message: expect.stringMatching(/^Dòng 3 khớp với 2 học sinh/) },
    ]);
  });

  it('đổi lớp hay trạng thái của học sinh đã có: báo lỗi ở ô, chỉ đổi trên trang lớp/học sinh', async () => {
    const file = await buildWorkbook('Học sinh', HEADERS, [
      row({ fullName: 'Nguyễn Văn Mã', moetStudentCode: '0101234567', className: '6A2' }),
      row({ fullName: 'Hoàng Thị Giữ', moetStudentCode: '0109999999', status: 'Chuyển đến' }),
      // Guardian cells left empty: the guardian stays (an import removes no guardian).
      row({
        fullName: 'Lê Văn Tên',
        birthDate: '20/05/2013',
        gender: 'Nam',
        className: '6a1',
        ethnicity: 'Kinh',
      }),
    ]);
    const res = await preview(file);
    expect(res.body.errors).toEqual([
      { row: 2, column: 'Lớp', message: expect.stringContaining('đang học lớp 6A1') },
      { row: 3, column: 'Trạng thái', message: expect.stringContaining('Trạng thái chỉ đổi') },
    ]);
    expect(res.body.counts).toEqual({ created: 0, changed: 0, unchanged: 1 });
  });

  it('học sinh chưa có lớp: dòng ghi lớp thì xếp vào lớp đó (Lớp: trống → 6A2), có nhật ký', async () => {
    const unplaced = await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Bùi Văn Chưa Lớp',
      moetStudentCode: '0105555555',
    });
    const file = await buildWorkbook('Học sinh', HEADERS, [
      row({
        fullName: 'Bùi Văn Chưa Lớp',
        birthDate: '20/05/2013',
        gender: 'Nam',
        className: '6A2',
        moetStudentCode: '0105555555',
        ethnicity: 'Kinh',
      }),
    ]);
    const res = await preview(file);
    expect(res.body.errors).toEqual([]);
    expect(res.body.rows[0].changes).toEqual([{ key: 'className', header: 'Lớp', before: '', after: '6A2' }]);
    const job = await commit(res.body.fileId);
    expect(job.result).toMatchObject({ created: 0, updated: 1, unchanged: 0 });
    const enrolment = await t.db
      .selectFrom('enrolments')
      .select('class_id')
      .where('student_id', '=', unplaced.id)
      .where('left_on', 'is', null)
      .executeTakeFirstOrThrow();
    expect(enrolment.class_id).toBe(class6A2.id);
    const audit = (await updateAudits()).find((a) => a.entity_id === unplaced.id);
    expect(audit?.after).toEqual({ className: '6A2' });
  });
});
