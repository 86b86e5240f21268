/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../src/domain/calendar/index.ts';
import { buildGradebookSchool } from '../test/factories-grades.ts';
import { DESKTOP, logIn, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';

// Issue 13 §2 and §5: a teacher with a 45-student class on a 390 px phone, and keyboard-only use.
let classId = '';
const suite = setUpSuite(async (db) => {
  const school = await buildGradebookSchool(db, { students: 45 });
  classId = school.cls.id;
});

const SHOTS = process.env.E2E_SCREENSHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: false });
};

const gridRow = (page: Page, row: number) =>
  page.locator('[data-testid="score-grid"] .dsg-row:not(.dsg-row-header)').nth(row);
// Cells of a row: the sticky name (the grid's gutter), then ĐĐGtx1–4, ĐĐGgk, ĐĐGck, ĐTBmhk, …
const cell = (page: Page, row: number, column: number) => gridRow(page, row).locator('.dsg-cell').nth(column);

/** The stored grid, read through the API with the page's session. */
const storedGrid = async (page: Page, url: string) => {
  const response = await page.request.get(`${url}/api/v1/gradebook/classes/${classId}/subjects/math/terms/1`);
  expect(response.status()).toBe(200);
  return (await response.json()) as {
    rows: { fullName: string; regular: (number | null)[]; midterm: number | null }[];
  };
};

