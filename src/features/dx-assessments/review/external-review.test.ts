import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { STORAGES } from '../../../../test/databases.ts';
import {
  answers4725,
  buildAssessmentCampaign,
  buildAssessmentPeople,
  buildUnit,
  buildUser,
  fillAssessment,
} from '../../../../test/factories.ts';
import { extractPdfText } from '../../../../test/pdf.ts';
import { NATIONAL_SCHOOL_CATALOGUE_4725 } from '../../../domain/dx-index/index.ts';

describe.each(STORAGES)('đánh giá ngoài, công nhận và công khai (%s)', (storage) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildAssessmentPeople>>;
  let campaignId: string;
  let assessmentId: string;
  let otherId: string;
  const url = (id = assessmentId) => `/api/v1/assessments/${id}`;

  beforeAll(async () => {
    t = await startTestApp(storage);
    w = await buildAssessmentPeople(t.db);
    // A second school of office A that never finishes, to check the public page shows recognised results only.
    const schoolA2 = await buildUnit(t.db, {
      parent: w.officeA,
      level: 'primary',
      name: 'Trường Tiểu học Hòa Bình',
    });
    await buildUser(t.db, { unit: schoolA2, username: 'ht.a2', roles: [{ role: 'principal' }] });
    const built = await buildAssessmentCampaign(t.db, {
      office: w.officeA,
      units: [w.schoolA, schoolA2],
      catalogue: NATIONAL_SCHOOL_CATALOGUE_4725,
    });
    campaignId = built.campaign.id;
    assessmentId = built.byUnit.get(w.schoolA.id)?.id as string;
    otherId = built.byUnit.get(schoolA2.id)?.id as string;
    const own = built.byUnit.get(w.schoolA.id);
    if (!own) throw new Error('assessment missing');
    await fillAssessment(t.db, own, answers4725());
    const principal = await t.as('ht.a');
    await principal.put(`${url()}/items/I.4/assignee`, { userId: w.people.teacher.id });
    expect((await principal.post(`${url()}/approve`, {})).status).toBe(200);
    expect((await principal.post(`${url()}/submit`, {})).status).toBe(200);
  });
  afterAll(() => t.close());

  it('phòng khác và trường không đánh giá ngoài được; giáo viên không tự thống nhất điểm', async () => {
    const body = { agreedAnswer: { ratio: 0.5 }, externalComment: 'x' };
    expect((await (await t.as('phong.b')).put(`${url()}/items/I.4/review`, body)).status).toBe(403);
    expect((await (await t.as('ht.a')).put(`${url()}/items/I.4/review`, body)).status).toBe(403);
    expect((await (await t.as('phong.b')).post(`${url()}/return`, { comment: 'x' })).status).toBe(403);
    expect((await (await t.as('ht.b')).get(url())).status).toBe(403);
  });

  it('phòng trả lại với nhận xét từng tiêu chí; hiệu trưởng và người được giao được báo; lịch sử được giữ', async () => {
    const office = await t.as('phong.a.cv');
    const reviewed = await office.put(`${url()}/items/I.4/review`, {
      externalComment: 'Thiếu danh mục học liệu',
    });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.status).toBe('under_review');
    const noComment = await office.post(`${url()}/return`, { comment: '' });
    expect(noComment.status).toBe(400);
    const res = await office.post(`${url()}/return`, {
      comment: 'Đề nghị bổ sung minh chứng',
      items: [{ itemId: 'I.4', comment: 'Cần danh mục học liệu số theo môn' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('returned');
    expect(res.body.items.find((i: { itemId: string }) => i.itemId === 'I.4').returnComment).toBe(
      'Cần danh mục học liệu số theo môn',
    );
    for (const username of ['ht.a', 'gv.a']) {
      const notes = await (await t.as(username)).get('/api/v1/notifications');
      expect(notes.body.items[0]).toMatchObject({ title: expect.stringContaining('trả lại') });
      expect(notes.body.items[0].body).toContain('I.4: Cần danh mục');
    }
    const vice = await (await t.as('pht.a')).get('/api/v1/notifications');
    expect(vice.body.items.some((n: { title: string }) => n.title.includes('trả lại'))).toBe(false);
    const event = res.body.events.at(-1);
    expect(event).toMatchObject({
      action: 'returned',
      comment: 'Đề nghị bổ sung minh chứng',
      actorName: 'Lê Văn Chuyên',
    });
  });

  it('trường bị trả lại được sửa, phê duyệt lại và nộp lại ("nộp lại" trong lịch sử)', async () => {
    const teacher = await t.as('gv.a');
    expect((await teacher.put(`${url()}/items/I.4`, { answer: { ratio: 0.9 }, version: 0 })).status).toBe(
      200,
    );
    const principal = await t.as('ht.a');
    expect((await principal.post(`${url()}/approve`, {})).status).toBe(200);
    const res = await principal.post(`${url()}/submit`, {});
    expect(res.status).toBe(200);
    expect(res.body.events.map((e: { action: string }) => e.action)).toEqual([
      'approved',
      'submitted',
      'review_started',
      'returned',
      'approved',
      'resubmitted',
    ]);
  });

  it('phòng thống nhất điểm và kết thúc đánh giá ngoài: kết quả đánh giá ngoài theo điểm thống nhất', async () => {
    const office = await t.as('phong.a');
    const tooMuch = await office.put(`${url()}/items/I.5/review`, {
      agreedAnswer: { subItems: { 'I.5.1': 99 } },
    });
    expect(tooMuch.status).toBe(400);
    // Office agrees 10 instead of 15 for I.5.1: Nhóm I = 85,5 − 5 = 80,5 (still Mức 3).
    const agreed = await office.put(`${url()}/items/I.5/review`, {
      agreedAnswer: { subItems: { 'I.5.1': 10, 'I.5.2': 5 } },
      externalComment: 'Chỉ tính các bài kiểm tra có kết quả lưu trên hệ thống',
    });
    expect(agreed.status).toBe(200);
    expect((await office.post(`${url()}/close-review`, { comment: 'Đạt yêu cầu' })).status).toBe(200);
    const row = await t.db
      .selectFrom('assessments')
      .selectAll()
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    const external = row.external_result as { groups: { total: number; level: number }[]; unitLevel: number };
    expect(external.groups.map((g) => [g.total, g.level])).toEqual([
      [80.5, 3],
      [67, 2],
    ]);
    expect(row.status).toBe('assessed');
    expect((await office.post(`${url()}/close-review`, {})).status).toBe(409);
  });

  it('chưa công nhận thì trang công khai không có kết quả nào', async () => {
    const res = await t.anonymous().get(`/api/v1/public/assessment-results/${w.officeA.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ own: [], managed: [] });
  });

  it('quyết định công nhận theo đợt: chỉ đơn vị đã đánh giá ngoài, số quyết định không trùng, chuyên viên không ký được', async () => {
    const body = {
      decisionNumber: '125/QĐ-PGDĐT',
      decidedOn: '2026-06-25',
      signerName: 'Trần Thị Phương',
      signerTitle: 'Trưởng phòng Giáo dục và Đào tạo',
      assessmentIds: [assessmentId],
    };
    expect(
      (await (await t.as('phong.a.cv')).post(`/api/v1/assessment-campaigns/${campaignId}/recognitions`, body))
        .status,
    ).toBe(403);
    expect(
      (await (await t.as('phong.b')).post(`/api/v1/assessment-campaigns/${campaignId}/recognitions`, body))
        .status,
    ).toBe(403);
    const office = await t.as('phong.a');
    const notAssessed = await office.post(`/api/v1/assessment-campaigns/${campaignId}/recognitions`, {
      ...body,
      assessmentIds: [assessmentId, otherId],
    });
    expect(notAssessed.status).toBe(400);
    expect(notAssessed.body.error.message).toContain('Trường Tiểu học Hòa Bình');
    const res = await office.post(`/api/v1/assessment-campaigns/${campaignId}/recognitions`, body);
    expect(res.status).toBe(201);
    expect(res.body.units).toEqual([
      expect.objectContaining({
        unitName: 'Trường THCS Lê Quý Đôn',
        level: 2,
        levelLabel: 'Mức 2 - Đáp ứng cơ bản',
      }),
    ]);
    const again = await office.post(`/api/v1/assessment-campaigns/${campaignId}/recognitions`, body);
    expect(again.status).toBe(400);
    // A decision number is used once per office: a second decision with it is refused and changes nothing.
    await t.db
      .updateTable('assessments')
      .set({ status: 'assessed', external_result: JSON.stringify({ unitLevel: 1, groups: [] }) })
      .where('id', '=', otherId)
      .execute();
    const duplicate = await office.post(`/api/v1/assessment-campaigns/${campaignId}/recognitions`, {
      ...body,
      assessmentIds: [otherId],
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.fields.decisionNumber).toBeDefined();
    const other = await t.db
      .selectFrom('assessments')
      .select('status')
      .where('id', '=', otherId)
      .executeTakeFirstOrThrow();
    expect(other.status).toBe('assessed');
    await t.db
      .updateTable('assessments')
      .set({ status: 'not_started', external_result: null })
      .where('id', '=', otherId)
      .execute();
    const started = performance.now();
    const pdf = await office.get(`/api/v1/recognition-decisions/${res.body.id}/document.pdf`);
    const ms = performance.now() - started;
    const text = await extractPdfText(pdf.raw);
    for (const phrase of [
      'Số: 125/QĐ-PGDĐT',
      'Trường THCS Lê Quý Đôn',
      'Mức 2 - Đáp ứng cơ bản',
      'TRƯỞNG PHÒNG GIÁO DỤC VÀ ĐÀO TẠO',
    ])
      expect(text).toContain(phrase);
    console.info(`PDF quyết định công nhận ${pdf.raw.length} B in ${Math.round(ms)} ms`);
    expect(
      (await (await t.as('phong.b')).get(`/api/v1/recognition-decisions/${res.body.id}/document.pdf`)).status,
    ).toBe(403);
    const notes = await (await t.as('ht.a')).get('/api/v1/notifications');
    expect(notes.body.items[0].title).toContain('công nhận');
  });

  it('trang công khai (không đăng nhập) của phòng và của trường chỉ hiện kết quả đã công nhận', async () => {
    const office = await t.anonymous().get(`/api/v1/public/assessment-results/${w.officeA.id}`);
    expect(office.status).toBe(200);
    expect(office.body.managed).toHaveLength(1);
    expect(office.body.managed[0]).toMatchObject({
      unitName: 'Trường THCS Lê Quý Đôn',
      level: 2,
      decisionNumber: '125/QĐ-PGDĐT',
      groups: [
        expect.objectContaining({ id: 'I', total: 80.5, level: 3 }),
        expect.objectContaining({ id: 'II', level: 2 }),
      ],
    });
    const school = await t.anonymous().get(`/api/v1/public/assessment-results/${w.schoolA.id}`);
    expect(school.body.own).toHaveLength(1);
    expect(school.body.managed).toEqual([]);
    const unfinished = await t.db
      .selectFrom('assessments')
      .select('unit_id')
      .where('id', '=', otherId)
      .executeTakeFirstOrThrow();
    const other = await t.anonymous().get(`/api/v1/public/assessment-results/${unfinished.unit_id}`);
    expect(other.body.own).toEqual([]);
    const officeB = await t.anonymous().get(`/api/v1/public/assessment-results/${w.officeB.id}`);
    expect(officeB.body.managed).toEqual([]);
  });

  it('bảng theo dõi đợt đánh giá: trạng thái, mức của từng trường; phòng khác bị từ chối', async () => {
    const res = await (await t.as('phong.a.cv')).get(`/api/v1/assessment-campaigns/${campaignId}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published');
    const byName = Object.fromEntries(res.body.board.map((u: { unitName: string }) => [u.unitName, u]));
    expect(byName['Trường THCS Lê Quý Đôn']).toMatchObject({
      status: 'recognised',
      lateness: 'done',
      selfLevel: 2,
      externalLevel: 2,
      recognisedLevel: 2,
    });
    expect(byName['Trường Tiểu học Hòa Bình']).toMatchObject({
      status: 'not_started',
      lateness: 'on_track',
      itemsDone: 0,
      itemsTotal: 11,
    });
    expect((await (await t.as('phong.b')).get(`/api/v1/assessment-campaigns/${campaignId}`)).status).toBe(
      403,
    );
    expect((await (await t.as('ht.a')).get(`/api/v1/assessment-campaigns/${campaignId}`)).status).toBe(403);
  });

  it('xuất Excel cho CSDL ngành theo bố cục cột đã mô tả, chỉ gồm kết quả đã công nhận', async () => {
    const res = await (await t.as('phong.a.cv')).get(
      `/api/v1/assessment-campaigns/${campaignId}/export.xlsx`,
    );
    expect(res.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.raw as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('ket_qua') as ExcelJS.Worksheet;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'ma_don_vi',
      'ten_don_vi',
      'loai_don_vi',
      'cap_hoc',
      'don_vi_quan_ly',
      'nam_hoc',
      'ma_bo_tieu_chi',
      'phien_ban_bo_tieu_chi',
      'muc_cong_nhan',
      'ten_muc_cong_nhan',
      'so_quyet_dinh',
      'ngay_quyet_dinh',
      'ngay_nop_tu_danh_gia',
      'nhom_I_diem_tu_danh_gia',
      'nhom_I_diem_danh_gia_ngoai',
      'nhom_I_muc',
      'nhom_II_diem_tu_danh_gia',
      'nhom_II_diem_danh_gia_ngoai',
      'nhom_II_muc',
    ]);
    expect(sheet.rowCount).toBe(2);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(1, 6)).toEqual([
      'Trường THCS Lê Quý Đôn',
      'Trường học',
      'THCS',
      'Phòng GD&ĐT A',
      '2025-2026',
    ]);
    expect(row.slice(8, 12)).toEqual([2, 'Mức 2 - Đáp ứng cơ bản', '125/QĐ-PGDĐT', '2026-06-25']);
    expect(row.slice(13)).toEqual([85.5, 80.5, 3, 67, 67, 2]);
    expect(
      (await (await t.as('phong.b')).get(`/api/v1/assessment-campaigns/${campaignId}/export.xlsx`)).status,
    ).toBe(403);
  });
});
