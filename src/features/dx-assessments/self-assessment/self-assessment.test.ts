import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { STORAGES } from '../../../../test/databases.ts';
import { answers4725, buildAssessmentPeople } from '../../../../test/factories.ts';
import { extractPdfPages, extractPdfText } from '../../../../test/pdf.ts';
import { NATIONAL_SCHOOL_CATALOGUE_4725 } from '../../../domain/dx-index/index.ts';
import { findMetric, registerMetric } from '../../../platform/metrics/registry.ts';

const iso = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const DATES = {
  selfAssessmentStartsOn: iso(-10),
  submissionDeadline: iso(20),
  externalStartsOn: iso(21),
  externalEndsOn: iso(40),
  publicationOn: iso(50),
};

// A platform metric for classrooms (I.7.1); the real one is registered later by the assets feature.
if (!findMetric('classrooms_with_projector_internet_share'))
  registerMetric({
    id: 'classrooms_with_projector_internet_share',
    labelVi: 'Tỷ lệ phòng học có máy chiếu và Internet',
    kind: 'ratio',
    measure: async () => ({ value: 0.9, numerator: 27, denominator: 30, summary: '27/30 phòng học' }),
    drillDown: async () => [{ label: 'Phòng 6A1', ok: true }],
  });

describe.each(STORAGES)('tự đánh giá của trường (%s)', (storage) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildAssessmentPeople>>;
  let assessmentId: string;
  const url = () => `/api/v1/assessments/${assessmentId}`;

  beforeAll(async () => {
    t = await startTestApp(storage);
    w = await buildAssessmentPeople(t.db);
  });
  afterAll(() => t.close());

  it('phòng mở đợt đánh giá cho các trường mình quản lý, ghim phiên bản bộ tiêu chí; trường và phòng khác bị từ chối', async () => {
    const body = {
      unitId: w.officeA.id,
      catalogueCode: NATIONAL_SCHOOL_CATALOGUE_4725.code,
      catalogueVersion: NATIONAL_SCHOOL_CATALOGUE_4725.version,
      schoolYear: '2025-2026',
      title: 'Đánh giá mức độ chuyển đổi số năm học 2025-2026',
      ...DATES,
    };
    expect((await (await t.as('ht.a')).post('/api/v1/assessment-campaigns', body)).status).toBe(403);
    expect(
      (await (await t.as('phong.b')).post('/api/v1/assessment-campaigns', { ...body, unitId: w.officeA.id }))
        .status,
    ).toBe(403);
    const badDates = await (await t.as('phong.a')).post('/api/v1/assessment-campaigns', {
      ...body,
      submissionDeadline: iso(-20),
    });
    expect(badDates.status).toBe(400);
    expect(badDates.body.error.fields.submissionDeadline).toContain('không được trước');

    const res = await (await t.as('phong.a')).post('/api/v1/assessment-campaigns', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ units: 1, status: 'open', catalogue: { version: '2022-12-30.r1' } });
    const again = await (await t.as('phong.a')).post('/api/v1/assessment-campaigns', body);
    expect(again.status).toBe(409);

    const mine = await (await t.as('ht.a')).get(`/api/v1/assessments?unitId=${w.schoolA.id}`);
    expect(mine.body).toHaveLength(1);
    assessmentId = mine.body[0].id;
    expect(mine.body[0]).toMatchObject({
      status: 'not_started',
      itemsTotal: 11,
      officeName: 'Phòng GD&ĐT A',
    });
    expect((await (await t.as('ht.b')).get(url())).status).toBe(403);
    expect((await (await t.as('phong.b')).get(url())).status).toBe(403);
    expect((await (await t.as('phong.b')).get(`/api/v1/assessment-campaigns/${res.body.id}`)).status).toBe(
      403,
    );
  });

  it('hiệu trưởng phân công tiêu chí; giáo viên chỉ sửa được tiêu chí được giao và được báo trong ứng dụng', async () => {
    const principal = await t.as('ht.a');
    const users = await principal.get(`${url()}/assignable-users`);
    expect(users.body.map((u: { username: string }) => u.username)).toContain('gv.a');
    expect((await (await t.as('gv.a')).get(`${url()}/assignable-users`)).status).toBe(403);
    const assigned = await principal.put(`${url()}/items/I.4/assignee`, { userId: w.people.teacher.id });
    expect(assigned.status).toBe(200);
    expect(assigned.body.status).toBe('in_progress');
    expect(
      (await principal.put(`${url()}/items/I.4/assignee`, { userId: w.people.principalB.id })).status,
    ).toBe(400);
    const notes = await (await t.as('gv.a')).get('/api/v1/notifications');
    expect(notes.body.items[0].title).toContain('I.4');

    const teacher = await t.as('gv.a');
    const own = await teacher.put(`${url()}/items/I.4`, {
      answer: { percent: 85 },
      note: 'Kho học liệu của trường',
      version: 0,
    });
    expect(own.status).toBe(200);
    expect(own.body.can.editItems).toEqual(['I.4']);
    expect((await teacher.put(`${url()}/items/I.1`, { answer: { met: true }, version: 0 })).status).toBe(403);
    expect(
      (await (await t.as('gv.a2')).put(`${url()}/items/I.4`, { answer: { percent: 10 }, version: 0 })).status,
    ).toBe(403);
    expect(
      (await (await t.as('phong.a')).put(`${url()}/items/I.4`, { answer: { percent: 10 }, version: 0 }))
        .status,
    ).toBe(403);
    expect(
      (await (await t.as('pht.a')).put(`${url()}/items/I.1`, { answer: { met: true }, version: 0 })).status,
    ).toBe(200);
  });

  it('điểm tự chấm vượt điểm tối đa bị từ chối với thông báo tiếng Việt, không lưu gì', async () => {
    const principal = await t.as('ht.a');
    const res = await principal.put(`${url()}/items/I.5`, {
      answer: { subItems: { 'I.5.1': 16, 'I.5.2': 5 } },
      version: 0,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('vượt điểm tối đa');
    expect(Object.keys(res.body.error.fields)).toContain('answer.subItems.I.5.1');
    const mandatoryWithPoints = await principal.put(`${url()}/items/I.2`, {
      answer: { points: 5 },
      version: 0,
    });
    expect(mandatoryWithPoints.status).toBe(400);
    const detail = await principal.get(url());
    expect(detail.body.items.find((i: { itemId: string }) => i.itemId === 'I.5').answer).toBeNull();
  });

  it('minh chứng: tệp, liên kết, giá trị đo từ hệ thống; chỉ số chưa có thì hiện "chưa đo được"', async () => {
    const principal = await t.as('ht.a');
    const file = await principal.upload(`${url()}/items/I.1/evidence-file`, 'file', {
      name: 'Kế hoạch dạy học trực tuyến.pdf',
      content: Buffer.from('%PDF-1.4 kế hoạch'),
      type: 'application/pdf',
    });
    expect(file.status).toBe(201);
    expect(file.body[0]).toMatchObject({ kind: 'file', fileName: 'Kế hoạch dạy học trực tuyến.pdf' });
    const link = await principal.post(`${url()}/items/I.3/evidence`, {
      kind: 'link',
      url: 'https://lms.example.vn',
    });
    expect(link.status).toBe(201);
    const badLink = await principal.post(`${url()}/items/I.3/evidence`, { kind: 'link', url: 'ftp://x' });
    expect(badLink.status).toBe(400);
    const metric = await principal.post(`${url()}/items/I.7/evidence`, {
      kind: 'metric',
      metricId: 'classrooms_with_projector_internet_share',
    });
    expect(metric.status).toBe(201);
    expect(metric.body.find((e: { kind: string }) => e.kind === 'metric').metricSummary).toBe(
      '27/30 phòng học',
    );
    const missing = await principal.post(`${url()}/items/I.4/evidence`, {
      kind: 'metric',
      metricId: 'subjects_with_digital_materials_share',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.message).toContain('chưa đo được');

    const detail = await (await t.as('phong.a')).get(url());
    const measures = Object.fromEntries(
      detail.body.measures.map((m: { metricId: string }) => [m.metricId, m]),
    );
    expect(measures.classrooms_with_projector_internet_share).toMatchObject({ available: true, value: 0.9 });
    expect(measures.subjects_with_digital_materials_share).toMatchObject({
      available: false,
      summary: 'chưa đo được',
    });
    const evidenceId = file.body[0].id;
    const download = await (await t.as('phong.a')).get(`${url()}/evidence/${evidenceId}/file`);
    expect(download.status).toBe(200);
    expect(download.raw.toString()).toContain('kế hoạch');
    expect((await (await t.as('phong.b')).get(`${url()}/evidence/${evidenceId}/file`)).status).toBe(403);
    const drill = await principal.get(`${url()}/metrics/classrooms_with_projector_internet_share`);
    expect(drill.body.rows).toEqual([{ label: 'Phòng 6A1', detail: null, ok: true }]);
  });

  it('giáo viên không phê duyệt được; phê duyệt khi còn tiêu chí chưa đánh giá bị từ chối', async () => {
    expect((await (await t.as('gv.a')).post(`${url()}/approve`, {})).status).toBe(403);
    expect((await (await t.as('pht.a')).post(`${url()}/approve`, {})).status).toBe(403);
    const incomplete = await (await t.as('ht.a')).post(`${url()}/approve`, {});
    expect(incomplete.status).toBe(400);
    expect(incomplete.body.error.message).toContain('chưa tự đánh giá');
    expect((await (await t.as('ht.a')).post(`${url()}/submit`, {})).status).toBe(409);
  });

  it('phê duyệt đóng băng kết quả tự đánh giá: tổng điểm và mức từng nhóm đúng, có lịch sử và nhật ký', async () => {
    const principal = await t.as('ht.a');
    const loaded = (await principal.get(url())).body.items as { itemId: string; version: number }[];
    const version = (itemId: string) => loaded.find((i) => i.itemId === itemId)?.version ?? 0;
    for (const [itemId, answer] of Object.entries(answers4725()))
      expect(
        (await principal.put(`${url()}/items/${itemId}`, { answer, version: version(itemId) })).status,
      ).toBe(200);
    const approved = await principal.post(`${url()}/approve`, { comment: 'Đã rà soát đủ minh chứng' });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    const row = await t.db
      .selectFrom('assessments')
      .selectAll()
      .where('id', '=', assessmentId)
      .executeTakeFirstOrThrow();
    const result = row.self_result as {
      groups: { id: string; total: number; level: number }[];
      unitLevel: number;
    };
    expect(result.groups.map((g) => [g.id, g.total, g.level])).toEqual([
      ['I', 85.5, 3],
      ['II', 67, 2],
    ]);
    expect(result.unitLevel).toBe(2);
    expect(row.approved_by).toBe(w.people.principal.id);
    const events = await t.db
      .selectFrom('assessment_events')
      .select('action')
      .where('assessment_id', '=', assessmentId)
      .orderBy('created_at')
      .execute();
    expect(events.map((e) => e.action)).toEqual(['started', 'approved']);
    const audits = await t.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', assessmentId)
      .execute();
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['claim', 'assign', 'approved']));
  });

  it('sau khi phê duyệt, trường không sửa được tiêu chí hay minh chứng', async () => {
    const principal = await t.as('ht.a');
    expect((await principal.put(`${url()}/items/I.4`, { answer: { percent: 10 }, version: 0 })).status).toBe(
      409,
    );
    expect(
      (await (await t.as('gv.a')).put(`${url()}/items/I.4`, { answer: { percent: 10 }, version: 0 })).status,
    ).toBe(409);
    const link = await principal.post(`${url()}/items/I.3/evidence`, { kind: 'link', url: 'https://x.vn' });
    expect(link.status).toBe(409);
    expect((await principal.get(url())).body.can).toMatchObject({
      editItems: [],
      approve: false,
      submit: true,
    });
  });

  it('biên bản và quyết định tự đánh giá là PDF có quốc hiệu và tên trường có dấu', async () => {
    const principal = await t.as('ht.a');
    const started = performance.now();
    const minutes = await principal.get(`${url()}/minutes.pdf`);
    const minutesMs = performance.now() - started;
    expect(minutes.status).toBe(200);
    expect(minutes.headers['content-type']).toBe('application/pdf');
    const text = await extractPdfText(minutes.raw);
    for (const phrase of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'TRƯỜNG THCS LÊ QUÝ ĐÔN',
      'BIÊN BẢN TỰ ĐÁNH GIÁ',
      'Nguyễn Thị Hạnh',
    ])
      expect(text).toContain(phrase);
    expect(text).toContain('Mức 2 - Đáp ứng cơ bản');
    const decision = await principal.get(`${url()}/decision.pdf`);
    const decisionText = await extractPdfText(decision.raw);
    expect(decisionText).toContain('Trường THCS Lê Quý Đôn');
    expect(decisionText).toContain('QUYẾT ĐỊNH');
    // The catalogue by its display name; no internal identifier (code, version) on either official document.
    expect(text.replace(/\s+/g, ' ')).toContain(`theo ${NATIONAL_SCHOOL_CATALOGUE_4725.title}`);
    for (const printed of [text, decisionText]) {
      expect(printed).not.toContain(NATIONAL_SCHOOL_CATALOGUE_4725.code);
      expect(printed).not.toContain(NATIONAL_SCHOOL_CATALOGUE_4725.version);
      expect(printed).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/);
    }
    expect(decision.headers['content-disposition']).toContain('filename*=UTF-8');
    // QĐ 4725 as shipped lacks one criterion of Nhóm II: every page of both documents says so.
    const notice = (NATIONAL_SCHOOL_CATALOGUE_4725.draftNotice ?? '').slice(0, 60);
    expect(notice).toMatch(/^Bộ tiêu chí chưa đầy đủ so với văn bản gốc/);
    for (const raw of [minutes.raw, decision.raw]) {
      const pages = await extractPdfPages(raw);
      for (const page of pages) expect(page.replace(/\s+/g, ' ')).toContain(notice);
    }
    console.info(
      `PDF biên bản ${minutes.raw.length} B in ${Math.round(minutesMs)} ms; quyết định ${decision.raw.length} B`,
    );
    expect((await (await t.as('ht.b')).get(`${url()}/minutes.pdf`)).status).toBe(403);
  });

  it('hiệu trưởng nộp hồ sơ; chuyên viên phòng được báo; nộp lần nữa báo đã nộp', async () => {
    expect((await (await t.as('gv.a')).post(`${url()}/submit`, {})).status).toBe(403);
    const res = await (await t.as('ht.a')).post(`${url()}/submit`, {});
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('submitted');
    expect(res.body.events.at(-1).action).toBe('submitted');
    const again = await (await t.as('ht.a')).post(`${url()}/submit`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_done');
    const notes = await (await t.as('phong.a.cv')).get('/api/v1/notifications');
    expect(notes.body.items[0].title).toContain('đã nộp');
  });
});
