import type { Catalogue, CatalogueItem } from '#domain/assessment-catalogue/index.ts';
import type { AssessmentDetail } from './api.ts';

/** Metric ids a criterion refers to (its own, its sub-criteria's, its evidence specs'). */
export function itemMetricIds(item: CatalogueItem): string[] {
  const parts = [item, ...(item.kind === 'scored' ? (item.subItems ?? []) : [])];
  const ids = new Set<string>();
  for (const part of parts) {
    if (part.metricId) ids.add(part.metricId);
    for (const spec of part.evidence) if (spec.kind === 'metric') ids.add(spec.metricId);
  }
  return [...ids];
}

export function itemMeasures(detail: AssessmentDetail, item: CatalogueItem) {
  const ids = itemMetricIds(item);
  return detail.measures.filter((m) => ids.includes(m.metricId));
}

/** True when the criterion or one of its sub-criteria is still marked "to verify" against the official text. */
export function needsVerification(item: CatalogueItem): boolean {
  if (item.status === 'to_verify') return true;
  return item.kind === 'scored' && (item.subItems ?? []).some((s) => s.status === 'to_verify');
}

export function allItems(catalogue: Catalogue): CatalogueItem[] {
  return catalogue.groups.flatMap((g) => g.items);
}
