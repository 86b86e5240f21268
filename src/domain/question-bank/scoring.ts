/**
 * Automatic scoring of objective test items.
 *
 * The đúng/sai group follows the format of the national upper-secondary graduation exam from 2025 (Bộ GDĐT, "Cấu trúc
 * định dạng đề thi tốt nghiệp THPT từ năm 2025", applied under Quy chế thi tốt nghiệp THPT — Thông tư 24/2024/TT-BGDĐT):
 * each item holds four statements a)–d); a candidate who judges exactly 1 statement correctly gets 0,1 of the item's
 * points, 2 → 0,25, 3 → 0,5 and 4 → the whole item (the exam's item is worth 1 point, hence 0,1 / 0,25 / 0,5 / 1 point).
 * The other types have no official partial credit; what we do is said at each function.
 */
import { foldVietnamese } from '../text/fold.ts';
import { POINT_UNITS, scaleUnits } from './points.ts';

/** Fraction of the item, in ten-thousandths, for the number of statements judged correctly (0–4). */
const TRUE_FALSE_CREDIT: readonly number[] = [0, 1_000, 2_500, 5_000, 10_000];

export type TrueFalseAnswer = readonly (boolean | null)[];

/** Number of statements whose answer equals the key; an unanswered statement (null) is not correct. */
export function countCorrectStatements(key: readonly boolean[], answer: TrueFalseAnswer): number {
  if (key.length !== 4) throw new RangeError(`a đúng/sai item has 4 statements, got ${key.length}`);
  return key.reduce((count, value, index) => (answer[index] === value ? count + 1 : count), 0);
}

/** Points (in units) a đúng/sai item of `itemUnits` gives: 0,1 / 0,25 / 0,5 / 1 of it for 1 / 2 / 3 / 4 correct. */
export function scoreTrueFalseGroup(
  itemUnits: number,
  key: readonly boolean[],
  answer: TrueFalseAnswer,
): number {
  const credit = TRUE_FALSE_CREDIT[countCorrectStatements(key, answer)] ?? 0;
  return scaleUnits(itemUnits, credit, POINT_UNITS);
}

/** Single choice (A–D): all or nothing. */
export function scoreSingleChoice(itemUnits: number, key: string, answer: string | null): number {
  return answer !== null && answer === key ? itemUnits : 0;
}

export interface NumericKey {
  value: number;
  /** Accepted absolute difference; 0 means the exact value (the exam's short answers are exact to the digits asked). */
  tolerance: number;
}

/**
 * Parses a short numeric answer as a Vietnamese taker writes it: a comma or a point as the decimal mark, an optional
 * minus sign; no thousands separators (a paper's answer grid has none). Null when it is not a number.
 */
export function parseNumericAnswer(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(trimmed) && !/^-?\.\d+$/.test(trimmed)) return null;
  return Number(trimmed);
}

/** Short numeric answer: all or nothing, within the tolerance (1e-9 absorbs binary representation only). */
export function scoreNumericAnswer(itemUnits: number, key: NumericKey, answer: string | null): number {
  const value = answer === null ? null : parseNumericAnswer(answer);
  if (value === null) return 0;
  return Math.abs(value - key.value) <= key.tolerance + 1e-9 ? itemUnits : 0;
}

export interface TextKey {
  accepted: readonly string[];
  /** Whether "Hà Nội" and "ha noi" differ. Default: tone marks matter (they change the word), case does not. */
  ignoreDiacritics?: boolean;
}

function normaliseText(text: string, ignoreDiacritics: boolean): string {
  const spaced = text.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('vi');
  return ignoreDiacritics ? foldVietnamese(spaced) : spaced;
}

/** Short text answer: all or nothing, against every accepted variant, spacing and case ignored. */
export function scoreTextAnswer(itemUnits: number, key: TextKey, answer: string | null): number {
  if (answer === null || answer.trim() === '') return 0;
  const ignore = key.ignoreDiacritics ?? false;
  const given = normaliseText(answer, ignore);
  return key.accepted.some((variant) => normaliseText(variant, ignore) === given) ? itemUnits : 0;
}

/**
 * Matching: each correctly matched pair earns an equal share of the item (as Moodle's matching question grades);
 * no penalty for a wrong pair. `key` and `answer` map a left item to a right item.
 */
export function scoreMatching(
  itemUnits: number,
  key: Readonly<Record<string, string>>,
  answer: Readonly<Record<string, string | null>>,
): number {
  const pairs = Object.keys(key);
  if (pairs.length === 0) return 0;
  const correct = pairs.filter((left) => answer[left] === key[left]).length;
  return scaleUnits(itemUnits, correct, pairs.length);
}
