import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRowCount, startTestApp, type TestApp } from '../../../../test/app.ts';
import { STORAGES } from '../../../../test/databases.ts';
import { buildAssessmentCampaign, buildAssessmentPeople } from '../../../../test/factories.ts';
import { NATIONAL_SCHOOL_CATALOGUE_4725 } from '../../../domain/dx-index/index.ts';

// Two sessions (the principal in two tabs, or the principal and the teacher a criterion is assigned to) load the
// same self-assessment; each save names the claim's version it loaded, so a stale save never silently reverts the
// other's claim.

type Item = { itemId: string; version: number; answer: unknown; note: string | null };

describe.each(STORAGES)('tự đánh giá: sửa đồng thời không ghi đè lặng lẽ (%s)', (storage) => {
  let t: TestApp;
  let assessmentId: string;
  const url = () => `/api/v1/assessments/${assessmentId}`;
  const itemOf = (body: { items: Item[] }, itemId: string) =>
    body.items.find((i) => i.itemId === itemId) as Item;
  const auditCount = () => auditRowCount(t.db);

  beforeAll(async () => {
    t = await startTestApp(storage);
    const w = await buildAssessmentPeople(t.db);
    const built = await buildAssessmentCampaign(t.db, {
      office: w.officeA,
      units: [w.schoolA],
      catalogue: NATIONAL_SCHOOL_CATALOGUE_4725,
    });
    assessmentId = built.byUnit.get(w.schoolA.id)?.id as string;
  });
  afterAll(() => t.close());

  it('lưu đè tiêu chí người khác đã sửa là 409 nêu mã, tên tiêu chí và giá trị hiện tại, không ghi gì; lưu lại với phiên bản mới thì được', async () => {
    const tabA = await t.as('ht.a');
    const tabB = await t.as('ht.a');
    const loadedA = (await tabA.get(url())).body;
    const loadedB = (await tabB.get(url())).body;
    expect(itemOf(loadedA, 'I.4').version).toBe(0);

    const first = await tabA.put(`${url()}/items/I.4`, {
      answer: { percent: 85 },
      note: 'Kho học liệu',
      version: itemOf(loadedA, 'I.4').version,
    });
    expect(first.status).toBe(200);
    expect(itemOf(first.body, 'I.4').version).toBe(1);

    const audits = await auditCount();
    const stale = await tabB.put(`${url()}/items/I.4`, {
      answer: { percent: 40 },
      note: null,
      version: itemOf(loadedB, 'I.4').version,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('conflict');
    expect(stale.body.error.message).toContain('Tiêu chí đã được người khác sửa sau khi bạn mở trang');
    expect(stale.body.error.message).toContain('I.4');
    expect(stale.body.error.message).toContain('Nguyễn Thị Hạnh');
    expect(stale.body.error.details.conflicts).toEqual([
      expect.objectContaining({
        itemId: 'I.4',
        itemTitle: expect.any(String),
        version: 1,
        answer: { percent: 85 },
        note: 'Kho học liệu',
        progress: 'done',
        updatedByName: 'Nguyễn Thị Hạnh',
      }),
    ]);
    expect(stale.body.error.details.conflicts[0].itemTitle.length).toBeGreaterThan(3);
    expect(await auditCount()).toBe(audits);
    expect(itemOf((await tabA.get(url())).body, 'I.4')).toMatchObject({
      answer: { percent: 85 },
      note: 'Kho học liệu',
      version: 1,
    });

    // The same stale page saving another criterion is fine: versions are per criterion.
    const other = await tabB.put(`${url()}/items/I.1`, {
      answer: { met: true },
      version: itemOf(loadedB, 'I.1').version,
    });
    expect(other.status).toBe(200);

    // Keeping one's own claim knowingly: the version from the 409 saves over it.
    const kept = await tabB.put(`${url()}/items/I.4`, {
      answer: { percent: 40 },
      note: null,
      version: stale.body.error.details.conflicts[0].version,
    });
    expect(kept.status).toBe(200);
    expect(itemOf(kept.body, 'I.4')).toMatchObject({ answer: { percent: 40 }, note: null, version: 2 });
  });

  it('lưu cũ nhưng trùng đúng giá trị đang lưu thì không phải xung đột', async () => {
    const principal = await t.as('ht.a');
    const same = await principal.put(`${url()}/items/I.4`, {
      answer: { percent: 40 },
      note: null,
      progress: 'done',
      version: 0,
    });
    expect(same.status).toBe(200);
  });

  it('hai lần lưu đầu tiên cùng lúc của một tiêu chí chưa ai sửa: đúng một lần được ghi, lần kia 409', async () => {
    const [a, b] = [await t.as('ht.a'), await t.as('pht.a')];
    const results = await Promise.all([
      a.put(`${url()}/items/I.2`, { answer: { met: true }, version: 0 }),
      b.put(`${url()}/items/I.2`, { answer: { met: false }, version: 0 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const stored = itemOf((await a.get(url())).body, 'I.2');
    expect(stored.version).toBe(1);
    const winner = results.find((r) => r.status === 200);
    expect(stored.answer).toEqual(itemOf(winner?.body, 'I.2').answer);
  });
});
