/// <reference lib="dom" />
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Row } from '../src/platform/db/schema.ts';
import { buildAssignments, buildYear, GRADE6_SUBJECTS } from '../test/factories-results.ts';
import {
  buildClassWithStudents,
  buildStudentResult,
  buildSubjectYearResult,
  buildTeacherAccount,
} from '../test/factories-transcripts.ts';
import { logIn, logOut, newPage, PHONE, setUpSuite } from './harness.ts';
import { seedSchoolWithPrincipal } from './seed.ts';

// Issue 11 §2: the correction dialog shows the corrected HK II score and the recomputed Cả năm and learning result
// before the principal confirms; on a phone.

describe('điều chỉnh học bạ trên trình duyệt', () => {
  let an: Row<'students'>;

  const suite = setUpSuite(async (db) => {
    const units = await seedSchoolWithPrincipal(db);
    const teacher = await buildTeacherAccount(db, {
      unit: units.schoolA,
      username: 'gvcn',
      fullName: 'Lê Thị Hoa',
    });
    const { cls, students } = await buildClassWithStudents(db, {
      unit: units.schoolA,
      name: '6A1',
      homeroomTeacher: teacher.staff,
      students: ['Nguyễn Văn An'],
    });
    an = students[0] as Row<'students'>;
    await buildAssignments(db, cls, teacher.staff, GRADE6_SUBJECTS);
    // Toán HK I 3,8, HK II 5,5 → Cả năm 4,9 (Đạt); every other subject 6,5; results as the year close stores them.
    await buildYear(db, {
      cls,
      student: an,
      average: 6.5,
      averages: { math: 3.8 },
      custom: { code: 'math', term: 2, regular: [5.5, 5.5, 5.5, 5.5], midterm: 5.5, final: 5.5 },
      conduct: ['good', 'good'],
    });
    await db
      .updateTable('subject_scores')
      .set({ term_average: sql`midterm`, term_result: sql`final_result` })
      .execute();
    for (const s of GRADE6_SUBJECTS) {
      const yearAverage = s.kind === 'comment' ? null : s.code === 'math' ? 4.9 : 6.5;
      const yearResult = s.kind === 'comment' ? 'pass' : null;
      await buildSubjectYearResult(db, {
        cls,
        student: an,
        subjectCode: s.code,
        yearAverage,
        yearResult,
      });
    }
    await buildStudentResult(db, { cls, student: an, term: 1, learning: 'pass', conduct: 'good' });
    await buildStudentResult(db, { cls, student: an, term: 2, learning: 'good', conduct: 'good' });
    await buildStudentResult(db, {
      cls,
      student: an,
      term: 0,
      learning: 'pass',
      conduct: 'good',
      promotion: 'promoted',
      finalPromotion: 'promoted',
    });
  });

  it('Hiệu trưởng xem Toán HK II, Toán cả năm và kết quả học tập trước và sau, rồi xác nhận điều chỉnh (điện thoại)', async () => {
    const { server, browser } = suite;
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'gvcn');
    await page.goto(`${server.url}/transcripts/${await classId()}`);
    await page.getByTestId('sign-class').click();
    await page.getByTestId('confirm').click();
    await page.getByTestId('transcript-table').getByText('GVCN đã ký').waitFor();
    await logOut(page);
    await logIn(page, server.url, 'hieutruong');
    await page.goto(`${server.url}/transcripts/${await classId()}`);
    await page.getByTestId('approve-class').click();
    await page.getByTestId('confirm').click();
    await page.getByTestId('transcript-table').getByText('Đã phê duyệt').waitFor();

    // The teacher corrects Toán HK II to 6,8 (the grid stores ĐTBmhk with the row).
    await server.db
      .updateTable('subject_scores')
      .set({ regular: [6.8, 6.8, 6.8, 6.8], midterm: 6.8, final: 6.8, term_average: 6.8 })
      .where('student_id', '=', an.id)
      .where('subject_code', '=', 'math')
      .where('term', '=', 2)
      .execute();
    await page.getByRole('button', { name: 'Điều chỉnh' }).click();
    const preview = page.getByTestId('correction-preview');
    await preview.waitFor();
    const text = (await preview.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain('Toán — HK II 5,5 6,8');
    expect(text).toContain('Toán — Cả năm 4,9 5,8');
    expect(text).toContain('Kết quả học tập — Cả năm Đạt Khá');
    await page.getByLabel('Lý do điều chỉnh').fill('Nhập nhầm điểm Toán học kì II');
    await page.getByRole('button', { name: 'Xác nhận điều chỉnh' }).click();
    await page.getByText('Đã tạo phiên bản 2.').waitFor();
    await context.close();
  });

  async function classId() {
    const { server } = suite;
    const row = await server.db
      .selectFrom('classes')
      .select('id')
      .where('name', '=', '6A1')
      .executeTakeFirstOrThrow();
    return row.id;
  }
});
