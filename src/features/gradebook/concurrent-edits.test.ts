import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildGradebookSchool } from '../../../test/factories-grades.ts';

// Two sessions of the same teacher (two tabs, a phone and a laptop) load the same grid; each save carries the
// values it loaded, so a stale save never silently reverts the other's cells.

type Row = Record<string, unknown> & { studentId: string; fullName: string };

describe.each(STORAGES)('sửa đồng thời không ghi đè lặng lẽ (%s)', (storage) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof buildGradebookSchool>>;
  let tabA: TestClient;
  let tabB: TestClient;
  const grid = () => `/api/v1/gradebook/classes/${s.cls.id}/subjects/math/terms/1`;
  const classUrl = (path: 'attendance' | 'conduct') => `/api/v1/gradebook/classes/${s.cls.id}/${path}`;
  const auditCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** The grid's rows as a session loaded them, each sent back with itself as its base. */
  const loadGrid = async (client: TestClient): Promise<Row[]> =>
    (await client.get(grid())).body.rows.map((r: Row) => ({ ...r, base: r }));

  beforeAll(async () => {
    t = await startTestApp(storage);
    s = await buildGradebookSchool(t.db, { students: 3 });
  });
  afterAll(() => t.close());

  it('điểm: lưu đè ô người khác đã sửa là 409 nêu học sinh, cột và giá trị hiện tại, không ghi gì; ô khác vẫn lưu được và giữ điểm của người kia', async () => {
    tabA = await t.as('gv.toan');
    tabB = await t.as('gv.toan');
    const seeded = await loadGrid(tabA);
    for (const row of seeded) Object.assign(row, { regular: [6, 6, 6, 6], midterm: 6, final: 6 });
    expect((await tabA.put(grid(), { rows: seeded })).status).toBe(200);

    const a = await loadGrid(tabA);
    const b = await loadGrid(tabB);
    const first = a[0] as Row;
    a[0] = { ...first, midterm: '8' };
    expect((await tabA.put(grid(), { rows: a })).body).toEqual({ changedCells: 1, changedRows: 1 });

    const audits = await auditCount();
    const stale = b.map((r) => ({ ...r }));
    stale[0] = { ...(stale[0] as Row), midterm: '5' };
    stale[1] = { ...(stale[1] as Row), final: '9' };
    const refused = await tabB.put(grid(), { rows: stale });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('conflict');
    expect(refused.body.error.message).toContain('Điểm đã được người khác sửa sau khi bạn mở bảng');
    expect(refused.body.error.message).toContain(`${first.fullName} (ĐĐGgk: 8)`);
    expect(refused.body.error.details).toEqual({
      conflicts: [{ studentId: first.studentId, studentName: first.fullName, column: 'midterm', current: 8 }],
    });
    expect(await auditCount()).toBe(audits);
    const now = (await tabA.get(grid())).body.rows as Row[];
    expect(now[0]?.midterm).toBe(8);
    expect(now[1]?.final).toBe(6);

    // B's other cell, from the same stale grid: saved, and A's 8 stays (B's row 0 is sent unchanged from its base).
    const other = b.map((r) => ({ ...r }));
    other[1] = { ...(other[1] as Row), final: '9' };
    const saved = await tabB.put(grid(), { rows: other });
    expect(saved.body).toEqual({ changedCells: 1, changedRows: 1 });
    const after = (await tabA.get(grid())).body.rows as Row[];
    expect(after[0]?.midterm).toBe(8);
    expect(after[1]?.final).toBe(9);
    expect(await auditCount()).toBe(audits + 1);

    // Keeping one's own value knowingly: the same edit over the fresh base overwrites.
    const fresh = await loadGrid(tabB);
    fresh[0] = { ...(fresh[0] as Row), midterm: '5' };
    expect((await tabB.put(grid(), { rows: fresh })).body).toEqual({ changedCells: 1, changedRows: 1 });
    expect(((await tabA.get(grid())).body.rows as Row[])[0]?.midterm).toBe(5);
  });

  it('rèn luyện: mức người khác đã đổi là 409 nêu học sinh và mức hiện tại; học sinh khác vẫn lưu được', async () => {
    const homeroomA = await t.as('gv.cn');
    const homeroomB = await t.as('gv.cn');
    const [x, y] = ((await homeroomA.get(classUrl('conduct'))).body.students as Row[]).slice(0, 2) as [
      Row,
      Row,
    ];
    expect(
      (
        await homeroomA.put(classUrl('conduct'), {
          term: 1,
          rows: [{ studentId: x.studentId, level: 'good', comment: 'Ngoan', base: null }],
        })
      ).status,
    ).toBe(200);
    const audits = await auditCount();
    // B loaded the table before A's save: it saw no conduct for x.
    const refused = await homeroomB.put(classUrl('conduct'), {
      term: 1,
      rows: [
        { studentId: x.studentId, level: 'pass', comment: null, base: null },
        { studentId: y.studentId, level: 'excellent', comment: null, base: null },
      ],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('Rèn luyện đã được người khác sửa sau khi bạn mở bảng');
    expect(refused.body.error.details.conflicts).toEqual([
      { studentId: x.studentId, studentName: x.fullName, column: 'level', current: 'good' },
    ]);
    expect(refused.body.error.message).toContain(`${x.fullName} (mức: Khá)`);
    expect(await auditCount()).toBe(audits);
    const saved = await homeroomB.put(classUrl('conduct'), {
      term: 1,
      rows: [
        { studentId: x.studentId, level: null, comment: null, base: null },
        { studentId: y.studentId, level: 'excellent', comment: null, base: null },
      ],
    });
    expect(saved.status).toBe(200);
    const rows = saved.body.students as { studentId: string; term1: unknown }[];
    expect(rows.find((r) => r.studentId === x.studentId)?.term1).toEqual({ level: 'good', comment: 'Ngoan' });
    expect(rows.find((r) => r.studentId === y.studentId)?.term1).toEqual({
      level: 'excellent',
      comment: null,
    });
    expect(await auditCount()).toBe(audits + 1);
  });

  it('điểm danh: đổi vắng/có mặt của học sinh người khác vừa điểm là 409; học sinh khác vẫn lưu, điểm danh của người kia giữ nguyên', async () => {
    const homeroomA = await t.as('gv.cn');
    const homeroomB = await t.as('gv.cn');
    const url = classUrl('attendance');
    const date = '2025-10-06';
    const [x, y] = ((await homeroomA.get(`${url}?date=${date}`)).body.students as Row[]).slice(0, 2) as [
      Row,
      Row,
    ];
    const first = await homeroomA.put(url, {
      date,
      session: 'morning',
      absences: [{ studentId: x.studentId, excused: true }],
      base: [],
    });
    expect(first.status).toBe(200);
    const audits = await auditCount();
    // B loaded the session empty and marks x absent without leave: x's mark changed since.
    const refused = await homeroomB.put(url, {
      date,
      session: 'morning',
      absences: [{ studentId: x.studentId, excused: false }],
      base: [],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`${x.fullName} (buổi sáng: vắng có phép)`);
    expect(refused.body.error.details.conflicts).toEqual([
      { studentId: x.studentId, studentName: x.fullName, column: 'morning', current: 'excused' },
    ]);
    expect(await auditCount()).toBe(audits);
    // B marks only y absent over its stale (empty) base: x stays absent with leave.
    const saved = await homeroomB.put(url, {
      date,
      session: 'morning',
      absences: [{ studentId: y.studentId, excused: false }],
      base: [],
    });
    expect(saved.status).toBe(200);
    const marks = Object.fromEntries(
      (saved.body.students as { studentId: string; morning: string | null }[]).map((r) => [
        r.studentId,
        r.morning,
      ]),
    );
    expect(marks[x.studentId]).toBe('excused');
    expect(marks[y.studentId]).toBe('unexcused');
    expect(await auditCount()).toBe(audits + 1);
  });
});
