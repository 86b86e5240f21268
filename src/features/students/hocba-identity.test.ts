import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { XLSX_MIME } from '#contracts/common.ts';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import {
  buildClass,
  buildEnrolment,
  buildGuardian,
  buildHomeroomTeacher,
  buildSchoolAccounts,
  buildStudent,
} from '../../../test/factories.ts';
import { buildWorkbook } from '../../../test/factories-imports.ts';
import { extractPdfText } from '../../../test/pdf.ts';
import type { Row } from '../../platform/db/schema.ts';
import { studentsImportKind } from './import-kind.ts';

// The học bạ's identity page (TT22 appendix, issue 12 §2) prints nơi sinh, số đăng bộ and the parents' occupation:
// entered on the student's page or by the import (update mode), kept in the personal-data export, printed on the
// học bạ; on erasure nơi sinh and số đăng bộ are kept with the record (printed on the học bạ, kept permanently) and
// the guardians' occupation is erased with the guardians (docs/privacy.md).

const HEADERS = studentsImportKind.columns.map((c) => c.header);
const row = (cells: Partial<Record<string, string | number | null>>) =>
  studentsImportKind.columns.map((c) => cells[c.key] ?? null);

describe.each(STORAGES)('nơi sinh, số đăng bộ, nghề nghiệp của cha mẹ (%s)', (storage) => {
  let t: TestApp;
  let u: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let principal: TestClient;
  let cls: Row<'classes'>;
  let an: Row<'students'>;
  let binh: Row<'students'>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    u = await buildSchoolAccounts(t.db);
    principal = await t.as('ht.a');
    const teacher = await buildHomeroomTeacher(t.db, { unit: u.schoolA, fullName: 'Lê Thị Hoa' });
    cls = await buildClass(t.db, { unit: u.schoolA, name: '6A', grade: 6, homeroomTeacher: teacher });
    an = await buildStudent(t.db, { unit: u.schoolA, fullName: 'Nguyễn Văn An', birthDate: '2013-04-02' });
    binh = await buildStudent(t.db, {
      unit: u.schoolA,
      fullName: 'Trần Thị Bình',
      birthDate: '2013-06-01',
      moetStudentCode: '0107777777',
    });
    for (const student of [an, binh]) await buildEnrolment(t.db, { student, cls });
    await buildGuardian(t.db, { student: binh, fullName: 'Trần Văn Cường', relationship: 'father' });
  }, 120_000);
  afterAll(() => t.close());

  it('entered on the student page, read back; text stored NFC; too long refused naming the field', async () => {
    const res = await principal.patch(`/api/v1/students/${an.id}`, {
      birthPlace: 'Xã Hoà Bình, tỉnh Hoà Bình'.normalize('NFD'),
      registrationNumber: '125/2025',
      guardians: [{ fullName: 'Nguyễn Thị Mai', relationship: 'mother', occupation: 'Giáo viên' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const detail = (await principal.get(`/api/v1/students/${an.id}`)).body;
    expect(detail).toMatchObject({
      birthPlace: 'Xã Hoà Bình, tỉnh Hoà Bình',
      registrationNumber: '125/2025',
    });
    expect(detail.guardians).toEqual([
      expect.objectContaining({ fullName: 'Nguyễn Thị Mai', occupation: 'Giáo viên' }),
    ]);
    const tooLong = await principal.patch(`/api/v1/students/${an.id}`, { birthPlace: 'x'.repeat(201) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.message).toContain('Nơi sinh');
  });

  it('the import in update mode changes them (preview cell by cell, then the commit)', async () => {
    const file = await buildWorkbook('Học sinh', HEADERS, [
      row({
        fullName: 'Trần Thị Bình',
        birthDate: '01/06/2013',
        className: '6A',
        moetStudentCode: '0107777777',
        birthPlace: 'Phường Bến Nghé, TP. Hồ Chí Minh',
        registrationNumber: '126/2025',
        guardianName: 'Trần Văn Cường',
        guardianRelationship: 'Cha',
        guardianOccupation: 'Nông dân',
      }),
    ]);
    const preview = await principal.upload(
      `/api/v1/imports/preview?unitId=${u.schoolA.id}&kind=students&mode=upsert`,
      'file',
      { name: 'hoc-sinh.xlsx', content: file, type: XLSX_MIME },
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body.errors).toEqual([]);
    const changes = preview.body.rows[0].changes;
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'birthPlace', header: 'Nơi sinh', before: '' }),
        expect.objectContaining({ key: 'registrationNumber', after: '126/2025' }),
        expect.objectContaining({
          key: 'guardianOccupation',
          header: 'Nghề nghiệp cha/mẹ',
          after: 'Nông dân',
        }),
      ]),
    );
    const commit = await principal.post('/api/v1/imports/commit', {
      unitId: u.schoolA.id,
      kind: 'students',
      fileId: preview.body.fileId,
      mode: 'upsert',
    });
    expect(commit.status).toBe(202);
    await t.jobs.idle();
    const stored = await t.db
      .selectFrom('students')
      .select(['birth_place', 'registration_number'])
      .where('id', '=', binh.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      birth_place: 'Phường Bến Nghé, TP. Hồ Chí Minh',
      registration_number: '126/2025',
    });
    const guardian = await t.db
      .selectFrom('student_guardians')
      .select('occupation')
      .where('student_id', '=', binh.id)
      .executeTakeFirstOrThrow();
    expect(guardian.occupation).toBe('Nông dân');
  });

  it('the học bạ prints nơi sinh, the occupation, số đăng bộ and the date the book was opened', async () => {
    const pdf = await principal.get(`/api/v1/classes/${cls.id}/transcripts/${an.id}/pdf`);
    expect(pdf.status).toBe(200);
    const text = (await extractPdfText(pdf.raw)).replace(/\s+/g, ' ');
    expect(text).toContain('Nơi sinh: Xã Hoà Bình, tỉnh Hoà Bình');
    expect(text).toContain('Họ và tên mẹ: Nguyễn Thị Mai');
    expect(text).toContain('Nghề nghiệp: Giáo viên');
    expect(text).toContain('125/2025');
    // The book is opened on the student's first day at the school (the enrolment of the fixture: 05/09/2025).
    expect(text).toMatch(/Hiệu trưởng|HIỆU TRƯỞNG/);
    expect(text).toContain(', ngày 05 tháng 09 năm 2025 HIỆU TRƯỞNG');
  });

  it('the personal-data export includes them', async () => {
    const res = await principal.get(`/api/v1/students/${an.id}/personal-data`);
    expect(res.status).toBe(200);
    const body = res.body;
    expect(body.student).toMatchObject({
      birthPlace: 'Xã Hoà Bình, tỉnh Hoà Bình',
      registrationNumber: '125/2025',
    });
    expect(body.guardians[0]).toMatchObject({ occupation: 'Giáo viên' });
  });

  it('erasure keeps nơi sinh and số đăng bộ (restricted) and erases the guardians’ occupation', async () => {
    const res = await principal.post(`/api/v1/students/${an.id}/erase`, { reason: 'Gia đình yêu cầu' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const stored = await t.db
      .selectFrom('students')
      .select(['birth_place', 'registration_number'])
      .where('id', '=', an.id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ birth_place: 'Xã Hoà Bình, tỉnh Hoà Bình', registration_number: '125/2025' });
    const guardians = await t.db
      .selectFrom('student_guardians')
      .select('occupation')
      .where('student_id', '=', an.id)
      .execute();
    expect(guardians.every((g) => g.occupation === null)).toBe(true);
  });
});
