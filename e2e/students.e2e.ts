/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProvince, buildStudent, buildUser } from '../test/factories.ts';
import { type E2EServer, launchBrowser, logIn, logOut, newPage, startServer } from './harness.ts';

describe('hồ sơ học sinh trên trình duyệt', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    const units = await buildProvince(server.db);
    await buildUser(server.db, {
      unit: units.schoolA,
      username: 'hieutruong',
      roles: [{ role: 'principal' }],
    });
    await buildStudent(server.db, { unit: units.schoolA, fullName: 'Trần Thị Bình' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('đăng nhập → thêm học sinh → tìm không dấu → đăng xuất', async () => {
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
