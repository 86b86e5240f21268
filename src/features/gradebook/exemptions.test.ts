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
import { buildAssignments, buildYear } from '../../../test/factories-results.ts';
import type { Row } from '../../platform/db/schema.ts';

// TT22 Điều 10 through the API: the principal records an exemption from the practical part of GDTC (audited), the
// score grid names it for the terms it covers, and the subject's result and the year close are those of any
// student — the exempted student is assessed on theory, as many times (khoản 4).

describe.each(STORAGES)('miễn học phần thực hành GDTC (%s)', (storage) => {
  let t: TestApp;
  let principal: TestClient;
  let cls: Row<'classes'>;
  let student: Row<'students'>;
  let unitId: string;
  const year = '2025-2026';
  const url = () => `/api/v1/gradebook/students/${student.id}/exemptions`;
  const body = {
    schoolYear: year,
    subjectCode: 'physical-education',
    period: 'term1',
    ground: 'accident',
    medicalEvidence: true,
    decisionNumber: '15/QĐ-THCS',
    decisionDate: '2025-09-20',
  };
  const grid = async (term: 1 | 2, subject = 'physical-education') => {
    const res = await principal.get(`/api/v1/gradebook/classes/${cls.id}/subjects/${subject}/terms/${term}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.rows.find((r: { studentId: string }) => r.studentId === student.id);
  };

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    unitId = u.schoolA.id;
    principal = await t.as('ht.a');
    const teacher = await buildHomeroomTeacher(t.db, { unit: u.schoolA, fullName: 'Lê Thị Hoa' });
    cls = await buildClass(t.db, { unit: u.schoolA, name: '8A', grade: 8, homeroomTeacher: teacher });
    await buildAssignments(t.db, cls, teacher);
    student = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Ngô Bảo Châu' });
    await buildEnrolment(t.db, { student, cls });
    await buildYear(t.db, { cls, student, average: 8.5, conduct: ['excellent', 'excellent'] });
  });
  afterAll(() => t.close());

  it('refuses an exemption without the hospital’s record (khoản 2), naming the field; nothing is stored', async () => {
    const res = await principal.post(url(), { ...body, medicalEvidence: false });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('medicalEvidence');
    const list = await principal.get(`${url()}?schoolYear=${year}`);
    expect(list.body.exemptions).toEqual([]);
  });

  it('records the decision (audited) and the grid names it for term 1 only', async () => {
    const res = await principal.post(url(), body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const audits = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'practical_exemptions')
      .where('entity_id', '=', student.id)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(['exempt_practical']);
    expect((await grid(1)).exemption).toMatch(
      /Miễn học phần thực hành \(HK I, QĐ số 15\/QĐ-THCS ngày 20\/09\/2025\)/,
    );
    expect((await grid(2)).exemption).toBeNull();
    expect((await grid(1, 'math')).exemption).toBeNull();
  });

  it('a year exemption over a term already exempted is refused (one decision per term)', async () => {
    const res = await principal.post(url(), { ...body, period: 'year' });
    expect(res.status).toBe(409);
  });

  it('the subject still counts: every assessment is required and the close classifies as for anyone', async () => {
    const row = await grid(1);
    expect(row.missing).toEqual([]);
    const close = await principal.post('/api/v1/results/close', { unitId, schoolYear: year, scope: 'year' });
    expect(close.status).toBe(202);
    await t.jobs.idle();
    const res = await principal.get(`/api/v1/results/classes/${cls.id}?term=0`);
    const st = res.body.students.find((x: { studentId: string }) => x.studentId === student.id);
    expect(st).toMatchObject({ learningResult: 'excellent', promotion: 'promoted' });
    expect(st.subjects['physical-education']).toMatchObject({ result: 'pass' });
  });

  it('another school’s principal can neither read nor record; the decision can be withdrawn (audited)', async () => {
    const other = await t.as('ht.b');
    expect((await other.get(`${url()}?schoolYear=${year}`)).status).toBe(403);
    expect((await other.post(url(), { ...body, period: 'term2' })).status).toBe(403);
    const list = await principal.get(`${url()}?schoolYear=${year}`);
    const id = list.body.exemptions[0].id;
    expect((await other.delete(`${url()}/${id}`)).status).toBe(403);
    expect((await principal.delete(`${url()}/${id}`)).status).toBe(204);
    expect((await grid(1)).exemption).toBeNull();
  });
});
