import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { currentSchoolYearOf } from '../school-years/service.ts';

/**
 * Why a class can no longer be edited by hand, or null while its year runs. A year is finished once the school has
 * moved past it: the current school year is later, or the rollover carried its students into the next year. Its
 * class lists, results and học bạ are records of that year (issue 11 §1) and change only through corrections.
 */
export async function finishedYearReason(
  db: Kysely<DB>,
  cls: { unit_id: string; unit_path: string; school_year: string },
): Promise<string | null> {
  const current = await currentSchoolYearOf(db, cls.unit_path);
  if (current && current > cls.school_year) {
    return `Năm học ${cls.school_year} đã kết thúc (năm học hiện tại là ${current}); lớp của năm đã kết thúc không sửa được.`;
  }
  // The rollover's audit row is the record that the year was carried into the next (results/rollover.ts). Classes
  // of the next year alone do not finish it: a principal prepares them before the year ends.
  const rolled = await db
    .selectFrom('audit_log')
    .select(sql<string>`after->>'toYear'`.as('to_year'))
    .where('unit_id', '=', cls.unit_id)
    .where('entity', '=', 'results')
    .where('action', '=', 'rollover')
    .where(sql<string>`after->>'fromYear'`, '=', cls.school_year)
    .limit(1)
    .executeTakeFirst();
  if (rolled) {
    return `Năm học ${cls.school_year} đã chuyển sang năm học ${rolled.to_year}; lớp của năm đã kết thúc không sửa được.`;
  }
  return null;
}

/** Refuses (409) a hand edit of a class of a finished year, with the reason. */
export async function assertYearOpen(
  db: Kysely<DB>,
  cls: { unit_id: string; unit_path: string; school_year: string },
): Promise<void> {
  const reason = await finishedYearReason(db, cls);
  if (reason) throw new AppError('conflict', reason);
}
