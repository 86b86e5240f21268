import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '#contracts/common.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildClass, buildStaff, buildUser } from '../../../test/factories.ts';
import { buildGradebookSchool } from '../../../test/factories-grades.ts';
import { buildWorkbook, loadWorkbook, sheetRows } from '../../../test/factories-imports.ts';
import { teachingAssignmentsImportKind } from './assignments-import.ts';

const KIND = 'teaching_assignments';
const SHEET = teachingAssignmentsImportKind.sheetName;
const HEADERS = ['Lớp', 'Môn học', 'Giáo viên', 'Số tiết/năm'];

describe.each(STORAGES)('phân công giảng dạy từ Excel (%s)', (storage) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof buildGradebookSchool>>;
  let principal: TestClient;
  let hai1: { id: string };
  let hai2: { id: string };

  beforeAll(async () => {
    t = await startTestApp(storage);
    s = await buildGradebookSchool(t.db);
    await buildClass(t.db, { unit: s.schoolA, name: '7A1', grade: 7 });
    // Two teachers with one name: the file must add the phone number.
    hai1 = await buildStaff(t.db, { unit: s.schoolA, fullName: 'Nguyễn Thị Hai', phone: '0912000001' });
    hai2 = await buildStaff(t.db, { unit: s.schoolA, fullName: 'Nguyễn Thị Hai', phone: '0912000002' });
    // School records officer: may import staff and students, not the teaching assignments.
    await buildUser(t.db, { unit: s.schoolA, username: 'cntt.a', roles: [{ role: 'it_officer' }] });
    principal = await t.as('ht.a');
  });
  afterAll(() => t.close());

  const preview = (client: TestClient, content: Buffer, unitId = s.schoolA.id) =>
    client.upload(`/api/v1/imports/preview?unitId=${unitId}&kind=${KIND}`, 'file', {
      name: 'phan-cong.xlsx',
      content,
      type: XLSX_MIME,
    });
  const commit = async (client: TestClient, fileId: string) => {
    const res = await client.post('/api/v1/imports/commit', { unitId: s.schoolA.id, kind: KIND, fileId });
    expect(res.status).toBe(202);
    await t.jobs.idle();
    return (await client.get(`/api/v1/jobs/${res.body.jobId}`)).body;
  };
  const assignments = () =>
    t.db
      .selectFrom('teaching_assignments')
      .select(['class_id', 'subject_code', 'teacher_id', 'periods_per_year'])
      .where('unit_id', '=', s.schoolA.id)
      .orderBy('subject_code')
      .execute();
  const auditCount = async () =>
    (await t.db.selectFrom('audit_log').select('id').where('entity', '=', 'teaching_assignment').execute())
      .length;

  it('tệp lỗi: mọi lỗi theo dòng và cột bằng tiếng Việt, không ghi gì', async () => {
    const before = await assignments();
    const audits = await auditCount();
    const file = await buildWorkbook(SHEET, HEADERS, [
      ['9Z9', 'Toán', 'Lê Văn Toán', null], // 2: unknown class
      ['6A1', 'Vật lí', 'Lê Văn Toán', null], // 3: not taught in grade 6
      ['6A1', 'Tin học', 'Hoàng Văn Không', null], // 4: unknown teacher
      ['6A1', 'Công nghệ', 'Nguyễn Thị Hai', null], // 5: ambiguous teacher
      ['6A1', 'Âm nhạc', null, 0], // 6: missing teacher, bad periods
      ['7A1', 'Toán', 'Lê Văn Toán', null], // 7: fine
      ['7A1', 'math', 'Phạm Thị Văn', null], // 8: same class × subject as row 7
    ]);
    const res = await preview(principal, file);
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.fileId).toBeNull();
    const errors = res.body.errors.map(
      (e: { row: number; column: string; message: string }) => `${e.row}:${e.column}:${e.message}`,
    );
    expect(errors).toEqual([
      '2:Lớp:Không có lớp 9Z9 trong năm học 2025-2026 của trường.',
      '3:Môn học:Môn "Vật lí" không có trong chương trình khối 6.',
      '4:Giáo viên:Không có giáo viên "Hoàng Văn Không" đang công tác trong danh sách cán bộ của trường.',
      '5:Giáo viên:Có 2 giáo viên cùng tên "Nguyễn Thị Hai"; ghi thêm số điện thoại, ví dụ "Nguyễn Thị Hai (0912345678)".',
      '6:Giáo viên:Thiếu giáo viên (cột bắt buộc).',
      '6:Số tiết/năm:Số tiết/năm từ 1 đến 400.',
      '8:Môn học:Lớp và môn này đã được phân công ở dòng 7 trong tệp.',
    ]);
    expect(await assignments()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it('tệp đúng: ghi qua sổ điểm (thêm và thay giáo viên), có nhật ký; xuất lại cùng bố cục, nhập lại được', async () => {
    const audits = await auditCount();
    const file = await buildWorkbook(SHEET, HEADERS, [
      ['6A1', 'Khoa học tự nhiên', 'Phạm Thị Văn', null], // new, periods from the curriculum
      ['6a1', 'math', 'Nguyễn Thị Hai (0912 000 002)', 150], // replaces Lê Văn Toán
      ['7A1', 'GDCD', '0912000001', null], // teacher by phone, subject by short name
    ]);
    const res = await preview(principal, file);
    expect(res.body.errors).toEqual([]);
    expect(res.body.valid).toBe(true);
    const job = await commit(principal, res.body.fileId);
    expect(job.status).toBe('succeeded');
    expect(job.result).toEqual({ kind: KIND, mode: 'create', created: 3, updated: 0, unchanged: 0 });
    const rows = await assignments();
    const find = (classId: string, code: string) =>
      rows.find((r) => r.class_id === classId && r.subject_code === code);
    expect(find(s.cls.id, 'natural-science')).toMatchObject({
      teacher_id: s.literature.staff.id,
      periods_per_year: 140,
    });
    expect(find(s.cls.id, 'math')).toMatchObject({ teacher_id: hai2.id, periods_per_year: 150 });
    const cls7 = await t.db
      .selectFrom('classes')
      .select('id')
      .where('name', '=', '7A1')
      .executeTakeFirstOrThrow();
    expect(find(cls7.id, 'civic-education')).toMatchObject({ teacher_id: hai1.id, periods_per_year: 35 });
    const logged = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'teaching_assignment')
      .orderBy('id')
      .execute();
    expect(logged.length - audits).toBe(3);
    expect(
      logged
        .slice(audits)
        .map((a) => a.action)
        .sort(),
    ).toEqual(['create', 'create', 'update']);

    const exported = await principal.get(`/api/v1/imports/exports/${KIND}?unitId=${s.schoolA.id}`);
    expect(exported.status).toBe(200);
    const sheet = sheetRows(await loadWorkbook(exported.raw), SHEET);
    expect(sheet[0]).toEqual(HEADERS);
    expect(sheet).toContainEqual(['6A1', 'Toán', 'Nguyễn Thị Hai (0912000002)', '150']);
    expect(sheet).toContainEqual(['6A1', 'Ngữ văn', 'Phạm Thị Văn', '140']);
    expect(sheet).toContainEqual(['7A1', 'Giáo dục công dân', 'Nguyễn Thị Hai (0912000001)', '35']);
    const again = await preview(principal, exported.raw);
    expect(again.body.errors).toEqual([]);
    expect(again.body.total).toBe(sheet.length - 1);
  });

  it('giáo viên, cán bộ CNTT (không có quyền quản lý sổ điểm) và trường khác bị từ chối', async () => {
    const file = await buildWorkbook(SHEET, HEADERS, [['6A1', 'Tin học', 'Lê Văn Toán', null]]);
    const ok = await preview(principal, file);
    expect(ok.body.valid).toBe(true);
    const before = await assignments();
    for (const username of ['gv.toan', 'cntt.a', 'ht.b']) {
      const client = await t.as(username);
      expect((await preview(client, file)).status, username).toBe(403);
      const res = await client.post('/api/v1/imports/commit', {
        unitId: s.schoolA.id,
        kind: KIND,
        fileId: ok.body.fileId,
      });
      expect(res.status, username).toBe(403);
      const exported = await client.get(`/api/v1/imports/exports/${KIND}?unitId=${s.schoolA.id}`);
      // Export needs only gradebook.read, which the records officer has (statistics).
      expect(exported.status, username).toBe(username === 'cntt.a' ? 200 : 403);
    }
    const kinds = await (await t.as('cntt.a')).get('/api/v1/imports/kinds');
    expect(kinds.body.find((k: { kind: string }) => k.kind === KIND).permission).toBe('gradebook.manage');
    expect(await assignments()).toEqual(before);
    // The vice-principal manages the gradebook too.
    const vice = await t.as('pht.a');
    const vp = await preview(vice, file);
    expect(vp.body.valid).toBe(true);
    expect((await commit(vice, vp.body.fileId)).status).toBe('succeeded');
  });
});
