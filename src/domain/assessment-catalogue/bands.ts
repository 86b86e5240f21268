import type { CountBand, LevelThreshold, RatioBand } from './schema.ts';

/**
 * Totals are sums of decimals (3.5 + 6 + 0.1…); rounding to 4 places keeps 49.99999999 from falling under a
 * threshold of 50 while leaving every value a person can type unchanged.
 */
export function roundPoints(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/** Points for a share (0–1): the first band (sorted by `minRatio`, highest first) the share reaches; else 0. */
export function pointsForRatio(bands: readonly RatioBand[], ratio: number): number {
  const band = [...bands].sort((a, b) => b.minRatio - a.minRatio).find((b) => ratio >= b.minRatio);
  return band?.points ?? 0;
}

/** Points for a count: the first band (sorted by `minCount`, highest first) the count reaches; else 0. */
export function pointsForCount(bands: readonly CountBand[], count: number): number {
  const band = [...bands].sort((a, b) => b.minCount - a.minCount).find((b) => count >= b.minCount);
  return band?.points ?? 0;
}

/** Level for a total: the highest threshold reached (≥ when inclusive, > otherwise); level 1 below them all. */
export function levelForTotal(thresholds: readonly LevelThreshold[], total: number): number {
  const value = roundPoints(total);
  let level = 1;
  for (const threshold of thresholds) {
    const reached = threshold.inclusive ? value >= threshold.minTotal : value > threshold.minTotal;
    if (reached && threshold.level > level) level = threshold.level;
  }
  return level;
}
