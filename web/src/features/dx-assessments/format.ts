import type { AssessmentStatus, Lateness } from '#contracts/dx-assessments/campaigns.ts';
import { vietnameseDate } from '#domain/calendar/index.ts';

/** Points the Vietnamese way: 85.5 → "85,5". */
export function formatPoints(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return String(Math.round(value * 100) / 100).replace('.', ',');
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  return vietnameseDate(iso.slice(0, 10));
}

export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('vi-VN');
}

export const STATUS_COLOR: Record<AssessmentStatus, string> = {
  not_started: 'gray',
  in_progress: 'blue',
  approved: 'cyan',
  submitted: 'indigo',
  returned: 'red',
  under_review: 'violet',
  assessed: 'teal',
  recognised: 'green',
};

export const LATENESS_COLOR: Record<Lateness, string> = {
  not_open: 'gray',
  on_track: 'blue',
  due_soon: 'orange',
  late: 'red',
  review_overdue: 'red',
  done: 'green',
};

export const LEVEL_COLOR: Record<number, string> = { 1: 'red', 2: 'yellow', 3: 'green' };

export function levelColor(level: number | null | undefined): string {
  return level ? (LEVEL_COLOR[level] ?? 'blue') : 'gray';
}

/**
 * The level's colour for text on a light or striped row: the light variant's text colour, which the theme darkens
 * to ≥ 4.5:1 (main.tsx); shade 8 of yellow or green read 2.4–3.3:1 on a striped row (axe, WCAG 1.4.3).
 */
export function levelTextColor(level: number | null | undefined): string {
  return `var(--mantine-color-${levelColor(level)}-light-color)`;
}

/** Reads a date typed the Vietnamese way (31/5/2026, 31-05-2026) as 'YYYY-MM-DD'; null when it is not a date. */
export function parseVietnameseDate(value: string): string | null {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value.trim());
  if (!match) return null;
  const [, day = '', month = '', year = ''] = match;
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  const parsed = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso ? iso : null;
}
