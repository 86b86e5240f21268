import {
  COMMENT_SUBJECT_ASSESSMENTS_PER_TERM,
  commentSubjectTermResult,
  formatAverage,
  formatScore,
  PASS_FAIL_SHORT_VI,
  type PassFail,
  parseScoreDetailed,
  termAverage,
} from '#domain/grading/index.ts';
import type { Grid, GridBase, GridRow, GridSaveRow } from './api.ts';

// The score grid as the sheet edits it: every cell is the text the teacher typed, read with the same domain rules
// the server applies, so the averages appear as soon as a row is complete.

export interface SheetRow {
  studentId: string;
  fullName: string | null;
  r1: string | null;
  r2: string | null;
  r3: string | null;
  r4: string | null;
  midterm: string | null;
  final: string | null;
  makeup: string | null;
  comment: string | null;
  /** Computed from the cells on every change (kept in the row so the grid re-renders exactly that row). */
  state: RowState;
}

export type Kind = 'score' | 'comment';
export const REGULAR_KEYS = ['r1', 'r2', 'r3', 'r4'] as const;
export type CellKey = (typeof REGULAR_KEYS)[number] | 'midterm' | 'final';

export function cellText(value: number | string | null, kind: Kind): string | null {
  if (value === null) return null;
  if (kind === 'comment') return PASS_FAIL_SHORT_VI[value as PassFail] ?? String(value);
  return typeof value === 'number' ? formatScore(value) : value;
}

const MAKEUP_LABEL: Record<string, string> = { midterm: 'GK', final: 'CK' };

export function makeupText(flags: string[]): string | null {
  if (flags.length === 0) return null;
  return flags.map((f) => MAKEUP_LABEL[f] ?? `TX${f.split(':')[1]}`).join(', ');
}

/** "TX2, ck" → ['regular:2', 'final']; unknown words are sent as typed so the server names them. */
export function parseMakeup(text: string | null): string[] {
  if (!text?.trim()) return [];
  return text
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((word) => {
      const upper = word.toUpperCase();
      if (upper === 'GK') return 'midterm';
      if (upper === 'CK') return 'final';
      const tx = /^TX(\d)$/.exec(upper);
      return tx ? `regular:${tx[1]}` : word;
    });
}

export function toSheet(row: GridRow, kind: Kind, regularCount: number): SheetRow {
  const [r1 = null, r2 = null, r3 = null, r4 = null] = row.regular.map((v) => cellText(v, kind));
  return withState(
    {
      studentId: row.studentId,
      fullName: row.fullName,
      r1,
      r2,
      r3,
      r4,
      midterm: cellText(row.midterm, kind),
      final: cellText(row.final, kind),
      makeup: makeupText(row.makeup),
      comment: row.comment,
      state: { missing: new Set(), invalid: new Set(), result: '' },
    },
    kind,
    regularCount,
  );
}

export function withState(row: SheetRow, kind: Kind, regularCount: number): SheetRow {
  return { ...row, state: evaluateRow(row, kind, regularCount) };
}

const CELL_OF_FLAG: Record<string, CellKey> = {
  'regular:1': 'r1',
  'regular:2': 'r2',
  'regular:3': 'r3',
  'regular:4': 'r4',
  midterm: 'midterm',
  final: 'final',
};

/** Cells the "Kiểm tra bù" column names, so the grid can mark them. */
export function makeupCells(row: SheetRow): Set<CellKey> {
  return new Set(parseMakeup(row.makeup).flatMap((flag) => CELL_OF_FLAG[flag] ?? []));
}

/** The row to save with the cells it was loaded with (the base the server merges against). */
export function toSave(row: SheetRow, regularCount: number, loaded: GridRow | undefined): GridSaveRow {
  const base: GridBase | null = loaded
    ? {
        regular: loaded.regular,
        midterm: loaded.midterm,
        final: loaded.final,
        makeup: loaded.makeup,
        comment: loaded.comment,
      }
    : null;
  return {
    base,
    studentId: row.studentId,
    regular: REGULAR_KEYS.slice(0, regularCount).map((k) => row[k]),
    midterm: row.midterm,
    final: row.final,
    makeup: parseMakeup(row.makeup),
    comment: row.comment?.trim() ? row.comment : null,
  };
}

const PASS = new Set(['đ', 'đạt', 'd', 'dat']);
const FAIL = new Set(['cđ', 'chưa đạt', 'cd', 'chua dat']);

