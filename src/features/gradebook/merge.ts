import { sql } from 'kysely';
import type { EditConflict } from '#contracts/gradebook.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';

// Concurrent edits of one grid (two sessions of a teacher, a teacher and a colleague) never silently overwrite each
// other. A save carries, per row, the cells as the client loaded them (its base). Each cell is merged three ways:
// - mine = base: this client did not edit it, the stored value stays (even if someone changed it meanwhile);
// - mine ≠ base, stored = base: nobody else touched it, mine is written;
// - mine ≠ base, stored ≠ base, mine ≠ stored: someone else changed it since: a conflict, and nothing is written.
// Values compare by their JSON text, so arrays (sorted make-up flags) and nulls compare by value.

export type Cells = Record<string, unknown>;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** One row's merge: the cells to store, the columns this save changes and those that conflict. */
export function mergeCells(
  mine: Cells,
  base: Cells,
  stored: Cells,
): { merged: Cells; changed: string[]; conflicts: string[] } {
  const merged: Cells = { ...stored };
  const changed: string[] = [];
  const conflicts: string[] = [];
  for (const column of Object.keys(mine)) {
    if (same(mine[column], base[column]) || same(mine[column], stored[column])) continue;
    if (!same(base[column], stored[column])) {
      conflicts.push(column);
      continue;
    }
    merged[column] = mine[column];
    changed.push(column);
  }
  return { merged, changed, conflicts };
}

/**
 * Serialises the saves of one grid (class × subject × term, or a class's conduct or attendance of a term or day)
 * until the transaction ends, so the base check and the write see the same stored values on PostgreSQL too (a
 * row lock would not cover rows that do not exist yet). PGlite has one connection, so this only costs a call.
 */
export async function lockGrid(trx: ServiceContext, key: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`gradebook.grid:${key}`}))`.execute(trx.db);
}

/** The 409 for cells someone else changed; `describe` names one conflict for the message. */
export function conflictError(
  subject: string,
  conflicts: readonly EditConflict[],
  describe: (conflict: EditConflict) => string,
): AppError {
  const listed = conflicts.slice(0, 5).map(describe).join('; ');
  const more = conflicts.length > 5 ? ` và ${conflicts.length - 5} ô khác` : '';
  return new AppError(
    'conflict',
    `${subject} đã được người khác sửa sau khi bạn mở bảng: ${listed}${more}. Chưa lưu gì; chọn dùng giá trị mới hoặc giữ giá trị của bạn rồi lưu lại.`,
    undefined,
    { conflicts },
  );
}
