import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildEnrolment,
  buildHomeroomTeacher,
  buildSchoolAccounts,
  buildStudent,
  buildUser,
} from '../../../test/factories.ts';
import type { Row } from '../../platform/db/schema.ts';
import { aspectsOf } from './primary.ts';

describe.each(STORAGES)('đánh giá định kì tiểu học (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let homeroom: TestClient;
  let cls: Row<'classes'>;
  let an: Row<'students'>;
  let binh: Row<'students'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    const user = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'gvcn.th',
      roles: [{ role: 'teacher' }],
    });
    const teacher = await buildHomeroomTeacher(t.db, { unit: u.schoolA });
    await t.db.updateTable('staff').set({ user_id: user.id }).where('id', '=', teacher.id).execute();
    cls = await buildClass(t.db, { unit: u.schoolA, name: '4A', grade: 4, homeroomTeacher: teacher });
    an = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Nguyễn Minh An' });
    binh = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Trần Thanh Bình' });
    await buildEnrolment(t.db, { student: an, cls });
    await buildEnrolment(t.db, { student: binh, cls });
    homeroom = await t.as('gvcn.th');
  }, 120_000);
  afterAll(() => t.close());

  it('lưới đánh giá theo TT27: kiểm tra định kì cuối năm ở môn có bài kiểm tra; lớp 4 có giữa kì Tiếng Việt, Toán', () => {
    const end = aspectsOf(4, 'end2')
      .filter((a) => a.test)
      .map((a) => a.aspect);
    expect(end).toEqual(expect.arrayContaining(['subject:vietnamese', 'subject:math']));
    const mid = aspectsOf(4, 'mid2')
      .filter((a) => a.test)
      .map((a) => a.aspect);
    expect(mid.sort()).toEqual(['subject:math', 'subject:vietnamese']);
    expect(aspectsOf(2, 'mid2').filter((a) => a.test)).toEqual([]);
  });

  it('giáo viên chủ nhiệm nhập, khoá sổ cả năm tính kết quả hoàn thành chương trình lớp học', async () => {
    const aspects = aspectsOf(4, 'end2');
    const rows = [an, binh].flatMap((st) =>
      aspects.map((a) => {
        const weak = st.id === binh.id && a.aspect === 'subject:math';
        const level = a.kind === 'subject' ? (weak ? 'not_completed' : 'completed_well') : ('good' as const);
        return { studentId: st.id, aspect: a.aspect, level, testScore: a.test ? (weak ? 4 : 9) : null };
      }),
    );
    const wrong = await homeroom.put(`/api/v1/results/classes/${cls.id}/primary`, {
      checkpoint: 'end2',
      rows: [{ studentId: an.id, aspect: 'subject:physical-education', level: 'completed', testScore: 8 }],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('không có bài kiểm tra định kì');
    const saved = await homeroom.put(`/api/v1/results/classes/${cls.id}/primary`, {
      checkpoint: 'end2',
      rows,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const grid = await homeroom.get(`/api/v1/results/classes/${cls.id}/primary?checkpoint=end2`);
    expect(grid.status).toBe(200);
    expect(grid.body.canEdit).toBe(true);
    expect(grid.body.students[0].values['subject:math']).toMatchObject({
      level: 'completed_well',
      testScore: 9,
    });

    expect(
      (
        await (
          await t.as('gv.a')
        ).put(`/api/v1/results/classes/${cls.id}/primary`, { checkpoint: 'end2', rows })
      ).status,
    ).toBe(403);
    expect((await (await t.as('ht.b')).get(`/api/v1/results/classes/${cls.id}/primary`)).status).toBe(403);

    const principal = await t.as('ht.a');
    const queued = await principal.post('/api/v1/results/close', {
      unitId: u.schoolA.id,
      schoolYear: '2025-2026',
      scope: 'year',
      classId: cls.id,
    });
    expect(queued.status).toBe(202);
    await t.jobs.idle();
    const res = await principal.get(`/api/v1/results/classes/${cls.id}?term=0`);
    const outcome = (id: string) => res.body.students.find((s: { studentId: string }) => s.studentId === id);
    // All T, all Tốt, every end-of-year test ≥ 9 → Hoàn thành xuất sắc (TT27 Điều 9 khoản 2 điểm a).
    expect(outcome(an.id)).toMatchObject({ primaryOutcome: 'completed_excellently', promotion: 'promoted' });
    expect(outcome(binh.id)).toMatchObject({ primaryOutcome: 'not_completed', promotion: null });
  });
});
