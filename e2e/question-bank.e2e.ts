/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { buildUser } from '../test/factories.ts';
import { DESKTOP, logIn, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';
import { seedSchoolWithPrincipal } from './seed.ts';

/**
 * Issue 14 §1 in the browser: a teacher writes a single-choice question with a formula, finds it searching without
 * diacritics, imports a GIFT file with one unreadable block (the problem is shown, the rest is committed); the
 * principal approves the submitted question on a phone.
 */
describe('ngân hàng câu hỏi trên trình duyệt', () => {
  const e2e = setUpSuite(async (db) => {
    const units = await seedSchoolWithPrincipal(db);
    await buildUser(db, {
      unit: units.schoolA,
      username: 'giaovien',
      fullName: 'Trần Thị Giáo',
      roles: [{ role: 'teacher' }],
    });
  });

  const pick = async (page: import('playwright-core').Page, testId: string, option: string) => {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('giáo viên soạn câu có công thức, tìm không dấu, nhập tệp GIFT có một khối lỗi', async () => {
    const { server, browser } = e2e;
    const { page, context } = await newPage(browser, DESKTOP);
    const errors = pageErrorsOf(page);
    await logIn(page, server.url, 'giaovien');
    await page.goto(`${server.url}/question-bank`);
    await page.getByRole('link', { name: 'Thêm câu hỏi' }).click();
    await pick(page, 'question-grade', '9');
    await pick(page, 'question-subject', 'Toán');
    await page.getByTestId('question-stem-input').fill('Đạo hàm của hàm số $y = x^2$ là');
    for (const [i, text] of ['$x$', '$2x$', '$x^2$', '$2$'].entries())
      await page.getByTestId(`option-${i}`).fill(text);
    await page.getByLabel('Phương án B là đáp án đúng').check();
    // The live preview draws the formulas with KaTeX.
    expect(await page.locator('.katex').count()).toBeGreaterThanOrEqual(5);
    await page.getByTestId('save-question').click();
    await page.waitForURL(/\/question-bank\/[0-9a-f-]{36}$/);
    // Saved meanwhile in another tab: this tab's save is refused (409) and offers to reload.
    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByTestId('question-stem-input').fill('Đạo hàm của hàm số $y = x^2$ bằng');
    await other.getByTestId('save-question').click();
    await other.getByText('Đã lưu câu hỏi.').waitFor();
    await other.close();
    await page.getByTestId('question-stem-input').fill('Đạo hàm của hàm số $y = x^2$ là:');
    await page.getByTestId('save-question').click();
    await page.getByTestId('conflict').getByText('Câu hỏi vừa được người khác thay đổi').waitFor();
    await page.getByRole('button', { name: 'Tải lại' }).click();
    await page.getByTestId('conflict').waitFor({ state: 'detached' });
    expect(await page.getByTestId('question-stem-input').inputValue()).toBe(
      'Đạo hàm của hàm số $y = x^2$ bằng',
    );
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByTestId('review-state').filter({ hasText: 'Chờ duyệt' }).waitFor();
    await page.screenshot({ path: '/tmp/qb-form-desktop.png', fullPage: true });

    await page.getByRole('link', { name: 'Về ngân hàng câu hỏi' }).click();
    await page.getByTestId('question-search').fill('dao ham cua ham so');
    const card = page.getByTestId('question-card').filter({ hasText: 'Đạo hàm của hàm số' });
    await card.waitFor();
    expect(await page.getByTestId('question-card').count()).toBe(1);
    expect(await card.locator('.katex').count()).toBeGreaterThanOrEqual(1);
    await page.screenshot({ path: '/tmp/qb-list-desktop.png', fullPage: true });

    const gift = [
      '::Thủ đô:: Thủ đô của Việt Nam là {=Hà Nội ~Huế ~Đà Nẵng ~Hải Phòng}',
      '',
      'Đoạn này không có phần đáp án nên không phải câu hỏi.',
      '',
      '::Căn:: Căn bậc hai của $16$ bằng {#4}',
      '',
    ].join('\n');
    await page.getByRole('link', { name: 'Nhập từ tệp' }).click();
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'cau-hoi.gift.txt', mimeType: 'text/plain', buffer: Buffer.from(gift) });
    await page.getByTestId('import-preview').click();
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Không có phần đáp án');
    expect(await page.getByTestId('import-question').count()).toBe(2);
    await pick(page, 'import-grade', '9');
    await pick(page, 'import-subject', 'Toán');
    await page.screenshot({ path: '/tmp/qb-import-desktop.png', fullPage: true });
    await page.getByTestId('import-commit').click();
    await page.getByText('Đã nhập 2 câu').waitFor();
    await page.getByTestId('question-card').filter({ hasText: 'Thủ đô của Việt Nam' }).waitFor();
    await page.getByTestId('question-card').filter({ hasText: 'Căn bậc hai' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('hiệu trưởng duyệt câu hỏi chờ duyệt trên điện thoại', async () => {
    const { server, browser } = e2e;
    const { page, context } = await newPage(browser, PHONE);
    const errors = pageErrorsOf(page);
    await logIn(page, server.url, 'hieutruong');
    await page.goto(`${server.url}/question-bank`);
    await pick(page, 'filter-review-state', 'Chờ duyệt');
    const card = page.getByTestId('question-card').filter({ hasText: 'Đạo hàm của hàm số' });
    await card.waitFor();
    await page.screenshot({ path: '/tmp/qb-list-phone.png', fullPage: true });
    await card.getByRole('button', { name: 'Duyệt' }).click();
    await page.getByText('Đã duyệt câu hỏi.').waitFor();
    await pick(page, 'filter-review-state', 'Đã duyệt');
    await page.getByTestId('question-card').filter({ hasText: 'Đạo hàm của hàm số' }).waitFor();
    // The page fits the phone: nothing wider than the viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await context.close();
  });
});
