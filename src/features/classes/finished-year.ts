import type { Kysely } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import { AppError } from '../../platform/errors.ts';
import { currentSchoolYearOf } from '../school-years/service.ts';

/**
 * Why a class can no longer be edited by hand, or null while its year runs. A year is finished once the school has
 * moved past it: the current school year is later, or the rollover already created classes of a later year. Its
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
  const later = await db
    .selectFrom('classes')
    .select('school_year')
    .where('unit_id', '=', cls.unit_id)
    .where('school_year', '>', cls.school_year)
    .orderBy('school_year')
    .limit(1)
    .executeTakeFirst();
  if (later) {
    return `Năm học ${cls.school_year} đã chuyển sang năm học ${later.school_year}; lớp của năm đã kết thúc không sửa được.`;
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
