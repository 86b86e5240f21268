import type ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLASS_STUDENTS } from '#contracts/classes.ts';
import { XLSX_MIME } from '#contracts/common.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildClass, buildSchoolAccounts, fillClass } from '../../../test/factories.ts';
import { buildWorkbook, childNationalId, loadWorkbook } from '../../../test/factories-imports.ts';
import { studentsImportKind } from '../students/import-kind.ts';
import { deleteStalePreviews, PREVIEW_KEPT_MS } from './cleanup.ts';
import { ERROR_FILL, ERRORS_SHEET } from './error-workbook.ts';

const HEADERS = studentsImportKind.columns.map((c) => c.header);
const row = (cells: Partial<Record<string, string | number | null>>) =>
  studentsImportKind.columns.map((c) => cells[c.key] ?? null);

describe.each(STORAGES)('xem trước và ghi tệp nhập (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let serial = 20_000;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    principal = await t.as('ht.a');
    await buildClass(t.db, { unit: u.schoolA, name: '6A1', grade: 6 });
  });
  afterAll(() => t.close());

  const preview = (client: TestClient, content: Buffer, unitId = u.schoolA.id) =>
    client.upload(`/api/v1/imports/preview?unitId=${unitId}&kind=students`, 'file', {
      name: 'lop-6a1.xlsx',
      content,
      type: XLSX_MIME,
    });
  const commit = (client: TestClient, fileId: string) =>
    client.post('/api/v1/imports/commit', { unitId: u.schoolA.id, kind: 'students', fileId });
  const countNamed = async (fullName: string) =>
    Number(
      (
        await t.db
          .selectFrom('students')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('unit_id', '=', u.schoolA.id)
          .where('full_name', '=', fullName)
          .executeTakeFirstOrThrow()
      ).n,
    );
  const oneStudentFile = (fullName: string) =>
    buildWorkbook('Học sinh', HEADERS, [row({ fullName, nationalId: childNationalId(serial++) })]);

  it('một tệp chỉ ghi một lần: lần ghi thứ hai trả 409 already_done kèm tác vụ đầu, không ghi thêm', async () => {
    const previewed = await preview(principal, await oneStudentFile('Lê Văn Một Lần'));
    expect(previewed.body.fileId).toEqual(expect.any(String));
    const first = await commit(principal, previewed.body.fileId);
    expect(first.status).toBe(202);
    await t.jobs.idle();
    const second = await commit(principal, previewed.body.fileId);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({
      code: 'already_done',
      message: expect.stringContaining('đã được ghi'),
      details: { jobId: first.body.jobId, status: 'succeeded', result: { kind: 'students', created: 1 } },
    });
    await t.jobs.idle();
    expect(await countNamed('Lê Văn Một Lần')).toBe(1);
    const jobs = await t.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'imports.commit')
      .where(sql<string>`payload->>'fileId'`, '=', previewed.body.fileId)
      .execute();
    expect(jobs.map((j) => j.id)).toEqual([first.body.jobId]);
  });

  it('bấm "Ghi" hai lần cùng lúc: đúng một lần nhập, lần kia 409 với cùng tác vụ', async () => {
    const previewed = await preview(principal, await oneStudentFile('Lê Văn Bấm Đúp'));
    const answers = await Promise.all([
      commit(principal, previewed.body.fileId),
      commit(principal, previewed.body.fileId),
    ]);
    await t.jobs.idle();
    expect(answers.map((a) => a.status).sort()).toEqual([202, 409]);
    const accepted = answers.find((a) => a.status === 202);
    const refused = answers.find((a) => a.status === 409);
    expect(refused?.body.error.details.jobId).toBe(accepted?.body.jobId);
    expect(await countNamed('Lê Văn Bấm Đúp')).toBe(1);
  });

  it('tác vụ ghi thất bại không ghi gì, nên tệp được ghi lại; tệp của trường khác thì không tìm thấy', async () => {
    const previewed = await preview(principal, await oneStudentFile('Lê Văn Thử Lại'));
    const first = await commit(principal, previewed.body.fileId);
    // Wait for the first job before the retry: the file is claimed by a queued or running job.
    expect((await commit(principal, previewed.body.fileId)).status).toBe(409);
    await t.jobs.idle();
    // As after a restart mid-import: the job is failed and its transaction wrote nothing.
    await t.db
      .updateTable('students')
      .set({ full_name: 'Lê Văn Đã Đổi', national_id: null })
      .where('unit_id', '=', u.schoolA.id)
      .where('full_name', '=', 'Lê Văn Thử Lại')
      .execute();
    await t.db.updateTable('jobs').set({ status: 'failed' }).where('id', '=', first.body.jobId).execute();
    const retried = await commit(principal, previewed.body.fileId);
    expect(retried.status).toBe(202);
    expect(retried.body.jobId).not.toBe(first.body.jobId);
    await t.jobs.idle();
    expect(await countNamed('Lê Văn Thử Lại')).toBe(1);
    const otherSchool = await (await t.as('ht.b')).post('/api/v1/imports/commit', {
      unitId: u.schoolB.id,
      kind: 'students',
      fileId: previewed.body.fileId,
    });
    expect(otherSchool.status).toBe(404);
  });

  it('tải tệp lỗi: đúng các ô lỗi tô đỏ, lời nhắn trong chú thích; cùng quyền như xem trước', async () => {
    const file = await buildWorkbook('Học sinh', HEADERS, [
      row({ fullName: 'Lê Thị Hoa', birthDate: '31/02/2013', className: '6A1' }), // 2: B2 impossible date
      row({ fullName: 'Trần Văn Nam', className: '9Z9' }), // 3: D3 unknown class
      row({ fullName: 'Phạm Văn Đúng', className: '6A1' }), // 4: no error
    ]);
    const previewed = await preview(principal, file);
    expect(previewed.body.valid).toBe(false);
    expect(previewed.body.fileId).toBeNull();
    const url = `/api/v1/imports/previews/${previewed.body.previewId}/errors.xlsx?unitId=${u.schoolA.id}&kind=students`;
    const res = await principal.get(url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_MIME);
    expect(res.headers['content-disposition']).toContain('lop-6a1-loi.xlsx');
    const workbook = await loadWorkbook(res.raw);
    const sheet = workbook.getWorksheet('Học sinh') as ExcelJS.Worksheet;
    expect(sheet.getCell('B2').fill).toEqual(ERROR_FILL);
    expect(noteText(sheet.getCell('B2'))).toContain('31/02/2013');
    expect(sheet.getCell('D3').fill).toEqual(ERROR_FILL);
    expect(noteText(sheet.getCell('D3'))).toContain('Không có lớp 9Z9');
    for (const clean of ['A2', 'D2', 'A3', 'B3', 'A4', 'B4', 'D4']) {
      expect(sheet.getCell(clean).fill, clean).toBeUndefined();
      expect(sheet.getCell(clean).note, clean).toBeUndefined();
    }
    expect(sheet.getCell('A2').value).toBe('Lê Thị Hoa');
    expect(workbook.getWorksheet(ERRORS_SHEET)?.rowCount).toBe(3);

    expect((await (await t.as('gv.a')).get(url)).status).toBe(403);
    const otherSchool = `/api/v1/imports/previews/${previewed.body.previewId}/errors.xlsx?unitId=${u.schoolB.id}&kind=students`;
    expect((await (await t.as('ht.b')).get(otherSchool)).status).toBe(404);
    expect((await principal.get(otherSchool)).status).toBe(403);
  });

  it('tải tệp lỗi: thiếu cột bắt buộc (không có ô nào) được ghi chú ở dòng đầu', async () => {
    const withoutName = HEADERS.filter((h) => h !== 'Họ và tên');
    const file = await buildWorkbook('Học sinh', withoutName, [['01/02/2013']]);
    const previewed = await preview(principal, file);
    const res = await principal.get(
      `/api/v1/imports/previews/${previewed.body.previewId}/errors.xlsx?unitId=${u.schoolA.id}&kind=students`,
    );
    const sheet = (await loadWorkbook(res.raw)).getWorksheet('Học sinh') as ExcelJS.Worksheet;
    expect(sheet.getCell('A1').fill).toEqual(ERROR_FILL);
    expect(noteText(sheet.getCell('A1'))).toContain('Thiếu cột bắt buộc "Họ và tên"');
  });

  it(`sĩ số: dòng vượt ${MAX_CLASS_STUDENTS} học sinh của lớp (tính cả học sinh đang học) báo lỗi ở cột Lớp`, async () => {
    const cls = await buildClass(t.db, { unit: u.schoolA, name: '7A1', grade: 7 });
    await fillClass(t.db, cls, MAX_CLASS_STUDENTS - 2);
    const file = await buildWorkbook(
      'Học sinh',
      HEADERS,
      ['An', 'Bình', 'Cường', 'Dũng'].map((given) => row({ fullName: `Lê Văn ${given}`, className: '7a1' })),
    );
    const previewed = await preview(principal, file);
    expect(previewed.body.errors).toEqual(
      [4, 5].map((r) => ({
        row: r,
        column: 'Lớp',
        message: `Lớp 7A1 đã đủ ${MAX_CLASS_STUDENTS} học sinh, số tối đa của một lớp; hãy xếp học sinh vào lớp khác.`,
      })),
    );
  });

  it('dọn tệp xem trước: tệp quá một ngày chưa ghi bị xoá; tệp mới và tệp đã ghi được giữ', async () => {
    const old = new Date(Date.now() - PREVIEW_KEPT_MS - 60_000);
    const stored = async (name: string, createdAt: Date) => {
      const previewed = await preview(principal, await oneStudentFile(name));
      const id: string = previewed.body.previewId;
      await sql`update stored_files set created_at = ${createdAt.toISOString()}::timestamptz where id = ${id}`.execute(
        t.db,
      );
      return id;
    };
    const abandoned = await stored('Lê Văn Bỏ Dở', old);
    const recent = await stored('Lê Văn Mới Xem', new Date());
    const committed = await stored('Lê Văn Đã Ghi', old);
    expect((await commit(principal, committed)).status).toBe(202);
    await t.jobs.idle();
    const failedJob = await stored('Lê Văn Ghi Hỏng', old);
    const job = await commit(principal, failedJob);
    await t.jobs.idle();
    await t.db.updateTable('jobs').set({ status: 'failed' }).where('id', '=', job.body.jobId).execute();

    expect(await deleteStalePreviews(t.db)).toBeGreaterThanOrEqual(2);
    const left = await t.db
      .selectFrom('stored_files')
      .select('id')
      .where('id', 'in', [abandoned, recent, committed, failedJob])
      .execute();
    expect(left.map((f) => f.id).sort()).toEqual([recent, committed].sort());
  });

  it('tác vụ dọn hằng ngày: xếp hàng một lần dù gọi nhiều lần, chạy dưới tên hệ thống', async () => {
    const queued = await t.jobs.queueDaily();
    expect(queued).toHaveLength(1);
    await t.jobs.idle();
    const job = await t.db
      .selectFrom('jobs')
      .select(['kind', 'status', 'created_by'])
      .where('id', '=', queued[0] as string)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({ kind: 'imports.cleanup', status: 'succeeded', created_by: null });
  });
});

function noteText(cell: ExcelJS.Cell): string {
  const note = cell.note as string | ExcelJS.Comment | undefined;
  if (!note) return '';
  if (typeof note === 'string') return note;
  return (note.texts ?? []).map((t) => t.text).join('');
}