function readCell(text: string | null, kind: Kind): { value?: number | PassFail; invalid?: boolean } {
  if (!text?.trim()) return {};
  if (kind === 'comment') {
    const word = text.trim().toLowerCase().normalize('NFC');
    if (PASS.has(word)) return { value: 'pass' };
    if (FAIL.has(word)) return { value: 'fail' };
    return { invalid: true };
  }
  const parsed = parseScoreDetailed(text);
  return parsed.ok ? { value: parsed.score } : { invalid: true };
}

export interface RowState {
  missing: Set<CellKey>;
  invalid: Set<CellKey>;
  /** "7,8", "Đ" / "CĐ", or '' while incomplete. */
  result: string;
}

/** Missing and invalid cells of a row and its ĐTBmhk (TT22 Điều 9) or term result, computed like the server. */
export function evaluateRow(row: SheetRow, kind: Kind, regularCount: number): RowState {
  const keys: CellKey[] = [...REGULAR_KEYS.slice(0, regularCount), 'midterm', 'final'];
  const missing = new Set<CellKey>();
  const invalid = new Set<CellKey>();
  const values: (number | PassFail)[] = [];
  for (const key of keys) {
    const cell = readCell(row[key], kind);
    if (cell.invalid) invalid.add(key);
    else if (cell.value === undefined) missing.add(key);
    else values.push(cell.value);
  }
  if (missing.size > 0 || invalid.size > 0) return { missing, invalid, result: '' };
  if (kind === 'comment') {
    const result = commentSubjectTermResult({
      assessments: values as PassFail[],
      required: COMMENT_SUBJECT_ASSESSMENTS_PER_TERM,
    });
    return { missing, invalid, result: PASS_FAIL_SHORT_VI[result] };
  }
  const scores = values as number[];
  const average = termAverage({
    regular: scores.slice(0, regularCount),
    midterm: scores[regularCount] as number,
    final: scores[regularCount + 1] as number,
  });
  return { missing, invalid, result: formatAverage(average) };
}

export function sheetOf(grid: Grid): SheetRow[] {
  return grid.rows.map((r) => toSheet(r, grid.subject.kind, grid.regularCount));
}

/** Editable sheet cells and the server's column names (the `column` of a 409 conflict). */
export const COLUMN_OF_KEY = {
  r1: 'regular:1',
  r2: 'regular:2',
  r3: 'regular:3',
  r4: 'regular:4',
  midterm: 'midterm',
  final: 'final',
  makeup: 'makeup',
  comment: 'comment',
} as const;
export type EditableKey = keyof typeof COLUMN_OF_KEY;
const EDITABLE_KEYS = Object.keys(COLUMN_OF_KEY) as EditableKey[];

/** Identifies a conflicting cell: `studentId:column`. */
export const conflictId = (studentId: string, column: string) => `${studentId}:${column}`;

const sameText = (a: string | null, b: string | null) => (a ?? '').trim() === (b ?? '').trim();

/** How many cells differ from the grid as loaded (what the save bar says is unsaved). */
export function unsavedCellCount(rows: readonly SheetRow[], loaded: ReadonlyMap<string, SheetRow>): number {
  let count = 0;
  for (const row of rows) {
    const was = loaded.get(row.studentId);
    if (!was) continue;
    for (const key of EDITABLE_KEYS) if (!sameText(row[key], was[key])) count++;
  }
  return count;
}

/**
 * Puts unsaved typing on top of the grid as stored now (after a 409): a cell the teacher did not edit takes the
 * stored value, an edited cell keeps what was typed, and a conflicting cell takes the stored value when
 * `takeTheirs`. Returns the rows and whether any typed change remains.
 */
export function rebase(
  rows: readonly SheetRow[],
  loaded: Grid,
  fresh: Grid,
  conflicts: ReadonlySet<string>,
  takeTheirs: boolean,
): { rows: SheetRow[]; edited: boolean } {
  const kind = fresh.subject.kind;
  const before = new Map(sheetOf(loaded).map((r) => [r.studentId, r]));
  const now = new Map(sheetOf(fresh).map((r) => [r.studentId, r]));
  let edited = false;
  const next = rows.map((row) => {
    const was = before.get(row.studentId);
    const stored = now.get(row.studentId);
    if (!was || !stored) return row;
    const merged: SheetRow = { ...row };
    for (const key of EDITABLE_KEYS) {
      const conflict = conflicts.has(conflictId(row.studentId, COLUMN_OF_KEY[key]));
      if (sameText(row[key], was[key]) || (conflict && takeTheirs)) merged[key] = stored[key];
      if (!sameText(merged[key], stored[key])) edited = true;
    }
    return withState(merged, kind, fresh.regularCount);
  });
  return { rows: next, edited };
}
