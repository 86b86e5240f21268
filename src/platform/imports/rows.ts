import type { z } from 'zod';
import { safeParseInput, textProblemMessage } from '#contracts/common.ts';
import type { JobProgress } from '../jobs/runner.ts';
import {
  type ImportColumn,
  ImportRowRefused,
  InputRefused,
  type RowError,
  type SheetRecord,
  type ValidatedRow,
  type Validation,
} from './kinds.ts';

export interface ParseOptions {
  /** Shapes a record into the service input (defaults to the record's values as they are). */
  toInput?: (record: SheetRecord) => Record<string, unknown>;
  /** Column key of an input field path, when the input's shape differs from the columns (guardians.0.phone). */
  columnOf?: (path: readonly PropertyKey[]) => string;
}

/**
 * Checks each record with the owning feature's input schema, so an imported row obeys exactly the rules of the
 * form (national ID via domain/identity, names, phone numbers…) and the text hygiene rule (NFC, no control
 * characters: contracts/common.ts). Each issue becomes an error on its row and column; a
 * column whose cell was already unreadable is not reported twice.
 */
export function parseRecords<S extends z.ZodType>(
  schema: S,
  records: readonly SheetRecord[],
  columns: readonly ImportColumn[],
  options: ParseOptions = {},
): Validation<z.output<S>> {
  const headerOf = new Map(columns.map((c) => [c.key, c.header]));
  const rows: ValidatedRow<z.output<S>>[] = [];
  const errors: RowError[] = [];
  for (const record of records) {
    const input = options.toInput ? options.toInput(record) : { ...record.values };
    // An empty cell is a field left out: the forms' schemas accept a missing optional field, not always a null.
    const result = safeParseInput(
      schema,
      Object.fromEntries(Object.entries(input).filter(([, value]) => value !== null && value !== undefined)),
    );
    if (result.success) {
      if (record.unreadable.size === 0) rows.push({ rowNumber: record.rowNumber, value: result.data });
      continue;
    }
    const reported = new Set<string>();
    for (const issue of result.issues) {
      const key = options.columnOf?.(issue.path) ?? String(issue.path[0] ?? '');
      if (record.unreadable.has(key) || reported.has(key)) continue;
      reported.add(key);
      const header = headerOf.get(key) ?? null;
      const required = header && record.values[key] == null && columns.find((c) => c.key === key)?.required;
      errors.push({
        row: record.rowNumber,
        column: header,
        message: required
          ? `Thiếu ${header.toLowerCase()} (cột bắt buộc).`
          : issue.problem
            ? textProblemMessage(issue.problem, `Ô "${header ?? key}"`)
            : issue.message,
      });
    }
  }
  return { rows, errors };
}

/**
 * Rows whose value under `keyOf` repeats an earlier row of the same file: each repeat is an error naming the first
 * row, e.g. two students with one personal ID.
 */
export function duplicatesInFile<T>(
  rows: readonly ValidatedRow<T>[],
  keyOf: (value: T) => string | null | undefined,
  column: ImportColumn,
  describe: (key: string, firstRow: number) => string,
): RowError[] {
  const first = new Map<string, number>();
  const errors: RowError[] = [];
  for (const row of rows) {
    const key = keyOf(row.value);
    if (!key) continue;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row.rowNumber);
    else errors.push({ row: row.rowNumber, column: column.header, message: describe(key, earlier) });
  }
  return errors;
}

/**
 * Names typed in a sheet match records without regard to case or extra spaces; diacritics count ("Hà" is not
 * "Hạ"), but the two Unicode spellings of one letter are the same.
 */
export const nameKey = (name: string) =>
  name.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/** Looks up a column by key in a kind's column list (a typo is a programming error). */
export function columnNamed(columns: readonly ImportColumn[], key: string): ImportColumn {
  const column = columns.find((c) => c.key === key);
  if (!column) throw new Error(`No column ${key}`);
  return column;
}

/** Errors first by row, then in column order, so the preview reads top to bottom. */
export function sortErrors(errors: RowError[], columns: readonly ImportColumn[]): RowError[] {
  const order = new Map(columns.map((c, i) => [c.header, i]));
  return errors.sort(
    (a, b) =>
      (a.row ?? 0) - (b.row ?? 0) || (order.get(a.column ?? '') ?? -1) - (order.get(b.column ?? '') ?? -1),
  );
}

/**
 * A kind's set-based commit (ImportKind.commitRows): `write` takes the values of 1,000 rows at a time (not fewer: on
 * the embedded database each slice repeats the write's checks and lookups, turns of the one connection every user
 * waits behind, while a longer unnest statement costs little more), and the progress bar moves between slices; an
 * input it refuses (InputRefused) is reported on its Excel row. `done`/`total` place these rows in a commit that
 * writes several lists (update mode: updates, then creates).
 */
export async function writeInSlices<T>(
  rows: readonly ValidatedRow<T>[],
  progress: JobProgress,
  write: (values: T[], slice: readonly ValidatedRow<T>[]) => Promise<void>,
  position: { done: number; total: number } = { done: 0, total: rows.length },
): Promise<void> {
  for (let from = 0; from < rows.length; from += COMMIT_SLICE) {
    const slice = rows.slice(from, from + COMMIT_SLICE);
    try {
      await write(
        slice.map((r) => r.value),
        slice,
      );
    } catch (error) {
      if (!(error instanceof InputRefused)) throw error;
      throw new ImportRowRefused(slice[error.index]?.rowNumber ?? 0, error.error);
    }
    await progress.report(position.done + from + slice.length, position.total, 'Đang ghi');
  }
}

const COMMIT_SLICE = 1_000;
