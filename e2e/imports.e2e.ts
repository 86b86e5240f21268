/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { studentsImportKind } from '../src/features/students/import-kind.ts';
import { buildClass } from '../test/factories.ts';
import { buildWorkbook } from '../test/factories-imports.ts';
import { DESKTOP, logIn, newPage, PHONE, setUpSuite } from './harness.ts';
import { seedSchoolWithPrincipal } from './seed.ts';

const HEADERS = studentsImportKind.columns.map((c) => c.header);
const row = (cells: Record<string, string>) => studentsImportKind.columns.map((c) => cells[c.key] ?? null);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('nhập học sinh từ Excel trên trình duyệt', () => {
  const suite = setUpSuite(async (db) => {
    const units = await seedSchoolWithPrincipal(db);
    await buildClass(db, { unit: units.schoolA, name: '6A1', grade: 6 });
  });

  it('tệp có lỗi hiện ô đỏ và không cho ghi; tệp đúng ghi xong thì học sinh có trong danh sách (điện thoại)', async () => {
    const { server, browser } = suite;
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'hieutruong');
    await page.goto(`${server.url}/students`);
    await page.getByTestId('import-students').click();
    await page.getByTestId('import-next').click();

    const broken = await buildWorkbook('Học sinh', HEADERS, [
      row({ fullName: 'Lê Thị Hoa', birthDate: '31/02/2013', className: '6A1' }),
      row({ fullName: 'Phạm Văn Đức', className: '9Z9' }),
    ]);
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'loi.xlsx', mimeType: XLSX, buffer: broken });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-error-table').locator('tbody tr').count()).toBe(2);
    expect(await page.locator('[data-error="true"]').count()).toBe(2);
    expect(await page.getByTestId('import-commit').count()).toBe(0);

    await page.getByRole('button', { name: 'Tải tệp khác' }).click();
    const good = await buildWorkbook('Học sinh', HEADERS, [
      row({ fullName: 'Lê Thị Hoa', birthDate: '28/02/2013', gender: 'Nữ', className: '6A1' }),
      row({ fullName: 'Phạm Văn Đức', birthDate: '01/09/2013', gender: 'Nam', className: '6A1' }),
    ]);
    await page.locator('input[type=file]').setInputFiles({ name: 'dung.xlsx', mimeType: XLSX, buffer: good });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-valid').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByRole('link', { name: 'Mở danh sách' }).click();
    const table = page.getByTestId('student-table');
    await table.getByText('Lê Thị Hoa').waitFor();
    await table.getByText('Phạm Văn Đức').waitFor();
    await context.close();
  });

  it('thêm mới và cập nhật: xem số mới / thay đổi / không đổi và từng ô cũ → mới, rồi ghi', async () => {
    const { server, browser } = suite;
    const { page, context } = await newPage(browser, DESKTOP);
    await logIn(page, server.url, 'hieutruong');
    await page.goto(`${server.url}/imports?kind=students`);
    await page.getByTestId('import-next').click();
    // The two students of the first test, matched by name and birth date in 6A1: one gets an address.
    const file = await buildWorkbook('Học sinh', HEADERS, [
      row({
        fullName: 'Lê Thị Hoa',
        birthDate: '28/02/2013',
        gender: 'Nữ',
        className: '6A1',
        address: 'Số 5 Hàng Đào',
      }),
      row({ fullName: 'Phạm Văn Đức', birthDate: '01/09/2013', gender: 'Nam', className: '6A1' }),
      row({ fullName: 'Vũ Thị Lan', birthDate: '02/03/2013', gender: 'Nữ', className: '6A1' }),
    ]);
    await page.locator('input[type=file]').setInputFiles({ name: 'sua.xlsx', mimeType: XLSX, buffer: file });
    await page.getByTestId('import-mode-upsert').click();
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-valid').waitFor();
    expect(await page.getByTestId('import-outcome-counts').textContent()).toMatch(
      /1 mới.*1 thay đổi.*1 không đổi/is,
    );
    const changes = await page.getByTestId('import-changes').textContent();
    expect(changes).toContain('Lê Thị Hoa');
    expect(changes).toContain('Số 5 Hàng Đào');
    expect(await page.locator('[data-changed="true"]').count()).toBe(1);
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain(
      'Đã thêm 1, cập nhật 1 hồ sơ; 1 hồ sơ không đổi.',
    );
    await context.close();
  });
});
