import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../../test/app.ts';
import { STORAGES } from '../../../../test/databases.ts';
import type { buildAssessmentPeople } from '../../../../test/factories.ts';
import { buildDashboardProvince } from '../../../../test/factories-dx-dashboard.ts';
import { extractPdfText } from '../../../../test/pdf.ts';

/**
 * A hand-built province: office A runs a campaign (past its deadline) over Lê Quý Đôn (recognised at Mức 2, Mức 1
 * last year) and Hòa Bình (not started: late); office B's school has submitted (self Mức 2); the province's own
 * high school is still working, before its deadline.
 */
describe.each(STORAGES)('bảng tổng hợp đánh giá của phòng, sở (%s)', (storage) => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof buildAssessmentPeople>>;
  let officeAssessmentA: string;
  let externalResult: Awaited<ReturnType<typeof buildDashboardProvince>>['externalResult'];
  const dashboard = (unitId: string, extra = '') => `/api/v1/assessment-dashboard?unitId=${unitId}${extra}`;

  beforeAll(async () => {
    t = await startTestApp(storage);
    ({ w, officeAssessmentA, externalResult } = await buildDashboardProvince(t.db));
  });
  afterAll(() => t.close());

  it('phòng A thấy đúng số liệu của các trường mình: mức, tiến độ, trường chậm nộp, so với năm trước', async () => {
    const res = await (await t.as('phong.a.cv')).get(dashboard(w.officeA.id));
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.schoolYear).toBe('2025-2026');
    expect(d.years).toEqual(['2025-2026', '2024-2025']);
    expect(d.units.map((u: { name: string }) => u.name)).toEqual([
      'Trường THCS Lê Quý Đôn',
      'Trường Tiểu học Hòa Bình',
    ]);
    const lqd = d.units[0];
    expect(lqd).toMatchObject({
      status: 'recognised',
      lateness: 'done',
      selfLevel: 2,
      externalLevel: 2,
      recognisedLevel: 2,
      currentLevel: 2,
      previousLevel: 1,
      total: externalResult.totalPoints,
    });
    expect(lqd.groups).toEqual([
      { id: 'I', total: 75.5, level: 3 },
      { id: 'II', total: 67, level: 2 },
    ]);
    expect(d.units[1]).toMatchObject({ status: 'not_started', lateness: 'late', currentLevel: null });
    expect(d.progress).toEqual({ byStatus: { recognised: 1, not_started: 1 }, late: 1, reviewOverdue: 0 });
    expect(d.distribution.recognised).toEqual({ '1': 0, '2': 1, '3': 0 });
    expect(d.distribution.byGroup).toEqual([
      { groupId: 'I', levels: { '1': 0, '2': 0, '3': 1 } },
      { groupId: 'II', levels: { '1': 0, '2': 1, '3': 0 } },
    ]);
    expect(d.comparison).toMatchObject({
      previousYear: '2024-2025',
      previous: { '1': 1, '2': 0, '3': 0 },
      current: { '1': 0, '2': 1, '3': 0 },
      improved: 1,
      comparable: 1,
    });
    // Weakest: I.4 agreed at 0 of 10 (the school had claimed 10), then I.6 (10,5 of 20).
    expect(d.weakestItems[0]).toMatchObject({ itemId: 'I.4', units: 1, averageRatio: 0, agreedVsClaimed: 0 });
    expect(d.weakestItems[1]).toMatchObject({ itemId: 'I.6', averageRatio: 0.525 });
    expect(d.campaigns).toHaveLength(1);
  });

  it('sở tổng hợp theo từng phòng và các trường trực thuộc sở', async () => {
    const res = await (await t.as('so.cv')).get(dashboard(w.province.id, '&schoolYear=2025-2026'));
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d.units).toHaveLength(4);
    expect(d.campaigns).toHaveLength(3);
    expect(d.areas).toEqual([
      expect.objectContaining({
        areaId: w.officeA.id,
        units: 2,
        submitted: 1,
        assessed: 1,
        recognised: 1,
        late: 1,
      }),
      expect.objectContaining({ areaId: w.officeB.id, units: 1, submitted: 1, assessed: 0, late: 0 }),
      expect.objectContaining({
        areaId: null,
        name: `Trực thuộc ${w.province.name}`,
        units: 1,
        submitted: 0,
      }),
    ]);
    expect(d.areas[0].levels).toEqual({ '1': 0, '2': 1, '3': 0 });
    expect(d.distribution.self).toEqual({ '1': 0, '2': 2, '3': 0 });
    expect(d.progress.byStatus).toEqual({ recognised: 1, not_started: 1, submitted: 1, in_progress: 1 });
    // I.4 over two schools: 0 (agreed) and 10 (claimed, not yet reviewed) of 10.
    expect(d.weakestItems[0]).toMatchObject({
      itemId: 'I.4',
      units: 2,
      averageRatio: 0.5,
      lowestUnitName: 'Trường THCS Lê Quý Đôn',
    });
    const offices = await (await t.as('so.cv')).get(dashboard(w.province.id, '&subjectKind=office'));
    expect(offices.body.units.map((u: { unitId: string }) => u.unitId).sort()).toEqual(
      [w.officeA.id, w.officeB.id].sort(),
    );
  });

  it('phòng khác bị từ chối; giáo viên, hiệu trưởng không xem được bảng tổng hợp', async () => {
    expect((await (await t.as('phong.b')).get(dashboard(w.officeA.id))).status).toBe(403);
    expect((await (await t.as('phong.a')).get(dashboard(w.province.id))).status).toBe(403);
    expect((await (await t.as('gv.a')).get(dashboard(w.officeA.id))).status).toBe(403);
    expect((await (await t.as('ht.a')).get(dashboard(w.schoolA.id))).status).toBe(403);
    expect(
      (await (await t.as('gv.a')).get(`/api/v1/assessment-dashboard.pdf?unitId=${w.officeA.id}`)).status,
    ).toBe(403);
    expect((await t.anonymous().get(dashboard(w.officeA.id))).status).toBe(401);
  });

  it('bản in PDF: biểu đồ, tiêu chí yếu nhất, từng trường', async () => {
    const res = await (await t.as('so.cv')).get(`/api/v1/assessment-dashboard.pdf?unitId=${w.province.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // To look at it: DX_DASHBOARD_PDF_OUT=/tmp/d.pdf npx vitest run … -t PDF, then pdftoppm -png -r 60 /tmp/d.pdf d
    if (process.env.DX_DASHBOARD_PDF_OUT)
      (await import('node:fs')).writeFileSync(process.env.DX_DASHBOARD_PDF_OUT, res.raw);
    const text = await extractPdfText(res.raw);
    for (const expected of [
      'BÁO CÁO TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ',
      'Phân bố mức đạt',
      'Tổng hợp theo đơn vị quản lý',
      'Phòng GD&ĐT A',
      'Các tiêu chí đạt thấp nhất',
      'Trường THCS Lê Quý Đôn',
      'So sánh với năm học 2024-2025',
    ])
      expect(text).toContain(expected);
  });

  it('chỉ số của phòng (QĐ 3806) lấy từ kết quả các trường; lãnh đạo phòng điền tự động, sở xem', async () => {
    const url = `/api/v1/assessments/${officeAssessmentA}`;
    const office = await t.as('phong.a');
    const detail = await office.get(url);
    expect(detail.status).toBe(200);
    const measures = new Map(
      detail.body.measures.map((m: { metricId: string; value: number; summary: string }) => [m.metricId, m]),
    );
    expect(measures.get('managed_schools_level_share')).toMatchObject({ value: 0.5 });
    expect(measures.get('managed_schools_assessed_share')).toMatchObject({
      summary: expect.stringContaining('1/2'),
    });
    expect(measures.get('managed_schools_level_3_share')).toMatchObject({ value: 0 });
    const drill = await office.get(`${url}/metrics/managed_schools_level_share`);
    expect(drill.body.rows).toEqual([
      { label: 'Trường THCS Lê Quý Đôn', detail: 'đã công nhận — Mức 2', ok: true },
      { label: 'Trường Tiểu học Hòa Bình', detail: 'chưa tự đánh giá', ok: false },
    ]);

    expect((await (await t.as('phong.b')).post(`${url}/measured-answers`, {})).status).toBe(403);
    expect((await (await t.as('so.cv')).post(`${url}/measured-answers`, {})).status).toBe(403);
    const pulled = await office.post(`${url}/measured-answers`, {});
    expect(pulled.status).toBe(200);
    const answers = new Map(
      pulled.body.items.map((i: { itemId: string; answer: unknown }) => [i.itemId, i.answer]),
    );
    expect(answers.get('I.3')).toEqual({ ratio: 0.5 });
    expect(answers.get('II.1')).toEqual({ ratio: 0.5 });
    expect(answers.get('II.2')).toEqual({ ratio: 0 });
    // Each filled claim is a new version: a page loaded before the pull cannot silently revert it.
    const versionOf = (body: { items: { itemId: string; version: number }[] }) =>
      body.items.find((i) => i.itemId === 'II.1')?.version;
    expect(versionOf(pulled.body)).toBe(1);
    const stale = await office.put(`${url}/items/II.1`, { answer: { ratio: 0.9 }, version: 0 });
    expect(stale.status).toBe(409);
    expect(versionOf((await office.post(`${url}/measured-answers`, {})).body)).toBe(2);
    const evidence = pulled.body.items.find((i: { itemId: string }) => i.itemId === 'II.1').evidence;
    expect(evidence[0]).toMatchObject({ kind: 'metric', metricSummary: expect.stringContaining('1/2') });
    // The province reviewing the office sees the same claim and measured values.
    const province = await (await t.as('so.cv')).get(url);
    expect(province.status).toBe(200);
    expect(province.body.items.find((i: { itemId: string }) => i.itemId === 'II.1').answer).toEqual({
      ratio: 0.5,
    });
  });
});
