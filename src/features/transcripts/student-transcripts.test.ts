import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts, buildUser } from '../../../test/factories.ts';
import {
  buildClassWithStudents,
  buildGuardianAccount,
  buildStudentResult,
  buildSubjectScores,
  buildSubjectYearResult,
  buildTeacherAccount,
} from '../../../test/factories-transcripts.ts';
import { extractPdfText } from '../../../test/pdf.ts';
import type { Row } from '../../platform/db/schema.ts';

// The family sees the approved học bạ of its own child (and the student their own); staff see every version with
// who signed, approved or corrected it, when and why, and open each one as a PDF.

type Line = { id: string; version: number; status: string } & Record<string, unknown>;

describe.each(STORAGES)('học bạ của con và các phiên bản (%s)', (storage) => {
  let t: TestApp;
  let principal: TestClient;
  let cls: Row<'classes'>;
  let duong: Row<'students'>;
  let khoa: Row<'students'>;
  const listOf = (client: TestClient, student: Row<'students'>) =>
    client.get(`/api/v1/students/${student.id}/transcripts`);

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    const teacher = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gvcn.v',
      fullName: 'Lê Thị Hồng Nhung',
    });
    await buildTeacherAccount(t.db, { unit: u.schoolA, username: 'gv.khac.v', fullName: 'Phạm Văn Đức' });
    const built = await buildClassWithStudents(t.db, {
      unit: u.schoolA,
      name: '7A2',
      homeroomTeacher: teacher.staff,
      students: ['Nguyễn Thị Ánh Dương', 'Trần Đăng Khoa'],
    });
    cls = built.cls;
    [duong, khoa] = built.students as [Row<'students'>, Row<'students'>];
    for (const student of [duong, khoa]) {
      await buildSubjectScores(t.db, { cls, student, subjectCode: 'math', term: 1, termAverage: 7.3 });
      await buildSubjectScores(t.db, { cls, student, subjectCode: 'math', term: 2, termAverage: 8.5 });
      await buildSubjectYearResult(t.db, { cls, student, subjectCode: 'math', yearAverage: 8.1 });
      await buildStudentResult(t.db, { cls, student, term: 0, learning: 'good', conduct: 'excellent' });
    }
    await buildGuardianAccount(t.db, { students: [duong], username: 'me.duong', fullName: 'Nguyễn Thị Mai' });
    await buildGuardianAccount(t.db, { students: [khoa], username: 'me.khoa', fullName: 'Trần Thị Lan' });
    const self = await buildUser(t.db, {
      unit: u.schoolA,
      username: 'hs.duong',
      roles: [{ role: 'student' }],
    });
    await t.db.updateTable('students').set({ user_id: self.id }).where('id', '=', duong.id).execute();
    principal = await t.as('ht.a');
  });
  afterAll(() => t.close());

  it('trước khi phê duyệt, phụ huynh thấy danh sách trống và không mở được bản nháp', async () => {
    const mother = await t.as('me.duong');
    const res = await listOf(mother, duong);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ view: 'own', student: { fullName: 'Nguyễn Thị Ánh Dương' } });
    expect(res.body.transcripts).toEqual([]);
    expect((await (await t.as('gvcn.v')).post(`/api/v1/classes/${cls.id}/transcripts/sign`)).status).toBe(
      200,
    );
    const signed = (await listOf(principal, duong)).body.transcripts as Line[];
    expect(signed.map((l) => [l.version, l.status])).toEqual([[1, 'homeroom_signed']]);
    expect((await mother.get(`/api/v1/transcripts/${signed[0]?.id}/pdf`)).status).toBe(404);
  });

  it('sau khi phê duyệt: cha mẹ và chính học sinh xem và tải PDF học bạ; phụ huynh của học sinh khác bị từ chối', async () => {
    expect((await principal.post(`/api/v1/classes/${cls.id}/transcripts/approve`)).status).toBe(200);
    for (const username of ['me.duong', 'hs.duong']) {
      const client = await t.as(username);
      const res = await listOf(client, duong);
      expect(res.status, username).toBe(200);
      const [line] = res.body.transcripts as Line[];
      expect(line).toMatchObject({
        version: 1,
        status: 'approved',
        className: '7A2',
        approvedByName: expect.any(String),
      });
      const pdf = await client.get(`/api/v1/transcripts/${line?.id}/pdf`);
      expect(pdf.status, username).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await extractPdfText(pdf.raw);
      expect(text).toContain('Nguyễn Thị Ánh Dương');
      expect(text).toContain('8,1');
    }
    const logged = await t.db
      .selectFrom('data_access_log')
      .select(['action', 'detail'])
      .where('subject_id', '=', duong.id)
      .execute();
    expect(logged).toContainEqual({ action: 'export', detail: 'transcript_own' });

    const other = await t.as('me.khoa');
    const duongLine = ((await listOf(principal, duong)).body.transcripts as Line[])[0] as Line;
    expect((await listOf(other, duong)).status).toBe(403);
    expect((await other.get(`/api/v1/transcripts/${duongLine.id}/pdf`)).status).toBe(403);
    expect((await listOf(other, khoa)).body.transcripts).toHaveLength(1);
  });

  it('các phiên bản: ai ký, ai duyệt, ai điều chỉnh, khi nào, vì sao; mỗi phiên bản mở được PDF; giáo viên không dạy lớp không thấy', async () => {
    const [v1] = (await listOf(principal, duong)).body.transcripts as Line[];
    const corrected = await principal.post(`/api/v1/transcripts/${v1?.id}/corrections`, {
      reason: 'Sửa điểm Toán học kì I nhập nhầm',
    });
    expect(corrected.status).toBe(201);
    const res = await listOf(principal, duong);
    expect(res.body.view).toBe('staff');
    const lines = res.body.transcripts as Line[];
    expect(lines.map((l) => [l.version, l.status])).toEqual([
      [2, 'draft'],
      [1, 'superseded'],
    ]);
    expect(lines[0]).toMatchObject({
      correctionReason: 'Sửa điểm Toán học kì I nhập nhầm',
      correctedByName: expect.any(String),
      approvedByName: null,
    });
    expect(lines[1]).toMatchObject({
      homeroomSignedByName: 'Lê Thị Hồng Nhung',
      homeroomSignedAt: expect.any(String),
      approvedByName: expect.any(String),
      approvedAt: expect.any(String),
    });
    for (const line of lines) {
      const pdf = await principal.get(`/api/v1/transcripts/${line.id}/pdf`);
      expect(pdf.status, `v${line.version}`).toBe(200);
      expect(await extractPdfText(pdf.raw)).toContain('Nguyễn Thị Ánh Dương');
    }
    // While the correction is a draft, the family has no approved version in force to see.
    expect((await listOf(await t.as('me.duong'), duong)).body.transcripts).toEqual([]);
    expect((await (await t.as('me.duong')).get(`/api/v1/transcripts/${lines[1]?.id}/pdf`)).status).toBe(404);

    const outsider = await t.as('gv.khac.v');
    expect((await listOf(outsider, duong)).body.transcripts ?? []).toEqual([]);
    expect((await outsider.get(`/api/v1/transcripts/${lines[0]?.id}/pdf`)).status).toBe(403);
    expect((await (await t.as('ht.b')).get(`/api/v1/transcripts/${lines[0]?.id}/pdf`)).status).toBe(403);
  });
});
