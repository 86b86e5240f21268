import { type Kysely, sql } from 'kysely';
import { schoolYearOfDate, vietnameseDate } from '../../domain/calendar/index.ts';
import { subjectByCode } from '../../domain/curriculum/index.ts';
import type { DB } from '../../platform/db/schema.ts';
import type { NotificationSource } from '../../platform/notifications/delivery-loop.ts';
import { type NotificationEvent, publishEvents } from '../../platform/notifications/publish.ts';
import { vietnamClock } from '../../platform/notifications/quiet-hours.ts';
import { currentEnrolments } from '../roster/queries.ts';

/** Overdue-task notices go out in the morning (Việt Nam time), once a day. */
export const OVERDUE_NOTICE_AT = '07:00';
const TERM_WORDS = { 1: 'học kì I', 2: 'học kì II' } as const;

/**
 * Issue 13 §1 "an overdue task" for staff, the score-entry part: once a term's entry deadline (gradebook_terms, set by
 * the school's leaders) has passed, each teacher whose subject in a class still has students without a complete
 * term (no ĐTBmhk, or no Đạt/Chưa đạt for a comment subject) is told, at most once a day per class × subject × term
 * (the event key carries the date). Secondary classes only (primary is evaluated under TT27, not in this grid). One
 * query for every school, one publish.
 */
export async function publishOverdueScoreEntry(db: Kysely<DB>, now: Date, noticeAt = OVERDUE_NOTICE_AT) {
  const { date: today, time } = vietnamClock(now);
  if (time < noticeAt) return { created: 0 };
  const schoolYear = schoolYearOfDate(today);
  const terms = await db
    // scope: the system's daily notice covers every school; each event carries its school's unit_id.
    .selectFrom('gradebook_terms')
    .select(['unit_id', 'term', 'entry_deadline'])
    .where('school_year', '=', schoolYear)
    .where('entry_deadline', '<', today)
    .where('locked_at', 'is', null)
    .execute();
  if (terms.length === 0) return { created: 0 };
  const units = [...new Set(terms.map((t) => t.unit_id))];
  const members = currentEnrolments(db, db.selectFrom('units').select('id').where('id', 'in', units))
    .select(['e.class_id', sql<number>`count(*)::int`.as('n')])
    .groupBy('e.class_id');
  const rows = await db
    // scope: the units of the overdue terms found above.
    .selectFrom('teaching_assignments as ta')
    .innerJoin('gradebook_terms as gt', (j) =>
      j.onRef('gt.unit_id', '=', 'ta.unit_id').onRef('gt.school_year', '=', 'ta.school_year'),
    )
    .innerJoin('staff as st', 'st.id', 'ta.teacher_id')
    .innerJoin('classes as c', 'c.id', 'ta.class_id')
    .innerJoin(members.as('m'), 'm.class_id', 'ta.class_id')
    .select([
      'ta.id',
      'ta.unit_id',
      'ta.subject_code',
      'c.name as class_name',
      'ta.class_id',
      'gt.term',
      'gt.entry_deadline',
      'st.user_id',
      'm.n as members',
      (eb) =>
        eb
          .selectFrom('subject_scores as ss')
          .select(sql<number>`count(*)::int`.as('done'))
          .whereRef('ss.class_id', '=', 'ta.class_id')
          .whereRef('ss.subject_code', '=', 'ta.subject_code')
          .whereRef('ss.term', '=', 'gt.term')
          .where((w) => w.or([w('ss.term_average', 'is not', null), w('ss.term_result', 'is not', null)]))
          .as('done'),
    ])
    .where('ta.unit_id', 'in', units)
    .where('ta.school_year', '=', schoolYear)
    .where('gt.school_year', '=', schoolYear)
    .where('gt.entry_deadline', '<', today)
    .where('gt.locked_at', 'is', null)
    .where('c.grade', '>=', 6)
    .where('st.user_id', 'is not', null)
    .execute();
  const events: NotificationEvent[] = rows
    .filter((r) => Number(r.done ?? 0) < Number(r.members))
    .map((r) => {
      const subject = subjectByCode(r.subject_code)?.name ?? r.subject_code;
      const term = TERM_WORDS[r.term as 1 | 2] ?? `học kì ${r.term}`;
      const missing = Number(r.members) - Number(r.done ?? 0);
      return {
        unitId: r.unit_id,
        kind: 'overdue_task',
        dedupeKey: `scores:${r.id}:${r.term}:${today}`,
        subjectId: r.id,
        title: `Quá hạn nhập điểm: ${subject} lớp ${r.class_name}, ${term}`,
        body: `Hạn nhập điểm là ${vietnameseDate(r.entry_deadline as string)}; còn ${missing}/${r.members} học sinh chưa đủ điểm.`,
        link: `/gradebook/classes/${r.class_id}/subjects/${r.subject_code}?term=${r.term}`,
        userIds: [r.user_id as string],
      };
    });
  return publishEvents(db, events, now);
}

export const overdueScoreEntrySource: NotificationSource = {
  name: 'gradebook.overdue-score-entry',
  run: (db, now) => publishOverdueScoreEntry(db, now),
};
