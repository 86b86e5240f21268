import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildClass, buildGuardian, buildUser } from '../../../test/factories.ts';
import { buildGradebookSchool, buildTeacherAccount } from '../../../test/factories-grades.ts';

describe.each(STORAGES)('tổng hợp điểm của lớp (%s)', (storage) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof buildGradebookSchool>>;
  let otherClassId: string;
  const overview = (classId: string, term = 1) =>
    `/api/v1/gradebook/classes/${classId}/overview?term=${term}`;
  const grid = (subject: string) => `/api/v1/gradebook/classes/${s.cls.id}/subjects/${subject}/terms/1`;

  beforeAll(async () => {
    t = await startTestApp(storage);
    s = await buildGradebookSchool(t.db, { students: 3 });
    // Another class of school A with its own homeroom teacher.
    const other = await buildTeacherAccount(t.db, {
      unit: s.schoolA,
      username: 'gv.cn2',
      fullName: 'Vũ Thị Lớp Khác',
    });
    otherClassId = (
      await buildClass(t.db, { unit: s.schoolA, name: '6A2', grade: 6, homeroomTeacher: other.staff })
    ).id;
    // A parent of a 6A1 student, with an account.
    const parent = await buildUser(t.db, {
      unit: s.schoolA,
      username: 'ph.a',
      roles: [{ role: 'guardian' }],
    });
    await buildGuardian(t.db, { student: s.students[0] as { id: string; unit_id: string }, user: parent });
    await buildUser(t.db, { unit: s.schoolA, username: 'nv.a', roles: [{ role: 'staff' }] });
    // The math teacher fills math completely for the first student, partly for the second; PE (comment subject)
    // completely for the first.
    const teacher = await t.as('gv.toan');
    const [a, b, c] = (await teacher.get(grid('math'))).body.rows as { studentId: string }[];
    const row = (
      studentId: string,
      regular: (string | null)[],
      midterm: string | null,
      final: string | null,
    ) => ({
      studentId,
      regular,
      midterm,
      final,
      base: null,
    });
    const math = await teacher.put(grid('math'), {
      rows: [
        row(a?.studentId as string, ['8', '7,5', '9', '6,5'], '7', '8,5'),
        row(b?.studentId as string, ['6', null, '7', null], '5', null),
        row(c?.studentId as string, [null, null, null, null], null, null),
      ],
    });
    expect(math.status, JSON.stringify(math.body)).toBe(200);
    const pe = await teacher.get(grid('physical-education'));
    const peRegular = Array(pe.body.regularCount).fill('Đ');
    const saved = await teacher.put(grid('physical-education'), {
      rows: [row(a?.studentId as string, peRegular, 'Đ', 'CĐ')],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
  });
  afterAll(() => t.close());

  it('giáo viên chủ nhiệm xem mọi môn của lớp: ĐTBmhk, Đ/CĐ và số bài còn thiếu', async () => {
    const res = await (await t.as('gv.cn')).get(overview(s.cls.id));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.class).toMatchObject({ name: '6A1', schoolYear: '2025-2026' });
    const codes = res.body.subjects.map((x: { code: string }) => x.code);
    expect(codes).toEqual(
      expect.arrayContaining(['literature', 'math', 'natural-science', 'physical-education']),
    );
    // Optional subjects the class does not take are left out.
    expect(codes).not.toContain('foreign-language-2');
    const math = res.body.subjects.find((x: { code: string }) => x.code === 'math');
    expect(math).toMatchObject({ teacherName: 'Lê Văn Toán', regularCount: 4, complete: 1, kind: 'score' });
    expect(res.body.rows).toHaveLength(3);
    const byId = new Map(
      res.body.rows.map((r: { studentId: string; cells: Record<string, unknown> }) => [r.studentId, r.cells]),
    );
    const [a, b, c] = (await (await t.as('gv.toan')).get(grid('math'))).body.rows as { studentId: string }[];
    const cellsA = byId.get(a?.studentId) as Record<string, unknown>;
    // (8 + 7.5 + 9 + 6.5 + 2·7 + 3·8.5) / 9 = 7.83 → 7.8
    expect(cellsA.math).toEqual({ average: 7.8, result: null, missing: 0 });
    expect(cellsA['physical-education']).toMatchObject({ average: null, missing: 0 });
    expect((cellsA['physical-education'] as { result: string }).result).toMatch(/pass|fail/);
    expect((byId.get(b?.studentId) as Record<string, unknown>).math).toEqual({
      average: null,
      result: null,
      missing: 3,
    });
    expect((byId.get(c?.studentId) as Record<string, unknown>).literature).toEqual({
      average: null,
      result: null,
      missing: 6,
    });
    // Term II is empty so far.
    const term2 = await (await t.as('gv.cn')).get(overview(s.cls.id, 2));
    expect(term2.body.subjects.every((x: { complete: number }) => x.complete === 0)).toBe(true);
  });

  it('hiệu trưởng, phó hiệu trưởng xem được; học kì sai bị từ chối', async () => {
    expect((await (await t.as('ht.a')).get(overview(s.cls.id))).status).toBe(200);
    expect((await (await t.as('pht.a')).get(overview(s.cls.id))).status).toBe(200);
    expect((await (await t.as('ht.a')).get(overview(s.cls.id, 3))).status).toBe(400);
  });

  it('chủ nhiệm lớp khác, giáo viên bộ môn, phụ huynh, nhân viên và trường khác bị từ chối', async () => {
    const other = await t.as('gv.cn2');
    expect((await other.get(overview(s.cls.id))).status).toBe(403);
    expect((await other.get(overview(otherClassId))).status).toBe(200);
    expect((await (await t.as('gv.toan')).get(overview(s.cls.id))).status).toBe(403);
    expect((await (await t.as('ph.a')).get(overview(s.cls.id))).status).toBe(403);
    expect((await (await t.as('nv.a')).get(overview(s.cls.id))).status).toBe(403);
    expect((await (await t.as('ht.b')).get(overview(s.cls.id))).status).toBe(403);
    expect((await (await t.as('gv.toan.b')).get(overview(s.cls.id))).status).toBe(403);
    expect((await t.anonymous().get(overview(s.cls.id))).status).toBe(401);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await (await t.as('ht.a')).get(overview(unknown))).status).toBe(404);
  });
});
