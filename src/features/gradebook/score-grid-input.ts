import type { SaveGridInput } from '#contracts/gradebook.ts';
import {
  type PassFail,
  parseScoreDetailed,
  type SubjectKind,
  scoreProblem,
} from '../../domain/grading/index.ts';
import type { RosterEntry } from './access.ts';

// Reading a typed score grid (the parse step of saveGrid): every cell is checked before anything is written, and
// each bad cell is named by its row number in the order shown, the student and the printed column name.

export type Cell = number | PassFail | null;

/** One student's row of the grid, in the order the gradebook prints it. */
export interface Values {
  regular: Cell[];
  midterm: Cell;
  final: Cell;
  makeup: string[];
  comment: string | null;
}

export interface ParsedRow {
  studentId: string;
  values: Values;
  /** The cells as the client loaded them (empty when it loaded none), for the merge with what is stored now. */
  base: Values;
}

/** What the grid's cells are checked against: the class (for messages) and the subject's columns. */
export interface GridShape {
  className: string;
  kind: SubjectKind;
  regularCount: number;
}

/** A student's place on the printed grid: row number (1-based, roster order) and name. */
interface RowPosition {
  row: number;
  name: string;
}

/** Bad cells so far, keyed `rows.<row>.<column>` as the web form marks them. */
export type FieldErrors = Record<string, string>;

/** Column names as printed on the gradebook, for error messages. */
export function columnLabel(column: string): string {
  if (column === 'midterm') return 'ĐĐGgk';
  if (column === 'final') return 'ĐĐGck';
  if (column === 'comment') return 'Nhận xét';
  if (column === 'makeup') return 'Kiểm tra bù';
  return `ĐĐGtx${column.split(':')[1]}`;
}

const PASS_WORDS = new Set(['đ', 'đạt', 'd', 'dat', 'pass']);
const FAIL_WORDS = new Set(['cđ', 'chưa đạt', 'cd', 'chua dat', 'fail']);

/** Reads one typed cell; returns the value or the Vietnamese reason it is not acceptable. */
function parseCell(raw: number | string | null, kind: SubjectKind): { value: Cell } | { error: string } {
  if (raw === null || (typeof raw === 'string' && raw.trim() === '')) return { value: null };
  if (kind === 'comment') {
    const word = String(raw).trim().toLowerCase().normalize('NFC');
    if (PASS_WORDS.has(word)) return { value: 'pass' };
    if (FAIL_WORDS.has(word)) return { value: 'fail' };
    return {
      error: `"${raw}" không hợp lệ; môn đánh giá bằng nhận xét chỉ nhận Đ (Đạt) hoặc CĐ (Chưa đạt).`,
    };
  }
  if (typeof raw === 'number') {
    const problem = scoreProblem(raw);
    return problem ? { error: problem } : { value: raw };
  }
  const parsed = parseScoreDetailed(raw);
  return parsed.ok ? { value: parsed.score } : { error: parsed.reason };
}

/**
 * Parses every row of the grid against the class roster: the rows in input order, and every bad cell (and every
 * student not in the class) so the teacher is told about them all at once.
 */
export function parseGrid(
  rows: SaveGridInput['rows'],
  roster: readonly RosterEntry[],
  shape: GridShape,
): { parsed: ParsedRow[]; fields: FieldErrors } {
  const position = new Map(roster.map((s, i) => [s.studentId, { row: i + 1, name: s.fullName }]));
  const fields: FieldErrors = {};
  const parsed: ParsedRow[] = [];
  // Make-up flags may name any column a score is entered in (not the comment).
  const validColumns = new Set([
    ...Array.from({ length: shape.regularCount }, (_, i) => `regular:${i + 1}`),
    'midterm',
    'final',
  ]);
  rows.forEach((row, index) => {
    const at = position.get(row.studentId);
    if (!at) {
      fields[`rows.${index}`] = `Học sinh ở dòng dữ liệu ${index + 1} không thuộc lớp ${shape.className}.`;
      return;
    }
    parsed.push({
      studentId: row.studentId,
      values: parseRow(row, at, shape, validColumns, fields),
      base: baseOf(row.base, shape.regularCount),
    });
  });
  return { parsed, fields };
}

/** One student's row: its cells parsed, problems added to `fields` (a bad cell reads as empty meanwhile). */
function parseRow(
  row: SaveGridInput['rows'][number],
  at: RowPosition,
  shape: GridShape,
  validColumns: ReadonlySet<string>,
  fields: FieldErrors,
): Values {
  const { kind, regularCount } = shape;
  const where = (column: string) => `Dòng ${at.row} (${at.name}), cột ${columnLabel(column)}`;
  const read = (raw: number | string | null, column: string): Cell => {
    const cell = parseCell(raw, kind);
    if ('error' in cell) {
      fields[`rows.${at.row}.${column}`] = `${where(column)}: ${cell.error}`;
      return null;
    }
    return cell.value;
  };
  row.regular.forEach((raw, i) => {
    if (i >= regularCount && raw !== null && String(raw).trim() !== '') {
      fields[`rows.${at.row}.regular:${i + 1}`] =
        `${where(`regular:${i + 1}`)}: môn này chỉ có ${regularCount} điểm ĐĐGtx mỗi học kì.`;
    }
  });
  const regular = Array.from({ length: regularCount }, (_, i) =>
    read(row.regular[i] ?? null, `regular:${i + 1}`),
  );
  const midterm = read(row.midterm, 'midterm');
  const final = read(row.final, 'final');
  for (const flag of row.makeup) {
    if (!validColumns.has(flag)) {
      fields[`rows.${at.row}.makeup`] = `${where('makeup')}: không có cột "${flag}".`;
    }
  }
  const comment = row.comment?.trim() ? row.comment.trim() : null;
  return { regular, midterm, final, makeup: [...new Set(row.makeup)], comment };
}

/** The loaded cells in the form of a parsed row (null: the client loaded the row empty). */
function baseOf(base: SaveGridInput['rows'][number]['base'], regularCount: number): Values {
  const regular = Array.from({ length: regularCount }, (_, i) => base?.regular[i] ?? null);
  if (!base) return { regular, midterm: null, final: null, makeup: [], comment: null };
  const comment = base.comment?.trim() ? base.comment.trim() : null;
  return { regular, midterm: base.midterm, final: base.final, makeup: [...new Set(base.makeup)], comment };
}
