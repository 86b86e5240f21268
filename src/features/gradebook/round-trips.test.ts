import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { buildUser } from '../../../test/factories.ts';
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

  it('sổ liên lạc của một học sinh: hai lượt (phiên kèm vai trò, một câu lệnh đọc cả trang và ghi nhật ký)', async () => {
    const child = s.students[0] as { id: string };
    const user = await buildUser(t.db, {
      unit: s.schoolA,
      username: 'ph.doluot',
      roles: [{ role: 'guardian' }],
    });
    await t.db
      .insertInto('student_guardians')
      .values({
        unit_id: s.schoolA.id,
        student_id: child.id,
        full_name: 'Phụ huynh',
        relationship: 'mother',
        user_id: user.id,
      })
      .execute();
    const guardian = await t.as('ph.doluot');
    const turns = t.connectionTurns as () => number;
    const before = turns();
    const read = await guardian.get(`/api/v1/contact-book/students/${child.id}`);
    const used = turns() - before;
    expect(read.status).toBe(200);
    expect(used).toBe(2);
  });
});
