import type { Kysely } from 'kysely';
import { todayInVietnam, vietnameseDate } from '../../domain/calendar/index.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { NotificationSource } from '../../platform/notifications/delivery-loop.ts';
import { type NotificationEvent, publishEvents } from '../../platform/notifications/publish.ts';
import { vietnamClock } from '../../platform/notifications/quiet-hours.ts';

/** Overdue-task notices go out in the morning (Việt Nam time), once a day. */
const OVERDUE_NOTICE_AT = '07:00';
/** A self-assessment not yet handed to the office: still the school's task. */
const NOT_SUBMITTED = ['not_started', 'in_progress', 'approved', 'returned'] as const;

/**
 * Issue 13 §1 "an overdue task" for staff, the DX part: a unit's self-assessment not submitted when its open
 * campaign's submission deadline has passed tells the unit's principal, at most once a day per self-assessment (the
 * event key carries the date). One query for every unit, one publish.
 */
export async function publishOverdueSubmissions(db: Kysely<DB>, now: Date, noticeAt = OVERDUE_NOTICE_AT) {
  const { time } = vietnamClock(now);
  if (time < noticeAt) return { created: 0 };
  const today = todayInVietnam(now);
  const rows = await db
    // scope: the system's daily notice covers every unit; each event carries the assessed unit's id.
    .selectFrom('assessments as a')
    .innerJoin('assessment_campaigns as c', 'c.id', 'a.campaign_id')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .innerJoin('role_assignments as r', (j) =>
      j.onRef('r.unit_id', '=', 'a.unit_id').on('r.role', '=', 'principal'),
    )
    .innerJoin('users as us', 'us.id', 'r.user_id')
    .select(['a.id', 'a.unit_id', 'u.name as unit_name', 'c.title', 'c.submission_deadline', 'r.user_id'])
    .where('c.status', '=', 'open')
    .where('c.submission_deadline', '<', today)
    .where('a.status', 'in', NOT_SUBMITTED)
    .where('us.is_active', '=', true)
    .execute();
  const byAssessment = new Map<string, NotificationEvent>();
  for (const r of rows) {
    const event = byAssessment.get(r.id) ?? {
      unitId: r.unit_id,
      kind: 'overdue_task',
      dedupeKey: `dx:${r.id}:${today}`,
      subjectId: r.id,
      title: `Quá hạn nộp hồ sơ tự đánh giá: ${r.title}`,
      body: `${r.unit_name} chưa nộp hồ sơ tự đánh giá chuyển đổi số; hạn nộp là ${vietnameseDate(r.submission_deadline)}.`,
      link: `/assessments/${r.id}`,
      userIds: [],
    };
    byAssessment.set(r.id, { ...event, userIds: [...(event.userIds ?? []), r.user_id] });
  }
  return publishEvents(db, [...byAssessment.values()], now);
}

export const overdueSubmissionSource: NotificationSource = {
  name: 'dx-assessments.overdue-submission',
  run: (db, now) => publishOverdueSubmissions(db, now),
};
