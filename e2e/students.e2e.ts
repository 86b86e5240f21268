/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { buildStudent } from '../test/factories.ts';
import { logIn, logOut, newPage, setUpSuite } from './harness.ts';
import { seedSchoolWithPrincipal } from './seed.ts';

describe('hồ sơ học sinh trên trình duyệt', () => {
  const suite = setUpSuite(async (db) => {
    const units = await seedSchoolWithPrincipal(db);
    await buildStudent(db, { unit: units.schoolA, fullName: 'Trần Thị Bình' });
  });

  it('đăng nhập → thêm học sinh → tìm không dấu → đăng xuất', async () => {
    const { server, browser } = suite;
    const { page, context } = await newPage(browser);
    await logIn(page, server.url, 'hieutruong');
    await page.getByRole('link', { name: 'Học sinh', exact: true }).click();
    await page.getByTestId('add-student').click();

    await page.getByTestId('student-fullName').fill('Nguyễn Văn Ân');
    await page.getByTestId('student-birthDate').fill('14/02/2013');
    await page.keyboard.press('Escape');
    await page.getByTestId('student-gender').click();
    await page.getByRole('option', { name: 'Nam', exact: true }).click();
    await page.getByRole('textbox', { name: 'Họ tên' }).fill('Nguyễn Thị Hoa');
    await page.getByRole('textbox', { name: 'Số điện thoại' }).fill('0912345678');
    await page.getByTestId('save-student').click();
    await page.waitForURL(/\/students\/[0-9a-f-]{36}$/);
    await page.getByText('14/02/2013').first().waitFor();

    await page.getByRole('link', { name: 'Học sinh', exact: true }).click();
    await page.getByTestId('student-search').fill('nguyen van an');
    const table = page.getByTestId('student-table');
    // The search is debounced: wait until the other student has left the list.
    await table.getByText('Trần Thị Bình').waitFor({ state: 'detached' });
    await table.getByText('Nguyễn Văn Ân').waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);

    await logOut(page);
    await context.close();
  });
});
