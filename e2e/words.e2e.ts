/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import {
  buildClassWithStudents,
  buildSubjectScores,
  buildTeacherAccount,
} from '../test/factories-transcripts.ts';
import { DESKTOP, logIn, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';
import { seedSchoolWithPrincipal } from './seed.ts';

// Issue 13 §4: a change confirms with a toast that says what it did, an action that cannot succeed yet is
// disabled with its reason, and the audit log reads in words.
describe('lời dễ hiểu: thông báo, nút khoá kèm lý do, nhật ký bằng lời', () => {
  const suite = setUpSuite(async (db) => {
    const units = await seedSchoolWithPrincipal(db);
    const teacher = await buildTeacherAccount(db, {
      unit: units.schoolA,
      username: 'gvcn',
      fullName: 'Lê Thị Hồng Nhung',
    });
    const { cls, students } = await buildClassWithStudents(db, {
      unit: units.schoolA,
      name: '6A1',
      homeroomTeacher: teacher.staff,
      students: ['Nguyễn Thị Ánh Dương', 'Trần Đăng Khoa'],
    });
    for (const student of students) {
      await buildSubjectScores(db, { cls, student, subjectCode: 'math', term: 1, termAverage: 7.3 });
    }
  });

  it('hiệu trưởng: nút phê duyệt học bạ bị khoá kèm lý do khi GVCN chưa ký', async () => {
    const { page, context } = await newPage(suite.browser, PHONE);
    const errors = pageErrorsOf(page);
    await logIn(page, suite.server.url, 'hieutruong');
    await page.goto(`${suite.server.url}/transcripts`);
    await page.getByRole('link', { name: '6A1' }).click();
    const approve = page.getByTestId('approve-class');
    await approve.waitFor();
    expect(await approve.isDisabled()).toBe(true);
    const reason = page.getByTestId('approve-class-reason');
    expect(await reason.textContent()).toContain('giáo viên chủ nhiệm chưa ký học bạ của 2 học sinh');
    // The reason is the button's description for screen readers.
    const describedBy = await approve.getAttribute('aria-describedby');
    expect(describedBy).toBe(await reason.getAttribute('id'));
    await page.screenshot({ path: '/tmp/words-approve-reason-phone.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tổng kết học kì I: thông báo nói rõ đã tổng kết học kì I, nhật ký ghi bằng lời, lọc theo lĩnh vực', async () => {
    const { page, context } = await newPage(suite.browser, DESKTOP);
    const errors = pageErrorsOf(page);
    await logIn(page, suite.server.url, 'hieutruong');
    await page.goto(`${suite.server.url}/results`);
    await page.getByTestId('close-term1').click();
    const done = page.getByTestId('job-done');
    await done.waitFor({ timeout: 60_000 });
    expect(await done.textContent()).toContain('Đã tổng kết học kì I');
    const toast = page.locator('.mantine-Notification-root', { hasText: 'Đã tổng kết học kì I' });
    await toast.waitFor();

    await page.goto(`${suite.server.url}/audit`);
    const entries = page.getByTestId('audit-entry');
    const row = entries.filter({ hasText: 'Tổng kết học kì I' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Tổng kết');
    await row.click();
    const diff = page.getByTestId('audit-diff');
    await diff.waitFor();
    const words = (await diff.textContent()) ?? '';
    expect(words).toContain('Năm học');
    expect(words).toContain('2025-2026');
    expect(words).not.toMatch(/schoolYear|classified/);
    await page.screenshot({ path: '/tmp/words-audit-desktop.png', fullPage: true });
    // The area filter lists the areas by name; "Sổ điểm" has no rows here, "Kết quả, học bạ" has the close.
    await page.getByTestId('audit-area').click();
    await page.getByRole('option', { name: 'Kết quả, học bạ' }).click();
    await entries.filter({ hasText: 'Tổng kết học kì I' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('nhật ký trên điện thoại 390 px', async () => {
    const { page, context } = await newPage(suite.browser, PHONE);
    await logIn(page, suite.server.url, 'hieutruong');
    await page.goto(`${suite.server.url}/audit`);
    // On a phone each change is a card that names the change itself, not a table scrolled sideways.
    const card = page
      .getByTestId('audit-cards')
      .getByTestId('audit-entry')
      .filter({ hasText: 'Tổng kết học kì I' });
    expect(await card.textContent()).toContain('Số lớp: 1');
    await card.getByRole('button').click();
    await page.getByTestId('audit-diff').waitFor();
    await page.screenshot({ path: '/tmp/words-audit-phone.png', fullPage: true });
    await context.close();
  });
});
