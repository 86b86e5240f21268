import type { Kysely } from 'kysely';
import { termOfDate, todayInVietnam } from '../../domain/calendar/index.ts';
import type { DB } from '../../platform/db/schema.ts';
import { currentSchoolYearOf, effectiveSchoolYears } from '../school-years/service.ts';

/**
 * The school year a home page shows (the one asked for, else the unit's current one) and its term today: the term
 * of today's date when the year is running, term 1 before it starts, term 2 after it ends (the year's last work is
 * term II's scores and the year close).
 */
export async function yearAndTerm(db: Kysely<DB>, unitPath: string, asked: string | undefined) {
  const today = todayInVietnam();
  const schoolYear = asked ?? (await currentSchoolYearOf(db, unitPath));
  if (!schoolYear) return { today, schoolYear: null, term: null, calendar: null };
  const calendar = (await effectiveSchoolYears(db, unitPath)).find((y) => y.code === schoolYear) ?? null;
  let term: 1 | 2 = 1;
  if (calendar)
    term = today < calendar.startsOn ? 1 : today > calendar.endsOn ? 2 : termOfDate(calendar, today);
  return { today, schoolYear, term, calendar };
}

/** The entry deadline and lock of a term as the home pages show them. */
export async function termState(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
  term: number,
  today: string,
) {
  const row = await db
    .selectFrom('gradebook_terms')
    .select(['entry_deadline', 'locked_at'])
    .where('unit_id', '=', unitId)
    .where('school_year', '=', schoolYear)
    .where('term', '=', term)
    .executeTakeFirst();
  const entryDeadline = row?.entry_deadline ?? null;
  return {
    term,
    entryDeadline,
    pastDeadline: entryDeadline !== null && today > entryDeadline,
    locked: Boolean(row?.locked_at),
  };
}
