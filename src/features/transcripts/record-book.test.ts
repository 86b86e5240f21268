import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts } from '../../../test/factories.ts';
import {
  buildClassWithStudents,
  buildStudentResult,
  buildSubjectScores,
  buildSubjectYearResult,
  buildTeacherAccount,
  buildTeachingAssignment,
} from '../../../test/factories-transcripts.ts';
import { extractPdfPages } from '../../../test/pdf.ts';
import { rowValues, workbookOf } from '../../../test/xlsx.ts';
import type { Row } from '../../platform/db/schema.ts';

// The class record book (sổ theo dõi và đánh giá học sinh, TT22 appendix) prints the stored scores and results:
// each cell read back from the .xlsx and the PDF text is compared with what the tables hold.

describe.each(STORAGES)('sổ theo dõi và đánh giá học sinh của lớp (%s)', (storage) => {
  let t: TestApp;
  let cls: Row<'classes'>;
  let students: Row<'students'>[];

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    const homeroom = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gvcn.7b',
      fullName: 'Ngô Thị Thu',
    });
    const math = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gv.toan7',
      fullName: 'Hồ Văn Sơn',
    });
    const built = await buildClassWithStudents(t.db, {
      unit: u.schoolA,
      name: '7B',
      grade: 7,
      homeroomTeacher: homeroom.staff,
      students: ['Đinh Thị Yến', 'Bạch Văn Long'],
    });
    cls = built.cls;
    students = built.students as Row<'students'>[];
    const [yen, long] = students as [Row<'students'>, Row<'students'>];
    await buildTeachingAssignment(t.db, {
      cls,
      subjectCode: 'math',
      teacher: math.staff,
      periodsPerYear: 140,
    });
    // Yến's Toán as the teacher entered it: four ĐĐGtx, GK, CK and the term average, then term II and the year.
    const yenMath = { cls, student: yen, subjectCode: 'math' } as const;
    const term1 = { regular: [6, 7.5, 8, 9], midterm: 7, final: 8, termAverage: 7.7 };
    await buildSubjectScores(t.db, { ...yenMath, term: 1, ...term1 });
    await buildSubjectScores(t.db, { ...yenMath, term: 2, termAverage: 8 });
    await buildSubjectYearResult(t.db, { ...yenMath, yearAverage: 7.9 });
    await buildSubjectYearResult(t.db, { cls, student: long, subjectCode: 'math', yearAverage: 5 });
    await buildSubjectYearResult(t.db, {
      cls,
      student: long,
      subjectCode: 'physical-education',
      yearResult: 'fail',
    });
    // Nghệ thuật (grade 7): Yến's Âm nhạc Đạt and Mĩ thuật Chưa đạt in term I and the year; Long's both Đạt.
    for (const [student, fineArts] of [
      [yen, 'fail'],
      [long, 'pass'],
    ] as const) {
      const music = { cls, student, subjectCode: 'arts-music' } as const;
      const fine = { cls, student, subjectCode: 'arts-fine-arts' } as const;
      await buildSubjectScores(t.db, {
        ...music,
        term: 1,
        regularResults: ['pass', 'pass'],
        termResult: 'pass',
      });
      await buildSubjectScores(t.db, {
        ...fine,
        term: 1,
        regularResults: ['pass', fineArts],
        termResult: fineArts,
      });
      await buildSubjectYearResult(t.db, { ...music, yearResult: 'pass' });
      await buildSubjectYearResult(t.db, { ...fine, yearResult: fineArts });
    }
    await buildStudentResult(t.db, {
      cls,
      student: yen,
      term: 1,
      learning: 'excellent',
      conduct: 'excellent',
    });
    await buildStudentResult(t.db, {
      cls,
      student: yen,
      term: 0,
      learning: 'excellent',
      conduct: 'excellent',
      absentSessions: 2,
      promotion: 'promoted',
      finalPromotion: 'promoted',
    });
    await buildStudentResult(t.db, {
      cls,
      student: long,
      term: 0,
      learning: 'fail',
      conduct: 'good',
      absentSessions: 7,
      promotion: 'retest',
      finalPromotion: 'promoted',
      learningAfterRetest: 'pass',
    });
  }, 120_000);
  afterAll(() => t.close());

  it('giáo viên chủ nhiệm và hiệu trưởng tải được; giáo viên bộ môn và hiệu trưởng trường khác thì không', async () => {
    for (const path of ['record-book.pdf', 'record-book.xlsx']) {
      const url = `/api/v1/classes/${cls.id}/${path}`;
      expect((await (await t.as('gvcn.7b')).get(url)).status, path).toBe(200);
      expect((await (await t.as('ht.a')).get(url)).status, path).toBe(200);
      expect((await (await t.as('gv.toan7')).get(url)).status, path).toBe(403);
      expect((await (await t.as('ht.b')).get(url)).status, path).toBe(403);
    }
  }, 120_000);

  it('.xlsx: ô in ra bằng kết quả đã lưu (điểm thành phần, ĐTBmhk, ĐTBmcn, KQHT, KQRL, nghỉ, quyết định)', async () => {
    const res = await (await t.as('ht.a')).get(`/api/v1/classes/${cls.id}/record-book.xlsx`);
    const workbook = await workbookOf(res.raw);
    const math = workbook.getWorksheet('Toán');
    expect(math).toBeDefined();
    if (!math) return;
    // Roster order: Bạch Văn Long, Đinh Thị Yến (Vietnamese collation).
    const yenRow = rowValues(math, 6);
    expect(yenRow.slice(0, 2)).toEqual([2, 'Đinh Thị Yến']);
    expect(yenRow.slice(2, 9)).toEqual(['6,0', '7,5', '8,0', '9,0', '7,0', '8,0', '7,7']);
    expect(yenRow.at(-1)).toBe('7,9');
    expect(rowValues(math, 5).at(-1)).toBe('5,0');
    const summary = workbook.getWorksheet('Tổng hợp');
    if (!summary) throw new Error('no summary sheet');
    const header = rowValues(summary, 2) as string[];
    const long = rowValues(summary, 3);
    const yen = rowValues(summary, 4);
    const col = (name: string) => header.indexOf(name);
    expect(long[1]).toBe('Bạch Văn Long');
    expect(long[col('KQHT cả năm')]).toBe('Đạt');
    expect(long[col('KQRL cả năm')]).toBe('Khá');
    expect(long[col('Số buổi nghỉ')]).toBe('7');
    expect(long[col('Lên lớp / không lên lớp')]).toBe(
      'Được lên lớp sau kiểm tra, đánh giá lại hoặc rèn luyện hè',
    );
    expect(yen[col('KQHT HK I')]).toBe('Tốt');
    expect(yen[col('Lên lớp / không lên lớp')]).toBe('Được lên lớp');
    expect(long[col('GDTC')]).toBe('CĐ');
  }, 120_000);

  it('PDF: trang môn học và trang tổng hợp in đúng số liệu; không in mã nội bộ', async () => {
    const res = await (await t.as('gvcn.7b')).get(`/api/v1/classes/${cls.id}/record-book.pdf`);
    expect(res.status).toBe(200);
    const pages = (await extractPdfPages(res.raw)).map((p) => p.replace(/\s+/g, ' '));
    const all = pages.join('\n');
    expect(pages[0]).toContain('SỔ THEO DÕI VÀ ĐÁNH GIÁ HỌC SINH');
    const mathPage = pages.find((p) => p.includes('Môn học/hoạt động giáo dục: Toán'));
    expect(mathPage).toContain('2 Đinh Thị Yến 6,0 7,5 8,0 9,0 7,0 8,0 7,7');
    expect(mathPage).toContain('7,9');
    const summary = pages.find((p) => p.includes('TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ CẢ NĂM'));
    expect(summary).toContain('Bạch Văn Long');
    expect(summary).toContain('Được lên lớp sau kiểm tra, đánh giá lại hoặc rèn luyện hè');
    for (const page of pages) expect(page).toContain(`Lớp ${cls.name} — Năm học ${cls.school_year}`);
    for (const id of [cls.id, cls.unit_id, ...students.map((s) => s.id)]) expect(all).not.toContain(id);
  }, 120_000);

  it('Nghệ thuật (THCS): one page per content with its ĐĐGtx, one summary column with the subject’s one result', async () => {
    const res = await (await t.as('ht.a')).get(`/api/v1/classes/${cls.id}/record-book.xlsx`);
    const workbook = await workbookOf(res.raw);
    const music = workbook.getWorksheet('Nghệ thuật — Âm nhạc');
    const fine = workbook.getWorksheet('Nghệ thuật — Mĩ thuật');
    if (!music || !fine) throw new Error('no content sheets');
    expect(rowValues(fine, 6).slice(0, 4)).toEqual([2, 'Đinh Thị Yến', 'Đ', 'CĐ']);
    expect(rowValues(fine, 6).at(-1)).toBe('CĐ');
    const summary = workbook.getWorksheet('Tổng hợp');
    if (!summary) throw new Error('no summary sheet');
    const header = rowValues(summary, 2) as string[];
    expect(header.filter((h) => h === 'Nghệ thuật')).toHaveLength(1);
    expect(header).not.toContain('Âm nhạc');
    expect(header).not.toContain('Mĩ thuật');
    const col = header.indexOf('Nghệ thuật');
    // Long: both contents Đạt → Đạt; Yến: Mĩ thuật Chưa đạt → Nghệ thuật Chưa đạt (stored results read back).
    expect(rowValues(summary, 3)[col]).toBe('Đ');
    expect(rowValues(summary, 4)[col]).toBe('CĐ');
    const pdf = await (await t.as('ht.a')).get(`/api/v1/classes/${cls.id}/record-book.pdf`);
    const pages = (await extractPdfPages(pdf.raw)).map((p) => p.replace(/\s+/g, ' '));
    expect(pages.some((p) => p.includes('Môn học/hoạt động giáo dục: Nghệ thuật — Mĩ thuật'))).toBe(true);
  }, 120_000);

  it('the book of term I only: term I cells, term I results and absences, no year or decision', async () => {
    const res = await (await t.as('gvcn.7b')).get(`/api/v1/classes/${cls.id}/record-book.xlsx?term=1`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('H%E1%BB%8Dc%20k%C3%AC%20I');
    const workbook = await workbookOf(res.raw);
    const math = workbook.getWorksheet('Toán');
    if (!math) throw new Error('no math sheet');
    expect(rowValues(math, 3)).not.toContain('Học kì II');
    expect(rowValues(math, 6)).toEqual([2, 'Đinh Thị Yến', '6,0', '7,5', '8,0', '9,0', '7,0', '8,0', '7,7']);
    const summary = workbook.getWorksheet('Tổng hợp');
    if (!summary) throw new Error('no summary sheet');
    const header = rowValues(summary, 2) as string[];
    expect(header.slice(-3)).toEqual(['KQHT HK I', 'KQRL HK I', 'Số buổi nghỉ HK I']);
    expect(header).not.toContain('Lên lớp / không lên lớp');
    const yen = rowValues(summary, 4);
    expect(yen[header.indexOf('Toán')]).toBe('7,7');
    expect(yen[header.indexOf('Nghệ thuật')]).toBe('CĐ');
    expect(yen[header.indexOf('KQHT HK I')]).toBe('Tốt');
    const pdf = await (await t.as('gvcn.7b')).get(`/api/v1/classes/${cls.id}/record-book.pdf?term=1`);
    const pages = (await extractPdfPages(pdf.raw)).map((p) => p.replace(/\s+/g, ' '));
    expect(pages.some((p) => p.includes('TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ HỌC KÌ I'))).toBe(true);
    expect(pages.join('\n')).not.toContain('HK II');
    expect(
      (await (await t.as('gvcn.7b')).get(`/api/v1/classes/${cls.id}/record-book.pdf?term=2`)).status,
    ).toBe(400);
  }, 120_000);
});
