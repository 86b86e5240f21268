/// <reference lib="dom" />
import fs from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { todayInVietnam } from '../src/domain/calendar/index.ts';
import { buildClass, buildEnrolment, buildGuardian, buildStudent, buildUser } from '../test/factories.ts';
import { buildGradebookSchool } from '../test/factories-grades.ts';
import { buildSubjectScores } from '../test/factories-transcripts.ts';
import { DESKTOP, logIn, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';

// The home page of each role on a phone (390 px) shows the fixture's counts: school A's 6A1 (three students; math
// filled for the first, partly for the second; literature and PE empty), 6A2 (one student, no register today), a
// register of 6A1 taken this morning with the first student absent, and a note of the homeroom teacher unread by
// that student's parent. The fixture year 2025-2026 has ended by the test's clock, so the pages show term II.

const SHOTS = process.env.HOME_SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const suite = setUpSuite(async (db) => {
  const s = await buildGradebookSchool(db, { students: 3 });
  const [first, second] = s.students as [(typeof s.students)[0], (typeof s.students)[0]];
  const other = await buildClass(db, { unit: s.schoolA, name: '6A2', grade: 6 });
  await buildEnrolment(db, {
    student: await buildStudent(db, { unit: s.schoolA, fullName: 'Lê Thị Lớp Hai' }),
    cls: other,
  });
  const parent = await buildUser(db, {
    unit: s.schoolA,
    username: 'ph.a',
    fullName: 'Đinh Thị Mận',
    roles: [{ role: 'guardian' }],
  });
  await buildGuardian(db, { student: first, user: parent });
  await buildUser(db, { unit: s.province, username: 'qt.so', roles: [{ role: 'system_admin' }] });
  const math = { cls: s.cls, subjectCode: 'math', term: 2 as const };
  await buildSubjectScores(db, {
    ...math,
    student: first,
    regular: [8, 7, 9, 6],
    midterm: 7,
    final: 8,
    termAverage: 7.6,
  });
  await buildSubjectScores(db, { ...math, student: second, regular: [6, 7], midterm: 5 });
  const today = todayInVietnam();
  const day = { unit_id: s.schoolA.id, school_year: '2025-2026', class_id: s.cls.id, date: today };
  await db
    .insertInto('attendance')
    .values({ ...day, student_id: first.id, session: 'morning', excused: false })
    .execute();
  await db
    .insertInto('attendance_taken')
    .values({ ...day, session: 'morning' })
    .execute();
  await db
    .insertInto('class_notes')
    .values({
      unit_id: s.schoolA.id,
      class_id: s.cls.id,
      author_user_id: s.homeroom.user.id,
      title: 'Họp phụ huynh cuối kì',
      body: 'Thứ Bảy, 8 giờ.',
    })
    .execute();
});

const value = (page: Page, testId: string) => page.getByTestId(`${testId}-value`).textContent();

describe('trang chủ theo vai trò, trên điện thoại', () => {
  it('hiệu trưởng: sĩ số, điểm danh hôm nay, tiến độ nhập điểm; menu theo nhóm', async () => {
    const { page, context } = await newPage(suite.browser, PHONE);
    const errors = pageErrorsOf(page);
    await logIn(page, suite.server.url, 'ht.a');
    await page.getByTestId('home-students').waitFor();
    expect(await value(page, 'home-students')).toBe('4');
    expect(await value(page, 'home-classes')).toBe('2');
    expect(await value(page, 'home-absent')).toBe('1');
    expect(await value(page, 'home-not-taken')).toBe('1');
    // Math 9 empty cells, literature 3 × 6, PE (comment subject, 2 ĐĐGtx) 3 × 4.
    expect(await page.getByTestId('home-entry-summary').textContent()).toBe(
      '0/3 lớp × môn đã đủ điểm; còn 39 ô bắt buộc trống.',
    );
    await page.getByRole('link', { name: '6A2' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    // The year picker shows the whole year on a phone.
    const year = page.getByTestId('school-year-switcher').filter({ visible: true });
    expect(await year.inputValue()).toBe('2025-2026');
    expect(await year.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await shot(page, 'principal-phone');
    await page.getByRole('button', { name: 'Mở menu' }).click();
    for (const area of ['Hồ sơ', 'Sổ điểm', 'Kết quả', 'Chuyển đổi số', 'Quản trị'])
      await page.getByText(area, { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Con của tôi' }).count()).toBe(0);
    await shot(page, 'principal-phone-menu');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('giáo viên: lớp của tôi với số ô còn trống; Sổ liên lạc trong menu', async () => {
    const { page, context } = await newPage(suite.browser, PHONE);
    await logIn(page, suite.server.url, 'gv.toan');
    await page.getByTestId('home-missing-6A1-math').waitFor();
    expect(await page.getByTestId('home-missing-6A1-math').textContent()).toBe('Còn 9 ô trống');
    expect(await page.getByTestId('home-missing-6A1-physical-education').textContent()).toBe(
      'Còn 12 ô trống',
    );
    expect(await page.getByTestId('home-teacher-summary').textContent()).toBe(
      '1 lớp; còn 21 ô điểm bắt buộc trống trong học kì II.',
    );
    await shot(page, 'teacher-phone');
    await page.getByRole('button', { name: 'Mở menu' }).click();
    await page.getByRole('link', { name: 'Sổ liên lạc' }).click();
    await page.getByRole('heading', { name: 'Sổ liên lạc của lớp' }).waitFor();
    // A note to one chosen student, written on the phone; it is listed as sent to chosen students.
    await page.getByText('Chọn học sinh', { exact: true }).click();
    await page.getByTestId('note-students').click();
    await page.getByRole('option', { name: 'Nguyễn Văn An' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('textbox', { name: 'Tiêu đề' }).fill('Em An quên sách');
    await page.getByRole('textbox', { name: 'Nội dung' }).fill('Nhờ phụ huynh nhắc em mang sách Toán.');
    await page.getByRole('button', { name: 'Gửi lời nhắn' }).click();
    await page.getByText('Đã gửi cho 1 phụ huynh.').waitFor();
    await page.getByText('Gửi riêng học sinh được chọn').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
    await shot(page, 'teacher-notes-phone');
    await context.close();
  });

  it('giáo viên chủ nhiệm: lớp chủ nhiệm đã điểm danh, lời nhắn chưa được xác nhận', async () => {
    const { page, context } = await newPage(suite.browser, PHONE);
    await logIn(page, suite.server.url, 'gv.cn');
    await page.getByText('Đã điểm danh hôm nay').waitFor();
    expect(await page.getByTestId('home-note').textContent()).toContain('1/1 chưa xác nhận');
    await context.close();
  });

  it('phụ huynh: điểm mới nhất, vắng, lời nhắn chưa đọc; không có bộ chọn trường/năm; chạm để mở sổ liên lạc', async () => {
    const { page, context } = await newPage(suite.browser, PHONE);
    await logIn(page, suite.server.url, 'ph.a');
    await page.getByTestId('home-child').waitFor();
    // The class note, and the math teacher's note to this child alone (sent in the teacher's test above).
    expect(await page.getByTestId('home-child-unread').textContent()).toBe('2 lời nhắn chưa đọc');
    expect(await page.getByTestId('home-child-absences').textContent()).toBe('Vắng: 0 có phép, 1 không phép');
    expect(await page.getByTestId('home-score-math').textContent()).toBe('TX 8; 7; 9; 6 · GK 7 · CK 8');
    expect(await page.getByTestId('unit-switcher').count()).toBe(0);
    expect(await page.getByTestId('school-year-switcher').count()).toBe(0);
    await shot(page, 'guardian-phone');
    await page.getByTestId('home-child').click();
    await page.waitForURL(/\/contact-book\?student=/);
    await page.getByTestId('tab-notes').click();
    await page.getByText('Họp phụ huynh cuối kì').waitFor();
    await page.getByText('Em An quên sách').waitFor();
    await context.close();
  });

  it('quản trị hệ thống không thấy "Con của tôi"; phòng GD&ĐT thấy trường trễ hạn', async () => {
    const { page, context } = await newPage(suite.browser, DESKTOP);
    await logIn(page, suite.server.url, 'qt.so');
    await page.getByText('Quản trị', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Con của tôi' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Sổ liên lạc' }).count()).toBe(0);
    await context.close();
    const office = await newPage(suite.browser, PHONE);
    await logIn(office.page, suite.server.url, 'phong.a');
    await office.page.getByTestId('home-school-row').waitFor();
    expect(await office.page.getByTestId('home-school-row').textContent()).toContain(
      'Chưa xét kết quả cả năm',
    );
    await shot(office.page, 'office-phone');
    await office.context.close();
  });

  it('trên màn hình rộng mỗi trang chủ hiện đủ thẻ, không tràn ngang', async () => {
    const pages: [string, string][] = [
      ['ht.a', 'home-students'],
      ['gv.toan', 'home-class-6A1'],
      ['ph.a', 'home-child'],
      ['phong.a', 'home-school-row'],
    ];
    for (const [username, card] of pages) {
      const { page, context } = await newPage(suite.browser, DESKTOP);
      await logIn(page, suite.server.url, username);
      await page.getByTestId(card).first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth)).toBe(false);
      await shot(page, `${username}-desktop`);
      await context.close();
    }
  });
});
