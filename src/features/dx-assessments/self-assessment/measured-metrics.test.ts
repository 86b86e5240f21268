import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { STORAGES } from '../../../../test/databases.ts';
import {
  buildAssessmentCampaign,
  buildAssessmentPeople,
  buildClass,
  buildStudent,
} from '../../../../test/factories.ts';
import {
  buildPupil,
  buildScoreRow,
  buildStaffWithAccount,
  buildTranscript,
} from '../../../../test/factories-dx-dashboard.ts';
import { NATIONAL_SCHOOL_CATALOGUE_4725 } from '../../../domain/dx-index/index.ts';

interface Measure {
  metricId: string;
  available: boolean;
  value: number | null;
  summary: string;
}

describe.each(STORAGES)('chỉ số đo từ dữ liệu của hệ thống (%s)', (storage) => {
  let t: TestApp;
  let assessmentId: string;
  let measures: Map<string, Measure>;

  beforeAll(async () => {
    t = await startTestApp(storage);
    const w = await buildAssessmentPeople(t.db);
    const school = w.schoolA;
    // Staff: 3 active accounts (incl. the principal's account is not staff), a disabled one, one locked out after
    // failed log-ins, one without an account; a teacher who left is not counted at all → 3/6.
    for (const state of ['active', 'active', 'active', 'disabled', 'locked_out', 'none'] as const)
      await buildStaffWithAccount(t.db, school, state);
    await buildStaffWithAccount(t.db, school, 'active', 'left');
    // Classes: 6A1 has a mark entered, 6A2 only an empty score row, 6A3 nothing → 1/3.
    const c1 = await buildClass(t.db, { unit: school, name: '6A1' });
    const c2 = await buildClass(t.db, { unit: school, name: '6A2' });
    await buildClass(t.db, { unit: school, name: '6A3' });
    await buildClass(t.db, { unit: school, name: '6A9', schoolYear: '2024-2025' });
    // Pupils of 6A1 and their guardians: active, active, disabled, none → 2/4.
    const p1 = await buildPupil(t.db, c1, 'active', 'An Văn Một');
    const p2 = await buildPupil(t.db, c1, 'active', 'Bình Thị Hai');
    const p3 = await buildPupil(t.db, c1, 'disabled', 'Cường Văn Ba');
    await buildPupil(t.db, c1, 'none', 'Dung Thị Bốn');
    await buildScoreRow(t.db, c1, p1, 7.5);
    const p5 = await buildPupil(t.db, c2, 'locked_out', 'Em Văn Năm');
    await buildScoreRow(t.db, c2, p5, null);
    // Not placed in a class this year: counts against "students in the system".
    await buildStudent(t.db, { unit: school, fullName: 'Giang Chưa Xếp Lớp' });
    // Transcripts: approved; draft; superseded then sealed; none; homeroom-signed → 2/5.
    await buildTranscript(t.db, c1, p1, 'approved');
    await buildTranscript(t.db, c1, p2, 'draft');
    await buildTranscript(t.db, c1, p3, 'superseded', 1);
    await buildTranscript(t.db, c1, p3, 'sealed', 2);
    await buildTranscript(t.db, c2, p5, 'homeroom_signed');
    const built = await buildAssessmentCampaign(t.db, {
      office: w.officeA,
      units: [school],
      catalogue: NATIONAL_SCHOOL_CATALOGUE_4725,
    });
    assessmentId = built.byUnit.get(school.id)?.id as string;
    const res = await (await t.as('ht.a')).get(`/api/v1/assessments/${assessmentId}`);
    expect(res.status).toBe(200);
    measures = new Map((res.body.measures as Measure[]).map((m) => [m.metricId, m]));
  });
  afterAll(() => t.close());

  it('tỷ lệ cán bộ có tài khoản đang hoạt động: tài khoản bị khóa, tạm khóa, chưa có không được tính', () => {
    const m = measures.get('staff_in_management_system_share');
    expect(m).toMatchObject({ available: true, value: 0.5, summary: expect.stringContaining('3/6') });
  });

  it('tỷ lệ lớp dùng sổ điểm điện tử: chỉ lớp đã nhập điểm trong năm học', () => {
    const m = measures.get('classes_with_gradebook_share');
    expect(m?.value).toBeCloseTo(1 / 3);
    expect(m?.summary).toContain('1/3');
  });

  it('học bạ đã duyệt (approved, sealed) được tính; nháp, mới ký GVCN, bản bị thay thế không', () => {
    expect(measures.get('students_with_approved_transcripts_share')).toMatchObject({
      value: 0.4,
      summary: expect.stringContaining('2/5'),
    });
  });

  it('phụ huynh có tài khoản đang hoạt động; học sinh đã xếp lớp', () => {
    expect(measures.get('guardians_active_accounts_share')).toMatchObject({ value: 0.4 });
    expect(measures.get('students_in_management_system_share')).toMatchObject({
      summary: expect.stringContaining('5/6'),
    });
  });

  it('chưa có sổ tài sản: các chỉ số cơ sở vật chất hiện "chưa đo được"', () => {
    expect(measures.get('classrooms_with_projector_internet_share')).toMatchObject({
      available: false,
      summary: 'chưa đo được',
    });
    expect(measures.get('assets_registered_share')?.available).toBe(false);
  });

  it('xem danh sách chi tiết: ai chưa có tài khoản, lớp nào chưa nhập điểm; trường khác bị từ chối', async () => {
    const principal = await t.as('ht.a');
    const staff = await principal.get(
      `/api/v1/assessments/${assessmentId}/metrics/staff_in_management_system_share`,
    );
    expect(staff.status).toBe(200);
    expect(staff.body.rows).toHaveLength(6);
    const details = staff.body.rows.map((r: { detail: string }) => r.detail);
    expect(details).toContain('chưa có tài khoản');
    expect(details.some((d: string) => d.includes('tạm khóa'))).toBe(true);
    expect(details.some((d: string) => d.includes('đã khóa'))).toBe(true);
    const classes = await principal.get(
      `/api/v1/assessments/${assessmentId}/metrics/classes_with_gradebook_share`,
    );
    expect(classes.body.rows).toEqual([
      { label: 'Lớp 6A1', detail: '1 dòng điểm đã nhập', ok: true },
      { label: 'Lớp 6A2', detail: 'chưa nhập điểm trên sổ điểm điện tử', ok: false },
      { label: 'Lớp 6A3', detail: 'chưa nhập điểm trên sổ điểm điện tử', ok: false },
    ]);
    const transcripts = await principal.get(
      `/api/v1/assessments/${assessmentId}/metrics/students_with_approved_transcripts_share`,
    );
    expect(transcripts.body.rows.find((r: { label: string }) => r.label === 'Bình Thị Hai')).toMatchObject({
      ok: false,
      detail: 'Lớp 6A1 — học bạ chưa được duyệt',
    });
    const office = await t.as('phong.a');
    expect(
      (await office.get(`/api/v1/assessments/${assessmentId}/metrics/guardians_active_accounts_share`))
        .status,
    ).toBe(200);
    const other = await t.as('ht.b');
    expect(
      (await other.get(`/api/v1/assessments/${assessmentId}/metrics/guardians_active_accounts_share`)).status,
    ).toBe(403);
  });
});
