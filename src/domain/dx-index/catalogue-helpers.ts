import type { EvidenceSpec, RatioBand, SubItem } from '../assessment-catalogue/index.ts';
import type { DxMetricId } from './metric-ids.ts';

/**
 * Provisional share → points bands used by the national catalogues until the official bands are found: ≥ 80 %
 * gives the full points, ≥ 50 % half, less nothing (the example in shared/domain/dx-index.md). Rows using them
 * are marked `to_verify`.
 */
export function halfAndFullBands(maxPoints: number): RatioBand[] {
  return [
    { minRatio: 0.8, points: maxPoints },
    { minRatio: 0.5, points: maxPoints / 2 },
  ];
}

export const PROVISIONAL_BANDS_NOTE =
  'Thang quy đổi tỷ lệ tạm dùng (≥ 80% đủ điểm, ≥ 50% một nửa); cần đối chiếu văn bản.';

export function metricEvidence(metricId: DxMetricId, label?: string): EvidenceSpec {
  return label ? { kind: 'metric', metricId, label } : { kind: 'metric', metricId };
}

/** A sub-criterion measured as a share (of teachers, classrooms…), converted by the provisional bands. */
export function provisionalShareSubItem(
  id: string,
  title: string,
  maxPoints: number,
  metricId: DxMetricId,
): SubItem {
  return {
    id,
    title,
    maxPoints,
    ratioBands: halfAndFullBands(maxPoints),
    metricId,
    evidence: [metricEvidence(metricId), { kind: 'file' }],
    status: 'to_verify',
    note: PROVISIONAL_BANDS_NOTE,
  };
}
