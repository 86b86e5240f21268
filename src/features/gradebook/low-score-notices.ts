import type { ServiceContext } from '../../platform/context.ts';
import { type NotificationEvent, publishEvents } from '../../platform/notifications/publish.ts';
import { lowScoreSetting } from '../../platform/notifications/school-settings.ts';
import { columnLabel } from './score-grid-input.ts';

/** The grid a save wrote to, as the message names it. */
export interface LowScoreGrid {
  unitId: string;
  schoolYear: string;
  classId: string;
  className: string;
  term: number;
  subjectCode: string;
  subjectName: string;
}

/** A cell the save changed: its column ('regular:2', 'midterm', 'final') and the value now stored. */
export interface SavedCell {
  studentId: string;
  studentName: string;
  column: string;
  value: unknown;
}

const SCORE_COLUMNS = /^(regular:\d+|midterm|final)$/;
const scoreText = (n: number) => n.toFixed(1).replace('.', ',');

/**
 * Issue 13 §1 "a score entered below a threshold" (optional, off unless the school turns it on on its notification
 * settings page): each score a save sets below the school's threshold tells the student's family, once per student ×
 * subject × term × column (the event key), so saving the grid again, or correcting the score to another low value,
 * sends nothing more. Called inside the save's transaction with every changed cell: one publishEvents call (three
 * inserts) whatever the number of rows.
 */
export async function publishLowScores(
  ctx: ServiceContext,
  grid: LowScoreGrid,
  cells: readonly SavedCell[],
): Promise<number> {
  const low = cells.filter((c) => SCORE_COLUMNS.test(c.column) && typeof c.value === 'number');
  if (low.length === 0) return 0;
  const setting = await lowScoreSetting(ctx.db, grid.unitId);
  if (!setting.enabled) return 0;
  const events: NotificationEvent[] = low
    .filter((c) => (c.value as number) < setting.threshold)
    .map((c) => {
      const score = scoreText(c.value as number);
      const column = columnLabel(c.column);
      return {
        unitId: grid.unitId,
        kind: 'low_score',
        dedupeKey: `${c.studentId}:${grid.schoolYear}:${grid.term}:${grid.subjectCode}:${c.column}`,
        subjectId: c.studentId,
        title: `${c.studentName} (lớp ${grid.className}): ${grid.subjectName} ${column} ${score}`,
        body: `Em ${c.studentName} có điểm ${column} môn ${grid.subjectName} học kì ${grid.term === 1 ? 'I' : 'II'} là ${score}, dưới ${scoreText(setting.threshold)}. Xin gia đình nhắc nhở và liên hệ giáo viên bộ môn nếu cần.`,
        link: `/contact-book?student=${c.studentId}&tab=scores`,
        createdBy: ctx.actor.userId,
        studentIds: [c.studentId],
      };
    });
  const { created } = await publishEvents(ctx.db, events);
  return created;
}
