/**
 * Exact decimal arithmetic on tenths of a point.
 *
 * Every score in TT22 is a whole number or has one decimal (Điều 5 khoản 3 điểm b), so ten times a score is an
 * integer. Averages are computed as an exact fraction of integers and rounded once, half up, in decimal: a binary
 * float would turn 7.35 into 7.3499… and round it down, which moves a student across a threshold such as 6.5.
 */

/** True when `value` is a finite number with at most one decimal (7, 7.5; not 7.55). */
export function hasAtMostOneDecimal(value: number): boolean {
  if (!Number.isFinite(value)) return false;
  const scaled = value * 10;
  // 7.3 * 10 is 73.00000000000001 in binary; anything that close to an integer was typed with one decimal.
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** 7.3 → 73. The caller has checked `hasAtMostOneDecimal`. */
export function toTenths(value: number): number {
  return Math.round(value * 10);
}

/** 73 → 7.3 (the nearest double to 7.3, i.e. exactly the literal 7.3). */
export function fromTenths(tenths: number): number {
  return tenths / 10;
}

/**
 * Rounds the fraction `numeratorTenths / denominator` (a value in tenths) to a whole number of tenths, half up:
 * 62.5 tenths → 63 tenths (6.25 → 6.3). Both arguments are integers, the numerator ≥ 0 and the denominator > 0,
 * so the computation is exact: floor((2n + d) / 2d).
 */
export function roundRatioToTenths(numeratorTenths: number, denominator: number): number {
  if (!Number.isSafeInteger(numeratorTenths) || numeratorTenths < 0) {
    throw new RangeError(`numeratorTenths must be a non-negative safe integer, got ${numeratorTenths}`);
  }
  if (!Number.isSafeInteger(denominator) || denominator <= 0) {
    throw new RangeError(`denominator must be a positive safe integer, got ${denominator}`);
  }
  return Math.floor((2 * numeratorTenths + denominator) / (2 * denominator));
}

/**
 * Rounds a decimal written as text ("6.25", "7,35") to one decimal, half up, without going through binary floats.
 * Returns null for anything that is not a plain non-negative decimal. For reports and tests of the rounding rule.
 */
export function roundDecimalStringToTenths(text: string): number | null {
  const match = /^(\d+)(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  const digits = BigInt(whole + fraction);
  const scale = 10n ** BigInt(fraction.length);
  // value in tenths = digits * 10 / scale; half up: floor((2 * digits * 10 + scale) / (2 * scale)).
  const tenths = (2n * digits * 10n + scale) / (2n * scale);
  return fromTenths(Number(tenths));
}
