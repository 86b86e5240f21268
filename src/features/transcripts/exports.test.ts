import type ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts, buildUser } from '../../../test/factories.ts';
import {
  buildClassWithStudents,
  buildStudentResult,
  buildSubjectScores,
  buildSubjectYearResult,
  buildTeacherAccount,
  buildTeachingAssignment,
} from '../../../test/factories-transcripts.ts';
import { rowValues, workbookOf } from '../../../test/xlsx.ts';
import type { Row } from '../../platform/db/schema.ts';

describe.each(STORAGES)('xuất sổ điểm và thống kê (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let cls: Row<'classes'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    const math = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gv.toan',
      fullName: 'Hoàng Văn Toán',
    });
    await buildUser(t.db, { unit: u.schoolA, username: 'phhs.y', roles: [{ role: 'guardian' }] });
    const built = await buildClassWithStudents(t.db, {
      unit: u.schoolA,
      name: '6A2',
      students: ['Đặng Thu Hà', 'Bùi Quốc Việt'],
    });
    cls = built.cls;
    const [ha, viet] = built.students as [Row<'students'>, Row<'students'>];
    await buildTeachingAssignment(t.db, {
      cls,
      subjectCode: 'math',
      teacher: math.staff,
      periodsPerYear: 140,
    });
    await buildSubjectScores(t.db, {
      cls,
      student: ha,
      subjectCode: 'math',
      term: 1,
      regular: [8, 9, 7.5, 10],
      midterm: 8,
      final: 9,
      termAverage: 8.6,
    });
    await buildSubjectScores(t.db, { cls, student: ha, subjectCode: 'math', term: 2, termAverage: 9 });
    await buildSubjectYearResult(t.db, { cls, student: ha, subjectCode: 'math', yearAverage: 8.9 });
    await buildSubjectYearResult(t.db, { cls, student: viet, subjectCode: 'math', yearAverage: 6.4 });
    await buildSubjectScores(t.db, {
      cls,
      student: ha,
      subjectCode: 'physical-education',
      term: 1,
      regularResults: ['pass', 'pass'],
      midtermResult: 'pass',
      finalResult: 'fail',
      termResult: 'fail',
    });
    await buildStudentResult(t.db, {
      cls,
      student: ha,
      term: 0,
      learning: 'excellent',
      conduct: 'excellent',
      absentSessions: 2,
    });
    await buildStudentResult(t.db, { cls, student: viet, term: 0, learning: 'pass', conduct: 'excellent' });
    principal = await t.as('ht.a');
  });
  afterAll(() => t.close());

  it('sổ điểm lớp .xlsx: mỗi môn một trang (STT, họ tên, TX1..4, GK, CK, ĐTBmhk mỗi kỳ, ĐTBmcn) và trang tổng hợp', async () => {
    const res = await principal.get(`/api/v1/classes/${cls.id}/gradebook.xlsx`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toContain('6A2');
    const workbook = await workbookOf(res.raw);
    const math = workbook.getWorksheet('Toán') as ExcelJS.Worksheet;
    expect(rowValues(math, 3).slice(2)).toEqual([
      ...['TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK', 'ĐTBmhk'],
      ...['TX1', 'TX2', 'TX3', 'TX4', 'GK', 'CK', 'ĐTBmhk'],
      'ĐTBmcn',
    ]);
    expect(math.getCell(2, 3).value).toBe('Học kì I');
    expect(math.getCell(2, 10).value).toBe('Học kì II');
    // Names in Vietnamese order, by given name: Hà before Việt.
    expect(rowValues(math, 5).slice(0, 2)).toEqual([2, 'Bùi Quốc Việt']);
    expect(rowValues(math, 4)).toEqual([
      1,
      'Đặng Thu Hà',
      ...[8, 9, 7.5, 10, 8, 9, 8.6],
      ...[null, null, null, null, null, null, 9],
      8.9,
    ]);
    const pe = workbook.getWorksheet('GDTC') ?? workbook.worksheets.find((w) => w.name.includes('thể chất'));
    expect(pe).toBeDefined();
    const peRow = rowValues(pe as ExcelJS.Worksheet, 4);
    expect(peRow.slice(0, 7)).toEqual([1, 'Đặng Thu Hà', 'Đ', 'Đ', 'Đ', 'CĐ', 'CĐ']);
    const summary = workbook.getWorksheet('Tổng hợp') as ExcelJS.Worksheet;
    const header = rowValues(summary, 2) as string[];
    const haRow = rowValues(summary, 3);
    expect(haRow[1]).toBe('Đặng Thu Hà');
    expect(haRow[header.indexOf('Toán')]).toBe(8.9);
    expect(haRow[header.indexOf('KQHT cả năm')]).toBe('Tốt');
    expect(haRow[header.indexOf('Số buổi nghỉ')]).toBe(2);
  });

  it('thống kê theo khối .xlsx: số lượng và tỉ lệ từng mức, điểm trung bình môn', async () => {
    const res = await principal.get(
      `/api/v1/grade-statistics.xlsx?unitId=${u.schoolA.id}&schoolYear=2025-2026`,
    );
    expect(res.status).toBe(200);
    const workbook = await workbookOf(res.raw);
    const levels = workbook.getWorksheet('Xếp loại') as ExcelJS.Worksheet;
    const header = rowValues(levels, 2) as string[];
    const grade6 = rowValues(levels, 3);
    expect(grade6[0]).toBe('Khối 6');
    expect(grade6[1]).toBe(2);
    expect(grade6[header.indexOf('KQHT Tốt (SL)')]).toBe(1);
    expect(grade6[header.indexOf('KQHT Tốt (%)')]).toBe(50);
    expect(grade6[header.indexOf('KQHT Đạt (SL)')]).toBe(1);
    expect(grade6[header.indexOf('KQRL Tốt (%)')]).toBe(100);
    expect(rowValues(levels, 4)[0]).toBe('Toàn trường');
    const averages = workbook.getWorksheet('Điểm TB môn') as ExcelJS.Worksheet;
    expect(rowValues(averages, 2)).toEqual(['Khối', 'Toán']);
    // (8.9 + 6.4) / 2 = 7.65
    expect(rowValues(averages, 3)).toEqual(['Khối 6', 7.65]);
  });

  it('trường khác, phụ huynh và giáo viên không dạy lớp bị từ chối', async () => {
    const otherSchool = await t.as('ht.b');
    expect((await otherSchool.get(`/api/v1/classes/${cls.id}/gradebook.xlsx`)).status).toBe(403);
    expect(
      (await otherSchool.get(`/api/v1/grade-statistics.xlsx?unitId=${u.schoolA.id}&schoolYear=2025-2026`))
        .status,
    ).toBe(403);
    const guardian = await t.as('phhs.y');
    expect((await guardian.get(`/api/v1/classes/${cls.id}/gradebook.xlsx`)).status).toBe(403);
    expect((await (await t.as('gv.a')).get(`/api/v1/classes/${cls.id}/gradebook.xlsx`)).status).toBe(403);
    expect((await (await t.as('gv.toan')).get(`/api/v1/classes/${cls.id}/gradebook.xlsx`)).status).toBe(200);
  });
});
