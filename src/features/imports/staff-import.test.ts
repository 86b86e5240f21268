import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '#contracts/common.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts } from '../../../test/factories.ts';
import { buildWorkbook } from '../../../test/factories-imports.ts';
import { staffImportKind } from '../staff/import-kind.ts';

const HEADERS = staffImportKind.columns.map((c) => c.header);
const row = (cells: Partial<Record<string, string | null>>) =>
  staffImportKind.columns.map((c) => cells[c.key] ?? null);

describe.each(STORAGES)('nhập cán bộ (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    principal = await t.as('ht.a');
  });
  afterAll(() => t.close());

  const preview = (content: Buffer) =>
    principal.upload(`/api/v1/imports/preview?unitId=${u.schoolA.id}&kind=staff`, 'file', {
      name: 'can-bo.xlsx',
      content,
      type: XLSX_MIME,
    });

  it('CCCD 11 chữ số: xem trước báo lỗi ở ô Số CCCD như khi ghi (một bộ kiểm tra cho cả hai)', async () => {
    const file = await buildWorkbook('Cán bộ', HEADERS, [
      row({ fullName: 'Nguyễn Văn Mười Một', nationalId: '00108500123', position: 'Giáo viên' }),
      row({ fullName: 'Trần Thị Đúng', nationalId: '001185001234', position: 'Giáo viên' }),
    ]);
    const res = await preview(file);
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.fileId).toBeNull();
    expect(res.body.errors).toEqual([{ row: 2, column: 'Số CCCD', message: expect.stringContaining('12') }]);
    // The form refuses the same number with the same message.
    const form = await principal.post('/api/v1/staff', {
      unitId: u.schoolA.id,
      fullName: 'Nguyễn Văn Mười Một',
      nationalId: '00108500123',
      position: 'teacher',
    });
    expect(form.status).toBe(400);
    expect(form.body.error.fields.nationalId).toBe(res.body.errors[0].message);
  });

  it('CCCD hợp lệ: xem trước nhận, ghi thành công với cùng số đã chuẩn hoá', async () => {
    const file = await buildWorkbook('Cán bộ', HEADERS, [
      row({ fullName: 'Lê Văn Hợp Lệ', nationalId: ' 001085001239 ', position: 'Giáo viên' }),
    ]);
    const res = await preview(file);
    expect(res.body.errors).toEqual([]);
    const commit = await principal.post('/api/v1/imports/commit', {
      unitId: u.schoolA.id,
      kind: 'staff',
      fileId: res.body.fileId,
    });
    await t.jobs.idle();
    const job = await principal.get(`/api/v1/jobs/${commit.body.jobId}`);
    expect(job.body.status).toBe('succeeded');
    const stored = await t.db
      .selectFrom('staff')
      .select('national_id')
      .where('unit_id', '=', u.schoolA.id)
      .where('full_name', '=', 'Lê Văn Hợp Lệ')
      .executeTakeFirstOrThrow();
    expect(stored.national_id).toBe('001085001239');
  });
});
