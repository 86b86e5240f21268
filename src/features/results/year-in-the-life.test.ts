import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildGuardian, buildSchoolAccounts } from '../../../test/factories.ts';
import { buildAbsences, buildAssignments, buildYear, setTermScore } from '../../../test/factories-results.ts';
import {
  buildClassWithStudents,
  buildGuardianAccount,
  buildTeacherAccount,
} from '../../../test/factories-transcripts.ts';
import { extractPdfText } from '../../../test/pdf.ts';
import { readFinishedYear, runJob, storedYear } from '../../../test/school-year.ts';
import type { Row } from '../../platform/db/schema.ts';

// Issue 11, Tests: a school year from scores to the next year. Seed → scores → close → summer re-test →
// correction → approve → erase one student (withdrawn in the same transaction) → rollover, and the finished year
// reads exactly as before the rollover; the personal-data export holds every kind of record of a fixture student.

const FROM = '2025-2026';
const TO = '2026-2027';
type Student = Row<'students'>;
const squash = (text: string) => text.replace(/\s+/g, ' ');

describe.each(STORAGES)(
  'một năm học: từ nhập điểm đến chuyển năm, xoá dữ liệu một học sinh (%s)',
  (storage) => {
    let t: TestApp;
    let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
    let principal: TestClient;
    let homeroom: TestClient;
    let cls: Row<'classes'>;
    let an: Row<'students'>;
    let binh: Row<'students'>;
    let cuong: Row<'students'>;

    const transcriptOf = async (student: Row<'students'>) =>
      (await principal.get(`/api/v1/classes/${cls.id}/transcripts`)).body.students.find(
        (s: { studentId: string }) => s.studentId === student.id,
      );
    const signAndApprove = async () => {
      expect((await homeroom.post(`/api/v1/classes/${cls.id}/transcripts/sign`)).status).toBe(200);
      const approved = await principal.post(`/api/v1/classes/${cls.id}/transcripts/approve`);
      expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    };
    beforeAll(async () => {
      t = await startTestApp(storage);
      u = await buildSchoolAccounts(t.db);
      const teacher = await buildTeacherAccount(t.db, {
        unit: u.schoolA,
        username: 'gvcn.6a1',
        fullName: 'Phạm Văn Đức',
      });
      const built = await buildClassWithStudents(t.db, {
        unit: u.schoolA,
        name: '6A1',
        homeroomTeacher: teacher.staff,
        students: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung'],
      });
      cls = built.cls;
      const [first, second, third, dung] = built.students as [Student, Student, Student, Student];
      [an, binh, cuong] = [first, second, third];
      await buildAssignments(t.db, cls, teacher.staff);
      // An: Toán HK I 3,8, HK II 5,5 → ĐTBmcn 4,9 (corrected later to HK II 6,8). Cường: Toán 3,0 → summer re-test.
      await buildYear(t.db, {
        cls,
        student: an,
        average: 6.5,
        averages: { math: 3.8 },
        custom: { code: 'math', term: 2, regular: [5.5, 5.5, 5.5, 5.5], midterm: 5.5, final: 5.5 },
        conduct: ['good', 'good'],
      });
      await buildYear(t.db, {
        cls,
        student: binh,
        average: 7,
        conduct: ['good', 'excellent'],
      });
      await buildYear(t.db, {
        cls,
        student: cuong,
        average: 6,
        averages: { math: 3 },
        conduct: ['good', 'good'],
      });
      await buildYear(t.db, { cls, student: dung, average: 8, conduct: ['excellent', 'excellent'] });
      // ĐTBmhk as the score grid stores it (every assessment of a row is one value in these fixtures).
      await t.db
        .updateTable('subject_scores')
        .set({ term_average: sql`midterm`, term_result: sql`final_result` })
        .where('class_id', '=', cls.id)
        .execute();
      await buildAbsences(t.db, { cls, student: an, count: 3 });
      await buildGuardianAccount(t.db, {
        students: [an],
        username: 'phhs.an',
        fullName: 'Nguyễn Thị Hoa',
      });
      // Bình's record as the học bạ prints it; her father's contact is what the erasure removes.
      await t.db
        .updateTable('students')
        .set({
          birth_date: '2013-03-12',
          moet_student_code: '0112345678',
          address: '5 Trần Phú',
          national_id: '001313012345',
        })
        .where('id', '=', binh.id)
        .execute();
      await buildGuardian(t.db, {
        student: binh,
        fullName: 'Trần Văn Bố',
        phone: '0987654321',
      });
      await t.db
        .insertInto('class_notes')
        .values({
          unit_id: cls.unit_id,
          class_id: cls.id,
          author_user_id: teacher.user.id,
          title: 'Họp cha mẹ học sinh',
          body: 'Mời cha mẹ học sinh dự họp lúc 8 giờ ngày 20/9.',
        })
        .execute();
      principal = await t.as('ht.a');
      homeroom = await t.as('gvcn.6a1');
    }, 120_000);
    afterAll(() => t.close());

    it('đóng năm → kiểm tra lại trong hè → duyệt học bạ → điều chỉnh điểm → duyệt phiên bản 2', async () => {
      await runJob(t, principal, '/api/v1/results/close', {
        unitId: u.schoolA.id,
        schoolYear: FROM,
        scope: 'year',
      });
      const summer = await principal.put(`/api/v1/results/students/${cuong.id}/summer`, {
        schoolYear: FROM,
        retests: [{ subjectCode: 'math', score: 6 }],
      });
      expect(summer.status, JSON.stringify(summer.body)).toBe(200);
      expect(summer.body).toMatchObject({ finalPromotion: 'promoted' });
      await signAndApprove();
      const v1 = await transcriptOf(an);
      await setTermScore(t.db, { student: an, subjectCode: 'math', term: 2, value: 6.8 });
      const corrected = await principal.post(`/api/v1/transcripts/${v1.transcriptId}/corrections`, {
        reason: 'Nhập nhầm điểm cuối kì Toán học kì II',
      });
      expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
      await signAndApprove();
      expect(await transcriptOf(an)).toMatchObject({ version: 2, status: 'approved' });
    });

    it('bản xuất dữ liệu cá nhân chứa mọi loại hồ sơ của học sinh, khớp với dữ liệu đã lưu; PDF không in mã nội bộ', async () => {
      await principal.get(`/api/v1/students/${an.id}`);
      const res = await (await t.as('phhs.an')).get(`/api/v1/students/${an.id}/personal-data`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const data = res.body;
      const count = async (
        table:
          | 'subject_scores'
          | 'student_results'
          | 'subject_year_results'
          | 'attendance'
          | 'conduct_assessments'
          | 'transcripts',
      ) =>
        (await t.db.selectFrom(table).select('student_id').where('student_id', '=', an.id).execute()).length;
      const expected = {
        scores: await count('subject_scores'),
        results: await count('student_results'),
        subjectYearResults: await count('subject_year_results'),
        attendance: await count('attendance'),
        conduct: await count('conduct_assessments'),
        transcripts: await count('transcripts'),
      };
      for (const [section, rows] of Object.entries(expected)) {
        expect(rows, section).toBeGreaterThan(0);
        expect(data[section], section).toHaveLength(rows);
      }
      expect(
        data.transcripts.map((v: { version: number; status: string }) => `${v.version}:${v.status}`),
      ).toEqual(['1:superseded', '2:approved']);
      const math2 = data.scores.find(
        (s: { subject: string; term: number }) => s.subject === 'math' && s.term === 2,
      );
      expect(math2.termAverage).toBe(6.8);
      expect(data.subjectYearResults.find((s: { subject: string }) => s.subject === 'math').yearAverage).toBe(
        5.8,
      );
      expect(data.guardians).toMatchObject([{ fullName: 'Nguyễn Thị Hoa', hasAccount: true }]);
      expect(data.accounts).toMatchObject([{ link: 'guardian', username: 'phhs.an' }]);
      expect(data.enrolments).toMatchObject([{ schoolYear: FROM, className: '6A1' }]);
      expect(data.statusHistory.length).toBeGreaterThan(0);
      expect(data.contactBookNotes).toMatchObject([{ title: 'Họp cha mẹ học sinh', className: '6A1' }]);
      expect(data.accessLog.map((l: { action: string }) => l.action)).toEqual(
        expect.arrayContaining(['view', 'export']),
      );
      // A secondary student has no TT27 periodic evaluations: the section is there, and empty as the table is.
      expect(data.primaryEvaluations).toEqual([]);

      const pdf = await principal.get(`/api/v1/students/${an.id}/personal-data.pdf`);
      expect(pdf.status).toBe(200);
      const text = squash(await extractPdfText(pdf.raw));
      for (const heading of [
        'DỮ LIỆU CÁ NHÂN CỦA HỌC SINH',
        'Điểm các môn theo học kì',
        'Học bạ (mọi phiên bản)',
        'Nhật ký truy cập',
      ]) {
        expect(text).toContain(heading);
      }
      expect(text).toContain('Nguyễn Văn An');
      expect(text).toContain('Họp cha mẹ học sinh');
      for (const id of [an.id, cls.id, u.schoolA.id]) expect(text).not.toContain(id);
    });

    it('xoá dữ liệu của Bình (đang học): thôi học cùng giao dịch, không sửa được; học bạ đã duyệt vẫn in họ tên, ngày sinh, mã học sinh', async () => {
      const erased = await principal.post(`/api/v1/students/${binh.id}/erase`, {
        reason: 'Gia đình chuyển ra nước ngoài, yêu cầu xoá dữ liệu',
        withdrawnOn: '2026-07-20',
      });
      expect(erased.status, JSON.stringify(erased.body)).toBe(200);
      expect(erased.body).toMatchObject({ erased: true, status: 'dropped_out', statusSince: '2026-07-20' });
      expect(erased.body.guardians).toMatchObject([{ fullName: '', phone: null }]);
      const edit = await principal.patch(`/api/v1/students/${binh.id}`, { address: '1 Lê Lợi' });
      expect(edit.status).toBe(409);
      expect(edit.body.error.message).toContain('không thể sửa');
      const pdf = await principal.get(`/api/v1/classes/${cls.id}/transcripts/${binh.id}/pdf`);
      expect(pdf.status).toBe(200);
      const text = squash(await extractPdfText(pdf.raw));
      for (const kept of ['Trần Thị Bình', '12/03/2013', '0112345678']) expect(text).toContain(kept);
      expect(text).not.toContain('001313012345');
    });

    it('chuyển năm học: Bình đã thôi học được liệt kê là rời trường, không lỗi; năm 2025-2026 đọc y như trước', async () => {
      const read = () =>
        readFinishedYear(principal, { unitId: u.schoolA.id, schoolYear: FROM, classes: { cls } });
      const before = await read();
      const stored = await storedYear(t.db, FROM);
      expect(before.cls.students).toHaveLength(4);
      const outcome = await runJob(t, principal, '/api/v1/results/rollover', {
        unitId: u.schoolA.id,
        fromYear: FROM,
        toYear: TO,
      });
      const names = (list: { fullName: string }[]) => list.map((s) => s.fullName);
      expect(names(outcome.left)).toEqual(['Trần Thị Bình']);
      expect(names(outcome.promoted).sort()).toEqual(['Lê Văn Cường', 'Nguyễn Văn An', 'Phạm Thị Dung']);
      expect(outcome.pending).toEqual([]);
      expect(await read()).toEqual(before);
      expect(await storedYear(t.db, FROM)).toEqual(stored);
    });
  },
);
