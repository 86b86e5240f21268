import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts, buildUnit, buildUser } from '../../../test/factories.ts';
import {
  buildClassWithStudents,
  buildTeacherAccount,
  buildTeachingAssignment,
} from '../../../test/factories-transcripts.ts';
import { extractPdfPages } from '../../../test/pdf.ts';
import { readFinishedYear, runJob, storedYear } from '../../../test/school-year.ts';
import type { Row } from '../../platform/db/schema.ts';
import { aspectsOf } from './primary.ts';

type Level = 'completed_well' | 'completed' | 'not_completed' | 'good' | 'pass' | 'needs_effort';

/** A pupil's end-of-year profile: subject level, trait level, test score (and a weak subject, if any). */
interface Profile {
  subject: Level;
  trait: Level;
  score: number;
  weakMath?: boolean;
}

// A primary class through TT27 (Thông tư 27/2020) to the học bạ, as its teachers and principal use the API: the
// TT22 pages refuse it, the periodic evaluation takes levels, test scores 1–10 and comments, the year close gives
// the outcome and Học sinh Xuất sắc, the school records Học sinh Tiêu biểu, the summaries count TT27's outcomes and
// add up to the class, and the học bạ prints all of it with the signatures beside the table they sign. Then the
// rollover (issue 11, Tests: "a primary class through TT27 to the học bạ"): the finished year reads exactly as
// before — class list, results, summaries, học bạ list, evaluation grid and the stored rows.
describe.each(STORAGES)('tiểu học từ đánh giá định kì đến học bạ (%s)', (storage) => {
  let t: TestApp;
  let school: Row<'units'>;
  let cls: Row<'classes'>;
  let pupils: Row<'students'>[];
  let homeroom: TestClient;
  let english: TestClient;
  let principal: TestClient;

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    school = await buildUnit(t.db, {
      parent: u.officeA,
      level: 'primary',
      name: 'Trường Tiểu học Hoà Bình',
      currentSchoolYear: '2025-2026',
    });
    await buildUser(t.db, { unit: school, username: 'ht.tieuhoc', roles: [{ role: 'principal' }] });
    const gvcn = await buildTeacherAccount(t.db, {
      unit: school,
      username: 'gvcn.5a',
      fullName: 'Đỗ Thị Mai',
    });
    const gvta = await buildTeacherAccount(t.db, {
      unit: school,
      username: 'gv.tienganh',
      fullName: 'Hà Văn Nam',
    });
    const built = await buildClassWithStudents(t.db, {
      unit: school,
      name: '5A',
      grade: 5,
      homeroomTeacher: gvcn.staff,
      students: ['Nguyễn Minh An', 'Trần Thanh Bình', 'Lê Bảo Chi', 'Phạm Quốc Dũng', 'Võ Thị Em'],
    });
    cls = built.cls;
    pupils = built.students;
    await buildTeachingAssignment(t.db, { cls, subjectCode: 'math', teacher: gvcn.staff });
    await buildTeachingAssignment(t.db, { cls, subjectCode: 'foreign-language-1', teacher: gvta.staff });
    homeroom = await t.as('gvcn.5a');
    english = await t.as('gv.tienganh');
    principal = await t.as('ht.tieuhoc');
  }, 120_000);
  afterAll(() => t.close());

  const gridUrl = () => `/api/v1/results/classes/${cls.id}/primary`;

  it('trang THCS/THPT (Thông tư 22) từ chối lớp tiểu học bằng 409 có lời nhắn tiếng Việt', async () => {
    const refused = [
      await homeroom.get(`/api/v1/gradebook/classes/${cls.id}/subjects/math/terms/1`),
      await homeroom.get(`/api/v1/gradebook/classes/${cls.id}/conduct`),
      await homeroom.put(`/api/v1/gradebook/classes/${cls.id}/conduct`, {
        term: 1,
        rows: [{ studentId: pupils[0]?.id, level: 'excellent', comment: null, base: null }],
      }),
      await homeroom.get(`/api/v1/gradebook/classes/${cls.id}/overview?term=1`),
    ];
    for (const res of refused) {
      expect(res.status, JSON.stringify(res.body)).toBe(409);
      expect(res.body.error.message).toContain('lớp tiểu học, đánh giá theo Thông tư 27/2020');
      expect(res.body.error.message).toContain('Đánh giá định kì');
    }
    const conduct = await t.db.selectFrom('conduct_assessments').select('student_id').execute();
    expect(conduct).toEqual([]);
  });

  it('"Lớp tôi dạy" của giáo viên tiểu học liệt kê lớp chủ nhiệm và môn dạy (khối 1–5)', async () => {
    const mine = await english.get(`/api/v1/gradebook/my-classes?unitId=${school.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.teaching).toEqual([
      expect.objectContaining({ className: '5A', grade: 5, subjectCode: 'foreign-language-1' }),
    ]);
    const own = await homeroom.get(`/api/v1/gradebook/my-classes?unitId=${school.id}`);
    expect(own.body.homeroom).toEqual([expect.objectContaining({ className: '5A', grade: 5 })]);
  });

  it('điểm kiểm tra định kì là số nguyên 1–10: 0, 11 và 7,5 bị từ chối, không làm tròn, không cắt', async () => {
    const an = pupils[0] as Row<'students'>;
    for (const [score, message] of [
      [0, 'phải từ 1 đến 10 (đang là 0)'],
      [11, 'phải từ 1 đến 10 (đang là 11)'],
      [7.5, 'không cho điểm thập phân: 7,5'],
    ] as const) {
      const res = await homeroom.put(gridUrl(), {
        checkpoint: 'end2',
        rows: [{ studentId: an.id, aspect: 'subject:math', level: 'completed_well', testScore: score }],
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain(message);
    }
    const stored = await t.db.selectFrom('primary_evaluations').select('test_score').execute();
    expect(stored).toEqual([]);
  });

  it('giáo viên bộ môn nhập môn mình dạy (cả nhận xét), không nhập môn khác hay phẩm chất', async () => {
    const an = pupils[0] as Row<'students'>;
    const grid = await english.get(`${gridUrl()}?checkpoint=end1`);
    expect(grid.status).toBe(200);
    expect(grid.body.editable).toEqual(['subject:foreign-language-1']);
    const saved = await english.put(gridUrl(), {
      checkpoint: 'end1',
      rows: [
        {
          studentId: an.id,
          aspect: 'subject:foreign-language-1',
          level: 'completed_well',
          testScore: 9,
          comment: 'Phát âm chuẩn, mạnh dạn giao tiếp.',
        },
      ],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toEqual({ saved: 1, students: 1, testScores: 1, comments: 1 });
    const other = await english.put(gridUrl(), {
      checkpoint: 'end1',
      rows: [{ studentId: an.id, aspect: 'quality:Chăm chỉ', level: 'good' }],
    });
    expect(other.status).toBe(403);
    expect((await (await t.as('gv.a')).get(gridUrl())).status).toBe(403);
    expect((await (await t.as('ht.b')).get(gridUrl())).status).toBe(403);
  });

  it('cả năm: kết quả TT27, khen thưởng, tổng hợp lớp và trường cộng đủ sĩ số, học bạ in đủ', async () => {
    const [an, binh, chi, dung, em] = pupils as [
      Row<'students'>,
      Row<'students'>,
      Row<'students'>,
      Row<'students'>,
      Row<'students'>,
    ];
    const profiles = new Map<string, Profile>([
      [an.id, { subject: 'completed_well', trait: 'good', score: 10 }],
      [binh.id, { subject: 'completed_well', trait: 'good', score: 8 }],
      [chi.id, { subject: 'completed', trait: 'pass', score: 6 }],
      [dung.id, { subject: 'completed', trait: 'pass', score: 6, weakMath: true }],
    ]);
    const rows = [...profiles].flatMap(([studentId, p]) =>
      aspectsOf(5, 'end2').map((a) => {
        const weak = p.weakMath === true && a.aspect === 'subject:math';
        return {
          studentId,
          aspect: a.aspect,
          level: a.kind === 'subject' ? (weak ? 'not_completed' : p.subject) : p.trait,
          testScore: a.test ? (weak ? 4 : p.score) : null,
          comment:
            a.aspect === 'subject:vietnamese'
              ? 'Đọc diễn cảm, viết đúng chính tả.'
              : a.aspect === 'quality:Trách nhiệm'
                ? 'Giữ gìn lớp học sạch đẹp.'
                : null,
        };
      }),
    );
    // The homeroom teacher saves the whole class (Em is not evaluated: absent all of term 2).
    const saved = await homeroom.put(gridUrl(), { checkpoint: 'end2', rows });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.students).toBe(4);

    const queued = await principal.post('/api/v1/results/close', {
      unitId: school.id,
      schoolYear: '2025-2026',
      scope: 'year',
      classId: cls.id,
    });
    expect(queued.status).toBe(202);
    await t.jobs.idle();

    // Học sinh Tiêu biểu: only for Hoàn thành tốt, recorded by the principal (TT27 Điều 13).
    const recognise = (studentId: string, recognition: string | null, client = principal) =>
      client.put(`/api/v1/results/students/${studentId}/primary-recognition`, {
        schoolYear: '2025-2026',
        recognition,
      });
    expect((await recognise(chi.id, 'Tiến bộ rõ môn Toán')).status).toBe(409);
    expect((await recognise(binh.id, 'Giải Nhì Trạng nguyên Tiếng Việt cấp trường', homeroom)).status).toBe(
      403,
    );
    const recognised = await recognise(binh.id, 'Giải Nhì Trạng nguyên Tiếng Việt cấp trường');
    expect(recognised.status, JSON.stringify(recognised.body)).toBe(200);
    expect(recognised.body.award).toBe('exemplary');

    // A re-run of the close keeps the recognition and the title.
    await principal.post('/api/v1/results/close', {
      unitId: school.id,
      schoolYear: '2025-2026',
      scope: 'year',
      classId: cls.id,
    });
    await t.jobs.idle();

    const res = await homeroom.get(`/api/v1/results/classes/${cls.id}?term=0`);
    expect(res.status).toBe(200);
    const of = (id: string) => res.body.students.find((s: { studentId: string }) => s.studentId === id);
    expect(of(an.id)).toMatchObject({ primaryOutcome: 'completed_excellently', award: 'outstanding' });
    expect(of(binh.id)).toMatchObject({ primaryOutcome: 'completed_well', award: 'exemplary' });
    expect(of(chi.id)).toMatchObject({ primaryOutcome: 'completed', award: null });
    expect(of(dung.id)).toMatchObject({ primaryOutcome: 'not_completed', promotion: null });
    expect(of(em.id)).toMatchObject({ primaryOutcome: null });

    const summary = res.body.summary.primary;
    const count = (outcome: string) =>
      summary.outcomes.find((o: { outcome: string }) => o.outcome === outcome).count;
    expect(summary.students).toBe(5);
    expect(
      ['completed_excellently', 'completed_well', 'completed', 'not_completed', 'not_evaluated'].map(count),
    ).toEqual([1, 1, 1, 1, 1]);
    expect(summary.awards).toEqual({ outstanding: 1, exemplary: 1 });
    for (const trait of summary.traits) {
      const total = trait.counts.reduce((sum: number, c: { count: number }) => sum + c.count, 0);
      expect(total, trait.label).toBe(5);
    }
    const chamChi = summary.traits.find((x: { aspect: string }) => x.aspect === 'quality:Chăm chỉ');
    expect(chamChi.counts).toEqual([
      { level: 'good', count: 2 },
      { level: 'pass', count: 2 },
      { level: 'needs_effort', count: 0 },
      { level: 'not_evaluated', count: 1 },
    ]);

    const school5 = await principal.get(
      `/api/v1/results/summary?unitId=${school.id}&schoolYear=2025-2026&term=0`,
    );
    expect(school5.status).toBe(200);
    const grade5 = school5.body.grades.find((g: { grade: number }) => g.grade === 5);
    expect(grade5.primary.students).toBe(5);
    expect(grade5.primary.outcomes.reduce((sum: number, o: { count: number }) => sum + o.count, 0)).toBe(5);

    // Summer re-test is TT22's: a primary pupil who did not complete is refused with TT27's path.
    const summer = await principal.put(`/api/v1/results/students/${dung.id}/summer`, {
      schoolYear: '2025-2026',
    });
    expect(summer.status).toBe(409);
    expect(summer.body.error.message).toContain('Thông tư 27 Điều 11');

    // The học bạ: homeroom signs, principal approves, the PDF prints titles and comments, signatures with the table.
    expect((await homeroom.post(`/api/v1/classes/${cls.id}/transcripts/sign`)).status).toBe(200);
    expect((await principal.post(`/api/v1/classes/${cls.id}/transcripts/approve`)).status).toBe(200);
    for (const [pupil, title] of [
      [an, 'Học sinh Xuất sắc'],
      [binh, 'Học sinh Tiêu biểu hoàn thành tốt trong học tập và rèn luyện'],
    ] as const) {
      const pdf = await principal.get(`/api/v1/classes/${cls.id}/transcripts/${pupil.id}/pdf`);
      expect(pdf.status).toBe(200);
      const pages = await extractPdfPages(pdf.raw);
      const all = pages.join('\n');
      expect(all).toContain(title);
      expect(all).toContain('Đọc diễn cảm, viết đúng chính tả.');
      expect(all.replace(/\s+/g, ' ')).toContain('Trách nhiệm T Giữ gìn lớp học sạch đẹp.');
      expect(all).toContain('6. Hoàn thành chương trình tiểu học');
      expect(all).not.toContain('Kiểm tra lại');
      // The signature block shares its page with the qualities table and the outcome it signs.
      const last = pages[pages.length - 1] as string;
      expect(last).toContain('HIỆU TRƯỞNG');
      expect(last).toContain('2. Những phẩm chất chủ yếu');
      expect(last).toContain('3. Những năng lực cốt lõi');
      expect(last).toContain('4. Đánh giá kết quả giáo dục');
    }
    const binhPdf = await principal.get(`/api/v1/classes/${cls.id}/transcripts/${binh.id}/pdf`);
    expect((await extractPdfPages(binhPdf.raw)).join('\n')).toContain(
      'Giải Nhì Trạng nguyên Tiếng Việt cấp trường',
    );
  });

  it('chuyển năm học: lớp 5 hoàn thành chương trình tốt nghiệp, chưa hoàn thành chờ quyết định; năm 2025-2026 đọc y như trước', async () => {
    const read = async () => ({
      ...(await readFinishedYear(principal, {
        unitId: school.id,
        schoolYear: '2025-2026',
        classes: { cls },
      })),
      evaluations: (await principal.get(`${gridUrl()}?checkpoint=end2`)).body,
      comments: (await principal.get(`${gridUrl()}?checkpoint=end1`)).body,
    });
    const before = await read();
    const stored = await storedYear(t.db, '2025-2026');
    expect(before.cls.students).toHaveLength(5);
    expect(stored.primaryEvaluations.length).toBeGreaterThan(0);
    expect(stored.transcripts.map((v) => v.status)).toEqual(Array(5).fill('approved'));
    const outcome = await runJob(t, principal, '/api/v1/results/rollover', {
      unitId: school.id,
      fromYear: '2025-2026',
      toYear: '2026-2027',
    });
    const names = (list: { fullName: string }[]) => list.map((s) => s.fullName).sort();
    expect(names(outcome.graduated)).toEqual(['Lê Bảo Chi', 'Nguyễn Minh An', 'Trần Thanh Bình']);
    // Not completed (Dũng) and not evaluated (Em): no decision yet, nobody moved (TT27 Điều 11 path).
    expect(names(outcome.pending)).toEqual(['Phạm Quốc Dũng', 'Võ Thị Em']);
    expect(await read()).toEqual(before);
    expect(await storedYear(t.db, '2025-2026')).toEqual(stored);
  });
});
