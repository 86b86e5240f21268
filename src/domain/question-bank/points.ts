/**
 * Points of a test item, exact.
 *
 * Test items carry points such as 0,25 or 0,5 and partial credit multiplies them by 0,1 or 0,25, so a binary float
 * would print 0,025 as 0,024999…. Points are held as integers in ten-thousandths of a point (1 point = 10 000), which
 * represents every product of a two-decimal item value and the exam's fractions exactly.
 */

export const POINT_UNITS = 10_000;

/** 0.25 → 2 500. Refuses values with more than four decimals: they cannot be typed on a test paper. */
export function toPointUnits(points: number): number {
  const units = Math.round(points * POINT_UNITS);
  if (!Number.isFinite(points) || points < 0 || Math.abs(units - points * POINT_UNITS) > 1e-6) {
    throw new RangeError(`points must be non-negative with at most four decimals, got ${points}`);
  }
  return units;
}

export function fromPointUnits(units: number): number {
  return units / POINT_UNITS;
}

/**
 * `units × numerator / denominator`, rounded half up to a whole unit. Integers only, so the result is exact up to
 * that rounding (which only a fraction such as 2/3 of a matching item needs).
 */
export function scaleUnits(units: number, numerator: number, denominator: number): number {
  if (denominator <= 0 || numerator < 0 || !Number.isSafeInteger(units * numerator)) {
    throw new RangeError(`cannot scale ${units} by ${numerator}/${denominator}`);
  }
  return Math.floor((2 * units * numerator + denominator) / (2 * denominator));
}
