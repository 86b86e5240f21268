/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGradebookSchool } from '../test/factories-grades.ts';
import { buildWorkbook } from '../test/factories-imports.ts';
import { type E2EServer, launchBrowser, logIn, newPage, PHONE, startServer } from './harness.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

describe('phân công từ Excel và tổng hợp điểm trên trình duyệt', () => {
  let server: E2EServer;
  let browser: Browser;
  let school: Awaited<ReturnType<typeof buildGradebookSchool>>;

  beforeAll(async () => {
    server = await startServer();
    school = await buildGradebookSchool(server.db, { students: 3 });
    // Math term I: complete for the first student (ĐTBmhk 7,8), two assessments missing for the second.
    const [a, b] = school.students;
    const base = {
      unit_id: school.schoolA.id,
      school_year: '2025-2026',
      term: 1,
      class_id: school.cls.id,
      subject_code: 'math',
    };
    await server.db
      .insertInto('subject_scores')
      .values([
        {
          ...base,
          student_id: a?.id as string,
          regular: [8, 7.5, 9, 6.5],
          midterm: 7,
          final: 8.5,
          regular_results: [],
          term_average: 7.8,
        },
        {
          ...base,
          student_id: b?.id as string,
          regular: [6, 7, 8, 9],
          midterm: null,
          final: null,
          regular_results: [],
        },
      ])
      .execute();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('chủ nhiệm mở Tổng hợp điểm từ "Lớp tôi dạy" trên điện thoại: ĐTBmhk và ô thiếu điểm', async () => {
    const { page, context } = await newPage(browser, PHONE);
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await logIn(page, server.url, 'gv.cn');
    await page.goto(`${server.url}/gradebook`);
    await page.getByTestId('overview-6A1').click();
    await page.getByText('Tổng hợp điểm lớp 6A1').waitFor();
    const table = page.getByTestId('overview-table');
    await table.getByText('7,8').waitFor();
    expect(await table.locator('[data-missing="2"]').count()).toBe(1);
    expect(await table.getByText('1/3 đủ').count()).toBe(1);
    await page.getByTestId('overview-term').getByText('Học kì II').click();
    await expect.poll(() => table.getByText('7,8').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('hiệu trưởng nhập phân công từ Excel trên trang Phân công giảng dạy', async () => {
    const { page, context } = await newPage(browser);
    await logIn(page, server.url, 'ht.a');
    await page.goto(`${server.url}/gradebook/assignments`);
    await page.getByTestId('export-teaching_assignments').waitFor();
    await page.getByTestId('import-teaching_assignments').click();
    await page.getByTestId('import-next').click();
    const file = await buildWorkbook(
      'Phân công giảng dạy',
      ['Lớp', 'Môn học', 'Giáo viên', 'Số tiết/năm'],
      [['6A1', 'Khoa học tự nhiên', 'Phạm Thị Văn', null]],
    );
    await page
      .locator('input[type=file]')
      .setInputFiles({ name: 'phan-cong.xlsx', mimeType: XLSX, buffer: file });
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-valid').waitFor();
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByRole('link', { name: 'Mở danh sách' }).click();
    await page.getByTestId('assignment-matrix').waitFor();
    const stored = await server.db
      .selectFrom('teaching_assignments')
      .select(['teacher_id', 'periods_per_year'])
      .where('class_id', '=', school.cls.id)
      .where('subject_code', '=', 'natural-science')
      .executeTakeFirst();
    expect(stored).toEqual({ teacher_id: school.literature.staff.id, periods_per_year: 140 });
    await context.close();
  });
});
