/// <reference lib="dom" />
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { XLSX_MIME } from '#contracts/common.ts';
import type { Row } from '../src/platform/db/schema.ts';
import {
  buildClass,
  buildEnrolment,
  buildHomeroomTeacher,
  buildSchoolAccounts,
  buildStudent,
} from '../test/factories.ts';
import { buildAbsences, buildAssignments, buildYear } from '../test/factories-results.ts';
import { closeYear, logIn, newPage, PHONE, pageErrorsOf, setUpSuite } from './harness.ts';

type YearSpec = Omit<Parameters<typeof buildYear>[1], 'cls' | 'student'>;

/** One student per decision of TT22 Điều 12–14, in grades 6 and 7; `absences` over 45 sessions → retained. */
const STUDENTS: { fullName: string; className: '6A' | '7A'; year: YearSpec; absences?: number }[] = [
  { fullName: 'Nguyễn Văn An', className: '6A', year: { average: 8, conduct: ['good', 'good'] } },
  {
    fullName: 'Phạm Thị Dung',
    className: '6A',
    year: { average: 6, averages: { literature: 3, math: 3 }, conduct: ['good', 'good'] },
  },
  { fullName: 'Hoàng Văn Em', className: '6A', year: { average: 7, conduct: ['fail', 'fail'] } },
  {
    fullName: 'Vũ Thị Phương',
    className: '6A',
    year: { average: 8, conduct: ['good', 'good'] },
    absences: 46,
  },
  { fullName: 'Trần Thị Bình', className: '7A', year: { average: 6, conduct: ['good', 'good'] } },
  {
    fullName: 'Đặng Thị Ngọc Ánh',
    className: '7A',
    year: { average: 6, averages: { math: 3 }, conduct: ['pass', 'pass'] },
  },
];

/** The cells of the counts table, row by row: Khối, Số HS, Lên lớp, Kiểm tra lại, Rèn luyện hè, Ở lại lớp, … */
const countRows = (page: Page) =>
  page
    .getByTestId('promotion-counts')
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent?.trim() ?? '')),
    );

