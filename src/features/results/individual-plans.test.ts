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
import { extractPdfText } from '../../../test/pdf.ts';
import { absentSessions } from '../../domain/grading/index.ts';
import type { Row } from '../../platform/db/schema.ts';

// TT22 Điều 11 and Điều 12 khoản 4 through the API: the school flags a student assessed against an individual
// education plan, the year close lists "Hiệu trưởng quyết định" instead of the promotion rule, the principal records
// the decision with its reason (audited), a re-run of the close keeps it, and the học bạ prints the line and reason.
// Also Điều 12 khoản 1 điểm c: the absences the close stores are counted per buổi (two per full day).

describe.each(STORAGES)('học sinh đánh giá theo kế hoạch giáo dục cá nhân (%s)', (storage) => {
  let t: TestApp;
  let principal: TestClient;
  let cls: Row<'classes'>;
  let unitId: string;
  const s: Record<'plan' | 'absent', Row<'students'>> = {} as never;
  const year = '2025-2026';
  const close = async () => {
    const res = await principal.post('/api/v1/results/close', { unitId, schoolYear: year, scope: 'year' });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await t.jobs.idle();
  };
  const row = async (st: Row<'students'>) => {
    const res = await principal.get(`/api/v1/results/classes/${cls.id}?term=0`);
    expect(res.status).toBe(200);
    return res.body.students.find((x: { studentId: string }) => x.studentId === st.id);
  };

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    unitId = u.schoolA.id;
    principal = await t.as('ht.a');
    const teacher = await buildHomeroomTeacher(t.db, { unit: u.schoolA, fullName: 'Lê Thị Hoa' });
    cls = await buildClass(t.db, { unit: u.schoolA, name: '7A', grade: 7, homeroomTeacher: teacher });
    await buildAssignments(t.db, cls, teacher);
    s.plan = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Phạm Minh Khang' });
    s.absent = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Đỗ Thu Trang' });
    for (const st of [s.plan, s.absent]) await buildEnrolment(t.db, { student: st, cls });
    // Learning Chưa đạt by the thresholds (Toán, Ngữ văn 3,0): the ordinary rule would send him to a re-test.
    await buildYear(t.db, {
      cls,
      student: s.plan,
      average: 6,
      averages: { math: 3, literature: 3 },
      conduct: ['good', 'good'],
    });
    // Results Khá, but 23 full days absent at a two-session school: 46 buổi.
    await buildYear(t.db, { cls, student: s.absent, average: 7, conduct: ['good', 'good'] });
    await buildAbsences(t.db, { cls, student: s.absent, count: 46 });
  });
  afterAll(() => t.close());

  it('absences are counted per buổi: 23 full days are 46 buổi, over the 45 of Điều 12 → retained', async () => {
    await close();
    const marks = await t.db
      .selectFrom('attendance')
      .select(['date', 'session'])
      .where('student_id', '=', s.absent.id)
      .execute();
    expect(absentSessions(marks)).toBe(46);
    expect(await row(s.absent)).toMatchObject({ absentSessions: 46, promotion: 'retained' });
  });

  it('without the flag the rule of Điều 12 khoản 1 applies (re-test)', async () => {
    expect(await row(s.plan)).toMatchObject({ promotion: 'retest', individualPlan: false });
  });

  it('the flag lists the student as "Hiệu trưởng quyết định" at once, and the close keeps it', async () => {
    const res = await principal.put(`/api/v1/results/students/${s.plan.id}/individual-plan`, {
      schoolYear: year,
      enabled: true,
      note: 'Khuyết tật trí tuệ nhẹ, KHGD cá nhân từ 09/2025',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(await row(s.plan)).toMatchObject({
      promotion: 'principal_decision',
      finalPromotion: null,
      individualPlan: true,
    });
    await close();
    expect(await row(s.plan)).toMatchObject({ promotion: 'principal_decision', finalPromotion: null });
  });

  // The counts of the promotion list and the school summary: the student has a row of his own ("Hiệu trưởng quyết
  // định"), is pending until the principal decides, and the outcomes add up to the students of the grade.
  const counts = async () => {
    const list = await principal.get(`/api/v1/results/promotion-list?unitId=${unitId}&schoolYear=${year}`);
    expect(list.status, JSON.stringify(list.body)).toBe(200);
    const summary = await principal.get(`/api/v1/results/summary?unitId=${unitId}&schoolYear=${year}&term=0`);
    expect(summary.status, JSON.stringify(summary.body)).toBe(200);
    const grade7 = list.body.grades.find((g: { grade: number }) => g.grade === 7);
    const summary7 = summary.body.grades.find((g: { grade: number }) => g.grade === 7);
    type Counts = Record<
      'promoted' | 'retest' | 'summerConduct' | 'retained' | 'principalDecision' | 'notClassified',
      number
    >;
    const outcomes = (c: Counts) =>
      c.promoted + c.retest + c.summerConduct + c.retained + c.principalDecision + c.notClassified;
    expect(outcomes(grade7)).toBe(grade7.students);
    expect(outcomes(summary7.promotion)).toBe(summary7.students);
    expect(grade7.finalPromoted + grade7.finalRetained + grade7.pending + grade7.notClassified).toBe(
      grade7.students,
    );
    expect(summary7.promotion).toMatchObject({ principalDecision: grade7.principalDecision });
    return { grade7, total: list.body.total, students: list.body.students };
  };

  it('the promotion list and the school summary count "Hiệu trưởng quyết định" in its own column, pending', async () => {
    const { grade7, total, students } = await counts();
    expect(grade7).toMatchObject({ students: 2, principalDecision: 1, retained: 1, pending: 1, retest: 0 });
    expect(total).toMatchObject({ students: 2, principalDecision: 1, pending: 1 });
    expect(students.map((x: { fullName: string; promotion: string }) => [x.fullName, x.promotion])).toEqual([
      ['Phạm Minh Khang', 'principal_decision'],
      ['Đỗ Thu Trang', 'retained'],
    ]);
    const only = await principal.get(
      `/api/v1/results/promotion-list?unitId=${unitId}&schoolYear=${year}&outcome=principal_decision`,
    );
    expect(only.body.students.map((x: { fullName: string }) => x.fullName)).toEqual(['Phạm Minh Khang']);
  });

  it('the principal records the decision with its reason, audited; a re-run of the close keeps it', async () => {
    const url = `/api/v1/results/students/${s.plan.id}/principal-decision`;
    const empty = await principal.put(url, { schoolYear: year, decision: 'promoted', reason: '' });
    expect(empty.status).toBe(400);
    const reason = 'Đạt các mục tiêu của kế hoạch giáo dục cá nhân năm học';
    const res = await principal.put(url, { schoolYear: year, decision: 'promoted', reason });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await close();
    expect(await row(s.plan)).toMatchObject({
      promotion: 'principal_decision',
      finalPromotion: 'promoted',
      principalDecisionReason: reason,
    });
    const audits = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity_id', '=', s.plan.id)
      .where('action', 'in', ['set_individual_plan', 'principal_decision'])
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual(['principal_decision', 'set_individual_plan']);
    // Decided: still in his own column, no longer pending, counted among the promoted after the decision.
    const { grade7 } = await counts();
    expect(grade7).toMatchObject({ principalDecision: 1, pending: 0, finalPromoted: 1, finalRetained: 1 });
  });

  it('a student not listed for the principal is refused a principal decision', async () => {
    const res = await principal.put(`/api/v1/results/students/${s.absent.id}/principal-decision`, {
      schoolYear: year,
      decision: 'promoted',
      reason: 'Thử',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/Điều 12 khoản 4/);
  });

  it('the học bạ marks "Được lên lớp" and prints the principal’s reason', async () => {
    const pdf = await principal.get(`/api/v1/classes/${cls.id}/transcripts/${s.plan.id}/pdf`);
    expect(pdf.status).toBe(200);
    const text = (await extractPdfText(pdf.raw)).replace(/\s+/g, ' ');
    expect(text).toContain('[X] Được lên lớp');
    expect(text).not.toContain('[X] Được lên lớp sau kiểm tra');
    expect(text).toContain(
      'Hiệu trưởng quyết định (đánh giá theo kế hoạch giáo dục cá nhân): Đạt các mục tiêu',
    );
  });

  it('clearing the flag applies Điều 12 khoản 1 again and drops the decision', async () => {
    const res = await principal.put(`/api/v1/results/students/${s.plan.id}/individual-plan`, {
      schoolYear: year,
      enabled: false,
    });
    expect(res.status).toBe(200);
    expect(await row(s.plan)).toMatchObject({
      promotion: 'retest',
      finalPromotion: null,
      principalDecisionReason: null,
      individualPlan: false,
    });
  });

  it('another school’s principal may not set the flag', async () => {
    const other = await t.as('ht.b');
    const res = await other.put(`/api/v1/results/students/${s.plan.id}/individual-plan`, {
      schoolYear: year,
      enabled: true,
    });
    expect(res.status).toBe(403);
  });
});
