/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildClass,
  buildEnrolment,
  buildHomeroomTeacher,
  buildProvince,
  buildStudent,
  buildUser,
} from '../test/factories.ts';
import { buildAssignments, buildYear } from '../test/factories-results.ts';
import { type E2EServer, launchBrowser, logIn, newPage, PHONE, startServer } from './harness.ts';

/** The principal closes the year from the results page, watches the job, and reads the class table on a phone. */
describe('tổng kết cả năm trên trình duyệt', () => {
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
    const teacher = await buildHomeroomTeacher(server.db, { unit: units.schoolA });
    const cls = await buildClass(server.db, {
      unit: units.schoolA,
      name: '6A',
      grade: 6,
      homeroomTeacher: teacher,
    });
    await buildAssignments(server.db, cls, teacher);
    const an = await buildStudent(server.db, { unit: units.schoolA, fullName: 'Nguyễn Văn An' });
    const binh = await buildStudent(server.db, { unit: units.schoolA, fullName: 'Trần Thị Bình' });
    await buildEnrolment(server.db, { student: an, cls });
    await buildEnrolment(server.db, { student: binh, cls });
    await buildYear(server.db, { cls, student: an, average: 9, conduct: ['excellent', 'excellent'] });
    await buildYear(server.db, {
      cls,
      student: binh,
      average: 7,
      conduct: ['good', 'good'],
      custom: { code: 'math', term: 2, final: null },
    });
    browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('tổng kết cả năm → báo học sinh thiếu điểm → bảng kết quả lớp trên điện thoại', async () => {
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'hieutruong');
    await page.goto(`${server.url}/results`);
    await page.getByTestId('close-year').click();
    const done = page.getByTestId('job-done');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toContain('Trần Thị Bình');
    expect(await done.textContent()).toContain('Toán HK II: thiếu ĐĐGck');

    await page.getByTestId('results-class').click();
    await page.getByRole('option', { name: '6A', exact: true }).click();
    const table = page.getByTestId('results-table');
    await table.waitFor();
    const row = table.locator('tr', { hasText: 'Nguyễn Văn An' });
    await row.getByText('HS Xuất sắc').waitFor();
    expect(await row.textContent()).toContain('Lên lớp');
    expect(await table.locator('tr', { hasText: 'Trần Thị Bình' }).textContent()).toContain('Thiếu điểm');
    await context.close();
  }, 120_000);
});