describe('giáo viên trên điện thoại và chỉ dùng bàn phím (45 học sinh)', () => {
  it('sổ điểm 390 px: cột tên đứng yên khi cuộn ngang, tiêu đề ngắn có chú thích, thanh lưu luôn trên màn hình và nói số ô chưa lưu', async () => {
    const { page, context } = await newPage(suite.browser, PHONE);
    const errors = pageErrorsOf(page);
    await logIn(page, suite.server.url, 'gv.toan');
    await page.goto(`${suite.server.url}/gradebook/classes/${classId}/subjects/math`);
    await page.getByText('Sổ điểm lớp 6A1 — Toán').waitFor();

    const name = cell(page, 0, 0);
    const score = cell(page, 0, 3);
    const before = { name: await name.boundingBox(), score: await score.boundingBox() };
    await page.locator('[data-testid="score-grid"] .dsg-container').evaluate((el) => {
      el.scrollLeft = 200;
    });
    await expect.poll(async () => (await score.boundingBox())?.x).toBeLessThan((before.score?.x ?? 0) - 150);
    const after = await name.boundingBox();
    expect(after?.x).toBe(before.name?.x);
    expect(after?.width).toBeGreaterThan(100);
    expect(await name.textContent()).toMatch(/^1\. \S+ \S+ \S+/);

    // Short titles; the full name on a tap.
    await page.locator('[data-testid="score-grid"] .dsg-container').evaluate((el) => {
      el.scrollLeft = 0;
    });
    await shot(page, 'grid-390-top');
    const tx1 = page.locator('.dsg-row-header').getByText('TX1', { exact: true });
    await tx1.tap();
    await page.getByRole('tooltip').getByText('Đánh giá thường xuyên 1').waitFor();

    // Nothing to save yet: disabled, with the reason.
    const save = page.getByTestId('save-grid');
    expect(await save.isDisabled()).toBe(true);
    expect(await page.getByTestId('save-grid-status').textContent()).toBe('Chưa có ô nào thay đổi');
    // The bar is on screen, at the bottom, before any vertical scroll.
    const bar = await page.getByTestId('save-grid-bar').boundingBox();
    expect((bar?.y ?? 0) + (bar?.height ?? 0)).toBeLessThanOrEqual(PHONE.viewport.height + 1);
    expect(bar?.y).toBeGreaterThan(PHONE.viewport.height / 2);

    await cell(page, 0, 1).click();
    for (const score of ['8', '7', '9']) {
      await page.keyboard.type(score);
      await page.keyboard.press('Tab');
    }
    await expect.poll(() => page.getByTestId('save-grid-status').textContent()).toBe('3 ô chưa lưu');
    await shot(page, 'grid-390');
    await save.tap();
    await page.getByText('Đã lưu: 3 ô thay đổi.').waitFor();
    await expect
      .poll(() => page.getByTestId('save-grid-status').textContent())
      .toBe('Chưa có ô nào thay đổi');
    expect((await storedGrid(page, suite.server.url)).rows[0]?.regular.slice(0, 3)).toEqual([8, 7, 9]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('rèn luyện 390 px: mỗi học sinh một dòng gọn (tên + mức), lưu không phải cuộn', async () => {
    const { page, context } = await newPage(suite.browser, PHONE);
    const errors = pageErrorsOf(page);
    await logIn(page, suite.server.url, 'gv.cn');
    await page.goto(`${suite.server.url}/gradebook/classes/${classId}/conduct`);
    const table = page.getByTestId('conduct-table');
    await table.waitFor();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    console.log(`conduct page at 390 px, 45 students: ${height} px tall`);
    // 45 compact rows: about two screens, not the ~3,000 px of the four-column table.
    expect(height).toBeLessThan(2600);
    expect(await table.locator('tbody tr').count()).toBe(45);

    expect(await page.getByTestId('save-conduct').isDisabled()).toBe(true);
    const first = table.locator('tbody tr').first();
    const studentName = (await first.locator('td').first().textContent())?.replace(/^1\. /, '') ?? '';
    await page.getByRole('combobox', { name: `Mức ${studentName}` }).tap();
    await page.getByRole('option', { name: 'Tốt' }).tap();
    await page.getByRole('button', { name: `Sửa nhận xét của ${studentName}` }).tap();
    await page.getByLabel(`Nhận xét ${studentName}`).fill('Chăm ngoan');
    await expect
      .poll(() => page.getByTestId('save-conduct-status').textContent())
      .toBe('1 học sinh chưa lưu');
    const bar = await page.getByTestId('save-conduct-bar').boundingBox();
    expect((bar?.y ?? 0) + (bar?.height ?? 0)).toBeLessThanOrEqual(PHONE.viewport.height + 1);
    await shot(page, 'conduct-390');
    await page.getByTestId('save-conduct').tap();
    await page.getByText('Đã lưu kết quả rèn luyện.').waitFor();
    const stored = await suite.server.db
      .selectFrom('conduct_assessments')
      .select(['level', 'comment'])
      .execute();
    expect(stored).toEqual([{ level: 'excellent', comment: 'Chăm ngoan' }]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('chỉ bàn phím: Tab vào sổ điểm, gõ, Enter, mũi tên, Esc tới nút lưu và lưu', async () => {
    const { page, context } = await newPage(suite.browser, DESKTOP);
    const errors = pageErrorsOf(page);
    await logIn(page, suite.server.url, 'gv.toan');
    await page.goto(`${suite.server.url}/gradebook/classes/${classId}/subjects/math?term=1`);
    await page.getByText('Sổ điểm lớp 6A1 — Toán').waitFor();
    await cell(page, 1, 1).waitFor();

    // Tab from the top of the page until the grid takes the focus (its first score cell becomes active).
    const active = page.locator('[data-testid="score-grid"] .dsg-active-cell');
    for (let i = 0; i < 40 && (await active.count()) === 0; i++) await page.keyboard.press('Tab');
    expect(await active.count()).toBe(1);
    await shot(page, 'grid-keyboard-1366');
    // Row 2, ĐĐGtx1 and ĐĐGtx2 (row 1 was saved by the phone test): down, type, Enter commits and moves down.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type('5,5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('save-grid-status').textContent()).toBe('2 ô chưa lưu');
    // Esc leaves the cell, Esc again leaves the grid: the focus is on the save button; Enter saves.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('save-grid');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(ring).not.toBe('none');
    await page.keyboard.press('Enter');
    await page.getByText('Đã lưu: 2 ô thay đổi.').waitFor();
    const grid = await storedGrid(page, suite.server.url);
    expect(grid.rows[1]?.regular.slice(0, 2)).toEqual([6, 5.5]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('chỉ bàn phím: điểm danh bằng Tab và Enter, lưu bằng bàn phím', async () => {
    const { page, context } = await newPage(suite.browser, DESKTOP);
    const errors = pageErrorsOf(page);
    await logIn(page, suite.server.url, 'gv.cn');
    // Attendance: Tab to the first student, Enter marks "vắng có phép"; Tab on to the save button, Enter.
    await page.goto(`${suite.server.url}/gradebook/classes/${classId}/attendance`);
    const list = page.getByTestId('attendance-list');
    await list.waitFor();
    const inList = () =>
      page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="attendance-list"]')));
    for (let i = 0; i < 40 && !(await inList()); i++) await page.keyboard.press('Tab');
    expect(await inList()).toBe(true);
    expect(
      await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle),
    ).not.toBe('none');
    await page.keyboard.press('Enter');
    await list.getByRole('button').first().getByText('Vắng có phép').waitFor();
    await shot(page, 'attendance-keyboard-1366');
    const onSave = () => page.evaluate(() => document.activeElement?.textContent === 'Lưu điểm danh');
    for (let i = 0; i < 60 && !(await onSave()); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Đã lưu điểm danh.').waitFor();
    const response = await page.request.get(
      `${suite.server.url}/api/v1/gradebook/classes/${classId}/attendance?date=${todayInVietnam()}`,
    );
    expect(response.status()).toBe(200);
    const attendance = (await response.json()) as {
      students: { morning: string | null; afternoon: string | null }[];
    };
    const marks = attendance.students.flatMap((s) => [s.morning, s.afternoon].filter(Boolean));
    expect(marks).toEqual(['excused']);
    expect(errors).toEqual([]);
    await context.close();
  });
});
