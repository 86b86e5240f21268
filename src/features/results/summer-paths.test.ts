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
import { extractPdfText } from '../../../test/pdf.ts';
import type { Row } from '../../platform/db/schema.ts';

// The summer paths of TT22 Điều 13–14 through the API: the year close, the summer entries, the stored re-assessed
// results (learning after the re-test, conduct after training — each a result of its own), the class results page
// and the printed học bạ.

describe.each(STORAGES)(
  'rèn luyện hè và kiểm tra lại: kết quả đánh giá lại được lưu và in (%s)',
  (storage) => {
    let t: TestApp;
    let principal: TestClient;
    let cls: Row<'classes'>;
    const s: Record<'both' | 'bothStill' | 'retest', Row<'students'>> = {} as never;
    const url = (st: Row<'students'>) => `/api/v1/results/students/${st.id}/summer`;
    const year = '2025-2026';

    beforeAll(async () => {
      t = await startTestApp(storage);
      const u = await buildSchoolAccounts(t.db);
      principal = await t.as('ht.a');
      const teacher = await buildHomeroomTeacher(t.db, { unit: u.schoolA, fullName: 'Lê Thị Hoa' });
      cls = await buildClass(t.db, { unit: u.schoolA, name: '6A', grade: 6, homeroomTeacher: teacher });
      await buildAssignments(t.db, cls, teacher);
      const names = { both: 'Nguyễn Văn An', bothStill: 'Trần Thị Bình', retest: 'Lê Văn Cường' } as const;
      for (const [key, fullName] of Object.entries(names) as [keyof typeof names, string][]) {
        s[key] = await buildStudent(t.db, { unit: u.schoolA, fullName });
        await buildEnrolment(t.db, { student: s[key], cls });
      }
      // Ngữ văn 3,0 and Toán 3,0, the rest 6,0 → learning Chưa đạt; conduct Chưa đạt both terms.
      for (const key of ['both', 'bothStill'] as const) {
        await buildYear(t.db, {
          cls,
          student: s[key],
          average: 6,
          averages: { literature: 3, math: 3 },
          conduct: ['fail', 'fail'],
        });
      }
      // Toán 3,0 → learning Chưa đạt; conduct Khá → re-test only.
      await buildYear(t.db, {
        cls,
        student: s.retest,
        average: 6,
        averages: { math: 3 },
        conduct: ['good', 'good'],
      });
      const close = await principal.post('/api/v1/results/close', {
        unitId: u.schoolA.id,
        schoolYear: year,
        scope: 'year',
      });
      expect(close.status, JSON.stringify(close.body)).toBe(202);
      await t.jobs.idle();
    });
    afterAll(() => t.close());

    const studentRow = async (st: Row<'students'>) => {
      const res = await principal.get(`/api/v1/results/classes/${cls.id}?term=0`);
      expect(res.status).toBe(200);
      return res.body.students.find((x: { studentId: string }) => x.studentId === st.id);
    };

    it('rèn luyện và học tập cùng Chưa đạt → rèn luyện hè trước, không ở lại lớp ngay (Điều 13 khoản 1)', async () => {
      expect(await studentRow(s.both)).toMatchObject({
        learningResult: 'fail',
        conductResult: 'fail',
        promotion: 'summer_conduct',
        finalPromotion: null,
      });
    });

    it('danh sách lên lớp: học sinh rèn luyện hè có học tập Chưa đạt được liệt kê kèm các môn sẽ kiểm tra lại', async () => {
      const res = await principal.get(
        `/api/v1/results/promotion-list?unitId=${cls.unit_id}&schoolYear=${year}`,
      );
      expect(res.status).toBe(200);
      const both = res.body.students.find((x: { studentId: string }) => x.studentId === s.both.id);
      expect(both.promotion).toBe('summer_conduct');
      expect(both.retestSubjects.map((r: { code: string }) => r.code).sort()).toEqual(['literature', 'math']);
    });

    it('chưa đánh giá lại rèn luyện thì chưa được kiểm tra lại (Điều 14: rèn luyện cả năm từ Đạt)', async () => {
      const early = await principal.put(url(s.both), {
        schoolYear: year,
        retests: [{ subjectCode: 'math', score: 6 }],
      });
      expect(early.status).toBe(400);
      expect(early.body.error.message).toContain('sau khi rèn luyện được đánh giá lại');
    });

    it('rèn luyện hè Đạt → kiểm tra lại; học tập sau kiểm tra lại Đạt → lên lớp, cả hai kết quả được lưu riêng', async () => {
      const trained = await principal.put(url(s.both), { schoolYear: year, summerConduct: 'pass' });
      expect(trained.status, JSON.stringify(trained.body)).toBe(200);
      expect(trained.body).toMatchObject({ finalPromotion: null, summerConductResult: 'pass' });
      const retested = await principal.put(url(s.both), {
        schoolYear: year,
        retests: [
          { subjectCode: 'literature', score: 5 },
          { subjectCode: 'math', score: 5.5 },
        ],
      });
      expect(retested.status, JSON.stringify(retested.body)).toBe(200);
      expect(retested.body).toMatchObject({ finalPromotion: 'promoted', learningAfterRetest: 'pass' });
      expect(await studentRow(s.both)).toMatchObject({
        learningResult: 'fail',
        conductResult: 'fail',
        summerConductResult: 'pass',
        learningAfterRetest: 'pass',
        finalPromotion: 'promoted',
      });
    });

    it('rèn luyện hè vẫn Chưa đạt → ở lại lớp, không kiểm tra lại (Điều 12 khoản 3)', async () => {
      const res = await principal.put(url(s.bothStill), { schoolYear: year, summerConduct: 'fail' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ finalPromotion: 'retained', learningAfterRetest: null });
      const retest = await principal.put(url(s.bothStill), {
        schoolYear: year,
        retests: [{ subjectCode: 'math', score: 9 }],
      });
      expect(retest.status).toBe(400);
    });

    it('kiểm tra lại rồi khoá sổ lại: kết quả học tập sau kiểm tra lại vẫn được lưu (Điều 14)', async () => {
      const res = await principal.put(url(s.retest), {
        schoolYear: year,
        retests: [{ subjectCode: 'math', score: 5 }],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ finalPromotion: 'promoted', learningAfterRetest: 'pass' });
      const unitId = cls.unit_id;
      const close = await principal.post('/api/v1/results/close', {
        unitId,
        schoolYear: year,
        scope: 'year',
      });
      expect(close.status).toBe(202);
      await t.jobs.idle();
      for (const st of [s.retest, s.both]) {
        expect(await studentRow(st)).toMatchObject({
          learningAfterRetest: 'pass',
          finalPromotion: 'promoted',
        });
      }
    });

    it('học bạ in kết quả sau kiểm tra lại/rèn luyện hè, điểm kiểm tra lại "5,0" và dòng "sau kiểm tra, đánh giá lại"', async () => {
      const pdf = await principal.get(`/api/v1/classes/${cls.id}/transcripts/${s.both.id}/pdf`);
      expect(pdf.status).toBe(200);
      const text = (await extractPdfText(pdf.raw)).replace(/\s+/g, ' ');
      expect(text).toContain('Ngữ văn 3,0 5,0');
      // The form's results table: one row per term (conduct, then learning), then the row after the summer.
      expect(text).toContain('Cả năm Chưa đạt Chưa đạt');
      expect(text).toContain('Sau rèn luyện, kiểm tra, đánh giá lại trong kì nghỉ hè Đạt Đạt');
      expect(text).toContain('[X] Được lên lớp sau kiểm tra, đánh giá lại hoặc rèn luyện hè');
    });
  },
);
