/**
 * Calendar days and school years as the schools count them. Pure: no clock is read unless the caller leaves `now`
 * out, no I/O. Dates are ISO calendar days ('YYYY-MM-DD', compared as strings); a school year is a code such as
 * '2025-2026' (the glossary's `school_year`).
 *
 * Server and web both import this module (`#domain/calendar/index.ts`), so a day and a year mean the same on both.
 */

/** Việt Nam has one time zone, UTC+7, and no daylight saving time. */
export const VIETNAM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const VIETNAM_OFFSET = '+07:00';

/**
 * Today's date in Việt Nam, 'YYYY-MM-DD', whatever the server's or browser's time zone: deadlines, statuses and
 * attendance are school days there (a status recorded at 6 a.m. belongs to that local day, not to yesterday UTC).
 */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: VIETNAM_TIME_ZONE }).format(now);
}

/** The hour (0–23) on a clock in Việt Nam. */
export function hourInVietnam(now: Date = new Date()): number {
  return Number(now.toLocaleString('en-GB', { timeZone: VIETNAM_TIME_ZONE, hour: '2-digit' }));
}

/** The instant a Vietnamese calendar day begins (00:00 at UTC+7), e.g. for "from this day" filters on timestamps. */
export function startOfVietnamDay(date: string): Date {
  return new Date(`${date}T00:00:00${VIETNAM_OFFSET}`);
}

/** The instant a Vietnamese calendar day ends (the next day's 00:00 at UTC+7), for inclusive "to this day" filters. */
export function endOfVietnamDay(date: string): Date {
  const end = startOfVietnamDay(date);
  end.setUTCDate(end.getUTCDate() + 1);
  return end;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', as dates are written in Vietnamese messages, documents and screens. */
export function vietnameseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/**
 * The school year a date falls in, e.g. 2025-09-30 → "2025-2026". Years start in September (a province's calendar
 * may open in late August), so the cut-off is 1 August: July still belongs to the year that is ending.
 */
export function schoolYearOfDate(date: string): string {
  const year = Number(date.slice(0, 4));
  return schoolYearStarting(date.slice(5) >= '08-01' ? year : year - 1);
}

/** The calendar year a school year starts in: '2025-2026' → 2025. */
export function schoolYearStartYear(schoolYear: string): number {
  return Number(schoolYear.slice(0, 4));
}

/** The calendar year a school year ends in: '2025-2026' → 2026. */
export function schoolYearEndYear(schoolYear: string): number {
  return Number(schoolYear.slice(5));
}

/** The school year that starts in a calendar year: 2025 → '2025-2026'. */
export function schoolYearStarting(startYear: number): string {
  return `${startYear}-${startYear + 1}`;
}

/** A code spans two consecutive calendar years ('2025-2026', not '2025-2027'); the format is checked elsewhere. */
export function spansConsecutiveYears(schoolYear: string): boolean {
  return schoolYearEndYear(schoolYear) === schoolYearStartYear(schoolYear) + 1;
}

/** '2025-2026' → '2024-2025'. */
export function previousSchoolYear(schoolYear: string): string {
  return schoolYearStarting(schoolYearStartYear(schoolYear) - 1);
}

/** '2025-2026' → '2026-2027'. */
export function nextSchoolYear(schoolYear: string): string {
  return schoolYearStarting(schoolYearStartYear(schoolYear) + 1);
}

/** A school year's calendar: its first day, the last day of term 1, the first of term 2 and its last day. */
export interface SchoolYearCalendar {
  code: string;
  startsOn: string;
  term1EndsOn: string;
  term2StartsOn: string;
  endsOn: string;
}

/**
 * The usual calendar of a school year (5 September to 31 May, term 1 ending on 17 January): the starting point a
 * unit edits, and the bounds assumed for a year whose calendar nobody has set.
 */
export function usualCalendar(schoolYear: string): SchoolYearCalendar {
  const start = schoolYearStartYear(schoolYear);
  const end = schoolYearEndYear(schoolYear);
  return {
    code: schoolYear,
    startsOn: `${start}-09-05`,
    term1EndsOn: `${end}-01-17`,
    term2StartsOn: `${end}-01-19`,
    endsOn: `${end}-05-31`,
  };
}

/**
 * The term a date falls in by a school-year calendar: term 1 up to and including its last day, term 2 after it.
 * Days of the break between the terms count with term 2: once term 1 has ended (and is locked), later days are
 * not part of it.
 */
export function termOfDate(calendar: { term1EndsOn: string }, date: string): 1 | 2 {
  return date <= calendar.term1EndsOn ? 1 : 2;
}
