import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildGuardian } from '../../../test/factories.ts';
import { buildGradebookSchool } from '../../../test/factories-grades.ts';
import type { Row } from '../../platform/db/schema.ts';

// Issue 13 §1: "a score entered below a threshold (optional, off by default)": one message per student × subject ×
// column, not on every re-save; a 45-row save publishes in one call.
describe.each(STORAGES)('báo điểm dưới ngưỡng (%s)', (storage) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof buildGradebookSchool>>;
  let principal: TestClient;
  let mathTeacher: TestClient;
  const grid = `/api/v1/gradebook/classes/{cls}/subjects/math/terms/1`;
  const lowEvents = () =>
    t.db
      .selectFrom('notification_events')
      .select(['dedupe_key', 'title', 'subject_id'])
      .where('kind', '=', 'low_score')
      .execute();
  const save = async (edit: (row: Record<string, unknown>, i: number) => Record<string, unknown>) => {
    const url = grid.replace('{cls}', s.cls.id);
    const loaded = await mathTeacher.get(url);
    const rows = loaded.body.rows.map((r: Record<string, unknown>, i: number) => ({
      ...edit({ ...r }, i),
      base: r,
    }));
    const res = await mathTeacher.put(url, { rows });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    t = await startTestApp(storage);
    s = await buildGradebookSchool(t.db, { students: 45 });
    for (const student of s.students as Row<'students'>[])
      await buildGuardian(t.db, { student, fullName: 'Mẹ' });
    principal = await t.as('ht.a');
    mathTeacher = await t.as('gv.toan');
  });
  afterAll(() => t.close());

  it('off by default: a low score tells nobody', async () => {
    await save((r, i) => ({ ...r, regular: i === 0 ? ['3'] : r.regular }));
    expect(await lowEvents()).toEqual([]);
  });

  it('on: every score below the threshold tells the family once; re-saving or another low value sends nothing more', async () => {
    const settings = await principal.get(`/api/v1/units/${s.schoolA.id}/notification-settings`);
    const on = await principal.put(`/api/v1/units/${s.schoolA.id}/notification-settings`, {
      ...settings.body,
      lowScoreEnabled: true,
      lowScoreThreshold: 5,
    });
    expect(on.status).toBe(200);
    // 45 students: ĐĐGtx1 4,5 for everyone (below 5), ĐĐGtx2 5 (not below), ĐĐGgk 7.
    await save((r) => ({ ...r, regular: ['4,5', '5'], midterm: '7' }));
    const first = await lowEvents();
    expect(first).toHaveLength(45);
    expect(new Set(first.map((e) => e.subject_id)).size).toBe(45);
    expect(first.every((e) => e.dedupe_key.endsWith(':2025-2026:1:math:regular:1'))).toBe(true);
    expect(first[0]?.title).toMatch(/Toán ĐĐGtx1 4,5$/);
    // Every family is told (their guardian has no account nor phone: the report names them, as for notes).
    const messages = await t.db
      .selectFrom('notification_messages as m')
      .innerJoin('notification_events as e', 'e.id', 'm.event_id')
      .select('m.student_id')
      .where('e.kind', '=', 'low_score')
      .execute();
    expect(messages).toHaveLength(45);

    // The same grid saved again, and the first student's ĐĐGtx1 corrected to another low value: nothing new.
    await save((r) => r);
    await save((r, i) => ({ ...r, regular: i === 0 ? ['3', '5'] : r.regular }));
    expect(await lowEvents()).toHaveLength(45);
    // A new low score in another column is told.
    await save((r, i) => ({ ...r, midterm: i === 1 ? '2' : r.midterm }));
    const after = await lowEvents();
    expect(after).toHaveLength(46);
    expect(after.filter((e) => e.dedupe_key.endsWith(':midterm'))).toHaveLength(1);
  });
});
