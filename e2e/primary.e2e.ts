/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildSchoolAccounts, buildUnit } from '../test/factories.ts';
import {
  buildClassWithStudents,
  buildTeacherAccount,
  buildTeachingAssignment,
} from '../test/factories-transcripts.ts';
import { DESKTOP, logIn, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';

/**
 * Issue 11 §5 in the browser: a primary teacher's "Lớp tôi dạy" leads to the TT27 periodic evaluation and to no TT22
 * page (no score grid, conduct or score overview); a test score is a whole number 1–10 — 0, 11 and 7,5 are refused
 * with their message, not clamped or cut; switching checkpoint with unsaved edits asks first; the save message says
 * what was saved. Walked on a desktop and on a phone.
 */
describe('giáo viên tiểu học đánh giá định kì theo Thông tư 27', () => {
  const e2e = setUpSuite(async (db) => {
    const u = await buildSchoolAccounts(db);
    const school = await buildUnit(db, {
      parent: u.officeA,
      level: 'primary',
      name: 'Trường Tiểu học Hoà Bình',
      currentSchoolYear: '2025-2026',
    });
    for (const [username, className] of [
      ['gvcn.5a', '5A'],
      ['gvcn.5b', '5B'],
    ] as const) {
      const teacher = await buildTeacherAccount(db, {
        unit: school,
        username,
        fullName: `Giáo viên ${className}`,
      });
      const { cls } = await buildClassWithStudents(db, {
        unit: school,
        name: className,
        grade: 5,
        homeroomTeacher: teacher.staff,
        students: ['Nguyễn Minh An', 'Trần Thanh Bình'],
      });
      await buildTeachingAssignment(db, { cls, subjectCode: 'math', teacher: teacher.staff });
    }
  });

  const walk = async (page: Page, login: string, className: string, shot: string) => {
    const errors = pageErrorsOf(page);
    await logIn(page, e2e.server.url, login);
    await page.goto(`${e2e.server.url}/gradebook`);
    const open = page.getByTestId('my-teaching').getByTestId(`primary-${className}`);
    await open.waitFor();
    // TT22's pages are not offered for a primary class: no score grid, no conduct, no score overview.
    const main = page.locator('main');
    for (const tt22 of ['Nhập điểm', 'Rèn luyện', 'Tổng hợp điểm']) {
      expect(await main.getByRole('link', { name: tt22, exact: true }).count(), tt22).toBe(0);
      expect(await main.getByRole('button', { name: tt22, exact: true }).count(), tt22).toBe(0);
    }
    expect(await main.getByRole('link', { name: 'Điểm danh' }).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `/tmp/primary-my-classes-${shot}.png`, fullPage: true });

    await open.click();
    await page.getByTestId('primary-grid').waitFor();
    await page.getByLabel('Nguyễn Minh An — Toán', { exact: true }).selectOption('completed_well');
    const score = page.getByLabel('Nguyễn Minh An — Toán — điểm kiểm tra định kì');
    const save = page.getByTestId('primary-save');
    for (const [typed, message] of [
      ['0', 'phải từ 1 đến 10 (đang là 0)'],
      ['11', 'phải từ 1 đến 10 (đang là 11)'],
      ['7,5', 'không cho điểm thập phân: 7,5'],
    ] as const) {
      await score.fill(typed);
      await expect
        .poll(() => page.getByTestId('primary-grid').getByRole('alert').textContent())
        .toContain(message);
      // Kept as typed, never cut or clamped, and the save waits for a valid score.
      expect(await score.inputValue()).toBe(typed);
      expect(await save.isDisabled()).toBe(true);
    }
    await score.fill('9');
    expect(await save.isDisabled()).toBe(false);

    // Switching checkpoint with the unsaved edit asks first; cancelling keeps the edit.
    await page.getByTestId('primary-checkpoint').getByText('Cuối HK I').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Bạn có 1 mục chưa lưu ở Cuối năm\. Chuyển sang Cuối HK I/);
    await page.screenshot({ path: `/tmp/primary-unsaved-${shot}.png` });
    await dialog.getByRole('button', { name: 'Huỷ' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await score.inputValue()).toBe('9');

    await save.click();
    const saved = page.getByText(
      /Đã lưu đánh giá Cuối năm: 1 mục của 1 học sinh \(1 điểm kiểm tra, 0 nhận xét\)/,
    );
    await saved.waitFor();
    await page.screenshot({ path: `/tmp/primary-saved-${shot}.png`, fullPage: true });
    expect(errors).toEqual([]);
  };

  it('máy tính: từ "Lớp tôi dạy" đến đánh giá định kì; điểm 0, 11, 7,5 bị từ chối; hỏi trước khi bỏ thay đổi; lưu có thông báo', async () => {
    const { context, page } = await newPage(e2e.browser, DESKTOP);
    await walk(page, 'gvcn.5a', '5A', 'desktop');
    const stored = await e2e.server.db
      .selectFrom('primary_evaluations')
      .select(['aspect', 'level', 'test_score'])
      .execute();
    expect(stored).toEqual([{ aspect: 'subject:math', level: 'completed_well', test_score: 9 }]);
    await context.close();
  });

  it('điện thoại: cùng các bước ở màn hình 390 px', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    await walk(page, 'gvcn.5b', '5B', 'phone');
    await context.close();
  });
});
