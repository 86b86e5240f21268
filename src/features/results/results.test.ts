import { randomUUID } from 'node:crypto';
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
import { buildAbsences, buildAssignments, buildYear } from '../../../test/factories-results.ts';
import type { Row } from '../../platform/db/schema.ts';

describe.each(STORAGES)('khoá sổ, kết quả cả năm, lên lớp (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let cls: Row<'classes'>;
  let grade9: Row<'classes'>;
  const s: any = {};

  async function runJob(client: TestClient, url: string, body: unknown) {
    const res = await client.post(url, body);
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await t.jobs.idle();
    const job = await client.get(`/api/v1/jobs/${res.body.jobId}`);
    expect(job.status).toBe(200);
    return job.body;
  }

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    await buildUser(t.db, { unit: u.schoolA, username: 'phhs.kq', roles: [{ role: 'guardian' }] });
    const homeroomUser = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'gvcn.kq',
      roles: [{ role: 'teacher' }],
    });
    principal = await t.as('ht.a');
    const teacher = await buildHomeroomTeacher(t.db, { unit: u.schoolA, fullName: 'Lê Thị Hoa' });
    await t.db.updateTable('staff').set({ user_id: homeroomUser.id }).where('id', '=', teacher.id).execute();
    cls = await buildClass(t.db, { unit: u.schoolA, name: '6A', grade: 6, homeroomTeacher: teacher });
    await buildAssignments(t.db, cls, teacher);
    const names = {
      a: 'Nguyễn Văn An',
      b: 'Trần Thị Bình',
      c: 'Lê Văn Cường',
      d: 'Phạm Thị Dung',
      e: 'Hoàng Văn Em',
      f: 'Vũ Thị Phương',
      g: 'Đỗ Văn Giang',
    };
    for (const [key, fullName] of Object.entries(names)) {
      s[key] = await buildStudent(t.db, { unit: u.schoolA, fullName });
      await buildEnrolment(t.db, { student: s[key], cls });
    }
    const base = { cls };
    // A: everything 9,0 except Toán HK I = (8+9+10+9 + 2·8 + 3·9,5)/9 = 80,5/9 = 8,9; ĐTBmcn = (8,9 + 2·9)/3 = 9,0.
    await buildYear(t.db, {
      ...base,
      student: s.a,
      average: 9,
      conduct: ['excellent', 'excellent'],
      custom: { code: 'math', term: 1, regular: [8, 9, 10, 9], midterm: 8, final: 9.5 },
    });
    // B: all 8,5 → Tốt, conduct Tốt → Học sinh Giỏi (no subject ≥ 9,0).
    await buildYear(t.db, { ...base, student: s.b, average: 8.5, conduct: ['excellent', 'excellent'] });
    // C: seven at 8,5 and Toán 4,0 → Đạt by the thresholds, Tốt but for Toán → raised to Khá (Điều 9 khoản 3).
    await buildYear(t.db, {
      ...base,
      student: s.c,
      average: 8.5,
      averages: { math: 4 },
      conduct: ['good', 'good'],
    });
    // D: Ngữ văn 3,0 and Toán 3,0 → Chưa đạt; conduct Khá → kiểm tra lại.
    await buildYear(t.db, {
      ...base,
      student: s.d,
      average: 6,
      averages: { literature: 3, math: 3 },
      conduct: ['good', 'good'],
    });
    // E: learning Khá (all 7,0), conduct Chưa đạt both terms → rèn luyện hè.
    await buildYear(t.db, { ...base, student: s.e, average: 7, conduct: ['fail', 'fail'] });
    // F: all 8,0 (Tốt), conduct Khá, 46 sessions absent → ở lại lớp (Điều 12 khoản 1 điểm c).
    await buildYear(t.db, { ...base, student: s.f, average: 8, conduct: ['good', 'good'] });
    await buildAbsences(t.db, { cls, student: s.f, count: 46 });
    await buildAbsences(t.db, { cls, student: s.a, count: 45 });
    // G: Toán HK II has no ĐĐGck → reported, not classified.
    await buildYear(t.db, {
      ...base,
      student: s.g,
      average: 7,
      conduct: ['good', 'good'],
      custom: { code: 'math', term: 2, final: null },
    });

    grade9 = await buildClass(t.db, { unit: u.schoolA, name: '9A', grade: 9 });
    for (const key of ['h', 'i']) {
      s[key] = await buildStudent(t.db, { unit: u.schoolA, fullName: `Học sinh lớp 9 ${key}` });
      await buildEnrolment(t.db, { student: s[key], cls: grade9 });
    }
  }, 120_000);
  afterAll(() => t.close());

  it('giáo viên, phụ huynh, trường khác không khoá sổ được', async () => {
    const body = { unitId: u.schoolA.id, schoolYear: '2025-2026', scope: 'year' };
    expect((await (await t.as('gv.a')).post('/api/v1/results/close', body)).status).toBe(403);
    expect((await (await t.as('phhs.kq')).post('/api/v1/results/close', body)).status).toBe(403);
    expect((await principal.post('/api/v1/results/close', { ...body, unitId: u.schoolB.id })).status).toBe(
      403,
    );
    const otherClass = await principal.post('/api/v1/results/close', {
      ...body,
      // A class id that exists nowhere (not: another school's class, that is the line above).
      classId: randomUUID(),
    });
    expect(otherClass.status).toBe(404);
  });

  it('khoá sổ học kì I: tiến độ hiển thị, kết quả học kì theo từng học sinh', async () => {
    const job = await runJob(principal, '/api/v1/results/close', {
      unitId: u.schoolA.id,
      schoolYear: '2025-2026',
      scope: 'term1',
      classId: cls.id,
    });
    expect(job).toMatchObject({ status: 'succeeded', progressDone: 1, progressTotal: 1 });
    expect(job.result).toMatchObject({ students: 7, classified: 7, incomplete: [] });
    const res = await principal.get(`/api/v1/results/classes/${cls.id}?term=1`);
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.students.map((x: any) => [x.fullName, x]));
    expect(byName['Nguyễn Văn An'].subjects.math.average).toBe(8.9);
    expect(byName['Lê Văn Cường'].learningResult).toBe('good');
    expect(byName['Hoàng Văn Em'].conductResult).toBe('fail');
  });

  it('khoá sổ cả năm: xếp loại, khen thưởng, lên lớp tính tay; học sinh thiếu điểm được báo', async () => {
    const job = await runJob(principal, '/api/v1/results/close', {
      unitId: u.schoolA.id,
      schoolYear: '2025-2026',
      scope: 'year',
    });
    expect(job.status).toBe('succeeded');
    expect(job.progressTotal).toBe(2);
    expect(job.progressDone).toBe(2);
    expect(job.result.students).toBe(9);
    expect(job.result.incomplete).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          fullName: 'Đỗ Văn Giang',
          className: '6A',
          missing: [expect.stringContaining('Toán HK II: thiếu ĐĐGck')],
        }),
      ]),
    );
    const res = await principal.get(`/api/v1/results/classes/${cls.id}?term=0`);
    expect(res.status).toBe(200);
    const row = (name: string) => res.body.students.find((x: any) => x.fullName === name);
    expect(row('Nguyễn Văn An')).toMatchObject({
      learningResult: 'excellent',
      conductResult: 'excellent',
      absentSessions: 45,
      promotion: 'promoted',
      finalPromotion: 'promoted',
      award: 'outstanding',
    });
    expect(row('Nguyễn Văn An').subjects.math.average).toBe(9);
    // The 45 sessions were in September–October: all in term I by the province's calendar.
    for (const [term, absentSessions] of [
      [1, 45],
      [2, 0],
    ]) {
      const termRes = await principal.get(`/api/v1/results/classes/${cls.id}?term=${term}`);
      expect(termRes.body.students.find((x: any) => x.fullName === 'Nguyễn Văn An')).toMatchObject({
        absentSessions,
      });
    }
    expect(row('Trần Thị Bình')).toMatchObject({ learningResult: 'excellent', award: 'excellent' });
    expect(row('Lê Văn Cường')).toMatchObject({ learningResult: 'good', promotion: 'promoted', award: null });
    expect(row('Phạm Thị Dung')).toMatchObject({
      learningResult: 'fail',
      promotion: 'retest',
      finalPromotion: null,
    });
    expect(row('Hoàng Văn Em')).toMatchObject({
      learningResult: 'good',
      conductResult: 'fail',
      promotion: 'summer_conduct',
    });
    expect(row('Vũ Thị Phương')).toMatchObject({
      learningResult: 'excellent',
      absentSessions: 46,
      promotion: 'retained',
      finalPromotion: 'retained',
      award: null,
    });
    expect(row('Đỗ Văn Giang')).toMatchObject({
      learningResult: null,
      conductResult: 'good',
      promotion: null,
    });
    // Class summary: 6 classified — Tốt 3 (50%), Khá 2 (33,3%), Chưa đạt 1 (16,7%).
    expect(res.body.summary.learning).toEqual([
      { level: 'excellent', count: 3, percent: 50 },
      { level: 'good', count: 2, percent: 33.3 },
      { level: 'pass', count: 0, percent: 0 },
      { level: 'fail', count: 1, percent: 16.7 },
    ]);
    const math = res.body.summary.subjectAverages.find((x: any) => x.code === 'math');
    // (9,0 + 8,5 + 4,0 + 3,0 + 7,0 + 8,0) / 6 = 6,58 → 6,6 (G has no year result in Toán).
    expect(math.average).toBe(6.6);
    const summary = await principal.get(
      `/api/v1/results/summary?unitId=${u.schoolA.id}&schoolYear=2025-2026&term=0`,
    );
    expect(summary.status).toBe(200);
    expect(summary.body.grades[0]).toMatchObject({
      grade: 6,
      students: 7,
      promotion: { promoted: 3, retest: 1, summerConduct: 1, retained: 1 },
    });
  });

  it('chạy lại khoá sổ không tạo bản ghi trùng', async () => {
    await runJob(principal, '/api/v1/results/close', {
      unitId: u.schoolA.id,
      schoolYear: '2025-2026',
      scope: 'year',
    });
    const rows = await t.db
      .selectFrom('student_results')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('class_id', '=', cls.id)
      .where('term', '=', 0)
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(7);
  });

  it('kiểm tra lại trong hè và rèn luyện hè tính lại kết quả cuối cùng, có nhật ký', async () => {
    const url = (st: Row<'students'>) => `/api/v1/results/students/${st.id}/summer`;
    const notDue = await principal.put(url(s.d), {
      schoolYear: '2025-2026',
      retests: [{ subjectCode: 'informatics', score: 9 }],
    });
    expect(notDue.status, JSON.stringify(notDue.body)).toBe(400);
    expect(notDue.body.error.message).toContain('không thuộc diện kiểm tra lại');
    const partial = await principal.put(url(s.d), {
      schoolYear: '2025-2026',
      retests: [{ subjectCode: 'literature', score: 6 }],
    });
    expect(partial.status).toBe(200);
    expect(partial.body.finalPromotion).toBeNull();
    const done = await principal.put(url(s.d), {
      schoolYear: '2025-2026',
      retests: [{ subjectCode: 'math', score: 5 }],
    });
    expect(done.status).toBe(200);
    // Ngữ văn 6,0, Toán 5,0, the rest 6,0 → six ≥ 5,0 and none < 3,5 → Đạt → lên lớp.
    expect(done.body).toMatchObject({ finalPromotion: 'promoted', learningAfterRetest: 'pass' });
    const summer = await principal.put(url(s.e), { schoolYear: '2025-2026', summerConduct: 'pass' });
    expect(summer.status).toBe(200);
    expect(summer.body.finalPromotion).toBe('promoted');
    expect(
      (await (await t.as('gv.a')).put(url(s.e), { schoolYear: '2025-2026', summerConduct: 'pass' })).status,
    ).toBe(403);
    expect(
      (await (await t.as('ht.b')).put(url(s.e), { schoolYear: '2025-2026', summerConduct: 'pass' })).status,
    ).toBe(403);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'summer')
      .execute();
    expect(audit.length).toBe(3);
    // A re-run of the year close keeps the summer results.
    await runJob(principal, '/api/v1/results/close', {
      unitId: u.schoolA.id,
      schoolYear: '2025-2026',
      scope: 'year',
    });
    const after = await principal.get(`/api/v1/results/classes/${cls.id}?term=0`);
    const dung = after.body.students.find((x: any) => x.fullName === 'Phạm Thị Dung');
    expect(dung).toMatchObject({ finalPromotion: 'promoted', promotion: 'retest' });
    expect(dung.subjects.math).toMatchObject({ average: 3, retestScore: 5 });
  });

  it('giáo viên chủ nhiệm xem được kết quả lớp mình; giáo viên khác, phụ huynh, trường khác bị từ chối', async () => {
    expect((await (await t.as('gvcn.kq')).get(`/api/v1/results/classes/${cls.id}`)).status).toBe(200);
    expect((await (await t.as('gv.a')).get(`/api/v1/results/classes/${cls.id}`)).status).toBe(403);
    expect((await (await t.as('phhs.kq')).get(`/api/v1/results/classes/${cls.id}`)).status).toBe(403);
    expect((await (await t.as('ht.b')).get(`/api/v1/results/classes/${cls.id}`)).status).toBe(403);
    const summaryB = await (await t.as('ht.b')).get(
      `/api/v1/results/summary?unitId=${u.schoolA.id}&schoolYear=2025-2026`,
    );
    expect(summaryB.status).toBe(403);
  });

  it('chuyển năm học: lên lớp 7A, ở lại 6A, lớp 9 tốt nghiệp; chạy lại không đổi gì', async () => {
    // Grade 9 students: set their final decision directly (their scores are not the point here).
    for (const key of ['h', 'i']) {
      await t.db
        .insertInto('student_results')
        .values({
          unit_id: u.schoolA.id,
          school_year: '2025-2026',
          term: 0,
          class_id: grade9.id,
          student_id: s[key].id,
          promotion: key === 'h' ? 'promoted' : 'retained',
          final_promotion: key === 'h' ? 'promoted' : 'retained',
        })
        .onConflict((oc) =>
          oc.columns(['student_id', 'school_year', 'term']).doUpdateSet((eb) => ({
            promotion: eb.ref('excluded.promotion'),
            final_promotion: eb.ref('excluded.final_promotion'),
          })),
        )
        .execute();
    }
    const body = { unitId: u.schoolA.id, fromYear: '2025-2026', toYear: '2026-2027' };
    expect((await (await t.as('gv.a')).post('/api/v1/results/rollover', body)).status).toBe(403);
    const job = await runJob(principal, '/api/v1/results/rollover', body);
    expect(job.status, JSON.stringify(job.error)).toBe('succeeded');
    expect(job.result).toMatchObject({ written: 3 + 8 });
    expect([job.result.promoted, job.result.retained, job.result.graduated].map((l) => l.length)).toEqual([
      5, 2, 1,
    ]);
    expect(job.result.classes.map((c: any) => c.name).sort()).toEqual(['6A', '7A', '9A']);
    expect(job.result.pending.map((p: any) => p.fullName)).toEqual(['Đỗ Văn Giang']);
    const next = await t.db
      .selectFrom('enrolments as e')
      .innerJoin('classes as c', 'c.id', 'e.class_id')
      .select(['c.name', 'e.student_id'])
      .where('e.school_year', '=', '2026-2027')
      .execute();
    const classOf = (st: Row<'students'>) => next.find((n) => n.student_id === st.id)?.name;
    expect(classOf(s.a)).toBe('7A');
    expect(classOf(s.d)).toBe('7A');
    expect(classOf(s.f)).toBe('6A');
    expect(classOf(s.i)).toBe('9A');
    expect(classOf(s.h)).toBeUndefined();
    const graduate = await t.db
      .selectFrom('students')
      .select('status')
      .where('id', '=', s.h.id)
      .executeTakeFirstOrThrow();
    expect(graduate.status).toBe('graduated');
    const again = await runJob(principal, '/api/v1/results/rollover', body);
    // Everyone done: the same lists, nothing written (the pending one is listed again).
    expect(again.result).toEqual({ ...job.result, written: 0 });
  });
});
