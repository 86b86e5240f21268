import { roundPoints } from '../assessment-catalogue/index.ts';
import type { DxLevel } from './levels.ts';

/**
 * The DX maturity index (chỉ số chuyển đổi số): levels, Vietnamese labels, platform metrics and the national
 * default catalogues. Scoring itself is the generic engine in `assessment-catalogue`.
 */
export { halfAndFullBands, PROVISIONAL_BANDS_NOTE } from './catalogue-helpers.ts';
export { DX_GROUP_LEVEL_THRESHOLDS, DX_LEVEL_LABEL_VI, DX_LEVEL_LABELS, type DxLevel } from './levels.ts';
export { DX_METRICS, type DxMetricId, isDxMetricId } from './metric-ids.ts';
export { NATIONAL_3806_INPUT, NATIONAL_OFFICE_CATALOGUE_3806 } from './national-3806.ts';
export { NATIONAL_4725_INPUT, NATIONAL_SCHOOL_CATALOGUE_4725 } from './national-4725.ts';

/**
 * Level of one criteria group from its total (QĐ 4725 mục 4): < 50 → Mức 1; 50 ≤ total ≤ 75 → Mức 2;
 * > 75 → Mức 3. Totals may have decimals (49.9 → 1, 75.5 → 3); float noise is rounded away first, the same way
 * the scoring engine does, so both always agree.
 */
export function groupLevel(total: number): 1 | 2 | 3 {
  if (!Number.isFinite(total))
    throw new RangeError(`groupLevel: total must be a finite number, got ${total}`);
  const value = roundPoints(total);
  const level: DxLevel = value < 50 ? 1 : value <= 75 ? 2 : 3;
  return level;
}
