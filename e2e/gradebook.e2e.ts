/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareVietnameseNames } from '../src/domain/text/collation.ts';
import { buildGradebookSchool } from '../test/factories-grades.ts';
import { buildGuardianAccount } from '../test/factories-transcripts.ts';
import { type E2EServer, launchBrowser, logIn, newPage, PHONE, startServer } from './harness.ts';

// Columns of the score grid of a 140-period subject: the sticky name (gutter), ĐĐGtx1–4, ĐĐGgk, ĐĐGck, ĐTBmhk, …
const FIRST_SCORE_COLUMN = 1;

const cell = (page: Page, row: number, column: number) =>
  page
    .locator('[data-testid="score-grid"] .dsg-row:not(.dsg-row-header)')
    .nth(row)
    .locator('.dsg-cell')
    .nth(column);

describe('sổ điểm trên trình duyệt', () => {
  let server: E2EServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    const school = await buildGradebookSchool(server.db, { students: 5 });
    // The guardian of the student on the grid's first row (the grid lists students in Vietnamese name order).
    const [first] = [...school.students].sort((a, b) => compareVietnameseNames(a.full_name, b.full_name));
    if (!first) throw new Error('no student');
    await buildGuardianAccount(server.db, { students: [first], username: 'phuhuynh', fullName: 'Vũ Thị Mẹ' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('giáo viên gõ điểm bằng bàn phím, thấy ĐTBmhk ngay, lưu, tải lại vẫn còn; phụ huynh xem trên điện thoại', async () => {
    const { page, context } = await newPage(browser);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, server.url, 'gv.toan');
    await page.getByRole('link', { name: 'Lớp tôi dạy' }).click();
    const card = page.getByTestId('my-teaching').locator('div', { hasText: 'Lớp 6A1 · Toán' }).last();
    await card.getByRole('link', { name: 'Nhập điểm' }).click();
    await page.waitForURL(/\/gradebook\/classes\/[0-9a-f-]{36}\/subjects\/math$/);
    await page.getByText('Sổ điểm lớp 6A1 — Toán').waitFor();

    // Row 1: type across with Tab; Enter ends the row and moves down.
    await cell(page, 0, FIRST_SCORE_COLUMN).click();
    for (const score of ['8', '7,5', '9', '6.5', '7']) {
      await page.keyboard.type(score);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    // (8 + 7,5 + 9 + 6,5 + 2·7 + 3·8) / 9 = 69 / 9 = 7,67 → 7,7
    await expect.poll(() => page.getByTestId('average-0').textContent()).toBe('7,7');

    // Row 2: back to ĐĐGtx1 with the arrow keys, then the same way.
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    for (const score of ['10', '9', '9', '8', '9']) {
      await page.keyboard.type(score);
      await page.keyboard.press('Tab');
    }
    await page.keyboard.type('10');
    await page.keyboard.press('Enter');
    // (10 + 9 + 9 + 8 + 18 + 30) / 9 = 84 / 9 = 9,33 → 9,3
    await expect.poll(() => page.getByTestId('average-1').textContent()).toBe('9,3');
    expect(await page.getByTestId('average-2').textContent()).toBe('');

    await page.getByTestId('save-grid').click();
    await page.getByText('Đã lưu: 12 ô thay đổi.').waitFor();

    await page.reload();
    await page.getByText('Sổ điểm lớp 6A1 — Toán').waitFor();
    await expect.poll(() => page.getByTestId('average-0').textContent()).toBe('7,7');
    expect(await page.getByTestId('average-1').textContent()).toBe('9,3');
    expect(
      await cell(page, 0, FIRST_SCORE_COLUMN + 1)
        .locator('input')
        .inputValue(),
    ).toBe('7,5');
    // Typed "6.5", stored and shown the Vietnamese way.
    expect(
      await cell(page, 0, FIRST_SCORE_COLUMN + 3)
        .locator('input')
        .inputValue(),
    ).toBe('6,5');
    const stored = await server.db.selectFrom('subject_scores').select('term_average').execute();
    expect(stored.map((r) => r.term_average).sort()).toEqual([7.7, 9.3]);

    // A column copied from Excel: rows 3–5 of ĐĐGgk at once; the invalid "11" is marked, and Save is held back.
    await cell(page, 2, FIRST_SCORE_COLUMN + 4).click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', '6,5\n11\n7\n');
      document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }));
    });
    await expect
      .poll(() =>
        cell(page, 2, FIRST_SCORE_COLUMN + 4)
          .locator('input')
          .inputValue(),
      )
      .toBe('6,5');
    expect(
      await cell(page, 4, FIRST_SCORE_COLUMN + 4)
        .locator('input')
        .inputValue(),
    ).toBe('7');
    expect(await cell(page, 3, FIRST_SCORE_COLUMN + 4).getAttribute('class')).toMatch(/invalid/);
    expect(await page.getByTestId('save-grid').isDisabled()).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('hiệu trưởng phân công giảng dạy trên bảng lớp × môn', async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, server.url, 'ht.a');
    await page.getByRole('link', { name: 'Phân công giảng dạy' }).click();
    const matrix = page.getByTestId('assignment-matrix');
    await matrix.waitFor();
    expect(await matrix.getByLabel('6A1 Toán: Lê Văn Toán', { exact: true }).textContent()).toBe(
      'Lê Văn Toán',
    );
    await matrix.getByLabel(/^6A1 Ngữ văn:/).click();
    await page.getByRole('option', { name: 'Trần Thị Chủ Nhiệm' }).click();
    await page.getByText('Đã lưu phân công.').waitFor();
    const row = await server.db
      .selectFrom('teaching_assignments as a')
      .innerJoin('staff', 'staff.id', 'a.teacher_id')
      .select(['staff.full_name', 'a.periods_per_year'])
      .where('a.subject_code', '=', 'literature')
      .where(
        'a.unit_id',
        '=',
        (
          await server.db
            .selectFrom('classes')
            .select('unit_id')
            .where('name', '=', '6A1')
            .executeTakeFirstOrThrow()
        ).unit_id,
      )
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ full_name: 'Trần Thị Chủ Nhiệm', periods_per_year: 140 });
    await context.close();
  });

  it('giáo viên chủ nhiệm điểm danh trên điện thoại: chạm một lần mỗi học sinh, lưu', async () => {
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'gv.cn');
    await page.goto(`${server.url}/gradebook`);
    await page.getByRole('link', { name: 'Điểm danh' }).click();
    const list = page.getByTestId('attendance-list');
    await list.waitFor();
    const first = list.getByRole('button').first();
    await first.tap();
    await first.getByText('Vắng có phép').waitFor();
    const second = list.getByRole('button').nth(1);
    await second.tap();
    await second.tap();
    await second.getByText('Vắng không phép').waitFor();
    await page.getByRole('button', { name: 'Lưu điểm danh' }).tap();
    await page.getByText('Đã lưu điểm danh.').waitFor();
    await first.getByText('Cả năm: 1 P · 0 K').waitFor();
    const rows = await server.db.selectFrom('attendance').select(['excused']).orderBy('excused').execute();
    expect(rows.map((r) => r.excused)).toEqual([false, true]);
    await context.close();
  });
});
