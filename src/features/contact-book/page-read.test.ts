import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildClass, buildEnrolment, buildSchoolAccounts } from '../../../test/factories.ts';
import { buildConduct } from '../../../test/factories-results.ts';
import {
  buildAbsence,
  buildClassWithStudents,
  buildGuardianAccount,
  buildSubjectScores,
  buildTeacherAccount,
} from '../../../test/factories-transcripts.ts';
import { loadAssignments } from '../../platform/auth/sessions.ts';
import type { Row } from '../../platform/db/schema.ts';
import { absencesOfStudents, scoresOfStudents } from '../gradebook/reads.ts';
import { readContactBookPage } from './page-read.ts';

// The page is read in one statement (page-read.ts); these check it against the shared reads it replaced, the
// choice of the school year, and that the personal-data log gets exactly one row per read that was allowed.

describe.each(STORAGES)('sổ liên lạc đọc trong một câu lệnh (%s)', (storage) => {
  let t: TestApp;
  let an: Row<'students'>;
  let cls: Row<'classes'>;
  let guardian: TestClient;
  let guardianUserId: string;

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    const teacher = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gvcn.8a',
      fullName: 'Hà Thu',
    });
    await buildTeacherAccount(t.db, { unit: u.schoolA, username: 'gv.khac', fullName: 'Tạ Văn Khác' });
    const built = await buildClassWithStudents(t.db, {
      unit: u.schoolA,
      name: '8A',
      grade: 8,
      homeroomTeacher: teacher.staff,
      students: ['Vũ Hải An'],
    });
    cls = built.cls;
    an = built.students[0] as Row<'students'>;
    // Last year's class: the page opens on this year's, and on last year's when asked.
    const old = await buildClass(t.db, { unit: u.schoolA, name: '7A', grade: 7, schoolYear: '2024-2025' });
    await buildEnrolment(t.db, { student: an, cls: old, enrolledOn: '2024-09-05', leftOn: '2025-05-31' });
    await buildSubjectScores(t.db, { cls, student: an, subjectCode: 'math', term: 1, regular: [8, 9] });
    await buildSubjectScores(t.db, { cls, student: an, subjectCode: 'math', term: 2, regular: [7.25] });
    await buildSubjectScores(t.db, { cls: old, student: an, subjectCode: 'math', term: 1, regular: [5] });
    await buildAbsence(t.db, { cls, student: an, date: '2025-10-14', excused: true });
    await buildAbsence(t.db, { cls, student: an, date: '2025-11-02', excused: false });
    await buildConduct(t.db, { cls, student: an, term: 1, level: 'good' });
    guardianUserId = (
      await buildGuardianAccount(t.db, { students: [an], username: 'me.hai', fullName: 'Lê Thị Hải' })
    ).id;
    guardian = await t.as('me.hai');
  });
  afterAll(() => t.close());

  const book = (client: TestClient, query = '') =>
    client.get(`/api/v1/contact-book/students/${an.id}${query}`);
  const logRows = async () =>
    t.db.selectFrom('data_access_log').select(['detail']).where('subject_id', '=', an.id).execute();

  it('trả đúng dữ liệu như các hàm đọc dùng chung: điểm, buổi nghỉ (mới nhất trước), hạnh kiểm, các năm học', async () => {
    const res = await book(guardian);
    expect(res.status).toBe(200);
    expect(res.body.student).toMatchObject({ className: '8A', grade: 8, schoolYear: '2025-2026' });
    expect(res.body.schoolYears).toEqual(['2025-2026', '2024-2025']);
    const absences = await absencesOfStudents(t.db, an.unit_id, '2025-2026', [an.id]);
    expect(res.body.absences).toEqual(
      absences.map((a) => ({ date: a.date, session: a.session, excused: a.excused, note: a.note })),
    );
    expect(res.body.absences.map((a: { date: string }) => a.date)).toEqual(['2025-11-02', '2025-10-14']);
    const scores = await scoresOfStudents(t.db, an.unit_id, '2025-2026', [an.id]);
    const math = res.body.subjects.find((s: { code: string }) => s.code === 'math');
    expect(math.terms).toEqual(
      scores
        .sort((a, b) => a.term - b.term)
        .map((s) =>
          expect.objectContaining({
            term: s.term,
            regular: s.regular,
            midterm: s.midterm,
            final: s.final,
            regularResults: s.regularResults,
            termAverage: s.termAverage,
            comment: s.teacherComment,
            updatedAt: s.updatedAt.toISOString(),
          }),
        ),
    );
    expect(res.body.results[0]).toMatchObject({ term: 1, conduct: 'good' });
  });

  it('chọn năm học cũ theo tham số; năm không có lớp thì mở lớp hiện tại', async () => {
    const old = await book(guardian, '?schoolYear=2024-2025');
    expect(old.status).toBe(200);
    expect(old.body.student).toMatchObject({ className: '7A', schoolYear: '2024-2025' });
    expect(old.body.subjects[0].terms.map((s: { regular: number[] }) => s.regular)).toEqual([[5]]);
    expect(old.body.absences).toEqual([]);
    const none = await book(guardian, '?schoolYear=2019-2020');
    expect(none.body.student.schoolYear).toBe('2025-2026');
  });

  it('nhật ký truy cập: một dòng cho mỗi lần xem được phép, không dòng nào khi bị từ chối', async () => {
    const before = (await logRows()).length;
    expect((await book(guardian)).status).toBe(200);
    expect((await logRows()).slice(before).map((r) => r.detail)).toEqual(['contact_book_own']);
    expect((await book(await t.as('gv.khac'))).status).toBe(403);
    expect((await book(await t.as('ht.b'))).status).toBe(403);
    expect((await logRows()).length).toBe(before + 1);
    expect((await book(await t.as('gvcn.8a'))).status).toBe(200);
    expect((await logRows()).slice(before + 1).map((r) => r.detail)).toEqual(['contact_book']);
    const unknown = await guardian.get('/api/v1/contact-book/students/00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
    expect((await logRows()).length).toBe(before + 2);
  });

  it('dòng nhật ký của gia đình: commit của chính câu lệnh không chờ ghi WAL, các lệnh khác trên kết nối vẫn chờ', async () => {
    const showCommit = async (db: typeof t.db) =>
      (await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(db)).rows[0]
        ?.synchronous_commit;
    const actor = {
      userId: guardianUserId,
      username: 'me.hai',
      fullName: 'Lê Thị Hải',
      mustChangePassword: false,
      assignments: await loadAssignments(t.db, guardianUserId),
    };
    // One connection throughout: the first read prepares the statement on it, outside any transaction.
    await t.db.connection().execute(async (db) => {
      const ctx = { db, actor, log: pino({ level: 'silent' }) };
      const read = () => readContactBookPage(ctx, an.id, undefined, { own: 'contact_book_own' });
      expect((await read())?.view).toBe('own');
      // Local to the statement's own transaction: the connection's setting is unchanged afterwards.
      expect(await showCommit(db)).toBe('on');
      await sql`begin`.execute(db);
      try {
        expect((await read())?.view).toBe('own');
        expect(await showCommit(db)).toBe('off');
      } finally {
        await sql`commit`.execute(db);
      }
      expect(await showCommit(db)).toBe('on');
    });
  });
});
