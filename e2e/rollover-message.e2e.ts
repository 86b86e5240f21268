/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { buildYear } from '../test/factories-results.ts';
import { closeYear, logIn, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';
import { seedClass6A } from './seed.ts';

/**
 * Issue 11: the rollover page said "Đã chuyển sang…" while hundreds of students had no promotion decision. It now says
 * how many moved, how many were left and why, with their list.
 */
describe('chuyển năm học nói đúng điều đã xảy ra', () => {
  const e2e = setUpSuite(async (db) => {
    // An has the year's results; Bình and Châu have none, so no promotion decision.
    const {
      cls,
      students: [an],
    } = await seedClass6A(db, ['Nguyễn Văn An', 'Trần Thị Bình', 'Phạm Minh Châu']);
    await buildYear(db, { cls, student: an, average: 8, conduct: ['good', 'good'] });
  });

  it('1 học sinh lên lớp, 2 học sinh chưa có quyết định ở lại kèm danh sách; trên điện thoại', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    const errors = pageErrorsOf(page);
    await logIn(page, e2e.server.url, 'hieutruong');
    await closeYear(page, e2e.server.url);
    await page.goto(`${e2e.server.url}/results/rollover`);
    await page.getByTestId('run-rollover').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Chuyển sang năm học 2026-2027' }).click();
    const summary = page.getByTestId('rollover-result');
    await summary.waitFor({ timeout: 60_000 });
    const text = await summary.textContent();
    expect(text).toMatch(/Mới chuyển một phần sang năm học 2026-2027: còn 2 học sinh chưa chuyển/);
    expect(text).toMatch(/1 học sinh đã vào lớp của năm học 2026-2027 \(1 lên lớp, 0 ở lại lớp\)/);
    expect(text).toMatch(
      /2 học sinh chưa chuyển vì chưa có quyết định lên lớp \/ ở lại lớp của năm học 2025-2026/,
    );
    const list = await page.getByTestId('rollover-outcome').textContent();
    expect(list).toMatch(/Phạm Minh Châu/);
    expect(list).toMatch(/Trần Thị Bình/);
    await page.screenshot({ path: '/tmp/rollover-message-phone.png', fullPage: true });
    // Opening the page again: the same account of what happened, not "Đã chuyển".
    await page.reload();
    await expect
      .poll(() => page.getByTestId('rollover-done').textContent())
      .toMatch(/2 học sinh chưa chuyển/);
    expect(errors).toEqual([]);
    await context.close();
  });
});
