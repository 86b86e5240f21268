import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildAssessmentCampaign,
  buildClass,
  buildEnrolment,
  buildGuardian,
  buildStudent,
  buildUser,
} from '../../../test/factories.ts';
import { buildGradebookSchool } from '../../../test/factories-grades.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import { NATIONAL_SCHOOL_CATALOGUE_4725 } from '../../domain/dx-index/index.ts';

// Fixture: school A of the gradebook school (6A1, three students; math and PE taught by gv.toan, literature by
// gv.van, gv.cn leads 6A1) plus 6A2 with one student and no register today. The fixture year 2025-2026 has ended
// by the test's clock, so the pages show term II.

const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.each(STORAGES)('trang chủ theo vai trò (%s)', (storage) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof buildGradebookSchool>>;
  let peRegular: number;
  const today = todayInVietnam();
  const grid = (subject: string) => `/api/v1/gradebook/classes/${s.cls.id}/subjects/${subject}/terms/2`;

  beforeAll(async () => {
    t = await startTestApp(storage);
    s = await buildGradebookSchool(t.db, { students: 3 });
    const other = await buildClass(t.db, { unit: s.schoolA, name: '6A2', grade: 6 });
    await buildEnrolment(t.db, {
      student: await buildStudent(t.db, { unit: s.schoolA, fullName: 'Lê Thị Lớp Hai' }),
      cls: other,
    });
    const parent = await buildUser(t.db, {
      unit: s.schoolA,
      username: 'ph.a',
      roles: [{ role: 'guardian' }],
    });
    await buildGuardian(t.db, { student: s.students[0] as { id: string; unit_id: string }, user: parent });
    await buildUser(t.db, { unit: s.officeB, username: 'qt.b', roles: [{ role: 'office_admin' }] });

    // Math: first student complete, second with 2 ĐĐGtx and the ĐĐGgk, third empty.
    const teacher = await t.as('gv.toan');
    const ids = s.students.map((x) => x.id);
    const row = (
      studentId: string,
      regular: (string | null)[],
      midterm: string | null,
      final: string | null,
    ) => ({
      studentId,
      regular,
      midterm,
      final,
      base: null,
    });
    const math = await teacher.put(grid('math'), {
      rows: [
        row(ids[0] as string, ['8', '7', '9', '6'], '7', '8'),
        row(ids[1] as string, ['6', '7'], '5', null),
      ],
    });
    expect(math.status, JSON.stringify(math.body)).toBe(200);
    peRegular = (await teacher.get(grid('physical-education'))).body.regularCount;

    // The homeroom teacher takes today's morning register: the first student absent without leave.
    const homeroom = await t.as('gv.cn');
    const register = await homeroom.put(`/api/v1/gradebook/classes/${s.cls.id}/attendance`, {
      date: today,
      session: 'morning',
      absences: [{ studentId: ids[0], excused: false }],
      base: [],
    });
    expect(register.status, JSON.stringify(register.body)).toBe(200);
    const note = await homeroom.post(`/api/v1/classes/${s.cls.id}/notes`, {
      title: 'Họp phụ huynh',
      body: 'Thứ Bảy',
    });
    expect(note.status, JSON.stringify(note.body)).toBe(201);

    // Term II's entry deadline has passed, and the DX self-assessment was due two days ago.
    await t.db
      .insertInto('gradebook_terms')
      .values({ unit_id: s.schoolA.id, school_year: '2025-2026', term: 2, entry_deadline: iso(-3) })
      .execute();
    await buildAssessmentCampaign(t.db, {
      office: s.officeA,
      units: [s.schoolA],
      catalogue: NATIONAL_SCHOOL_CATALOGUE_4725,
      deadlineInDays: -2,
    });
  });
  afterAll(() => t.close());

  it('hiệu trưởng: sĩ số, điểm danh hôm nay, tiến độ nhập điểm so với hạn, CĐS', async () => {
    const res = await (await t.as('ht.a')).get(`/api/v1/home/school?unitId=${s.schoolA.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const body = res.body;
    expect(body).toMatchObject({ schoolYear: '2025-2026', today, students: 4, classes: 2 });
    expect(body.attendance).toEqual({
      absentStudents: 1,
      classesTaken: 1,
      classesNotTaken: [{ id: expect.any(String), name: '6A2' }],
    });
    expect(body.term).toEqual({ term: 2, entryDeadline: iso(-3), pastDeadline: true, locked: false });
    const pair = (code: string) => body.entry.find((e: { subjectCode: string }) => e.subjectCode === code);
    // Math: 4 ĐĐGtx + ĐĐGgk + ĐĐGck each; the second student lacks 2 ĐĐGtx and the ĐĐGck, the third all 6.
    expect(pair('math')).toMatchObject({ className: '6A1', students: 3, complete: 1, missingCells: 9 });
    expect(pair('literature')).toMatchObject({
      students: 3,
      complete: 0,
      missingCells: 18,
      teacherName: 'Phạm Thị Văn',
    });
    expect(pair('physical-education')).toMatchObject({ complete: 0, missingCells: 3 * (peRegular + 2) });
    expect(body.entry[0].subjectCode).toBe('literature');
    expect(body.entryTotals).toEqual({ pairs: 3, completePairs: 0, missingCells: 27 + 3 * (peRegular + 2) });
    expect(body.dx).toEqual([
      expect.objectContaining({ status: 'not_started', submissionDeadline: iso(-2) }),
    ]);
    expect(body.openUnlocks).toBe(0);
  });

  it('giáo viên: lớp chủ nhiệm với điểm danh hôm nay, ô điểm còn trống của mình, lời nhắn chưa được xác nhận', async () => {
    const math = await (await t.as('gv.toan')).get(`/api/v1/home/teacher?unitId=${s.schoolA.id}`);
    expect(math.status, JSON.stringify(math.body)).toBe(200);
    expect(math.body.classes).toEqual([
      expect.objectContaining({
        className: '6A1',
        homeroom: false,
        attendanceTaken: null,
        subjects: expect.arrayContaining([
          expect.objectContaining({ subjectCode: 'math', students: 3, missingCells: 9 }),
          expect.objectContaining({ subjectCode: 'physical-education', missingCells: 3 * (peRegular + 2) }),
        ]),
      }),
    ]);
    expect(math.body.classes[0].subjects).toHaveLength(2);
    const homeroom = await (await t.as('gv.cn')).get(`/api/v1/home/teacher?unitId=${s.schoolA.id}`);
    expect(homeroom.body.classes).toEqual([
      expect.objectContaining({ className: '6A1', homeroom: true, attendanceTaken: true, subjects: [] }),
    ]);
    expect(homeroom.body.notes).toEqual([
      expect.objectContaining({ title: 'Họp phụ huynh', className: '6A1', recipients: 1, acknowledged: 0 }),
    ]);
  });

  it('phụ huynh: điểm mới nhất, số buổi vắng, lời nhắn chưa đọc; xác nhận thì hết chưa đọc', async () => {
    const parent = await t.as('ph.a');
    const res = await parent.get('/api/v1/home/family');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.children).toHaveLength(1);
    const child = res.body.children[0];
    expect(child).toMatchObject({
      studentId: s.students[0]?.id,
      className: '6A1',
      absences: { excused: 0, unexcused: 1, last: today },
      unreadNotes: 1,
    });
    expect(child.latestScores).toEqual([
      expect.objectContaining({ subjectCode: 'math', term: 2, regular: [8, 7, 9, 6], midterm: 7, final: 8 }),
    ]);
    const noteId = (await (await t.as('gv.cn')).get(`/api/v1/home/teacher?unitId=${s.schoolA.id}`)).body
      .notes[0].id;
    expect((await parent.post(`/api/v1/class-notes/${noteId}/ack`, {})).status).toBe(200);
    expect((await parent.get('/api/v1/home/family')).body.children[0].unreadNotes).toBe(0);
    const teacher = await (await t.as('gv.cn')).get(`/api/v1/home/teacher?unitId=${s.schoolA.id}`);
    expect(teacher.body.notes[0]).toMatchObject({ recipients: 1, acknowledged: 1 });
  });

  it('phòng GD&ĐT: tiến độ từng trường, trường trễ hạn lên đầu với lí do', async () => {
    const res = await (await t.as('phong.a')).get(`/api/v1/home/office?unitId=${s.officeA.id}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.schools).toEqual([
      expect.objectContaining({
        name: s.schoolA.name,
        students: 4,
        entryComplete: 1,
        entryExpected: 9,
        entryDeadline: iso(-3),
        yearClosed: 0,
        dxStatus: 'not_started',
        late: [
          'Quá hạn nhập điểm học kì II',
          'Quá hạn nộp tự đánh giá chuyển đổi số',
          'Chưa xét kết quả cả năm',
        ],
      }),
    ]);
  });

  it('lời nhắn cho học sinh được chọn chỉ đến phụ huynh của các em đó', async () => {
    const [first, second] = s.students.map((x) => x.id);
    const teacher = await t.as('gv.cn');
    const parent = await t.as('ph.a');
    const unread = async () => (await parent.get('/api/v1/home/family')).body.children[0].unreadNotes;
    const before = await unread();
    const notes = `/api/v1/classes/${s.cls.id}/notes`;
    const toSecond = await teacher.post(notes, {
      title: 'Riêng em thứ hai',
      body: 'Nội dung',
      studentIds: [second],
    });
    expect(toSecond.body).toMatchObject({ recipients: 0 });
    expect(await unread()).toBe(before);
    const book = await parent.get(`/api/v1/contact-book/students/${first}`);
    expect(book.body.notes.map((n: { title: string }) => n.title)).not.toContain('Riêng em thứ hai');
    expect((await parent.post(`/api/v1/class-notes/${toSecond.body.id}/ack`, {})).status).toBe(403);
    const toFirst = await teacher.post(notes, {
      title: 'Riêng em thứ nhất',
      body: 'Nội dung',
      studentIds: [first],
    });
    expect(toFirst.body).toMatchObject({ recipients: 1 });
    expect(await unread()).toBe(before + 1);
    const list = (await teacher.get(notes)).body as {
      title: string;
      wholeClass: boolean;
      recipients: unknown[];
    }[];
    expect(list.find((n) => n.title === 'Riêng em thứ hai')).toMatchObject({
      wholeClass: false,
      recipients: [],
    });
    expect(list.find((n) => n.title === 'Họp phụ huynh')).toMatchObject({ wholeClass: true });
    const sent = (await teacher.get(`/api/v1/home/teacher?unitId=${s.schoolA.id}`)).body.notes;
    expect(sent.find((n: { title: string }) => n.title === 'Riêng em thứ nhất')).toMatchObject({
      recipients: 1,
    });
    // A student of another class is refused, naming the field; nothing is written.
    const wrong = await teacher.post(notes, {
      title: 'Sai lớp',
      body: 'Nội dung',
      studentIds: [s.studentB.id],
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toHaveProperty(['studentIds.0']);
    expect((await teacher.get(notes)).body).toHaveLength(list.length);
  });

  it.skipIf(storage !== 'pglite')(
    'mỗi trang chủ đọc trong ít lượt cơ sở dữ liệu, không theo số lớp hay số học sinh',
    async () => {
      const turns = t.connectionTurns as () => number;
      const count = async (username: string, url: string) => {
        const client = await t.as(username);
        const before = turns();
        expect((await client.get(url)).status).toBe(200);
        return turns() - before;
      };
      const used = {
        school: await count('ht.a', `/api/v1/home/school?unitId=${s.schoolA.id}`),
        teacher: await count('gv.toan', `/api/v1/home/teacher?unitId=${s.schoolA.id}`),
        family: await count('ph.a', '/api/v1/home/family'),
        office: await count('phong.a', `/api/v1/home/office?unitId=${s.officeA.id}`),
      };
      console.log('home page database turns', used);
      expect(used.school).toBeLessThanOrEqual(13);
      expect(used.teacher).toBeLessThanOrEqual(11);
      expect(used.family).toBeLessThanOrEqual(7);
      expect(used.office).toBeLessThanOrEqual(6);
    },
  );

  it('không xem được trang chủ của trường khác hay vai trò khác', async () => {
    const a = s.schoolA.id;
    expect((await (await t.as('gv.b')).get(`/api/v1/home/teacher?unitId=${a}`)).status).toBe(403);
    expect((await (await t.as('ht.b')).get(`/api/v1/home/school?unitId=${a}`)).status).toBe(403);
    expect((await (await t.as('gv.toan')).get(`/api/v1/home/school?unitId=${a}`)).status).toBe(403);
    expect((await (await t.as('ph.a')).get(`/api/v1/home/school?unitId=${a}`)).status).toBe(403);
    expect((await (await t.as('phong.b')).get(`/api/v1/home/office?unitId=${s.officeA.id}`)).status).toBe(
      403,
    );
    expect((await (await t.as('qt.b')).get(`/api/v1/home/office?unitId=${s.officeA.id}`)).status).toBe(403);
    // A guardian's page lists only their own children: another school's teacher has none.
    expect((await (await t.as('gv.b')).get('/api/v1/home/family')).body).toEqual({ children: [] });
  });
});
