import type { Lateness } from '#contracts/dx-assessments/campaigns.ts';
import { type AssessmentStatus, isAssessed, isSubmitted } from '../../../domain/dx-index/workflow.ts';

export interface CampaignCalendar {
  selfAssessmentStartsOn: string;
  submissionDeadline: string;
  externalEndsOn: string;
}

/** Days before the submission deadline when principals of units not yet submitted are reminded. */
export const REMINDER_WINDOW_DAYS = 3;

/** Whole days from `from` to `to` (ISO dates); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** True on the last REMINDER_WINDOW_DAYS days up to and including the deadline. */
export function deadlineIsNear(calendar: CampaignCalendar, today: string): boolean {
  const left = daysBetween(today, calendar.submissionDeadline);
  return today >= calendar.selfAssessmentStartsOn && left >= 0 && left <= REMINDER_WINDOW_DAYS;
}

/**
 * Where a unit stands against the campaign's dates: a unit that has not submitted is late after the submission
 * deadline (a returned unit too: it must resubmit); a submitted one waits on the office, which is late after the
 * end of the external-assessment window.
 */
export function latenessOf(status: AssessmentStatus, calendar: CampaignCalendar, today: string): Lateness {
  if (isAssessed(status)) return 'done';
  if (isSubmitted(status)) return today > calendar.externalEndsOn ? 'review_overdue' : 'on_track';
  if (today < calendar.selfAssessmentStartsOn) return 'not_open';
  if (today > calendar.submissionDeadline) return 'late';
  return deadlineIsNear(calendar, today) ? 'due_soon' : 'on_track';
}
