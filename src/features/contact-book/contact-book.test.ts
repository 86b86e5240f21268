import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts, buildStudent, buildUser } from '../../../test/factories.ts';
import {
  buildAbsence,
  buildClassWithStudents,
  buildGuardianAccount,
  buildStudentResult,
  buildSubjectScores,
  buildSubjectYearResult,
  buildTeacherAccount,
  buildTeachingAssignment,
} from '../../../test/factories-transcripts.ts';
import type { Row } from '../../platform/db/schema.ts';

describe.each(STORAGES)('sổ liên lạc (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let cls: Row<'classes'>;
  let an: Row<'students'>;
  let binh: Row<'students'>;
  let sister: Row<'students'>;
  let mother: TestClient;
  let homeroom: TestClient;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    const teacher = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gvcn.7a',
      fullName: 'Ngô Thị Thuỷ',
    });
    const subject = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gv.van',
      fullName: 'Lý Văn Thơ',
    });
    await buildTeacherAccount(t.db, { unit: u.schoolA, username: 'gv.ngoai', fullName: 'Mai Văn Khách' });
    const built = await buildClassWithStudents(t.db, {
      unit: u.schoolA,
      name: '7A',
      grade: 7,
      homeroomTeacher: teacher.staff,
      students: ['Phan Minh An', 'Lại Thanh Bình'],
    });
    cls = built.cls;
    [an, binh] = built.students as [Row<'students'>, Row<'students'>];
    // 70 periods a year → 3 ĐĐGtx (TT22 Điều 6 khoản 2), from the assignment rather than the curriculum's 140.
    await buildTeachingAssignment(t.db, {
      cls,
      subjectCode: 'literature',
      teacher: subject.staff,
      periodsPerYear: 70,
    });
    const other = await buildClassWithStudents(t.db, {
      unit: u.schoolA,
      name: '9B',
      grade: 9,
      students: ['Phan Minh Châu'],
    });
    sister = other.students[0] as Row<'students'>;
    await buildGuardianAccount(t.db, { students: [an, sister], username: 'me.an', fullName: 'Đinh Thị Mận' });
    await buildGuardianAccount(t.db, { students: [binh], username: 'bo.binh', fullName: 'Lại Văn Cường' });
    const studentUser = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'hs.an',
      roles: [{ role: 'student' }],
    });
    await t.db.updateTable('students').set({ user_id: studentUser.id }).where('id', '=', an.id).execute();
    await buildSubjectScores(t.db, {
      cls,
      student: an,
      subjectCode: 'math',
      term: 1,
      regular: [8, 7.5, 9, 10],
      midterm: 8,
      final: 9,
      termAverage: 8.6,
      comment: 'Làm bài cẩn thận.',
    });
    await buildSubjectScores(t.db, { cls, student: an, subjectCode: 'math', term: 2, regular: [6.5] });
    // Complete but not yet stored: (6 + 6 + 6,5 + 2·6 + 3·6,5) / 8 = 50 / 8 = 6,25 → 6,3 (half up).
    await buildSubjectScores(t.db, {
      cls,
      student: an,
      subjectCode: 'literature',
      term: 2,
      regular: [6, 6, 6.5],
      midterm: 6,
      final: 6.5,
    });
    await buildSubjectYearResult(t.db, { cls, student: an, subjectCode: 'math', yearAverage: null });
    await buildStudentResult(t.db, { cls, student: an, term: 1, learning: 'good', conduct: 'excellent' });
    await buildAbsence(t.db, { cls, student: an, date: '2025-10-14', excused: true });
    mother = await t.as('me.an');
    homeroom = await t.as('gvcn.7a');
  });
  afterAll(() => t.close());

  const book = (client: TestClient, id: string) => client.get(`/api/v1/contact-book/students/${id}`);

  it('phụ huynh có hai con chọn được từng con; thấy điểm từng môn, điểm trung bình, buổi nghỉ, kết quả học kì', async () => {
    const children = await mother.get('/api/v1/contact-book/children');
    expect(children.status).toBe(200);
    expect(
      children.body.map((c: { fullName: string; className: string }) => [c.fullName, c.className]),
    ).toEqual([
      ['Phan Minh An', '7A'],
      ['Phan Minh Châu', '9B'],
    ]);
    const res = await book(mother, an.id);
    expect(res.status).toBe(200);
    expect(res.body.student).toMatchObject({
      fullName: 'Phan Minh An',
      className: '7A',
      schoolYear: '2025-2026',
    });
    const math = res.body.subjects.find((s: { code: string }) => s.code === 'math');
    expect(math.name).toBe('Toán');
    expect(math.terms[0]).toMatchObject({
      term: 1,
      regular: [8, 7.5, 9, 10],
      midterm: 8,
      final: 9,
      termAverage: 8.6,
      comment: 'Làm bài cẩn thận.',
    });
    expect(math.terms[1]).toMatchObject({ term: 2, regular: [6.5], termAverage: null });
    expect(res.body.results[0]).toMatchObject({ term: 1, learning: 'good', conduct: 'excellent' });
    expect(res.body.absences).toEqual([
      { date: '2025-10-14', session: 'morning', excused: true, note: null },
    ]);
    expect(res.body.canAcknowledge).toBe(true);
    const logged = await t.db
      .selectFrom('data_access_log')
      .select(['action', 'detail'])
      .where('subject_id', '=', an.id)
      .execute();
    expect(logged).toContainEqual({ action: 'view', detail: 'contact_book_own' });
  });

  it('ĐTBmhk tạm tính khi đủ điểm (6,25 → 6,3), "chưa đủ điểm" kèm điểm còn thiếu; điểm đã lưu được ưu tiên', async () => {
    const res = await book(mother, an.id);
    expect(res.status).toBe(200);
    const subject = (code: string) => res.body.subjects.find((s: { code: string }) => s.code === code);
    expect(subject('literature').terms[0]).toMatchObject({
      term: 2,
      termAverage: null,
      provisionalAverage: 6.3,
      missing: null,
      closed: false,
    });
    const [math1, math2] = subject('math').terms;
    // Stored 8,6 wins; term I was closed (its result is stored), so it is no longer provisional.
    expect(math1).toMatchObject({ termAverage: 8.6, provisionalAverage: null, closed: true });
    expect(math2).toMatchObject({
      termAverage: null,
      provisionalAverage: null,
      missing: 'Toán HK II: thiếu ĐĐGtx 1/4, ĐĐGgk, ĐĐGck',
      closed: false,
    });
    // The guardian of another child does not see it.
    expect((await book(await t.as('bo.binh'), an.id)).status).toBe(403);
  });

  it('phụ huynh chỉ xem con mình (con người khác → 403); học sinh chỉ xem chính mình; trường khác bị từ chối', async () => {
    expect((await book(mother, binh.id)).status).toBe(403);
    expect((await book(await t.as('bo.binh'), an.id)).status).toBe(403);
    const student = await t.as('hs.an');
    expect((await book(student, an.id)).status).toBe(200);
    expect((await book(student, binh.id)).status).toBe(403);
    expect((await book(await t.as('ht.b'), an.id)).status).toBe(403);
    // Staff: the homeroom teacher yes, a teacher of another class no.
    expect((await book(homeroom, an.id)).status).toBe(200);
    expect((await book(await t.as('gv.ngoai'), an.id)).status).toBe(403);
    const stranger = await buildStudent(t.db, { unit: u.schoolB, fullName: 'Người Lạ' });
    expect((await book(mother, stranger.id)).status).toBe(403);
  });

  it('giáo viên gửi lời nhắn cho phụ huynh lớp; phụ huynh nhận thông báo, xác nhận đã đọc; giáo viên thấy ai đã xác nhận', async () => {
    const posted = await homeroom.post(`/api/v1/classes/${cls.id}/notes`, {
      title: 'Họp phụ huynh cuối học kì I',
      body: 'Kính mời quý phụ huynh dự họp lúc 8 giờ sáng Chủ nhật, 11/01/2026 tại phòng 203.',
    });
    expect(posted.status).toBe(201);
    expect(posted.body.recipients).toBe(2);
    const bell = await mother.get('/api/v1/notifications');
    expect(bell.body.items[0]).toMatchObject({
      kind: 'class_note',
      title: 'Lớp 7A: Họp phụ huynh cuối học kì I',
    });
    const seen = await book(mother, an.id);
    expect(seen.body.notes).toEqual([
      expect.objectContaining({ id: posted.body.id, authorName: 'Ngô Thị Thuỷ', acknowledgedAt: null }),
    ]);
    const ack = await mother.post(`/api/v1/class-notes/${posted.body.id}/ack`);
    expect(ack.status).toBe(200);
    const again = await mother.post(`/api/v1/class-notes/${posted.body.id}/ack`);
    expect(again.body.acknowledgedAt).toBe(ack.body.acknowledgedAt);
    // The parent of a child in another class cannot acknowledge it.
    const outsider = await buildGuardianAccount(t.db, {
      students: [sister],
      username: 'ba.chau',
      fullName: 'Phan Văn Lộc',
    });
    expect(outsider.id).toBeDefined();
    expect((await (await t.as('ba.chau')).post(`/api/v1/class-notes/${posted.body.id}/ack`)).status).toBe(
      403,
    );
    const list = await homeroom.get(`/api/v1/classes/${cls.id}/notes`);
    expect(list.status).toBe(200);
    expect(list.body[0].acknowledged).toBe(1);
    expect(list.body[0].recipients).toEqual([
      { guardianName: 'Đinh Thị Mận', studentName: 'Phan Minh An', acknowledgedAt: ack.body.acknowledgedAt },
      { guardianName: 'Lại Văn Cường', studentName: 'Lại Thanh Bình', acknowledgedAt: null },
    ]);
  });

  it('giáo viên bộ môn của lớp gửi được; giáo viên khác, phụ huynh, trường khác thì không', async () => {
    const note = { title: 'Ôn tập', body: 'Các em ôn bài 1–5.' };
    expect((await (await t.as('gv.van')).post(`/api/v1/classes/${cls.id}/notes`, note)).status).toBe(201);
    expect((await (await t.as('gv.ngoai')).post(`/api/v1/classes/${cls.id}/notes`, note)).status).toBe(403);
    expect((await mother.post(`/api/v1/classes/${cls.id}/notes`, note)).status).toBe(403);
    expect((await (await t.as('ht.b')).post(`/api/v1/classes/${cls.id}/notes`, note)).status).toBe(403);
    expect((await (await t.as('ht.b')).get(`/api/v1/classes/${cls.id}/notes`)).status).toBe(403);
    expect((await homeroom.post(`/api/v1/classes/${cls.id}/notes`, { title: '', body: 'x' })).status).toBe(
      400,
    );
  });
});
