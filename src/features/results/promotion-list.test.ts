import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildEnrolment,
  buildHomeroomTeacher,
  buildSchoolAccounts,
  buildStudent,
} from '../../../test/factories.ts';
import { buildAbsences, buildAssignments, buildYear } from '../../../test/factories-results.ts';
import type { Row } from '../../platform/db/schema.ts';

describe.each(STORAGES)('danh sách lên lớp toàn trường sau khoá sổ (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let class6: Row<'classes'>;
  const s: Record<string, Row<'students'>> = {};
  const list = (query: string, client = principal) =>
    client.get(`/api/v1/results/promotion-list?unitId=${u.schoolA.id}&schoolYear=2025-2026${query}`);
  const names = (res: { body: { students: { fullName: string }[] } }) =>
    res.body.students.map((x) => x.fullName);

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    principal = await t.as('ht.a');
    const teacher = await buildHomeroomTeacher(t.db, { unit: u.schoolA, fullName: 'Lê Thị Hoa' });
    class6 = await buildClass(t.db, { unit: u.schoolA, name: '6A', grade: 6, homeroomTeacher: teacher });
    const class7 = await buildClass(t.db, { unit: u.schoolA, name: '7A', grade: 7 });
    for (const cls of [class6, class7]) await buildAssignments(t.db, cls, teacher);
    const enrol = async (key: string, fullName: string, cls: Row<'classes'>) => {
      s[key] = await buildStudent(t.db, { unit: u.schoolA, fullName });
      await buildEnrolment(t.db, { student: s[key] as Row<'students'>, cls });
      return { cls, student: s[key] as Row<'students'> };
    };
    // 6A: one of each decision of TT22 Điều 12–14.
    await buildYear(t.db, {
      ...(await enrol('an', 'Nguyễn Văn An', class6)),
      average: 8,
      conduct: ['good', 'good'],
    });
    await buildYear(t.db, {
      ...(await enrol('dung', 'Phạm Thị Dung', class6)),
      average: 6,
      averages: { literature: 3, math: 3 },
      conduct: ['good', 'good'],
    });
    await buildYear(t.db, {
      ...(await enrol('em', 'Hoàng Văn Em', class6)),
      average: 7,
      conduct: ['fail', 'fail'],
    });
    const phuong = await enrol('phuong', 'Vũ Thị Phương', class6);
    await buildYear(t.db, { ...phuong, average: 8, conduct: ['good', 'good'] });
    await buildAbsences(t.db, { ...phuong, count: 46 });
    // 7A: promoted, and a re-test (Toán 3,0 < 3,5 → Chưa đạt) still waiting for the summer.
    await buildYear(t.db, {
      ...(await enrol('binh', 'Trần Thị Bình', class7)),
      average: 6,
      conduct: ['good', 'good'],
    });
    await buildYear(t.db, {
      ...(await enrol('anh', 'Đặng Thị Ngọc Ánh', class7)),
      average: 6,
      averages: { math: 3 },
      conduct: ['pass', 'pass'],
    });

    const close = await principal.post('/api/v1/results/close', {
      unitId: u.schoolA.id,
      schoolYear: '2025-2026',
      scope: 'year',
    });
    expect(close.status).toBe(202);
    await t.jobs.idle();
    const summer = (key: string, body: object) =>
      principal.put(`/api/v1/results/students/${s[key]?.id}/summer`, { schoolYear: '2025-2026', ...body });
    expect(
      (
        await summer('dung', {
          retests: [
            { subjectCode: 'literature', score: 6 },
            { subjectCode: 'math', score: 5 },
          ],
        })
      ).status,
    ).toBe(200);
    expect((await summer('em', { summerConduct: 'pass' })).status).toBe(200);
  }, 120_000);
  afterAll(() => t.close());

  it('đếm theo khối và toàn trường: lên lớp, kiểm tra lại, rèn luyện hè, ở lại lớp, kết quả sau hè', async () => {
    const res = await list('');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.school.name).toBe('Trường THCS A');
    expect(res.body.grades).toEqual([
      {
        grade: 6,
        students: 4,
        promoted: 1,
        retest: 1,
        summerConduct: 1,
        retained: 1,
        principalDecision: 0,
        notClassified: 0,
        finalPromoted: 3,
        finalRetained: 1,
        pending: 0,
      },
      {
        grade: 7,
        students: 2,
        promoted: 1,
        retest: 1,
        summerConduct: 0,
        retained: 0,
        principalDecision: 0,
        notClassified: 0,
        finalPromoted: 1,
        finalRetained: 0,
        pending: 1,
      },
    ]);
    expect(res.body.total).toMatchObject({
      students: 6,
      promoted: 2,
      retest: 2,
      finalPromoted: 4,
      pending: 1,
    });
    // Only students needing action, by grade, class and given name; the promoted are not listed.
    expect(names(res)).toEqual(['Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Phương', 'Đặng Thị Ngọc Ánh']);
    const dung = res.body.students.find((x: { fullName: string }) => x.fullName === 'Phạm Thị Dung');
    expect(dung).toMatchObject({ className: '6A', promotion: 'retest', finalPromotion: 'promoted' });
    expect(dung.retestSubjects).toEqual([
      expect.objectContaining({ code: 'literature', name: 'Ngữ văn', yearAverage: 3, retestScore: 6 }),
      expect.objectContaining({ code: 'math', name: 'Toán', yearAverage: 3, retestScore: 5 }),
    ]);
  });

  it('lọc theo diện, khối, lớp và tình trạng sau hè', async () => {
    expect(names(await list('&outcome=retest'))).toEqual(['Phạm Thị Dung', 'Đặng Thị Ngọc Ánh']);
    expect(names(await list('&grade=7'))).toEqual(['Đặng Thị Ngọc Ánh']);
    expect(names(await list(`&classId=${class6.id}`))).toEqual([
      'Phạm Thị Dung',
      'Hoàng Văn Em',
      'Vũ Thị Phương',
    ]);
    const pending = await list('&status=pending');
    expect(names(pending)).toEqual(['Đặng Thị Ngọc Ánh']);
    expect(pending.body.students[0]).toMatchObject({
      finalPromotion: null,
      retestSubjects: [expect.objectContaining({ name: 'Toán', yearAverage: 3, retestScore: null })],
    });
    expect(names(await list('&outcome=retained&status=decided'))).toEqual(['Vũ Thị Phương']);
    expect((await list('&outcome=promoted')).status).toBe(400);
  });

  it('xuất .xlsx: một trang, tên trường và năm học ở đầu, cột tiếng Việt, tên học sinh có dấu', async () => {
    const res = await principal.get(
      `/api/v1/results/promotion-list.xlsx?unitId=${u.schoolA.id}&schoolYear=2025-2026`,
    );
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(1);
    const sheet = workbook.worksheets[0] as ExcelJS.Worksheet;
    expect(sheet.getCell(1, 1).value).toBe('TRƯỜNG THCS A');
    expect(sheet.getCell(3, 1).value).toBe('Năm học 2025-2026');
    // getSheetValues() is sparse and 1-based: Array.from fills the holes, slice(1) drops the unused index 0.
    const rows = Array.from(sheet.getSheetValues(), (r) => (Array.isArray(r) ? r.slice(1) : []));
    const headerRow = rows.find((r) => r[1] === 'Họ và tên');
    expect(headerRow).toEqual(
      expect.arrayContaining(['STT', 'Lớp', 'Diện', 'Học tập sau kiểm tra lại', 'Kết quả sau hè']),
    );
    const anh = rows.find((r) => r[1] === 'Đặng Thị Ngọc Ánh');
    expect(anh).toEqual(expect.arrayContaining(['7A', 'Kiểm tra lại', 'Toán (3,0)', 'Chờ kết quả']));
    const total = rows.find((r) => r[0] === 'Toàn trường');
    expect(total?.slice(1, 5)).toEqual([6, 2, 2, 1]);
  });

  it('phòng GD&ĐT quản lý xem được; hiệu trưởng trường khác, giáo viên, phòng khác bị từ chối', async () => {
    expect((await list('', await t.as('phong.a'))).status).toBe(200);
    expect((await list('', await t.as('ht.b'))).status).toBe(403);
    expect((await list('', await t.as('gv.a'))).status).toBe(403);
    expect((await list('', await t.as('phong.b'))).status).toBe(403);
    const xlsx = await (await t.as('ht.b')).get(
      `/api/v1/results/promotion-list.xlsx?unitId=${u.schoolA.id}&schoolYear=2025-2026`,
    );
    expect(xlsx.status).toBe(403);
  });
});
