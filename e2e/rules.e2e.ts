/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { buildYear } from '../test/factories-results.ts';
import { closeYear, DESKTOP, logIn, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';
import { seedClass6A } from './seed.ts';

/**
 * TT22 Điều 10 and Điều 11–12 khoản 4 in the browser: the principal records an exemption from the practical part of
 * GDTC on its score grid, flags a student assessed against an individual education plan on the results page, and
 * records the decision with its reason; desktop and a 390 px phone.
 */
describe('miễn thực hành và kế hoạch giáo dục cá nhân trên trình duyệt', () => {
  let classId = '';
  const e2e = setUpSuite(async (db) => {
    const {
      cls,
      students: [an, khang],
    } = await seedClass6A(db, ['Nguyễn Văn An', 'Phạm Minh Khang']);
    classId = cls.id;
    await buildYear(db, { cls, student: an, average: 8, conduct: ['good', 'good'] });
    await buildYear(db, {
      cls,
      student: khang,
      average: 6,
      averages: { math: 3 },
      conduct: ['good', 'good'],
    });
  });

  it('kế hoạch giáo dục cá nhân: Hiệu trưởng quyết định, ghi căn cứ', async () => {
    const { server, browser } = e2e;
    const { page, context } = await newPage(browser, DESKTOP);
    const errors = pageErrorsOf(page);
    await logIn(page, server.url, 'hieutruong');
    await closeYear(page, server.url);
    await page.getByTestId('results-class').click();
    await page.getByRole('option', { name: '6A', exact: true }).click();
    const table = page.getByTestId('results-table');
    await table.waitFor();
    const row = table.locator('tr', { hasText: 'Phạm Minh Khang' });
    expect(await row.textContent()).toContain('Kiểm tra lại');
    await row.getByRole('button', { name: 'KHGD cá nhân' }).click();
    await page.getByTestId('individual-plan-flag').check();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await row.getByText('Hiệu trưởng quyết định').waitFor();
    await row.getByRole('button', { name: 'KHGD cá nhân' }).click();
    await page.getByRole('dialog').getByLabel('Quyết định của Hiệu trưởng (Điều 12 khoản 4)').click();
    await page.getByRole('option', { name: 'Lên lớp' }).click();
    await page.getByTestId('principal-reason').fill('Đạt các mục tiêu của kế hoạch giáo dục cá nhân');
    await page.screenshot({ path: '/tmp/rules-plan-modal.png', fullPage: true });
    await page.getByRole('button', { name: 'Ghi quyết định' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.screenshot({ path: '/tmp/rules-results-desktop.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('miễn thực hành GDTC: ghi quyết định trên bảng điểm, bảng điểm ghi rõ (điện thoại)', async () => {
    const { server, browser } = e2e;
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'hieutruong');
    await page.goto(`${server.url}/gradebook/classes/${classId}/subjects/physical-education?term=1`);
    await page.getByRole('button', { name: 'Ghi quyết định miễn thực hành' }).click();
    await page.getByRole('dialog').getByLabel('Học sinh', { exact: true }).click();
    await page.getByRole('option', { name: 'Nguyễn Văn An' }).click();
    await page.getByRole('dialog').getByLabel('Căn cứ miễn', { exact: true }).click();
    await page.getByRole('option', { name: 'Bị tai nạn' }).click();
    await page
      .getByLabel('Có bệnh án hoặc giấy chứng nhận thương tật của bệnh viện từ cấp huyện trở lên')
      .check();
    await page.getByRole('dialog').getByLabel('Số quyết định').fill('15/QĐ-THCS');
    await page.getByRole('dialog').getByLabel('Ngày quyết định (YYYY-MM-DD)').fill('2025-09-20');
    await page.getByRole('button', { name: 'Lưu quyết định' }).click();
    const notice = page.getByTestId('grid-exemptions');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('QĐ số 15/QĐ-THCS ngày 20/09/2025');
    await page.screenshot({ path: '/tmp/rules-grid-phone.png', fullPage: true });
    await context.close();
  });
});
