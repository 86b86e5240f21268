import type { Grade, GradeOffering, OfferingStatus } from './subject.ts';

/** Builders shared by the subject data files. */

export type Offerings = Partial<Record<Grade, GradeOffering>>;

/** The same offering for each of `grades`; pass a note to mark the value unconfirmed and say why. */
export function offer(
  grades: readonly Grade[],
  status: OfferingStatus,
  periodsPerYear: number,
  unconfirmedNote?: string,
): Offerings {
  const offering: GradeOffering = unconfirmedNote
    ? { status, periodsPerYear, confirmed: false, note: unconfirmedNote }
    : { status, periodsPerYear, confirmed: true };
  return Object.fromEntries(grades.map((grade) => [grade, offering]));
}

export const PRIMARY: readonly Grade[] = [1, 2, 3, 4, 5];
export const LOWER_SECONDARY: readonly Grade[] = [6, 7, 8, 9];
export const UPPER_SECONDARY: readonly Grade[] = [10, 11, 12];
/** Grades 1–9, the basic-education stage (giai đoạn giáo dục cơ bản). */
export const BASIC: readonly Grade[] = [...PRIMARY, ...LOWER_SECONDARY];

export const UPPER_TABLE_NOT_SEEN =
  'Upper-secondary education plan table not seen in a transcription; value from the programme as we know it.';
export const ELECTIVE_70 =
  '70 periods/year as History had when it was elective (210 over 3 years, press on TT 13/2022); the table itself was not seen.';
export const ARTS_SPLIT =
  'The education plan gives Nghệ thuật (Âm nhạc, Mĩ thuật) 70 periods; the 35/35 split is from the subject programmes, not checked.';
