/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildSchoolAccounts } from '../test/factories.ts';
import {
  buildClassWithStudents,
  buildGuardianAccount,
  buildStudentResult,
  buildSubjectScores,
  buildSubjectYearResult,
  buildTeacherAccount,
} from '../test/factories-transcripts.ts';
import { DESKTOP, logIn, logOut, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';

/**
 * Học bạ beyond the school office: the homeroom teacher signs and the principal approves; the principal opens a
 * student's versions (who, when) and a version's PDF; the mother finds «Học bạ của con» in her menu and downloads
 * the approved one on her phone.
 */
/** The file name of the download a button starts. */
async function downloadedName(page: Page, testId: string) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return download.suggestedFilename();
}

describe('học bạ: các phiên bản cho trường, học bạ đã duyệt cho cha mẹ', () => {
  const ids = { classId: '', studentId: '' };
  const suite = setUpSuite(async (db) => {
    const u = await buildSchoolAccounts(db);
    const teacher = await buildTeacherAccount(db, {
      unit: u.schoolA,
      username: 'gvcn.e2e',
      fullName: 'Lê Thị Hồng Nhung',
    });
    const { cls, students } = await buildClassWithStudents(db, {
      unit: u.schoolA,
      name: '6A1',
      homeroomTeacher: teacher.staff,
      students: ['Nguyễn Thị Ánh Dương'],
    });
    const [student] = students as [(typeof students)[number]];
    await buildSubjectScores(db, { cls, student, subjectCode: 'math', term: 1, termAverage: 7.3 });
    await buildSubjectScores(db, { cls, student, subjectCode: 'math', term: 2, termAverage: 8.5 });
    await buildSubjectYearResult(db, { cls, student, subjectCode: 'math', yearAverage: 8.1 });
    await buildStudentResult(db, { cls, student, term: 0, learning: 'good', conduct: 'excellent' });
    await buildGuardianAccount(db, { students: [student], username: 'me.e2e', fullName: 'Nguyễn Thị Mai' });
    ids.classId = cls.id;
    ids.studentId = student.id;
  });

  it('GVCN ký, hiệu trưởng phê duyệt rồi mở các phiên bản và tải PDF một phiên bản', async () => {
    const { server, browser } = suite;
    const teacher = await newPage(browser, DESKTOP);
    await logIn(teacher.page, server.url, 'gvcn.e2e');
    await teacher.page.goto(`${server.url}/transcripts/${ids.classId}`);
    await teacher.page.getByTestId('sign-class').click();
    await teacher.page.getByRole('dialog').getByRole('button', { name: 'Ký học bạ cả lớp' }).click();
    await teacher.page.getByText('Đã ký 1 học bạ.').waitFor();
    await logOut(teacher.page);
    await teacher.context.close();

    const { page, context } = await newPage(browser, DESKTOP);
    const errors = pageErrorsOf(page);
    await logIn(page, server.url, 'ht.a');
    await page.goto(`${server.url}/transcripts/${ids.classId}`);
    await page.getByTestId('approve-class').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Phê duyệt cả lớp' }).click();
    await page.getByText('Đã phê duyệt 1 học bạ.').waitFor();
    await page.getByTestId(`versions-${ids.studentId}`).click();
    const versions = page.getByTestId('transcript-versions');
    await versions.waitFor();
    expect(await versions.textContent()).toContain('Phiên bản 1');
    expect(await versions.textContent()).toContain('GVCN ký: Lê Thị Hồng Nhung');
    expect(await downloadedName(page, 'version-pdf-1')).toContain('phiên bản 1');
    expect(errors).toEqual([]);
    await page.keyboard.press('Escape');
    await logOut(page);
    await context.close();
  });

  it('cha mẹ thấy mục «Học bạ của con» và tải học bạ đã duyệt trên điện thoại', async () => {
    const { server, browser } = suite;
    const desktop = await newPage(browser, DESKTOP);
    await logIn(desktop.page, server.url, 'me.e2e');
    await desktop.page.getByRole('link', { name: 'Học bạ của con' }).click();
    await desktop.page.getByTestId('transcript-versions').waitFor();
    await logOut(desktop.page);
    await desktop.context.close();

    const { page, context } = await newPage(browser, PHONE);
    const errors = pageErrorsOf(page);
    await logIn(page, server.url, 'me.e2e');
    await page.goto(`${server.url}/my-transcripts`);
    const list = page.getByTestId('transcript-versions');
    await list.waitFor();
    expect(await list.textContent()).toContain('Năm học 2025-2026 · Lớp 6A1 · Phiên bản 1');
    expect(await list.textContent()).toContain('Đã phê duyệt');
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    expect(await downloadedName(page, 'version-pdf-1')).toContain('Nguyễn Thị Ánh Dương');
    expect(errors).toEqual([]);
    await context.close();
  });
});
