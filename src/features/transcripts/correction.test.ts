import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts, buildUser } from '../../../test/factories.ts';
import {
  buildAssignments,
  buildYear,
  GRADE6_SUBJECTS,
  setTermScore,
} from '../../../test/factories-results.ts';
import { buildClassWithStudents, buildTeacherAccount } from '../../../test/factories-transcripts.ts';
import { extractPdfText } from '../../../test/pdf.ts';
import type { Row } from '../../platform/db/schema.ts';

// Issue 11 §2 "Corrections propagate": a corrected HK II score changes the subject's year average (ĐTBmcn, TT22
// Điều 9), the learning result and what follows from it. The correction recomputes them with the year close's code,
// shows them before and after, stores them (the contact book and results read them), and a version printing stale
// derived values is not approved.

const squash = (text: string) => text.replace(/\s+/g, ' ');

describe.each(STORAGES)('điều chỉnh học bạ tính lại kết quả cả năm (%s)', (storage) => {
  let t: TestApp;
  let principal: TestClient;
  let homeroom: TestClient;
  let cls: Row<'classes'>;
  let an: Row<'students'>;

  async function closeYear() {
    const res = await principal.post('/api/v1/results/close', {
      unitId: cls.unit_id,
      schoolYear: cls.school_year,
      scope: 'year',
      classId: cls.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(202);
    await t.jobs.idle();
    expect((await principal.get(`/api/v1/jobs/${res.body.jobId}`)).body.status).toBe('succeeded');
  }

  /** The teacher's grid stores ĐTBmhk with each row; here every assessment is one value, so ĐTBmhk is that value. */
  const setMathTerm2 = (value: number) =>
    setTermScore(t.db, { student: an, subjectCode: 'math', term: 2, value });

  const current = async () =>
    (await principal.get(`/api/v1/classes/${cls.id}/transcripts`)).body.students.find(
      (s: { studentId: string }) => s.studentId === an.id,
    );

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    const teacher = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gvcn.dc',
      fullName: 'Lê Thị Hoa',
    });
    await buildUser(t.db, { unit: u.schoolA, username: 'phhs.dc', roles: [{ role: 'guardian' }] });
    const built = await buildClassWithStudents(t.db, {
      unit: u.schoolA,
      name: '6A1',
      homeroomTeacher: teacher.staff,
      students: ['Nguyễn Văn An'],
    });
    cls = built.cls;
    an = built.students[0] as Row<'students'>;
    await buildAssignments(t.db, cls, teacher.staff, GRADE6_SUBJECTS);
    // Toán HK I 3,8 and HK II 5,5 → ĐTBmcn (3,8 + 2·5,5)/3 = 4,9 < 5,0: learning Đạt. Every other subject 6,5.
    await buildYear(t.db, {
      cls,
      student: an,
      average: 6.5,
      averages: { math: 3.8 },
      custom: { code: 'math', term: 2, regular: [5.5, 5.5, 5.5, 5.5], midterm: 5.5, final: 5.5 },
      conduct: ['good', 'good'],
    });
    // ĐTBmhk as the grid stores it (every assessment of a row is one value in this fixture).
    await t.db
      .updateTable('subject_scores')
      .set({ term_average: sql`midterm`, term_result: sql`final_result` })
      .where('student_id', '=', an.id)
      .execute();
    principal = await t.as('ht.a');
    homeroom = await t.as('gvcn.dc');
    await closeYear();
    expect((await homeroom.post(`/api/v1/classes/${cls.id}/transcripts/sign`)).status).toBe(200);
    expect((await principal.post(`/api/v1/classes/${cls.id}/transcripts/approve`)).status).toBe(200);
  }, 120_000);
  afterAll(() => t.close());

  it('the preview shows Toán HK II, Toán cả năm and the learning result before and after, and writes nothing', async () => {
    const v1 = await current();
    await setMathTerm2(6.8);
    const preview = await principal.get(`/api/v1/transcripts/${v1.transcriptId}/correction-preview`);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.inputs).toEqual([
      { item: 'Toán — HK II', before: '5,5', after: '6,8', changed: true },
    ]);
    // (3,8 + 2·6,8)/3 = 5,8 ≥ 5,0 and six subjects ≥ 6,5: Khá (TT22 Điều 9 khoản 2).
    expect(preview.body.derived).toContainEqual({
      item: 'Toán — Cả năm',
      before: '4,9',
      after: '5,8',
      changed: true,
    });
    expect(preview.body.derived).toContainEqual({
      item: 'Kết quả học tập — Cả năm',
      before: 'Đạt',
      after: 'Khá',
      changed: true,
    });
    expect(preview.body.derived).toContainEqual({
      item: 'Ngữ văn — Cả năm',
      before: '6,5',
      after: '6,5',
      changed: false,
    });
    expect(preview.body.missing).toEqual([]);
    const stored = await t.db
      .selectFrom('subject_year_results')
      .select('year_average')
      .where('student_id', '=', an.id)
      .where('subject_code', '=', 'math')
      .executeTakeFirstOrThrow();
    expect(Number(stored.year_average)).toBe(4.9);
    expect((await current()).status).toBe('approved');
  });

  it('a teacher who is not the homeroom, another school and a guardian cannot preview', async () => {
    const v1 = await current();
    const url = `/api/v1/transcripts/${v1.transcriptId}/correction-preview`;
    expect((await (await t.as('gv.a')).get(url)).status).toBe(403);
    expect([403, 404]).toContain((await (await t.as('ht.b')).get(url)).status);
    expect([403, 404]).toContain((await (await t.as('phhs.dc')).get(url)).status);
  });

  it('the confirmed correction stores the new ĐTBmcn and learning result; the contact book, the results and the new version print them', async () => {
    const v1 = await current();
    const res = await principal.post(`/api/v1/transcripts/${v1.transcriptId}/corrections`, {
      reason: 'Nhập nhầm điểm cuối kì Toán học kì II',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.derived).toContainEqual({
      item: 'Toán — Cả năm',
      before: '4,9',
      after: '5,8',
      changed: true,
    });

    const book = await principal.get(`/api/v1/contact-book/students/${an.id}`);
    const math = book.body.subjects.find((s: { code: string }) => s.code === 'math');
    expect(math.yearAverage).toBe(5.8);
    expect(book.body.results.find((r: { term: number }) => r.term === 0).learning).toBe('good');
    const results = await principal.get(`/api/v1/results/classes/${cls.id}?term=0`);
    const row = results.body.students.find((s: { studentId: string }) => s.studentId === an.id);
    expect(row.subjects.math.average).toBe(5.8);
    expect(row.learningResult).toBe('good');

    expect((await homeroom.post(`/api/v1/classes/${cls.id}/transcripts/sign`)).status).toBe(200);
    const approved = await principal.post(`/api/v1/classes/${cls.id}/transcripts/approve`);
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    const v2 = await current();
    expect(v2).toMatchObject({ version: 2, status: 'approved' });
    const pdf = await principal.get(`/api/v1/transcripts/${v2.transcriptId}/pdf`);
    expect(pdf.status).toBe(200);
    const text = squash(await extractPdfText(pdf.raw));
    expect(text).toMatch(/Toán 3,8 6,8 5,8/);
    expect(text).not.toContain('4,9');
  });

  it('a version printing a year average its term averages do not give is not approved (409), until the year is recomputed and signed again', async () => {
    const v2 = await current();
    const corrected = await principal.post(`/api/v1/transcripts/${v2.transcriptId}/corrections`, {
      reason: 'Rà soát lại điểm Toán',
    });
    expect(corrected.status).toBe(201);
    // The score changes again, and the class is signed without recomputing: HK II 8,0 but Cả năm still 5,8.
    await setMathTerm2(8);
    expect((await homeroom.post(`/api/v1/classes/${cls.id}/transcripts/sign`)).status).toBe(200);
    const refused = await principal.post(`/api/v1/classes/${cls.id}/transcripts/approve`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('Nguyễn Văn An');
    expect(refused.body.error.message).toContain('Toán cả năm 5,8');
    expect((await current()).status).toBe('homeroom_signed');

    await closeYear();
    expect((await homeroom.post(`/api/v1/classes/${cls.id}/transcripts/sign`)).status).toBe(200);
    expect((await principal.post(`/api/v1/classes/${cls.id}/transcripts/approve`)).status).toBe(200);
  });
});
