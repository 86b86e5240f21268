import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildGradebookSchool } from '../../../test/factories-grades.ts';

type Entry = {
  entity: string;
  entityLabel: string;
  actionLabel: string;
  context: string | null;
  changes: { label: string; before: string | null; after: string | null }[];
};

describe.each(STORAGES)('nhật ký bằng lời: nhãn, lĩnh vực, trước → sau (%s)', (storage) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof buildGradebookSchool>>;
  let principal: TestClient;
  const log = async (query: string) => {
    const res = await principal.get(`/api/v1/audit?unitId=${s.schoolA.id}&${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Entry[]; total: number };
  };

  beforeAll(async () => {
    t = await startTestApp(storage);
    s = await buildGradebookSchool(t.db, { students: 2 });
    principal = await t.as('ht.a');
    const teacher = await t.as('gv.toan');
    const homeroom = await t.as('gv.cn');
    const grid = `/api/v1/gradebook/classes/${s.cls.id}/subjects/math/terms/1`;
    const loaded = await teacher.get(grid);
    const first = loaded.body.rows[0];
    const saved = await teacher.put(grid, {
      rows: [
        {
          studentId: first.studentId,
          regular: ['7,5'],
          midterm: null,
          final: null,
          makeup: [],
          comment: null,
          base: first,
        },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const attendance = await homeroom.put(`/api/v1/gradebook/classes/${s.cls.id}/attendance`, {
      date: '2025-11-04',
      session: 'morning',
      absences: [{ studentId: first.studentId, excused: true }],
      base: [],
    });
    expect(attendance.status, JSON.stringify(attendance.body)).toBe(200);
    const conduct = await homeroom.put(`/api/v1/gradebook/classes/${s.cls.id}/conduct`, {
      term: 1,
      rows: [{ studentId: first.studentId, level: 'good', comment: null, base: null }],
    });
    expect(conduct.status, JSON.stringify(conduct.body)).toBe(200);
  });
  afterAll(() => t.close());

  it('lĩnh vực «Sổ điểm»: ô điểm đọc «ĐĐGtx 1: (trống) → 7,5», môn và học kì bằng chữ', async () => {
    const { items } = await log('area=scores');
    const score = items.find((e) => e.entity === 'subject_score');
    expect(score).toMatchObject({
      entityLabel: 'Điểm môn học',
      actionLabel: 'Sửa',
      context: 'Môn Toán · Học kì I · năm học 2025-2026',
      changes: [{ label: 'ĐĐGtx 1', before: '(trống)', after: '7,5' }],
    });
    expect(items.every((e) => e.entity !== 'attendance' && e.entity !== 'conduct')).toBe(true);
  });

  it('lĩnh vực «Điểm danh» và «Rèn luyện»: giá trị bằng nhãn, ngày dd/mm/yyyy, không lộ mã nội bộ', async () => {
    const attendance = await log('area=attendance');
    expect(attendance.total).toBe(1);
    expect(attendance.items[0]).toMatchObject({
      entityLabel: 'Điểm danh',
      context: 'Buổi sáng · 04/11/2025',
      changes: [{ label: 'Điểm danh', before: 'Có mặt', after: 'Vắng có phép' }],
    });
    const conduct = await log('area=conduct');
    expect(conduct.items[0]).toMatchObject({
      entityLabel: 'Rèn luyện',
      changes: [{ label: 'Mức', before: '(trống)', after: 'Khá' }],
    });
    const words = JSON.stringify([...attendance.items, ...conduct.items].map((e) => [e.context, e.changes]));
    expect(words).not.toContain(s.cls.id);
  });

  it('lĩnh vực không có trong danh sách bị từ chối, nêu tên mục bằng tiếng Việt', async () => {
    const res = await principal.get(`/api/v1/audit?unitId=${s.schoolA.id}&area=grades`);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('Lĩnh vực');
  });

  it('nhật ký truy cập dữ liệu cá nhân có nhãn thao tác và loại hồ sơ', async () => {
    await principal.get(`/api/v1/students/${s.students[0]?.id}`);
    const res = await principal.get(`/api/v1/audit/data-access?unitId=${s.schoolA.id}`);
    expect(res.body.items[0]).toMatchObject({ actionLabel: 'Xem', subjectKindLabel: 'Học sinh' });
  });
});
