/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { buildYear } from '../test/factories-results.ts';
import { closeYear, logIn, newPage, PHONE, setUpSuite } from './harness.ts';
import { seedClass6A } from './seed.ts';

/** The principal closes the year from the results page, watches the job, and reads the class table on a phone. */
describe('tổng kết cả năm trên trình duyệt', () => {
  const e2e = setUpSuite(async (db) => {
    const {
      cls,
      students: [an, binh],
    } = await seedClass6A(db, ['Nguyễn Văn An', 'Trần Thị Bình']);
    await buildYear(db, { cls, student: an, average: 9, conduct: ['excellent', 'excellent'] });
    await buildYear(db, {
      cls,
      student: binh,
      average: 7,
      conduct: ['good', 'good'],
      custom: { code: 'math', term: 2, final: null },
    });
  });

  it('tổng kết cả năm → báo học sinh thiếu điểm → bảng kết quả lớp trên điện thoại', async () => {
    const { server, browser } = e2e;
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'hieutruong');
    const done = await closeYear(page, server.url);
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
