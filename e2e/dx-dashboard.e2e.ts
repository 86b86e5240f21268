/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDashboardProvince } from '../test/factories-dx-dashboard.ts';
import {
  DESKTOP,
  type E2EServer,
  launchBrowser,
  logIn,
  logOut,
  newPage,
  PHONE,
  startServer,
} from './harness.ts';

/**
 * The office dashboard in Chromium (desktop, large type, phone) and the office's own index (QĐ 3806): its
 * leaders fill in the criteria measured from the schools' results, see the measured points beside the claim and
 * open the schools behind the value.
 */
describe('bảng tổng hợp chuyển đổi số và chỉ số của phòng', () => {
  let server: E2EServer;
  let browser: Browser;
  let officeAssessmentA: string;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    ({ officeAssessmentA } = await buildDashboardProvince(server.db));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('chuyên viên phòng xem bảng tổng hợp, bật chữ lớn, mở hồ sơ một trường', async () => {
    const { page, context } = await newPage(browser, DESKTOP);
    await logIn(page, server.url, 'phong.a.cv');
    await page.getByRole('link', { name: 'Tổng hợp chuyển đổi số' }).click();
    await page.getByText('Tiêu chí đạt thấp nhất').waitFor();
    // The school is both a row of the units table and the lowest school of several criteria: all link to its file.
    await page.getByRole('link', { name: 'Trường THCS Lê Quý Đôn' }).first().waitFor();
    expect(await page.getByText('Quá hạn nộp').count()).toBe(1);
    // The switch sits right under the sticky header once scrolled into view: click it where it is.
    await page.getByRole('switch', { name: 'Chữ lớn (trình chiếu)' }).dispatchEvent('click');
    await expect
      .poll(() => page.getByTestId('dx-dashboard').evaluate((el) => (el as HTMLElement).style.zoom))
      .toBe('1.45');
    if (process.env.DX_DASHBOARD_SHOTS)
      await page.screenshot({ path: '/tmp/dx-dashboard-page.png', fullPage: true });
    await page.getByRole('link', { name: 'Trường THCS Lê Quý Đôn' }).first().click();
    await page.waitForURL(/\/assessments\/[^/]+\/review$/);
    await logOut(page);
    await context.close();
  });

  it('trên điện thoại trang không tràn ngang', async () => {
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'phong.a.cv');
    await page.goto(`${server.url}/assessment-dashboard`);
    await page.getByText('Tiêu chí đạt thấp nhất').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await context.close();
  });

  it('lãnh đạo phòng lấy số liệu các trường vào hồ sơ của phòng; thấy điểm đo được và danh sách trường', async () => {
    const { page, context } = await newPage(browser, DESKTOP);
    await logIn(page, server.url, 'phong.a');
    await page.goto(`${server.url}/assessments/${officeAssessmentA}`);
    await page.getByTestId('pull-measured').click();
    // The pull confirms with a message (issue 11 §6).
    await page.getByText('Đã điền các tiêu chí từ số liệu hệ thống đo được').waitFor();
    await page.getByTestId('item-II.1').locator('button').first().click();
    await page.getByTestId('gap-II.1').waitFor();
    expect(await page.getByTestId('gap-II.1').textContent()).toContain('15/30 điểm; tự chấm 15');
    await page.getByTestId('item-II.1').getByTestId('drill-managed_schools_level_share').click();
    await page.getByRole('dialog').getByText('Trường Tiểu học Hòa Bình').waitFor();
    expect(await page.getByRole('dialog').getByText('1/2 dòng đạt').count()).toBe(1);
    if (process.env.DX_DASHBOARD_SHOTS)
      await page.screenshot({ path: '/tmp/dx-dashboard-office.png', fullPage: true });
    await context.close();
  });
});
