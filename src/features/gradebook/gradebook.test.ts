import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildClass, buildUser } from '../../../test/factories.ts';
import { buildGradebookSchool } from '../../../test/factories-grades.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';

const YEAR = '2025-2026';

describe.each(STORAGES)('sổ điểm điện tử (%s)', (storage) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof buildGradebookSchool>>;
  let principal: TestClient;
  let mathTeacher: TestClient;
  let homeroom: TestClient;
  const grid = (subject = 'math', term = 1, classId = s.cls.id) =>
    `/api/v1/gradebook/classes/${classId}/subjects/${subject}/terms/${term}`;
  const clients = new Map<string, Promise<TestClient>>();
  const as = (username: string) => {
    if (!clients.has(username)) clients.set(username, t.as(username));
    return clients.get(username) as Promise<TestClient>;
  };

  /** The principal sets a term's lock (no entry deadline) for school A. */
  const setTermLock = (term: 1 | 2, locked: boolean, schoolYear = YEAR) =>
    principal.put(`/api/v1/gradebook/terms/${term}`, {
      unitId: s.schoolA.id,
      schoolYear,
      entryDeadline: null,
      locked,
    });
  type Session = 'morning' | 'afternoon';
  /** The absences of a session as the homeroom teacher loaded them: the base a save sends. */
  const loadedAbsences = async (url: string, date: string, session: Session) => {
    const loaded = await homeroom.get(`${url}?date=${date}`);
    return ((loaded.body.students ?? []) as Record<string, string | null>[])
      .filter((x) => x[session])
      .map((x) => ({ studentId: x.studentId, excused: x[session] === 'excused' }));
  };
  const classUrl = (path: 'attendance' | 'conduct', classId = s.cls.id) =>
    `/api/v1/gradebook/classes/${classId}/${path}`;
  const auditCount = async () =>
    Number(
      (
        await t.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const activeHomeroomUnlocks = async () =>
    (
      await t.db
        .selectFrom('gradebook_unlocks')
        .select('id')
        .where('kind', '=', 'homeroom')
        .where('relocked_at', 'is', null)
        .execute()
    ).length;

  beforeAll(async () => {
    t = await startTestApp(storage);
    s = await buildGradebookSchool(t.db, { students: 45 });
    // School staff without any gradebook duty (nhân viên): refused everywhere.
    await buildUser(t.db, { unit: s.schoolA, username: 'nv.a', roles: [{ role: 'staff' }] });
    principal = await as('ht.a');
    mathTeacher = await as('gv.toan');
    homeroom = await as('gv.cn');
  });
  afterAll(() => t.close());

  it('phân công giảng dạy: hiệu trưởng xem bảng lớp × môn và phân công; số tiết mặc định theo chương trình', async () => {
    const board = await principal.get(`/api/v1/gradebook/assignments?unitId=${s.schoolA.id}`);
    expect(board.status).toBe(200);
    expect(board.body.schoolYear).toBe(YEAR);
    expect(board.body.canManage).toBe(true);
    expect(board.body.classes.map((c: { name: string }) => c.name)).toEqual(['6A1']);
    expect(board.body.subjects.map((x: { code: string }) => x.code)).toContain('natural-science');
    expect(board.body.teachers.map((x: { fullName: string }) => x.fullName)).toContain('Lê Văn Toán');
    const set = await principal.put('/api/v1/gradebook/assignments', {
      classId: s.cls.id,
      subjectCode: 'natural-science',
      teacherId: s.literature.staff.id,
    });
    expect(set.status).toBe(200);
    const after = await principal.get(`/api/v1/gradebook/assignments?unitId=${s.schoolA.id}`);
    const khtn = after.body.assignments.find(
      (a: { subjectCode: string }) => a.subjectCode === 'natural-science',
    );
    expect(khtn).toMatchObject({ teacherName: 'Phạm Thị Văn', periodsPerYear: 140 });
    const audit = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'teaching_assignment')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create']);
    const removed = await principal.put('/api/v1/gradebook/assignments', {
      classId: s.cls.id,
      subjectCode: 'natural-science',
      teacherId: null,
    });
    expect(removed.body).toEqual({ removed: true });
  });

  it('chuyên đề học tập chỉ ở lớp 10–12 (TT22 Điều 6 khoản 2 b): lớp 6 bị từ chối, không lưu gì', async () => {
    const refused = await principal.put('/api/v1/gradebook/assignments', {
      classId: s.cls.id,
      subjectCode: 'math',
      teacherId: s.math.staff.id,
      learningTopics: true,
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields.learningTopics).toBe(
      'Chuyên đề học tập chỉ có ở các môn đánh giá bằng điểm số của lớp 10, 11, 12.',
    );
    const board = await principal.get(`/api/v1/gradebook/assignments?unitId=${s.schoolA.id}`);
    const math = board.body.assignments.find((a: { subjectCode: string }) => a.subjectCode === 'math');
    expect(math?.learningTopics ?? false).toBe(false);
  });

  it('phân công: giáo viên và trường khác bị từ chối; giáo viên trường khác không được phân công', async () => {
    const body = { classId: s.cls.id, subjectCode: 'history-geography', teacherId: s.math.staff.id };
    expect((await mathTeacher.put('/api/v1/gradebook/assignments', body)).status).toBe(403);
    expect((await (await as('ht.b')).put('/api/v1/gradebook/assignments', body)).status).toBe(403);
    expect((await mathTeacher.get(`/api/v1/gradebook/assignments?unitId=${s.schoolA.id}`)).status).toBe(403);
    expect(
      (await (await as('ht.b')).get(`/api/v1/gradebook/assignments?unitId=${s.schoolA.id}`)).status,
    ).toBe(403);
    const foreign = await principal.put('/api/v1/gradebook/assignments', {
      ...body,
      teacherId: s.mathB.staff.id,
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields.teacherId).toBeDefined();
    const unknownSubject = await principal.put('/api/v1/gradebook/assignments', {
      ...body,
      subjectCode: 'physics',
    });
    expect(unknownSubject.status).toBe(404);
  });

  it('lớp tôi dạy: giáo viên bộ môn thấy lớp × môn được phân công, giáo viên chủ nhiệm thấy lớp chủ nhiệm', async () => {
    const mine = await mathTeacher.get(`/api/v1/gradebook/my-classes?unitId=${s.schoolA.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.teaching.map((x: { subjectCode: string }) => x.subjectCode).sort()).toEqual([
      'math',
      'physical-education',
    ]);
    expect(mine.body.homeroom).toEqual([]);
    const hr = await homeroom.get(`/api/v1/gradebook/my-classes?unitId=${s.schoolA.id}`);
    expect(hr.body.homeroom).toEqual([{ classId: s.cls.id, className: '6A1', grade: 6 }]);
    expect((await (await as('gv.b')).get(`/api/v1/gradebook/my-classes?unitId=${s.schoolA.id}`)).status).toBe(
      403,
    );
    expect((await (await as('nv.a')).get(`/api/v1/gradebook/my-classes?unitId=${s.schoolA.id}`)).status).toBe(
      403,
    );
  });

  it('bảng điểm: học sinh theo thứ tự tên tiếng Việt, 4 cột ĐĐGtx cho môn 140 tiết, giáo viên được phân công được sửa', async () => {
    const res = await mathTeacher.get(grid());
    expect(res.status).toBe(200);
    expect(res.body.regularCount).toBe(4);
    expect(res.body.canEdit).toBe(true);
    expect(res.body.rows).toHaveLength(45);
    const names = res.body.rows.map((r: { fullName: string }) => r.fullName);
    expect(names).toEqual([...names].sort(compareVietnameseNames));
    expect(res.body.rows[0].missing).toEqual([
      'regular:1',
      'regular:2',
      'regular:3',
      'regular:4',
      'midterm',
      'final',
    ]);
    const pe = await mathTeacher.get(grid('physical-education'));
    expect(pe.body.subject.kind).toBe('comment');
    expect(pe.body.regularCount).toBe(2);
  });

  it('bảng điểm: chủ nhiệm và hiệu trưởng chỉ xem; giáo viên khác, trường khác bị từ chối', async () => {
    const hr = await homeroom.get(grid());
    expect(hr.status).toBe(200);
    expect(hr.body.canEdit).toBe(false);
    expect((await principal.get(grid())).body.canEdit).toBe(false);
    expect((await (await as('gv.van')).get(grid())).status).toBe(403);
    for (const username of ['ht.b', 'gv.toan.b', 'gv.b']) {
      expect((await (await as(username)).get(grid())).status, username).toBe(403);
    }
    expect((await mathTeacher.get(grid('math', 1, s.clsB.id))).status).toBe(403);
  });

  it('lưu cả lớp 45 học sinh trong một yêu cầu: dấu phẩy hay dấu chấm, ĐTBmhk tính và lưu khi đủ điểm, mỗi ô có nhật ký', async () => {
    const before = await mathTeacher.get(grid());
    const rows = before.body.rows.map((r: { studentId: string }, i: number) => ({
      studentId: r.studentId,
      regular: ['8', '7,5', 9, i === 44 ? null : '6.5'],
      midterm: '7',
      final: i === 0 ? '8,5' : '8',
      makeup: i === 1 ? ['final'] : [],
      comment: i === 2 ? 'Tiến bộ rõ.' : null,
      base: r,
    }));
    const started = Date.now();
    const saved = await mathTeacher.put(grid(), { rows });
    const ms = Date.now() - started;
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.changedRows).toBe(45);
    console.info(
      `[gradebook] 45-student grid saved in ${ms} ms (${storage}), ${saved.body.changedCells} cells`,
    );
    const after = await mathTeacher.get(grid());
    const first = after.body.rows[0];
    // (8 + 7.5 + 9 + 6.5 + 2·7 + 3·8.5) / 9 = 70.5 / 9 = 7.83 → 7.8
    expect(first).toMatchObject({
      regular: [8, 7.5, 9, 6.5],
      midterm: 7,
      final: 8.5,
      termAverage: 7.8,
      missing: [],
    });
    expect(after.body.rows[1].makeup).toEqual(['final']);
    expect(after.body.rows[2].comment).toBe('Tiến bộ rõ.');
    expect(after.body.rows[44]).toMatchObject({ termAverage: null, missing: ['regular:4'] });
    const stored = await t.db
      .selectFrom('subject_scores')
      .select(['term_average'])
      .where('student_id', '=', first.studentId)
      .executeTakeFirstOrThrow();
    expect(stored.term_average).toBe(7.8);

    // One corrected cell: one audit row with the old and the new value.
    const correction = after.body.rows.map((r: Record<string, unknown>) => ({ ...r, base: r }));
    correction[0].midterm = '9';
    const res = await mathTeacher.put(grid(), { rows: correction });
    expect(res.body).toEqual({ changedCells: 1, changedRows: 1 });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['before', 'after', 'actor_user_id', 'occurred_at'])
      .where('entity', '=', 'subject_score')
      .where('entity_id', '=', first.studentId)
      .execute();
    type Cell = { column: string; value: unknown };
    const last = audit.find(
      (a) => (a.after as Cell).value === 9 && (a.after as Cell).column === 'midterm',
    ) as {
      before: Cell;
      after: Cell;
      actor_user_id: string;
    };
    expect(last.before).toMatchObject({ column: 'midterm', value: 7, subjectCode: 'math', term: 1 });
    expect(last.after).toMatchObject({ value: 9 });
    expect(last.actor_user_id).toBe(s.math.user.id);
    expect((await mathTeacher.get(grid())).body.rows[0].termAverage).toBe(8.3);
  });

  it('ô sai: 400 nêu dòng, học sinh và cột, không lưu ô nào', async () => {
    const current = await mathTeacher.get(grid());
    const rows = current.body.rows.map((r: Record<string, unknown>) => ({ ...r, base: r }));
    rows[0].regular = ['10', '7,55', 9, 6.5];
    rows[3].final = '11';
    rows[4].midterm = 'abc';
    rows[5].midterm = 5; // a valid change that must not be written either
    const res = await mathTeacher.put(grid(), { rows });
    expect(res.status).toBe(400);
    const fields = res.body.error.fields as Record<string, string>;
    expect(Object.keys(fields)).toHaveLength(3);
    expect(fields['rows.1.regular:2']).toContain(`Dòng 1 (${rows[0].fullName}), cột ĐĐGtx2`);
    expect(fields['rows.4.final']).toContain('cột ĐĐGck');
    expect(fields['rows.5.midterm']).toContain('cột ĐĐGgk');
    const again = await mathTeacher.get(grid());
    expect(again.body.rows[0].regular).toEqual([8, 7.5, 9, 6.5]);
    expect(again.body.rows[5].midterm).toBe(7);
  });

  it('môn đánh giá bằng nhận xét: Đ/CĐ, kết quả học kì khi đủ 4 lần', async () => {
    const current = await mathTeacher.get(grid('physical-education'));
    const rows = current.body.rows.slice(0, 2).map((r: { studentId: string }, i: number) => ({
      studentId: r.studentId,
      regular: ['Đ', 'đ'],
      midterm: 'Đạt',
      final: i === 0 ? 'Đ' : 'CĐ',
      base: r,
    }));
    expect((await mathTeacher.put(grid('physical-education'), { rows })).status).toBe(200);
    const after = await mathTeacher.get(grid('physical-education'));
    expect(after.body.rows[0]).toMatchObject({ regular: ['pass', 'pass'], termResult: 'pass' });
    expect(after.body.rows[1]).toMatchObject({ final: 'fail', termResult: 'fail' });
    const bad = await mathTeacher.put(grid('physical-education'), {
      rows: [{ ...rows[0], midterm: '8' }],
    });
    expect(bad.status).toBe(400);
    expect(Object.values(bad.body.error.fields)[0]).toContain('Đ (Đạt) hoặc CĐ');
  });

  it('chỉ giáo viên được phân công nhập điểm: chủ nhiệm, giáo viên khác, hiệu trưởng, trường khác bị từ chối', async () => {
    const body = {
      rows: [{ studentId: s.students[0]?.id, regular: ['5'], midterm: null, final: null, base: null }],
    };
    for (const username of ['gv.cn', 'gv.van', 'ht.a', 'ht.b', 'gv.toan.b']) {
      expect((await (await as(username)).put(grid(), body)).status, username).toBe(403);
    }
    const wrongClass = await mathTeacher.put(grid('math', 1, s.clsB.id), body);
    expect(wrongClass.status).toBe(403);
  });

  it('khoá sổ: học kì đã khoá từ chối sửa; mở khoá một lớp × môn cần lí do, có nhật ký; khoá lại thì lại từ chối', async () => {
    const loaded = (await mathTeacher.get(grid())).body.rows.find(
      (r: { studentId: string }) => r.studentId === s.students[0]?.id,
    );
    const body = {
      rows: [
        {
          studentId: s.students[0]?.id,
          regular: ['5', '5', '5', '5'],
          midterm: '5',
          final: '5',
          base: loaded,
        },
      ],
    };
    const lockBody = { unitId: s.schoolA.id, schoolYear: YEAR, entryDeadline: null, locked: true };
    expect((await mathTeacher.put('/api/v1/gradebook/terms/1', lockBody)).status).toBe(403);
    expect((await (await as('ht.b')).put('/api/v1/gradebook/terms/1', lockBody)).status).toBe(403);
    const lock = await principal.put('/api/v1/gradebook/terms/1', lockBody);
    expect(lock.status).toBe(200);
    expect(lock.body.terms[0]).toMatchObject({ term: 1, locked: true });
    const refused = await mathTeacher.put(grid(), body);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('đã khoá');
    const view = await mathTeacher.get(grid());
    expect(view.body).toMatchObject({ canEdit: false, lock: { locked: true, open: false } });

    const unlockBody = {
      classId: s.cls.id,
      subjectCode: 'math',
      term: 1,
      reason: 'Sửa điểm nhập nhầm của em An',
    };
    expect((await principal.post('/api/v1/gradebook/unlocks', { ...unlockBody, reason: '' })).status).toBe(
      400,
    );
    expect((await mathTeacher.post('/api/v1/gradebook/unlocks', unlockBody)).status).toBe(403);
    expect((await (await as('ht.b')).post('/api/v1/gradebook/unlocks', unlockBody)).status).toBe(403);
    const unlock = await principal.post('/api/v1/gradebook/unlocks', unlockBody);
    expect(unlock.status).toBe(201);
    expect((await mathTeacher.put(grid(), body)).status).toBe(200);
    // Only that class × subject is reopened.
    expect((await mathTeacher.put(grid('physical-education'), { rows: [] })).status).toBe(409);
    const terms = await principal.get(`/api/v1/gradebook/terms?unitId=${s.schoolA.id}`);
    expect(terms.body.unlocks).toHaveLength(1);
    expect((await (await as('ht.b')).get(`/api/v1/gradebook/terms?unitId=${s.schoolA.id}`)).status).toBe(403);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'gradebook_unlock')
      .execute();
    expect(audit[0]).toMatchObject({ action: 'unlock', after: { reason: unlockBody.reason } });

    expect((await (await as('ht.b')).post(`/api/v1/gradebook/unlocks/${unlock.body.id}/relock`)).status).toBe(
      403,
    );
    expect((await principal.post(`/api/v1/gradebook/unlocks/${unlock.body.id}/relock`)).status).toBe(204);
    expect((await mathTeacher.put(grid(), body)).status).toBe(409);
    const audit2 = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity', '=', 'gradebook_unlock')
      .execute();
    expect(audit2.map((a) => a.action).sort()).toEqual(['relock', 'unlock']);
    await principal.put('/api/v1/gradebook/terms/1', { ...lockBody, locked: false });
  });

  it('quá hạn nhập điểm: từ chối sửa với thông báo rõ', async () => {
    await principal.put('/api/v1/gradebook/terms/2', {
      unitId: s.schoolA.id,
      schoolYear: YEAR,
      entryDeadline: '2026-01-10',
      locked: false,
    });
    const res = await mathTeacher.put(grid('math', 2), {
      rows: [{ studentId: s.students[0]?.id, regular: ['5'], midterm: null, final: null, base: null }],
    });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('quá hạn nhập điểm học kì II (10/01/2026)');
    await principal.put('/api/v1/gradebook/terms/2', {
      unitId: s.schoolA.id,
      schoolYear: YEAR,
      entryDeadline: null,
      locked: false,
    });
  });

  it('điểm danh: chủ nhiệm điểm danh theo buổi, tổng số buổi nghỉ cả năm; người khác chỉ xem hoặc bị từ chối', async () => {
    const url = `/api/v1/gradebook/classes/${s.cls.id}/attendance`;
    const [a, b] = [s.students[0]?.id, s.students[1]?.id];
    /** Saves a session over the absences the homeroom teacher loaded (the client's base). */
    const put = async (client: TestClient, date: string, session: Session, absences: unknown[]) =>
      client.put(url, { date, session, absences, base: await loadedAbsences(url, date, session) });
    expect(
      (
        await put(homeroom, '2025-10-01', 'morning', [
          { studentId: a, excused: true },
          { studentId: b, excused: false },
        ])
      ).status,
    ).toBe(200);
    expect((await put(homeroom, '2025-10-01', 'afternoon', [{ studentId: a, excused: true }])).status).toBe(
      200,
    );
    const day2 = await put(homeroom, '2025-10-02', 'morning', [{ studentId: a, excused: false }]);
    expect(day2.status).toBe(200);
    const rowA = day2.body.students.find((x: { studentId: string }) => x.studentId === a);
    expect(rowA).toMatchObject({
      morning: 'unexcused',
      afternoon: null,
      totals: { excused: 2, unexcused: 1 },
    });
    // Re-marking a session replaces it: b came after all.
    const fixed = await put(homeroom, '2025-10-01', 'morning', [{ studentId: a, excused: true }]);
    expect(fixed.body.students.find((x: { studentId: string }) => x.studentId === b).totals).toEqual({
      excused: 0,
      unexcused: 0,
    });
    const day1 = await principal.get(`${url}?date=2025-10-01`);
    expect(day1.status).toBe(200);
    expect(day1.body.canEdit).toBe(false);
    for (const username of ['gv.toan', 'ht.a', 'ht.b', 'gv.toan.b']) {
      expect((await put(await as(username), '2025-10-03', 'morning', [])).status, username).toBe(403);
    }
    for (const username of ['gv.toan', 'ht.b']) {
      expect((await (await as(username)).get(`${url}?date=2025-10-01`)).status, username).toBe(403);
    }
    expect((await put(homeroom, '2099-01-01', 'morning', [])).status).toBe(400);
    const audit = await t.db
      .selectFrom('audit_log')
      .select('after')
      .where('entity', '=', 'attendance')
      .execute();
    expect(audit.length).toBe(5);
  });

  it('rèn luyện: chủ nhiệm đánh giá từng học kì có nhận xét, cả năm tính theo bảng TT22; người khác bị từ chối', async () => {
    const url = classUrl('conduct');
    const a = s.students[0]?.id;
    const t1 = await homeroom.put(url, {
      term: 1,
      rows: [{ studentId: a, level: 'good', comment: 'Ngoan', base: null }],
    });
    expect(t1.status).toBe(200);
    const t2 = await homeroom.put(url, {
      term: 2,
      rows: [{ studentId: a, level: 'excellent', comment: null, base: null }],
    });
    const row = t2.body.students.find((x: { studentId: string }) => x.studentId === a);
    expect(row).toMatchObject({
      term1: { level: 'good', comment: 'Ngoan' },
      term2: { level: 'excellent' },
      year: 'excellent',
    });
    for (const username of ['gv.toan', 'ht.a', 'ht.b']) {
      expect((await (await as(username)).put(url, { term: 1, rows: [] })).status, username).toBe(403);
    }
    expect((await principal.get(url)).status).toBe(200);
    for (const username of ['gv.toan', 'ht.b', 'gv.toan.b']) {
      expect((await (await as(username)).get(url)).status, username).toBe(403);
    }
    await setTermLock(1, true);
    expect(
      (
        await homeroom.put(url, {
          term: 1,
          rows: [{ studentId: a, level: 'pass', comment: null, base: null }],
        })
      ).status,
    ).toBe(409);
    await setTermLock(1, false);
  });

  it('khoá sổ học kì I: điểm danh ngày trong học kì và rèn luyện bị từ chối, không đổi gì; học kì II vẫn điểm danh', async () => {
    const attendance = classUrl('attendance');
    const conduct = classUrl('conduct');
    const a = s.students[0]?.id as string;
    expect(
      (
        await homeroom.put(attendance, {
          date: '2025-11-03',
          session: 'morning',
          absences: [{ studentId: a, excused: true }],
          base: [],
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await homeroom.put(conduct, {
          term: 1,
          rows: [{ studentId: a, level: 'good', comment: 'Ngoan', base: null }],
        })
      ).status,
    ).toBe(200);
    await setTermLock(1, true);
    const auditsBefore = await auditCount();

    const refused = await homeroom.put(attendance, {
      date: '2025-11-03',
      session: 'morning',
      absences: [],
      base: [],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('Ngày 03/11/2025 thuộc học kì I năm học 2025-2026');
    expect(refused.body.error.message).toContain('mở khoá rèn luyện và điểm danh');
    // The last day of term 1 (term1_ends_on, 17/01/2026) is still term 1; the first day of term 2 is open.
    const lastDay = await homeroom.put(attendance, {
      date: '2026-01-17',
      session: 'morning',
      absences: [],
      base: [],
    });
    expect(lastDay.status).toBe(409);
    const term2 = await homeroom.put(attendance, {
      date: '2026-01-19',
      session: 'morning',
      absences: [],
      base: [],
    });
    expect(term2.status).toBe(200);
    expect(term2.body).toMatchObject({ term: 2, canEdit: true, lock: { locked: false, open: true } });
    const conductRefused = await homeroom.put(conduct, {
      term: 1,
      rows: [{ studentId: a, level: 'pass', comment: null, base: null }],
    });
    expect(conductRefused.status).toBe(409);
    expect(conductRefused.body.error.message).toContain('rèn luyện và điểm danh của lớp 6A1');

    const absences = await t.db
      .selectFrom('attendance')
      .select(['student_id', 'excused'])
      .where('class_id', '=', s.cls.id)
      .where('date', '=', '2025-11-03')
      .execute();
    expect(absences).toEqual([{ student_id: a, excused: true }]);
    const stored = await t.db
      .selectFrom('conduct_assessments')
      .select(['level', 'comment'])
      .where('student_id', '=', a)
      .where('term', '=', 1)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ level: 'good', comment: 'Ngoan' });
    expect(await auditCount()).toBe(auditsBefore);

    // Read only on the pages: the homeroom teacher sees the lock, the principal may unlock.
    const view = await homeroom.get(`${attendance}?date=2025-11-03`);
    expect(view.body).toMatchObject({
      term: 1,
      canEdit: false,
      canManage: false,
      lock: { locked: true, open: false, unlock: null },
    });
    expect(view.body.lock.message).toContain('03/11/2025');
    expect((await principal.get(`${attendance}?date=2025-11-03`)).body.canManage).toBe(true);
    const conductView = await homeroom.get(conduct);
    expect(conductView.body.lock.term1).toMatchObject({ locked: true, open: false });
    expect(conductView.body.lock.term2).toMatchObject({ locked: false, open: true });
    await setTermLock(1, false);
  });

  it('mở khoá rèn luyện và điểm danh của một lớp: cần lí do, chỉ Ban giám hiệu trường đó; khoá lại thì lại từ chối; có nhật ký', async () => {
    const attendance = classUrl('attendance');
    const conduct = classUrl('conduct');
    const a = s.students[0]?.id as string;
    await setTermLock(1, true);
    const markAbsent = async () =>
      homeroom.put(attendance, {
        date: '2025-11-04',
        session: 'afternoon',
        absences: [{ studentId: a, excused: false }],
        base: await loadedAbsences(attendance, '2025-11-04', 'afternoon'),
      });
    const setConduct = async (level: string) => {
      const loaded = (await homeroom.get(conduct)).body.students.find(
        (x: { studentId: string }) => x.studentId === a,
      );
      return homeroom.put(conduct, {
        term: 1,
        rows: [{ studentId: a, level, comment: null, base: loaded.term1 }],
      });
    };
    const body = {
      classId: s.cls.id,
      kind: 'homeroom',
      term: 1,
      reason: 'Bổ sung điểm danh ngày 04/11 bị sót',
    };

    expect((await principal.post('/api/v1/gradebook/unlocks', { ...body, reason: 'x' })).status).toBe(400);
    expect((await principal.post('/api/v1/gradebook/unlocks', { ...body, subjectCode: 'math' })).status).toBe(
      400,
    );
    expect((await principal.post('/api/v1/gradebook/unlocks', { ...body, kind: 'subject' })).status).toBe(
      400,
    );
    for (const username of ['gv.cn', 'gv.toan', 'ht.b', 'gv.toan.b', 'phong.a']) {
      expect((await (await as(username)).post('/api/v1/gradebook/unlocks', body)).status, username).toBe(403);
    }
    expect(await activeHomeroomUnlocks()).toBe(0);
    const unlock = await principal.post('/api/v1/gradebook/unlocks', body);
    expect(unlock.status).toBe(201);
    expect((await (await as('pht.a')).post('/api/v1/gradebook/unlocks', body)).status).toBe(409);

    expect((await markAbsent()).status).toBe(200);
    expect((await setConduct('pass')).status).toBe(200);
    const view = await homeroom.get(`${attendance}?date=2025-11-04`);
    expect(view.body).toMatchObject({
      canEdit: true,
      lock: { locked: true, open: true, unlock: { reason: body.reason } },
    });
    expect((await homeroom.get(conduct)).body.lock.term1).toMatchObject({
      open: true,
      unlock: { id: unlock.body.id },
    });
    // Only the class's conduct and attendance reopen: its scores stay locked.
    expect((await mathTeacher.put(grid(), { rows: [] })).status).toBe(409);
    const terms = await principal.get(`/api/v1/gradebook/terms?unitId=${s.schoolA.id}`);
    expect(terms.body.unlocks).toContainEqual(
      expect.objectContaining({ id: unlock.body.id, kind: 'homeroom', subjectCode: null, className: '6A1' }),
    );

    for (const username of ['gv.cn', 'ht.b']) {
      expect(
        (await (await as(username)).post(`/api/v1/gradebook/unlocks/${unlock.body.id}/relock`)).status,
        username,
      ).toBe(403);
    }
    expect(
      (await (await as('pht.a')).post(`/api/v1/gradebook/unlocks/${unlock.body.id}/relock`)).status,
    ).toBe(204);
    expect((await markAbsent()).status).toBe(409);
    expect((await setConduct('fail')).status).toBe(409);
    const kept = await t.db
      .selectFrom('conduct_assessments')
      .select('level')
      .where('student_id', '=', a)
      .where('term', '=', 1)
      .executeTakeFirstOrThrow();
    expect(kept.level).toBe('pass');

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'occurred_at', 'before', 'after'])
      .where('entity', '=', 'gradebook_unlock')
      .where('entity_id', '=', unlock.body.id)
      .orderBy('occurred_at')
      .execute();
    expect(audit.map((x) => x.action)).toEqual(['unlock', 'relock']);
    expect(audit[0]).toMatchObject({
      before: { classId: s.cls.id, kind: 'homeroom', term: 1, open: false },
      after: { kind: 'homeroom', open: true, reason: body.reason },
    });
    expect(audit[1]).toMatchObject({ before: { open: true, reason: body.reason }, after: { open: false } });
    const [principalUser, viceUser] = await Promise.all(
      ['ht.a', 'pht.a'].map((username) =>
        t.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow(),
      ),
    );
    expect(audit.map((x) => x.actor_user_id)).toEqual([principalUser?.id, viceUser?.id]);
    // After a re-lock the class can be unlocked again (the one-active-unlock rule counts open unlocks only).
    const again = await principal.post('/api/v1/gradebook/unlocks', {
      ...body,
      reason: 'Sửa rèn luyện em An',
    });
    expect(again.status).toBe(201);
    expect((await principal.post(`/api/v1/gradebook/unlocks/${again.body.id}/relock`)).status).toBe(204);
    await setTermLock(1, false);
  });

  it('năm học chưa có lịch: không biết ngày thuộc học kì nào nên học kì nào đã khoá cũng chặn điểm danh', async () => {
    // 2024-2025 has no school_years row in the test province: no term1_ends_on to place the date.
    const old = await buildClass(t.db, {
      unit: s.schoolA,
      name: '7A9',
      schoolYear: '2024-2025',
      homeroomTeacher: s.homeroom.staff,
    });
    const url = classUrl('attendance', old.id);
    expect(
      (await homeroom.put(url, { date: '2025-03-03', session: 'morning', absences: [], base: [] })).status,
    ).toBe(200);
    await setTermLock(1, true, '2024-2025');
    const refused = await homeroom.put(url, {
      date: '2025-03-03',
      session: 'morning',
      absences: [],
      base: [],
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('Năm học 2024-2025 chưa có lịch');
    expect((await homeroom.get(`${url}?date=2025-03-03`)).body).toMatchObject({ term: null, canEdit: false });
    await setTermLock(1, false, '2024-2025');
  });

  it('nhân viên không có nhiệm vụ sổ điểm bị từ chối ở mọi đường dẫn; lớp không tồn tại là 404', async () => {
    const staff = await as('nv.a');
    const cls = `/api/v1/gradebook/classes/${s.cls.id}`;
    const calls: [string, Promise<{ status: number }>][] = [
      ['assignments', staff.get(`/api/v1/gradebook/assignments?unitId=${s.schoolA.id}`)],
      ['grid', staff.get(grid())],
      ['save grid', staff.put(grid(), { rows: [] })],
      ['terms', staff.get(`/api/v1/gradebook/terms?unitId=${s.schoolA.id}`)],
      ['attendance', staff.get(`${cls}/attendance?date=2025-10-01`)],
      ['conduct', staff.get(`${cls}/conduct`)],
      ['teacher terms', mathTeacher.get(`/api/v1/gradebook/terms?unitId=${s.schoolA.id}`)],
    ];
    for (const [name, call] of calls) expect((await call).status, name).toBe(403);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await principal.get(grid('math', 1, unknown))).status).toBe(404);
    expect((await principal.post(`/api/v1/gradebook/unlocks/${unknown}/relock`)).status).toBe(404);
  });

  it('khoá lại: giáo viên không được khoá lại lần mở khoá', async () => {
    const lockBody = { unitId: s.schoolA.id, schoolYear: YEAR, entryDeadline: null, locked: true };
    await principal.put('/api/v1/gradebook/terms/2', lockBody);
    const unlock = await principal.post('/api/v1/gradebook/unlocks', {
      classId: s.cls.id,
      subjectCode: 'math',
      term: 2,
      reason: 'Bổ sung điểm kiểm tra bù',
    });
    expect(unlock.status).toBe(201);
    expect((await mathTeacher.post(`/api/v1/gradebook/unlocks/${unlock.body.id}/relock`)).status).toBe(403);
    expect((await principal.post(`/api/v1/gradebook/unlocks/${unlock.body.id}/relock`)).status).toBe(204);
    expect((await principal.post(`/api/v1/gradebook/unlocks/${unlock.body.id}/relock`)).status).toBe(409);
    await principal.put('/api/v1/gradebook/terms/2', { ...lockBody, locked: false });
  });
});
