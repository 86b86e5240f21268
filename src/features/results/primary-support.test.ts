import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts, buildUnit, buildUser } from '../../../test/factories.ts';
import { buildClassWithStudents, buildTeacherAccount } from '../../../test/factories-transcripts.ts';
import { extractPdfPages } from '../../../test/pdf.ts';
import type { Row } from '../../platform/db/schema.ts';
import { aspectsOf } from './primary.ts';

// TT27 Điều 11 khoản 1 điểm b, c through the API: the year close lists the pupils at Chưa hoàn thành; the homeroom
// teacher records the support plan and the further assessment; a pupil still Chưa hoàn thành is the principal's
// decision with a reason; all audited, kept by a re-run of the close, shown by the class results, the rollover
// (a retained pupil stays in the grade) and the học bạ.
const YEAR = '2025-2026';

describe.each(STORAGES)('học sinh tiểu học chưa hoàn thành chương trình lớp học (%s)', (storage) => {
  let t: TestApp;
  let school: Row<'units'>;
  let cls: Row<'classes'>;
  let pupils: Row<'students'>[];
  let homeroom: TestClient;
  let principal: TestClient;

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    school = await buildUnit(t.db, {
      parent: u.officeA,
      level: 'primary',
      name: 'Trường Tiểu học Sơn Ca',
      currentSchoolYear: YEAR,
    });
    await buildUser(t.db, { unit: school, username: 'ht.sonca', roles: [{ role: 'principal' }] });
    const gvcn = await buildTeacherAccount(t.db, {
      unit: school,
      username: 'gvcn.2a',
      fullName: 'Lý Thị Hoa',
    });
    const built = await buildClassWithStudents(t.db, {
      unit: school,
      name: '2A',
      grade: 2,
      homeroomTeacher: gvcn.staff,
      students: ['Nguyễn Văn Hải', 'Trần Thị Lan', 'Phạm Văn Minh'],
    });
    cls = built.cls;
    pupils = built.students;
    homeroom = await t.as('gvcn.2a');
    principal = await t.as('ht.sonca');
    // Hải completes; Lan and Minh are Chưa hoàn thành in Toán (test 3) and Cần cố gắng in Chăm chỉ.
    const [hai, lan, minh] = pupils as [Row<'students'>, Row<'students'>, Row<'students'>];
    const rows = [hai, lan, minh].flatMap((p) =>
      aspectsOf(2, 'end2').map((a) => {
        const weak = p.id !== hai.id && (a.aspect === 'subject:math' || a.aspect === 'quality:Chăm chỉ');
        return {
          studentId: p.id,
          aspect: a.aspect,
          level:
            a.kind === 'subject' ? (weak ? 'not_completed' : 'completed') : weak ? 'needs_effort' : 'pass',
          testScore: a.test ? (weak ? 3 : 7) : null,
        };
      }),
    );
    const saved = await homeroom.put(`/api/v1/results/classes/${cls.id}/primary`, {
      checkpoint: 'end2',
      rows,
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    await close();
  }, 180_000);
  afterAll(() => t.close());

  async function close() {
    const queued = await principal.post('/api/v1/results/close', {
      unitId: school.id,
      schoolYear: YEAR,
      scope: 'year',
      classId: cls.id,
    });
    expect(queued.status).toBe(202);
    await t.jobs.idle();
  }
  const list = async (client = homeroom) => client.get(`/api/v1/results/classes/${cls.id}/primary-support`);
  const put = (client: TestClient, id: string, step: string, body: object) =>
    client.put(`/api/v1/results/students/${id}/primary-support/${step}`, { schoolYear: YEAR, ...body });

  it('kế hoạch → đánh giá bổ sung → Hiệu trưởng quyết định; ghi nhật ký; giữ khi khoá sổ lại; chuyển năm giữ lại lớp', async () => {
    const [hai, lan, minh] = pupils as [Row<'students'>, Row<'students'>, Row<'students'>];
    const first = await list();
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.canEdit).toBe(true);
    expect(first.body.canDecide).toBe(false);
    expect(first.body.pupils.map((p: { fullName: string }) => p.fullName)).toEqual([
      'Trần Thị Lan',
      'Phạm Văn Minh',
    ]);
    const lanRow = first.body.pupils[0];
    expect(lanRow.stage).toBe('support_plan');
    expect(lanRow.toReassess.map((m: { name: string }) => m.name)).toEqual(['Toán', 'Chăm chỉ']);

    // Out of order, or the wrong person, or a pupil who completed: refused, nothing changes.
    const tooEarly = await put(principal, lan.id, 'decision', {
      decision: 'retained',
      reason: 'x',
      version: 1,
    });
    expect(tooEarly.status).toBe(400);
    expect(tooEarly.body.error.fields.decision).toContain('chưa lập kế hoạch');
    const early = await put(homeroom, lan.id, 'assessment', {
      reassessed: [{ aspect: 'subject:math', level: 'completed', testScore: 6 }],
      version: 1,
    });
    expect(early.status).toBe(400);
    expect(early.body.error.message).toContain('Lập kế hoạch hướng dẫn, giúp đỡ');
    expect((await put(homeroom, hai.id, 'plan', { plan: 'Kèm Toán' })).status).toBe(409);
    expect((await put(await t.as('ht.b'), lan.id, 'plan', { plan: 'Kèm Toán' })).status).toBe(403);

    for (const p of [lan, minh]) {
      const plan = await put(homeroom, p.id, 'plan', {
        plan: 'Kèm Toán mỗi chiều thứ Ba trong hè; giao việc trực nhật.',
      });
      expect(plan.status, JSON.stringify(plan.body)).toBe(200);
      expect(plan.body.version).toBe(1);
    }
    // A further assessment of an aspect that did not hold the pupil back is refused with the field named.
    const wrong = await put(homeroom, lan.id, 'assessment', {
      reassessed: [{ aspect: 'subject:vietnamese', level: 'completed_well', testScore: 9 }],
      version: 1,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields['reassessed[0]']).toContain('không thuộc diện đánh giá bổ sung');

    const lanDone = await put(homeroom, lan.id, 'assessment', {
      reassessed: [
        { aspect: 'subject:math', level: 'completed', testScore: 6 },
        { aspect: 'quality:Chăm chỉ', level: 'pass' },
      ],
      version: 1,
    });
    expect(lanDone.status, JSON.stringify(lanDone.body)).toBe(200);
    expect(lanDone.body).toMatchObject({
      outcomeAfterSupport: 'completed',
      finalPromotion: 'promoted',
      stage: 'decided',
    });
    const stale = await put(homeroom, minh.id, 'assessment', {
      reassessed: [{ aspect: 'subject:math', level: 'completed', testScore: 5 }],
      version: 7,
    });
    expect(stale.status).toBe(409);
    const minhStill = await put(homeroom, minh.id, 'assessment', {
      reassessed: [{ aspect: 'subject:math', level: 'completed', testScore: 5 }],
      version: 1,
    });
    expect(minhStill.body).toMatchObject({
      outcomeAfterSupport: 'not_completed',
      finalPromotion: null,
      stage: 'principal_decision',
    });

    expect(
      (await put(homeroom, minh.id, 'decision', { decision: 'retained', reason: 'x', version: 2 })).status,
    ).toBe(403);
    const noReason = await put(principal, minh.id, 'decision', {
      decision: 'retained',
      reason: ' ',
      version: 2,
    });
    expect(noReason.status).toBe(400);
    const decided = await put(principal, minh.id, 'decision', {
      decision: 'retained',
      reason: 'Chưa đọc, viết được các vần đã học; còn cần cố gắng về chăm chỉ.',
      version: 2,
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);

    // A re-run of the close keeps the path; the class results show the outcome after support and the decision.
    await close();
    const results = await principal.get(`/api/v1/results/classes/${cls.id}?term=0`);
    const of = (id: string) => results.body.students.find((s: { studentId: string }) => s.studentId === id);
    expect(of(hai.id)).toMatchObject({ primaryOutcome: 'completed', finalPromotion: 'promoted' });
    expect(of(lan.id)).toMatchObject({
      primaryOutcome: 'not_completed',
      primaryOutcomeAfterSupport: 'completed',
      finalPromotion: 'promoted',
    });
    expect(of(minh.id)).toMatchObject({
      primaryOutcomeAfterSupport: 'not_completed',
      finalPromotion: 'retained',
      principalDecisionReason: 'Chưa đọc, viết được các vần đã học; còn cần cố gắng về chăm chỉ.',
    });
    const after = await list(principal);
    expect(after.body.canDecide).toBe(true);
    expect(after.body.pupils.map((p: { stage: string }) => p.stage)).toEqual(['decided', 'decided']);

    const audits = await t.db
      .selectFrom('audit_log')
      .select(['action'])
      .where('entity', '=', 'primary_support')
      .execute();
    expect(audits.map((a) => a.action).sort()).toEqual([
      'further_assessment',
      'further_assessment',
      'principal_decision',
      'support_plan',
      'support_plan',
    ]);

    // The rollover: Hải and Lan go up to grade 3, Minh stays in grade 2 (the principal's decision).
    const preview = await principal.get(
      `/api/v1/results/rollover/preview?unitId=${school.id}&fromYear=${YEAR}&toYear=2026-2027`,
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.retained).toEqual([
      expect.objectContaining({ fullName: 'Phạm Văn Minh', toClass: '2A' }),
    ]);
    expect(preview.body.promoted.map((s: { fullName: string }) => s.fullName).sort()).toEqual([
      'Nguyễn Văn Hải',
      'Trần Thị Lan',
    ]);
    expect(preview.body.pending).toEqual([]);

    // The học bạ prints the further assessment and the decision.
    const pdf = await principal.get(`/api/v1/classes/${cls.id}/transcripts/${minh.id}/pdf`);
    expect(pdf.status).toBe(200);
    const text = (await extractPdfPages(pdf.raw)).join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Chưa đọc, viết được các vần đã học');
    expect(text).not.toContain('rèn luyện trong kì nghỉ hè');
  });
});
