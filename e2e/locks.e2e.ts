/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildGradebookSchool } from '../test/factories-grades.ts';
import { logIn, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';

// A school day of học kì I 2025-2026 (the test calendar ends term I on 17/01/2026).
const TERM1_DAY = '15/10/2025';
const REASON = 'Bổ sung điểm danh ngày 15/10 bị sót';

/** A page of the homeroom teacher's class from "Lớp tôi dạy"; resolves to its lock banner. */
async function openHomeroomPage(page: Page, baseUrl: string, name: 'Điểm danh' | 'Rèn luyện') {
  await page.goto(`${baseUrl}/gradebook`);
  await page.getByRole('link', { name }).tap();
  return page.getByTestId('lock-banner');
}

/** The homeroom teacher's attendance of TERM1_DAY, morning, typed into the date field as a user would. */
async function openAttendance(page: Page, baseUrl: string) {
  const banner = await openHomeroomPage(page, baseUrl, 'Điểm danh');
  const date = page.getByRole('textbox', { name: 'Ngày' });
  await date.fill(TERM1_DAY);
  await date.blur();
  expect(await date.inputValue()).toBe(TERM1_DAY);
  await page.getByText('Sáng', { exact: true }).tap();
  const list = page.getByTestId('attendance-list');
  await list.waitFor();
  return { list, banner };
}

/** Term locks close attendance too; the principal reopens one class's conduct and attendance with a reason. */
describe('khoá sổ điểm danh trên trình duyệt', () => {
  const e2e = setUpSuite((db) => buildGradebookSchool(db, { students: 3 }));

  it('hiệu trưởng khoá HK I → GVCN không điểm danh được → mở khoá rèn luyện/điểm danh có lí do → điểm danh, tải lại vẫn còn', async () => {
    const { server, browser } = e2e;
    const principal = await newPage(browser);
    const teacher = await newPage(browser, PHONE);
    const pageErrors = [principal, teacher].map(({ page }) => pageErrorsOf(page));

    // The principal locks term I from the terms panel of the assignments page.
    const p = principal.page;
    await logIn(p, server.url, 'ht.a');
    await p.getByRole('link', { name: 'Phân công giảng dạy' }).click();
    const term1 = p.getByTestId('term-1');
    await term1.getByLabel('Khoá sổ').check();
    await term1.getByRole('button', { name: 'Lưu' }).click();
    await p.getByText('Đã lưu hạn nhập điểm và khoá sổ.').waitFor();

    // The homeroom teacher, on a phone: read only, with the reason, and no way to ask the unlock herself.
    const t = teacher.page;
    await logIn(t, server.url, 'gv.cn');
    let { list, banner } = await openAttendance(t, server.url);
    await banner.waitFor();
    expect(await banner.textContent()).toContain(
      'Ngày 15/10/2025 thuộc học kì I năm học 2025-2026, học kì đã khoá sổ; không điểm danh được cho lớp 6A1.',
    );
    expect(await banner.getByRole('button').count()).toBe(0);
    expect(await list.getByRole('button').first().isDisabled()).toBe(true);
    expect(await t.getByRole('button', { name: 'Lưu điểm danh' }).count()).toBe(0);
    // Conduct of term I (the page opens on it) is closed by the same lock.
    const conductBanner = await openHomeroomPage(t, server.url, 'Rèn luyện');
    await conductBanner
      .getByText('Sổ học kì I đã khoá; không sửa được rèn luyện và điểm danh của lớp 6A1.')
      .waitFor();
    expect(await t.getByRole('button', { name: 'Lưu rèn luyện' }).count()).toBe(0);

    // The principal reopens 6A1's conduct and attendance of term I, with a reason.
    await p.getByRole('button', { name: 'Mở khoá rèn luyện/điểm danh' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('Lớp', { exact: true }).click();
    await p.getByRole('option', { name: '6A1', exact: true }).click();
    expect(await dialog.getByLabel('Học kì', { exact: true }).inputValue()).toBe('Học kì I');
    // Without a real reason the server refuses, and the dialog says why under the field.
    await dialog.getByLabel('Lí do mở khoá').fill('sót');
    await dialog.getByRole('button', { name: 'Mở khoá rèn luyện/điểm danh' }).click();
    await dialog.getByText('Ghi rõ lí do mở khoá (ít nhất 5 kí tự).').waitFor();
    await dialog.getByLabel('Lí do mở khoá').fill(REASON);
    await dialog.getByRole('button', { name: 'Mở khoá rèn luyện/điểm danh' }).click();
    await p.getByText('Đã mở khoá.').waitFor();
    await p.getByText(`6A1 · Rèn luyện, điểm danh — ${REASON}`).waitFor();

    // The teacher comes back: conduct and attendance name the unlock; one tap marks an excused absence, saved.
    await (await openHomeroomPage(t, server.url, 'Rèn luyện'))
      .getByText(`Đã mở khoá rèn luyện và điểm danh của lớp: ${REASON}`)
      .waitFor();
    await t.getByRole('button', { name: 'Lưu rèn luyện' }).waitFor();
    ({ list, banner } = await openAttendance(t, server.url));
    await banner.getByText(`Đã mở khoá rèn luyện và điểm danh của lớp: ${REASON}`).waitFor();
    const first = list.getByRole('button').first();
    await first.tap();
    await first.getByText('Vắng có phép').waitFor();
    await t.getByRole('button', { name: 'Lưu điểm danh' }).tap();
    await t.getByText('Đã lưu điểm danh.').waitFor();

    await t.reload();
    ({ list } = await openAttendance(t, server.url));
    await list.getByRole('button').first().getByText('Vắng có phép').waitFor();
    expect(await list.getByRole('button').first().textContent()).toContain('Cả năm: 1 P · 0 K');
    const rows = await server.db.selectFrom('attendance').select(['date', 'session', 'excused']).execute();
    expect(rows).toEqual([{ date: '2025-10-15', session: 'morning', excused: true }]);
    expect(pageErrors).toEqual([[], []]);
    await principal.context.close();
    await teacher.context.close();
  });
});
