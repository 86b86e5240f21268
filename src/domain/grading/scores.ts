import { hasAtMostOneDecimal } from './decimal.ts';
import { GradingInputError } from './errors.ts';

/**
 * Scores: validation, parsing from what a teacher types, and display.
 *
 * TT22 Điều 5 khoản 3 điểm b: a score is on the 10-point scale and "là số nguyên hoặc số thập phân được lấy đến chữ
 * số thập phân thứ nhất" — a whole number or one decimal. TT27 Điều 7 khoản 1 điểm d: a primary periodic test is
 * scored on the 10-point scale "không cho điểm thập phân" — whole numbers only.
 */

export const MIN_SCORE = 0;
export const MAX_SCORE = 10;

/** A TT22 score: 0–10 with at most one decimal. */
export function isScore(value: number): boolean {
  return typeof value === 'number' && value >= MIN_SCORE && value <= MAX_SCORE && hasAtMostOneDecimal(value);
}

/** Why a score is not acceptable, in Vietnamese, or null when it is. `label` names the field ("Điểm giữa kì"). */
export function scoreProblem(value: number, label = 'Điểm'): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${label} không phải là một con số.`;
  if (value < MIN_SCORE || value > MAX_SCORE) return `${label} phải từ 0 đến 10 (đang là ${asTyped(value)}).`;
  if (!hasAtMostOneDecimal(value)) {
    return `${label} chỉ được có tối đa một chữ số thập phân, ví dụ 7,5 (đang là ${asTyped(value)}).`;
  }
  return null;
}

/** Throws `GradingInputError` unless `value` is a TT22 score (0–10, at most one decimal). */
export function assertScore(value: number, field: string, label = 'Điểm'): void {
  const problem = scoreProblem(value, label);
  if (problem) throw new GradingInputError('invalid_score', problem, field);
}

/** Throws unless `value` is a TT27 periodic test score: a whole number from 0 to 10. */
export function assertPrimaryTestScore(value: number, field: string): void {
  const ok = Number.isInteger(value) && value >= MIN_SCORE && value <= MAX_SCORE;
  if (!ok) {
    throw new GradingInputError(
      'invalid_score',
      `Điểm bài kiểm tra định kì tiểu học phải là số nguyên từ 0 đến 10, không cho điểm thập phân (đang là ${asTyped(value)}).`,
      field,
    );
  }
}

export type ParsedScore = { ok: true; score: number } | { ok: false; reason: string };

/**
 * Reads a score as typed: "7,5", "7.5", "10", " 8 ". Rejects "7,55" (two decimals), "11", "-1", "10,5", "" and text,
 * with a Vietnamese reason the form can show next to the cell.
 */
export function parseScoreDetailed(input: string): ParsedScore {
  const text = input.trim();
  if (text === '') return { ok: false, reason: 'Chưa nhập điểm.' };
  if (/^-/.test(text)) return { ok: false, reason: `Điểm không được âm: "${text}". Điểm phải từ 0 đến 10.` };
  const match = /^(\d{1,2})(?:[.,](\d+))?$/.exec(text);
  if (!match) {
    return {
      ok: false,
      reason: `"${text}" không phải là điểm. Nhập số từ 0 đến 10, dùng dấu phẩy cho phần thập phân, ví dụ 7,5.`,
    };
  }
  const whole = Number(match[1]);
  const fraction = match[2] ?? '';
  if (fraction.length > 1) {
    return {
      ok: false,
      reason: `Điểm "${text}" có hơn một chữ số thập phân. Chỉ ghi đến một chữ số, ví dụ 7,5.`,
    };
  }
  const tenths = whole * 10 + (fraction === '' ? 0 : Number(fraction));
  if (tenths > MAX_SCORE * 10) {
    return { ok: false, reason: `Điểm "${text}" lớn hơn 10. Điểm phải từ 0 đến 10.` };
  }
  return { ok: true, score: tenths / 10 };
}

/** `parseScoreDetailed` without the reason: the score, or null when the input is not a valid score. */
export function parseScore(input: string): number | null {
  const parsed = parseScoreDetailed(input);
  return parsed.ok ? parsed.score : null;
}

/** The value as received, with a decimal comma, for error messages (no rounding: 7.55 stays "7,55"). */
function asTyped(value: number): string {
  return String(value).replace('.', ',');
}

/** A score the Vietnamese way, as entered: 8 → "8", 7.5 → "7,5". */
export function formatScore(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1).replace('.', ',');
}

/**
 * Every number the học bạ and the results prints show — ĐTBmhk, ĐTBmcn and the summer re-test score alike — the way
 * the TT22 form writes it: one decimal with a comma, 8 → "8,0", a re-test 5 → "5,0", 6.8 → "6,8". The one function
 * for printed numbers (`formatScore` is for entry grids, where a score shows as typed).
 */
export function formatAverage(value: number): string {
  return value.toFixed(1).replace('.', ',');
}
