/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import {
  buildClass,
  buildEnrolment,
  buildProvince,
  buildStaff,
  buildStudent,
  buildUnit,
  buildUser,
} from '../test/factories.ts';
import { logIn, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';

/** The office merges one of its schools into another: it reads the preview, enters the decision, confirms. */
describe('sáp nhập trường trên trình duyệt: xem trước, quyết định, lịch sử', () => {
  const e2e = setUpSuite(async (db) => {
    const u = await buildProvince(db);
    const source = await buildUnit(db, {
      parent: u.officeA,
      level: 'lower_secondary',
      name: 'Trường THCS Hoà Lạc',
    });
    await buildUnit(db, { parent: u.officeA, level: 'primary', name: 'Trường TH Hoà Bình' });
    await buildUser(db, { unit: u.officeA, username: 'phong.a.admin', roles: [{ role: 'office_admin' }] });
    await buildUser(db, {
      unit: source,
      username: 'ht.hl',
      fullName: 'Đỗ Văn Hiệu',
      roles: [{ role: 'principal' }],
    });
    const teacherUser = await buildUser(db, {
      unit: source,
      username: 'gv.hl',
      fullName: 'Lê Thị Giáo Viên',
      roles: [{ role: 'teacher' }],
    });
    const teacher = await buildStaff(db, { unit: source, fullName: 'Lê Thị Giáo Viên', user: teacherUser });
    const cls = await buildClass(db, { unit: source, name: '6H1', homeroomTeacher: teacher });
    for (const fullName of ['Nguyễn Văn An', 'Trần Thị Bình', 'Phạm Minh Châu']) {
      await buildEnrolment(db, { student: await buildStudent(db, { unit: source, fullName }), cls });
    }
  });

  const openMerge = async (page: import('playwright-core').Page, target: string) => {
    await page.goto(`${e2e.server.url}/units`);
    await page.getByTestId('units-tree').getByText('Trường THCS Hoà Lạc').click();
    await page.getByRole('button', { name: 'Sáp nhập' }).click();
    await page.getByTestId('relocate-target').click();
    await page.getByRole('option', { name: target }).click();
    await page.getByTestId('relocation-preview').waitFor();
  };

  it('trường tiểu học không được chọn làm nơi tiếp nhận hợp lệ: xem trước nêu lý do, nút bị khoá (điện thoại)', async () => {
    const { context, page } = await newPage(e2e.browser, PHONE);
    const errors = pageErrorsOf(page);
    await logIn(page, e2e.server.url, 'phong.a.admin');
    await openMerge(page, 'Trường TH Hoà Bình');
    await expect
      .poll(() => page.getByTestId('relocation-blockers').textContent())
      .toMatch(/không dạy đủ các khối/);
    expect(await page.getByTestId('relocate-submit').isDisabled()).toBe(true);
    await page.screenshot({ path: '/tmp/units-merge-blocked-phone.png', fullPage: true });
    await openMerge(page, 'Trường THCS A');
    await page.screenshot({ path: '/tmp/units-merge-preview-phone.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('văn phòng xem trước, nhập quyết định, xác nhận; trang đơn vị ghi lịch sử ở cả hai bên', async () => {
    const { context, page } = await newPage(e2e.browser);
    const errors = pageErrorsOf(page);
    await logIn(page, e2e.server.url, 'phong.a.admin');
    await openMerge(page, 'Trường THCS A');
    const preview = page.getByTestId('relocation-preview');
    await expect.poll(() => preview.textContent()).toMatch(/3học sinh đang học/);
    await page.getByText('học sinh đang học (cùng lớp)').click();
    await expect.poll(() => preview.textContent()).toMatch(/Phạm Minh Châu — 6H1/);
    // The merged school's principal does not become a second principal of the receiving school (issue 11).
    expect(await page.getByTestId('relocation-notes').textContent()).toMatch(
      /Vai trò lãnh đạo của Trường THCS Hoà Lạc kết thúc khi sáp nhập: Đỗ Văn Hiệu \(Hiệu trưởng\)/,
    );
    await page
      .getByTestId('relocate-keep-roles')
      .getByText('Giữ Đỗ Văn Hiệu làm Hiệu trưởng tại Trường THCS A')
      .waitFor();
    await page.getByTestId('relocation-lists-xlsx').waitFor();
    await page.getByTestId('relocate-decision-number').fill('125/QĐ-UBND');
    await page.screenshot({ path: '/tmp/units-merge-preview-desktop.png', fullPage: true });
    await page.getByTestId('relocate-submit').click();
    await expect.poll(() => page.getByText('Hãy xác nhận đã xem danh sách.').count()).toBe(1);
    await page.getByTestId('relocate-confirm').check();
    await page.getByTestId('relocate-submit').click();
    await page
      .getByText(/Đã sáp nhập Trường THCS Hoà Lạc vào Trường THCS A: 3 học sinh, 1 cán bộ, 1 lớp/)
      .waitFor();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('switch', { name: 'Hiện cả đơn vị đã sáp nhập, giải thể' }).check({ force: true });
    await page.getByTestId('units-tree').getByText('Trường THCS Hoà Lạc').click();
    const banner = page.getByTestId('unit-merged-banner');
    await expect
      .poll(() => banner.textContent())
      .toMatch(/Đã sáp nhập vào Trường THCS A theo QĐ số 125\/QĐ-UBND ngày/);
    expect(await page.getByRole('button', { name: 'Sáp nhập' }).count()).toBe(0);
    await page.screenshot({ path: '/tmp/units-merged-desktop.png', fullPage: true });
    await page.getByTestId('units-tree').getByText('Trường THCS A').click();
    await expect
      .poll(() => page.getByTestId('unit-history').textContent())
      .toMatch(/Tiếp nhận từ Trường THCS Hoà Lạc/);
    expect(await page.getByTestId('unit-history').textContent()).toMatch(/kết thúc 1 vai trò lãnh đạo/);
    await page.screenshot({ path: '/tmp/units-received-desktop.png', fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });
});
