import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { buildGradebookSchool } from '../../../test/factories-grades.ts';

// On the embedded database every request waits its turn for the one connection, once per round trip: a grid save
// used to take seven turns (session, roles, class, staff, assignment, class list, the transaction).

describe('lượt dùng kết nối của một lần lưu bảng điểm (pglite)', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof buildGradebookSchool>>;

  beforeAll(async () => {
    t = await startTestApp('pglite');
    s = await buildGradebookSchool(t.db, { students: 45 });
  });
  afterAll(() => t.close());

  it('lưu 45 dòng điểm: ba lượt (phiên kèm vai trò, lớp kèm quyền và phân công, một giao dịch)', async () => {
    const teacher = await t.as('gv.toan');
    const grid = `/api/v1/gradebook/classes/${s.cls.id}/subjects/math/terms/1`;
    const loaded = (await teacher.get(grid)).body.rows as Record<string, unknown>[];
    const rows = loaded.map((r) => ({ ...r, base: r, regular: [7, 8, 6, 9], midterm: 7.5, final: 8 }));
    const turns = t.connectionTurns as () => number;
    const before = turns();
    const saved = await teacher.put(grid, { rows });
    const used = turns() - before;
    expect(saved.status).toBe(200);
    expect(saved.body.changedRows).toBe(45);
    expect(used).toBe(3);
  });
});
