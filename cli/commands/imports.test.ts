import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffImportKind } from '../../src/features/staff/import-kind.ts';
import type { Database } from '../../src/platform/db/database.ts';
import { openTestDatabase, STORAGES } from '../../test/databases.ts';
import { buildClass, buildEnrolment, buildProvince, buildStudent } from '../../test/factories.ts';
import { buildWorkbook, loadWorkbook, sheetRows } from '../../test/factories-imports.ts';
import { exportFromCli, importFromCli, type Output } from './imports.ts';

const HEADERS = staffImportKind.columns.map((c) => c.header);
const staffRow = (cells: Record<string, string>) => staffImportKind.columns.map((c) => cells[c.key] ?? null);

function collector(): Output & { lines: string[]; errors: string[] } {
  const lines: string[] = [];
  const errors: string[] = [];
  return { lines, errors, log: (l) => lines.push(l), error: (l) => errors.push(l) };
}

describe.each(STORAGES)('lệnh truongso import / export (%s)', (storage) => {
  let database: Database;
  let u: Awaited<ReturnType<typeof buildProvince>>;
  let dir: string;

  beforeAll(async () => {
    database = await openTestDatabase(storage);
    u = await buildProvince(database.db);
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'truongso-import-'));
  });
  afterAll(async () => {
    await database.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const staffCount = async () =>
    (await database.db.selectFrom('staff').select('id').where('unit_id', '=', u.schoolA.id).execute()).length;

  it('import có lỗi: in từng lỗi theo dòng và cột, trả về thất bại, không ghi gì', async () => {
    const file = path.join(dir, 'loi.xlsx');
    await fs.writeFile(
      file,
      await buildWorkbook('Cán bộ', HEADERS, [
        staffRow({ fullName: 'Nguyễn Thị Hoa', position: 'Giáo viên', birthDate: '12/13/1985' }),
        staffRow({ fullName: 'Trần Văn Bình', position: 'Bác sĩ' }),
        staffRow({ fullName: 'Lê Văn Cường', position: 'Giáo viên', department: 'Tổ Không Có' }),
      ]),
    );
    const out = collector();
    const ok = await importFromCli(database.db, { kind: 'staff', file, unit: u.schoolA.code }, out);
    expect(ok).toBe(false);
    expect(out.errors).toEqual([
      expect.stringMatching(/^Dòng 2, cột "Ngày sinh": Ngày "12\/13\/1985"/),
      expect.stringMatching(/^Dòng 3, cột "Chức vụ": "Bác sĩ" không có trong danh sách/),
      expect.stringMatching(/^Dòng 4, cột "Tổ chuyên môn": Không có tổ chuyên môn "Tổ Không Có"/),
      'Tệp có 3 lỗi; chưa ghi dòng nào. Sửa các lỗi rồi tải lên lại.',
    ]);
    expect(await staffCount()).toBe(0);
  });

  it('import tệp đúng rồi export: ghi tất cả, tệp xuất có cùng cột và dữ liệu', async () => {
    const file = path.join(dir, 'can-bo.xlsx');
    await fs.writeFile(
      file,
      await buildWorkbook('Cán bộ', HEADERS, [
        staffRow({
          fullName: 'nguyễn thị hoa',
          position: 'Giáo viên',
          birthDate: '05/09/1985',
          gender: 'Nữ',
        }),
        staffRow({ fullName: 'Trần Văn Bình', position: 'Hiệu trưởng', mainSubject: 'Toán' }),
      ]),
    );
    const out = collector();
    expect(await importFromCli(database.db, { kind: 'staff', file, unit: u.schoolA.code }, out)).toBe(true);
    expect(out.lines).toEqual([`Đã nhập 2 dòng vào đơn vị ${u.schoolA.code}.`]);
    expect(out.errors.at(-1)).toBe('Đang ghi 2/2 dòng (100%)');
    expect(await staffCount()).toBe(2);

    const exported = path.join(dir, 'xuat.xlsx');
    expect(await exportFromCli(database.db, { kind: 'staff', file: exported, unit: u.schoolA.code })).toBe(2);
    const rows = sheetRows(await loadWorkbook(await fs.readFile(exported)), 'Cán bộ');
    expect(rows[0]).toEqual(HEADERS);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[6], r[9]])).toEqual([
      ['Trần Văn Bình', '', 'Hiệu trưởng', 'Toán'],
      ['Nguyễn Thị Hoa', '05/09/1985', 'Giáo viên', ''],
    ]);
    await expect(
      importFromCli(database.db, { kind: 'staff', file, unit: 'KHONG-CO' }, collector()),
    ).rejects.toThrow('Không có đơn vị mã "KHONG-CO"');
  });

  it('export học sinh rồi import --update: không thêm, không sửa hồ sơ nào', async () => {
    const cls = await buildClass(database.db, { unit: u.schoolA, name: '7A1', grade: 7 });
    for (const fullName of ['Lê Thị Một', 'Phạm Văn Hai']) {
      const student = await buildStudent(database.db, { unit: u.schoolA, fullName });
      await buildEnrolment(database.db, { student, cls });
    }
    const file = path.join(dir, 'hoc-sinh.xlsx');
    expect(await exportFromCli(database.db, { kind: 'students', file, unit: u.schoolA.code })).toBe(2);
    const out = collector();
    const options = { kind: 'students', file, unit: u.schoolA.code, mode: 'upsert' } as const;
    expect(await importFromCli(database.db, options, out)).toBe(true);
    expect(out.lines).toEqual([`Đã thêm 0, cập nhật 0 hồ sơ (2 không đổi) ở đơn vị ${u.schoolA.code}.`]);
  });
});
