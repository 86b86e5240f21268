import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildAssessmentCampaign } from '../../../test/factories.ts';
import { buildGradebookSchool } from '../../../test/factories-grades.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import { NATIONAL_SCHOOL_CATALOGUE_4725 } from '../../domain/dx-index/index.ts';
import { publishOverdueSubmissions } from '../dx-assessments/overdue-submissions.ts';
import { publishOverdueScoreEntry } from './overdue-scores.ts';

// Issue 13 §1 "for staff: an overdue task": score entry not finished after the term's deadline → the subject
// teacher; a DX self-assessment not submitted after the campaign's deadline → the principal. Once a day at most.
describe.each(STORAGES)('việc quá hạn của cán bộ (%s)', (storage) => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof buildGradebookSchool>>;
  const overdue = () =>
    t.db
      .selectFrom('notification_events as e')
      .innerJoin('notifications as n', (j) =>
        j.onRef('n.title', '=', 'e.title').on('n.kind', '=', 'overdue_task'),
      )
      .innerJoin('users as u', 'u.id', 'n.user_id')
      .select(['e.dedupe_key', 'e.title', 'e.body', 'u.username'])
      .where('e.kind', '=', 'overdue_task')
      .orderBy('e.dedupe_key')
      .execute();

  beforeAll(async () => {
    t = await startTestApp(storage);
    s = await buildGradebookSchool(t.db, { students: 5 });
  });
  afterAll(() => t.close());

  it('score entry: after the term I deadline the math teacher of an unfinished class is told, once a day', async () => {
    await t.db
      .insertInto('gradebook_terms')
      .values({ unit_id: s.schoolA.id, school_year: '2025-2026', term: 1, entry_deadline: '2026-01-10' })
      .execute();
    // Before the deadline, and before the morning's hour on the day after it: nothing.
    await publishOverdueScoreEntry(t.db, new Date('2026-01-10T09:00:00+07:00'));
    await publishOverdueScoreEntry(t.db, new Date('2026-01-11T06:00:00+07:00'));
    expect(await overdue()).toEqual([]);
    await publishOverdueScoreEntry(t.db, new Date('2026-01-11T08:00:00+07:00'));
    await publishOverdueScoreEntry(t.db, new Date('2026-01-11T15:00:00+07:00'));
    const first = await overdue();
    expect(first.map((e) => [e.username, e.title])).toContainEqual([
      'gv.toan',
      'Quá hạn nhập điểm: Toán lớp 6A1, học kì I',
    ]);
    expect(first.filter((e) => e.title.includes('Toán lớp'))).toHaveLength(1);
    expect(first.find((e) => e.title.includes('Toán lớp'))?.body).toBe(
      'Hạn nhập điểm là 10/01/2026; còn 5/5 học sinh chưa đủ điểm.',
    );
    // Each teacher is told about each of their subjects (gv.toan also teaches physical education here).
    expect(first.map((e) => e.username).sort()).toEqual(['gv.toan', 'gv.toan', 'gv.van']);
    // The next day, one more (events only: the bell rows share the title).
    await publishOverdueScoreEntry(t.db, new Date('2026-01-12T08:00:00+07:00'));
    const events = await t.db
      .selectFrom('notification_events')
      .select('dedupe_key')
      .where('kind', '=', 'overdue_task')
      .where('title', '=', 'Quá hạn nhập điểm: Toán lớp 6A1, học kì I')
      .execute();
    expect(events.map((e) => e.dedupe_key.slice(-10)).sort()).toEqual(['2026-01-11', '2026-01-12']);
  });

  it("DX: a self-assessment not submitted after the campaign's deadline tells the principal, once a day", async () => {
    await buildAssessmentCampaign(t.db, {
      office: s.officeA,
      units: [s.schoolA],
      catalogue: NATIONAL_SCHOOL_CATALOGUE_4725,
      deadlineInDays: -2,
      title: 'Đánh giá CĐS 2025-2026',
    });
    const morning = new Date(`${todayInVietnam()}T08:00:00+07:00`);
    await publishOverdueSubmissions(t.db, morning);
    await publishOverdueSubmissions(t.db, new Date(morning.getTime() + 3 * 3600_000));
    const dx = (await overdue()).filter((e) => e.dedupe_key.startsWith('dx:'));
    expect(dx.map((e) => [e.username, e.title])).toEqual([
      ['ht.a', 'Quá hạn nộp hồ sơ tự đánh giá: Đánh giá CĐS 2025-2026'],
    ]);
  });
});
