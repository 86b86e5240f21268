import { todayInVietnam } from '../../domain/calendar/index.ts';

/** A guardian's quiet hours on a clock in Việt Nam, 'HH:MM'; the window may pass midnight (21:00–06:30). */
export interface QuietHours {
  from: string | null;
  to: string | null;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Minutes since midnight in Việt Nam (UTC+7, no daylight saving). */
function vietnamMinutes(now: Date): number {
  return Math.floor(((now.getTime() / 60_000 + 7 * 60) % 1440) + 1440) % 1440;
}

/**
 * When a message may go out: `now`, or the end of the recipient's quiet hours when `now` falls inside them. The bell
 * is never delayed; e-mail, push, ZNS and SMS are.
 */
export function notBeforeQuietEnd(now: Date, quiet: QuietHours): Date {
  if (!quiet.from || !quiet.to || quiet.from === quiet.to) return now;
  const start = minutes(quiet.from);
  const end = minutes(quiet.to);
  const at = vietnamMinutes(now);
  const inside = start < end ? at >= start && at < end : at >= start || at < end;
  if (!inside) return now;
  const wait = (end - at + 1440) % 1440;
  const next = new Date(now.getTime() + wait * 60_000);
  next.setUTCSeconds(0, 0);
  return next;
}

/** 'HH:MM' now in Việt Nam, and today's date there (for the daily absence notice). */
export function vietnamClock(now: Date): { date: string; time: string } {
  const at = vietnamMinutes(now);
  const time = `${String(Math.floor(at / 60)).padStart(2, '0')}:${String(at % 60).padStart(2, '0')}`;
  return { date: todayInVietnam(now), time };
}
