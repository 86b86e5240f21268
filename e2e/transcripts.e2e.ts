/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import {
  buildClassWithStudents,
  buildSubjectScores,
  buildTeacherAccount,
} from '../test/factories-transcripts.ts';
import { logIn, logOut, newPage, setUpSuite } from './harness.ts';
import { seedSchoolWithPrincipal } from './seed.ts';

describe('học bạ trên trình duyệt', () => {
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

  it('GVCN ký học bạ cả lớp, Hiệu trưởng phê duyệt cả lớp một lần và tải PDF cả lớp', async () => {
    const { server, browser } = suite;
    const { page, context } = await newPage(browser);
    await logIn(page, server.url, 'gvcn');
    await page.getByRole('link', { name: 'Học bạ', exact: true }).click();
    // The home page links its classes too (attendance, score entry): choose the class in the học bạ list.
    await page.locator('a[href^="/transcripts/"]').filter({ hasText: /^6A1$/ }).click();
    const table = page.getByTestId('transcript-table');
    await table.getByText('Nguyễn Thị Ánh Dương').waitFor();
    expect(await table.getByText('Bản nháp').count()).toBe(2);
    expect(await page.getByTestId('approve-class').count()).toBe(0);
    await page.getByTestId('sign-class').click();
    await page.getByTestId('confirm').click();
    await table.getByText('GVCN đã ký').first().waitFor();
    await logOut(page);

    await logIn(page, server.url, 'hieutruong');
    await page.getByRole('link', { name: 'Học bạ', exact: true }).click();
    // The home page links its classes too (attendance, score entry): choose the class in the học bạ list.
    await page.locator('a[href^="/transcripts/"]').filter({ hasText: /^6A1$/ }).click();
    await page.getByTestId('approve-class').click();
    await page.getByTestId('confirm').click();
    await table.getByText('Đã phê duyệt').nth(1).waitFor();
    expect(await table.getByText('Đã phê duyệt').count()).toBe(2);
    // The class PDF is made by a background job, then downloaded under its Vietnamese name.
    const download = page.waitForEvent('download');
    await page.getByTestId('class-pdf').click();
    expect((await download).suggestedFilename()).toBe('Học bạ 2025-2026 - Lớp 6A1.pdf');
    await context.close();
  });
});
