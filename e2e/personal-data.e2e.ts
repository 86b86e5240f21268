/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildSchoolAccounts } from '../test/factories.ts';
import { buildClassWithStudents, buildGuardianAccount } from '../test/factories-transcripts.ts';
import { DESKTOP, logIn, logOut, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';

/**
 * Issue 11 §3 in the browser: the mother exports her child's data on her phone; the principal exports it as PDF,
 * opens the erasure (what goes, what stays and why, the withdrawal of an enrolled student), gives the reason,
 * confirms, and the record reads "Đã xoá dữ liệu cá nhân", withdrawn, with its name kept.
 */
async function downloadedName(page: Page, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name, exact: true }).click(),
  ]);
  return download.suggestedFilename();
}

describe('quyền đối với dữ liệu cá nhân: xuất và xoá trên trình duyệt', () => {
  const ids = { studentId: '' };
  const suite = setUpSuite(async (db) => {
    const u = await buildSchoolAccounts(db);
    const { students } = await buildClassWithStudents(db, {
      unit: u.schoolA,
      name: '6A1',
      students: ['Nguyễn Thị Ánh Dương'],
    });
    const [student] = students as [(typeof students)[number]];
    await buildGuardianAccount(db, { students: [student], username: 'me.pd', fullName: 'Nguyễn Thị Mai' });
    ids.studentId = student.id;
  });

  it('cha mẹ tải dữ liệu của con (PDF) trên điện thoại; không có nút xoá', async () => {
    const { page, context } = await newPage(suite.browser, PHONE);
    const errors = pageErrorsOf(page);
    await logIn(page, suite.server.url, 'me.pd');
    await page.goto(`${suite.server.url}/students/${ids.studentId}`);
    await page.getByTestId('personal-data').waitFor();
    expect(await downloadedName(page, 'Xuất dữ liệu cá nhân (PDF)')).toMatch(
      /^du-lieu-ca-nhan-nguyen-thi-anh-duong-.*\.pdf$/,
    );
    expect(await page.getByRole('button', { name: 'Xoá dữ liệu cá nhân' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/personal-data-family-phone.png', fullPage: true });
    await logOut(page);
    await context.close();
    expect(errors).toEqual([]);
  });

  for (const [device, label] of [
    [PHONE, 'phone'],
    [DESKTOP, 'desktop'],
  ] as const) {
    it(`hiệu trưởng xem trước việc xoá: xoá gì, giữ gì và căn cứ (${label})`, async () => {
      const { page, context } = await newPage(suite.browser, device);
      const errors = pageErrorsOf(page);
      await logIn(page, suite.server.url, 'ht.a');
      await page.goto(`${suite.server.url}/students/${ids.studentId}`);
      expect(await downloadedName(page, 'Xuất dữ liệu cá nhân (PDF)')).toMatch(/\.pdf$/);
      await page.getByRole('button', { name: 'Xoá dữ liệu cá nhân' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByTestId('keep-list').waitFor();
      await dialog.getByText('Học sinh đang học: xoá dữ liệu cá nhân sẽ ghi nhận thôi học').waitFor();
      expect(await dialog.getByTestId('erase-list').textContent()).toContain('Cha mẹ, người giám hộ');
      expect(await dialog.getByTestId('keep-list').textContent()).toContain('TT27/2016');
      await page.screenshot({ path: `/tmp/personal-data-erase-${label}.png`, fullPage: true });
      await dialog.getByRole('button', { name: 'Xoá vĩnh viễn' }).click();
      await dialog.getByText('Nhập lý do').waitFor();
      await page.keyboard.press('Escape');
      await context.close();
      expect(errors).toEqual([]);
    });
  }

  it('hiệu trưởng nhập lý do, xác nhận: thông báo, hồ sơ đã xoá và đã thôi học, họ tên còn', async () => {
    const { page, context } = await newPage(suite.browser, DESKTOP);
    const errors = pageErrorsOf(page);
    await logIn(page, suite.server.url, 'ht.a');
    await page.goto(`${suite.server.url}/students/${ids.studentId}`);
    await page.getByRole('button', { name: 'Xoá dữ liệu cá nhân' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('erase-reason').fill('Cha mẹ học sinh yêu cầu xoá');
    await dialog.getByRole('button', { name: 'Xoá vĩnh viễn' }).click();
    await page.getByText('Đã xoá dữ liệu cá nhân.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText('Đã xoá dữ liệu cá nhân', { exact: true }).first().waitFor();
    await page.getByText('Bỏ học').first().waitFor();
    await page.getByRole('heading', { name: /Nguyễn Thị Ánh Dương/ }).waitFor();
    await page.screenshot({ path: '/tmp/personal-data-erased-desktop.png', fullPage: true });
    await context.close();
    expect(errors).toEqual([]);
  });
});
