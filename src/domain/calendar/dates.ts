/** Today's date in Vietnam (UTC+7), as 'YYYY-MM-DD': a status recorded at 6 a.m. belongs to that local day. */
export function todayInVietnam(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);
}

/**
 * The school year a date falls in, e.g. 2025-09-30 → "2025-2026". Years start in September (a province's calendar
 * may open in late August), so the cut-off is 1 August: July still belongs to the year that is ending.
 */
export function schoolYearOfDate(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = date.slice(5) >= '08-01' ? year : year - 1;
  return `${start}-${start + 1}`;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY', as dates are written in Vietnamese messages. */
export function vietnameseDate(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}
