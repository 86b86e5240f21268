import { pointsForCount, pointsForRatio, roundPoints } from './bands.ts';
import type { Catalogue } from './schema.ts';
import { type AssessmentAnswers, scoreAssessment } from './score.ts';

/** A value the platform measured for a metric (as the assessment page receives it). */
export interface MeasuredValue {
  metricId: string;
  available: boolean;
  kind: 'ratio' | 'count' | null;
  value: number | null;
}

/** The points a measured value is worth beside the points claimed, for one criterion or sub-criterion. */
export interface MeasuredGap {
  /** The criterion or sub-criterion id that names the metric. */
  ownerId: string;
  metricId: string;
  maxPoints: number;
  claimedPoints: number | null;
  measuredPoints: number;
  /** True when claim and measure differ by at least a quarter of the maximum: the reviewer should look. */
  large: boolean;
}

/** Share of the maximum from which a difference between claim and measure is flagged. */
export const LARGE_GAP_SHARE = 0.25;

/**
 * Compares what a unit claims for a criterion with what the platform measured: the measure converted by the
 * catalogue's bands when it has them, else (a share without bands) the same share of the maximum points.
 */
export function measuredGaps(
  catalogue: Catalogue,
  itemId: string,
  answer: AssessmentAnswers[string] | null,
  measures: readonly MeasuredValue[],
): MeasuredGap[] {
  const item = catalogue.groups.flatMap((g) => g.items).find((i) => i.id === itemId);
  if (item?.kind !== 'scored') return [];
  const scored = answer
    ? scoreAssessment(catalogue, { [itemId]: answer }).items.find((i) => i.id === itemId)
    : null;
  const owners = item.subItems?.length
    ? item.subItems.map((s) => ({
        owner: s,
        claimed: scored?.subItems.find((r) => r.id === s.id && r.answered)?.points ?? null,
      }))
    : [{ owner: item, claimed: scored?.answered ? scored.points : null }];
  const gaps: MeasuredGap[] = [];
  for (const { owner, claimed } of owners) {
    const measure = measures.find((m) => m.metricId === owner.metricId && m.available && m.value !== null);
    if (!owner.metricId || !measure || measure.value === null) continue;
    let measuredPoints: number;
    if (measure.kind === 'ratio' && owner.ratioBands?.length)
      measuredPoints = pointsForRatio(owner.ratioBands, measure.value);
    else if (measure.kind === 'count' && owner.countBands?.length)
      measuredPoints = pointsForCount(owner.countBands, measure.value);
    else if (measure.kind === 'ratio')
      measuredPoints = roundPoints(Math.min(1, measure.value) * owner.maxPoints);
    else continue;
    gaps.push({
      ownerId: owner.id,
      metricId: owner.metricId,
      maxPoints: owner.maxPoints,
      claimedPoints: claimed,
      measuredPoints,
      large:
        claimed !== null &&
        owner.maxPoints > 0 &&
        Math.abs(claimed - measuredPoints) >= LARGE_GAP_SHARE * owner.maxPoints,
    });
  }
  return gaps;
}
