import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildClass, buildSchoolAccounts, buildStaff } from '../../../test/factories.ts';
import { buildAbsences, buildAssignments, buildYear } from '../../../test/factories-results.ts';
import { buildClassWithStudents, buildTeacherAccount } from '../../../test/factories-transcripts.ts';
import { readFinishedYear, runJob as runJobOf } from '../../../test/school-year.ts';
import { tableDigests } from '../../../test/table-digests.ts';
import type { Row } from '../../platform/db/schema.ts';

// Issue 11 §1: a finished year never changes by accident. The rollover (and a transfer in the summer before it)
// leaves 2025-2026 reading exactly as it did after its close: class lists, results, summaries, the promotion list and
// the học bạ list; the học bạ of a graduate can still be printed.

const FROM = '2025-2026';
const TO = '2026-2027';

describe.each(STORAGES)('chuyển năm học giữ nguyên năm học đã kết thúc (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let class9: Row<'classes'>;
  let class6: Row<'classes'>;
  let students9: Row<'students'>[];
  let students6: Row<'students'>[];
  let newTeacher: Row<'staff'>;
  let before: unknown;

  const runJob = (client: TestClient, url: string, body: unknown) => runJobOf(t, client, url, body);
  const finishedYear = () =>
    readFinishedYear(principal, { unitId: u.schoolA.id, schoolYear: FROM, classes: { class9, class6 } });

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    principal = await t.as('ht.a');
    const teacher9 = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gvcn.9a1',
      fullName: 'Lê Thị Hồng Nhung',
    });
    const teacher6 = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gvcn.6a1',
      fullName: 'Phạm Văn Đức',
    });
    newTeacher = await buildStaff(t.db, { unit: u.schoolA, fullName: 'Trần Thị Mai' });
    ({ cls: class9, students: students9 } = await buildClassWithStudents(t.db, {
      unit: u.schoolA,
      name: '9A1',
      grade: 9,
      homeroomTeacher: teacher9.staff,
      students: ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'],
    }));
    ({ cls: class6, students: students6 } = await buildClassWithStudents(t.db, {
      unit: u.schoolA,
      name: '6A1',
      grade: 6,
      homeroomTeacher: teacher6.staff,
      students: ['Vũ Thị Phương', 'Đỗ Văn Giang', 'Bùi Thị Hạnh', 'Ngô Văn Khánh'],
    }));
    await t.db.updateTable('classes').set({ room: 'P.204' }).where('id', '=', class6.id).execute();
    // Another school already has its 7A1 of the new year: school A's own 7A1 is still created.
    await buildClass(t.db, { unit: u.schoolB, name: '7A1', grade: 7, schoolYear: TO });
    for (const [cls, teacher] of [
      [class9, teacher9.staff],
      [class6, teacher6.staff],
    ] as const) {
      await buildAssignments(t.db, cls, teacher);
    }
    // 9A1: four graduate; Hoàng Văn Em misses 46 sessions and is retained (TT22 Điều 12: over 45 buổi; failing
    // learning or conduct would send him to the summer instead). 6A1: Đỗ Văn Giang goes to the summer
    // re-test (pending), the others are promoted; Ngô Văn Khánh transfers out in July.
    for (const student of students9) {
      const failing = student.full_name === 'Hoàng Văn Em';
      await buildYear(t.db, {
        cls: class9,
        student,
        average: 7.5,
        conduct: ['good', 'excellent'],
      });
      if (failing) await buildAbsences(t.db, { cls: class9, student, count: 46 });
    }
    for (const student of students6) {
      const retest = student.full_name === 'Đỗ Văn Giang';
      await buildYear(t.db, {
        cls: class6,
        student,
        average: 8,
        averages: retest ? { math: 3, literature: 3 } : {},
        conduct: ['good', 'good'],
      });
    }
    await runJob(principal, '/api/v1/results/close', {
      unitId: u.schoolA.id,
      schoolYear: FROM,
      scope: 'year',
    });
    const homeroom = await t.as('gvcn.9a1');
    expect((await homeroom.post(`/api/v1/classes/${class9.id}/transcripts/sign`, {})).status).toBe(200);
    expect((await principal.post(`/api/v1/classes/${class9.id}/transcripts/approve`, {})).status).toBe(200);
    before = await finishedYear();
  });
  afterAll(() => t.close());

  it('sau khi đóng năm: 9A1 có 5 học sinh, 6A1 có 4, học bạ 9A1 đã duyệt', () => {
    const b = before as Awaited<ReturnType<typeof finishedYear>>;
    expect(b.class9.students).toHaveLength(5);
    expect(b.class6.students).toHaveLength(4);
    expect(b.class9.transcripts.students.map((s: { status: string }) => s.status)).toEqual(
      Array(5).fill('approved'),
    );
  });

  it('xem trước liệt kê theo tên; kế hoạch lớp mới (GVCN, phòng) lưu được', async () => {
    const preview = await principal.get(
      `/api/v1/results/rollover/preview?unitId=${u.schoolA.id}&fromYear=${FROM}&toYear=${TO}`,
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.done).toBe(false);
    expect(preview.body.graduated.map((s: { fullName: string }) => s.fullName)).toHaveLength(4);
    expect(preview.body.pending.map((s: { fullName: string }) => s.fullName)).toEqual(['Đỗ Văn Giang']);
    // 7A1 comes up from 6A1: its teacher and room by default.
    const sevenA1 = preview.body.classes.find((c: { name: string }) => c.name === '7A1');
    expect(sevenA1).toMatchObject({
      exists: false,
      incoming: 3,
      homeroomTeacherName: 'Phạm Văn Đức',
      room: 'P.204',
    });
    const plan = await principal.put('/api/v1/results/rollover/plan', {
      unitId: u.schoolA.id,
      fromYear: FROM,
      toYear: TO,
      classes: [
        { name: '7A1', homeroomTeacherId: newTeacher.id, room: 'P.301' },
        { name: '9A1', homeroomTeacherId: null, room: '' },
      ],
    });
    expect(plan.status, JSON.stringify(plan.body)).toBe(200);
    expect(plan.body.classes.find((c: { name: string }) => c.name === '7A1')).toMatchObject({
      homeroomTeacherId: newTeacher.id,
      homeroomTeacherName: 'Trần Thị Mai',
      room: 'P.301',
    });
    const other = await (await t.as('ht.b')).put('/api/v1/results/rollover/plan', {
      unitId: u.schoolA.id,
      fromYear: FROM,
      toYear: TO,
      classes: [],
    });
    expect(other.status).toBe(403);
    const teacher = await (await t.as('gv.a')).get(
      `/api/v1/results/rollover/preview?unitId=${u.schoolA.id}&fromYear=${FROM}&toYear=${TO}`,
    );
    expect(teacher.status).toBe(403);
  });

  it('chuyển trường trong hè rồi chuyển năm học: năm 2025-2026 đọc y như trước; chạy lại không đổi gì', async () => {
    const khanh = students6.find((s) => s.full_name === 'Ngô Văn Khánh') as Row<'students'>;
    const transfer = await principal.post(`/api/v1/students/${khanh.id}/status`, {
      status: 'transferred_out',
      effectiveOn: '2026-07-15',
      reason: 'Chuyển theo gia đình',
    });
    expect(transfer.status, JSON.stringify(transfer.body)).toBe(200);
    const body = { unitId: u.schoolA.id, fromYear: FROM, toYear: TO };
    const outcome = await runJob(principal, '/api/v1/results/rollover', body);
    const names = (list: { fullName: string; toClass: string | null }[]) =>
      list.map((s) => `${s.fullName} → ${s.toClass ?? '—'}`);
    expect(names(outcome.promoted)).toEqual(['Bùi Thị Hạnh → 7A1', 'Vũ Thị Phương → 7A1']);
    expect(names(outcome.retained)).toEqual(['Hoàng Văn Em → 9A1']);
    expect(names(outcome.graduated)).toHaveLength(4);
    expect(names(outcome.pending)).toEqual(['Đỗ Văn Giang → —']);
    expect(names(outcome.left)).toEqual(['Ngô Văn Khánh → —']);
    expect(outcome.written).toBe(2 + 3 + 4);
    const created = await t.db
      .selectFrom('classes')
      .select(['name', 'grade', 'homeroom_teacher_id', 'room'])
      .where('unit_id', '=', u.schoolA.id)
      .where('school_year', '=', TO)
      .orderBy('name')
      .execute();
    expect(created).toEqual([
      { name: '7A1', grade: 7, homeroom_teacher_id: newTeacher.id, room: 'P.301' },
      { name: '9A1', grade: 9, homeroom_teacher_id: null, room: null },
    ]);

    expect(await finishedYear()).toEqual(before);
    const graduate = students9[0] as Row<'students'>;
    const pdf = await principal.get(`/api/v1/classes/${class9.id}/transcripts/${graduate.id}/pdf`);
    expect(pdf.status).toBe(200);

    const digests = await tableDigests(t.db);
    const again = await runJob(principal, '/api/v1/results/rollover', body);
    expect(again).toEqual({ ...outcome, written: 0 });
    expect(await tableDigests(t.db)).toEqual(digests);
    const preview = await principal.get(
      `/api/v1/results/rollover/preview?unitId=${u.schoolA.id}&fromYear=${FROM}&toYear=${TO}`,
    );
    expect(preview.body).toEqual({ ...outcome, written: 0, done: true });
    // The finished year's học bạ are still signed by its homeroom teacher: all four of 6A1, the one who left too.
    const signed = await (await t.as('gvcn.6a1')).post(`/api/v1/classes/${class6.id}/transcripts/sign`, {});
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    expect(signed.body).toMatchObject({ signed: 4 });
  });
});