/** The principal reads the school-wide promotion list after the year close, filters it, exports it, on a phone too. */
describe('danh sách lên lớp toàn trường trên trình duyệt', () => {
  const e2e = setUpSuite(async (db) => {
    const units = await buildSchoolAccounts(db);
    const teacher = await buildHomeroomTeacher(db, { unit: units.schoolA });
    const classes: Record<string, Row<'classes'>> = {};
    for (const [name, grade] of [
      ['6A', 6],
      ['7A', 7],
    ] as const) {
      classes[name] = await buildClass(db, { unit: units.schoolA, name, grade, homeroomTeacher: teacher });
      await buildAssignments(db, classes[name], teacher);
    }
    for (const spec of STUDENTS) {
      const cls = classes[spec.className] as Row<'classes'>;
      const student = await buildStudent(db, { unit: units.schoolA, fullName: spec.fullName });
      await buildEnrolment(db, { student, cls });
      await buildYear(db, { cls, student, ...spec.year });
      if (spec.absences) await buildAbsences(db, { cls, student, count: spec.absences });
    }
  });

  it('tổng kết cả năm → số liệu theo khối → lọc "Kiểm tra lại" → tải Excel theo bộ lọc', async () => {
    const { server, browser } = e2e;
    const { page, context } = await newPage(browser);
    const pageErrors = pageErrorsOf(page);
    await logIn(page, server.url, 'ht.a');
    await closeYear(page, server.url);

    await page.getByRole('link', { name: 'Danh sách lên lớp toàn trường' }).click();
    await page.waitForURL(/\/results\/promotion-list$/);
    await page.getByTestId('promotion-counts').waitFor();
    // Số HS, Lên lớp, Kiểm tra lại, Rèn luyện hè, Ở lại lớp, HT quyết định, Chưa xếp loại, Lên lớp (sau hè),
    // Ở lại (sau hè), Chờ.
    expect(await countRows(page)).toEqual([
      ['Khối 6', '4', '1', '1', '1', '1', '0', '0', '1', '1', '2'],
      ['Khối 7', '2', '1', '1', '0', '0', '0', '0', '1', '0', '1'],
      ['Toàn trường', '6', '2', '2', '1', '1', '0', '0', '2', '1', '3'],
    ]);
    const cards = page.getByTestId('promotion-student');
    await expect.poll(() => cards.count()).toBe(4);

    await page.getByTestId('filter-outcome').click();
    await page.getByRole('option', { name: 'Kiểm tra lại', exact: true }).click();
    await expect.poll(() => cards.count()).toBe(2);
    const texts = await cards.allTextContents();
    expect(texts.every((text) => text.includes('Kiểm tra lại'))).toBe(true);
    expect(texts[0]).toContain('Phạm Thị Dung · 6A');
    expect(texts[0]).toContain('Môn kiểm tra lại: Ngữ văn 3,0; Toán 3,0');
    expect(texts[1]).toContain('Đặng Thị Ngọc Ánh · 7A');
    expect(texts[1]).toContain('Môn kiểm tra lại: Toán 3,0');
    // The counts are the school's, whatever the filter.
    expect((await countRows(page))[2]?.[1]).toBe('6');

    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => r.url().includes('/api/v1/results/promotion-list.xlsx')),
      page.getByRole('button', { name: 'Tải Excel' }).click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe(XLSX_MIME);
    expect(new URL(response.url()).searchParams.get('outcome')).toBe('retest');
    expect(download.suggestedFilename()).toBe('Danh sách lên lớp 2025-2026 - Trường THCS A.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const cells: string[] = [];
    workbook.worksheets[0]?.eachRow((row) => {
      row.eachCell((c) => {
        cells.push(String(c.text));
      });
    });
    expect(cells).toContain('Phạm Thị Dung');
    expect(cells).toContain('Đặng Thị Ngọc Ánh');
    expect(cells).not.toContain('Hoàng Văn Em');
    expect(cells).not.toContain('Vũ Thị Phương');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('trên điện thoại: trang không tràn ngang, bảng số liệu cuộn riêng, thẻ học sinh đọc được', async () => {
    const { server, browser } = e2e;
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'ht.a');
    await page.goto(`${server.url}/results`);
    await page.getByRole('link', { name: 'Danh sách lên lớp toàn trường' }).tap();
    const cards = page.getByTestId('promotion-student');
    await expect.poll(() => cards.count()).toBe(4);

    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      body: document.body.scrollWidth - document.body.clientWidth,
    }));
    expect(overflow).toEqual({ page: 0, body: 0 });
    // The wide counts table scrolls inside its own container, which fits the screen.
    const scroller = await page.getByTestId('promotion-counts').evaluate((table) => {
      let box = table.parentElement;
      while (box && box.scrollWidth <= box.clientWidth) box = box.parentElement;
      return box && { scrolls: box.scrollWidth > box.clientWidth, right: box.getBoundingClientRect().right };
    });
    expect(scroller?.scrolls).toBe(true);
    expect(scroller?.right).toBeLessThanOrEqual(390);
    for (const box of await cards.evaluateAll((all) => all.map((c) => c.getBoundingClientRect().toJSON()))) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    const retained = cards.filter({ hasText: 'Vũ Thị Phương' });
    expect(await retained.textContent()).toContain('Ở lại lớp');
    expect(await retained.textContent()).toContain('Nghỉ (buổi): 46');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Tải Excel' }).tap(),
    ]);
    expect(download.suggestedFilename()).toBe('Danh sách lên lớp 2025-2026 - Trường THCS A.xlsx');
    await page.screenshot({ path: '/tmp/promotion-phone.png', fullPage: true });
    await context.close();
  });
});
