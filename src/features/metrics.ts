import { findMetric, type MetricDefinition, registerMetric } from '../platform/metrics/registry.ts';
import { officeResultMetrics } from './dx-assessments/metrics.ts';
import { gradebookMetrics } from './gradebook/metrics.ts';
import { staffMetrics } from './staff/metrics.ts';
import { studentMetrics } from './students/metrics.ts';
import { transcriptMetrics } from './transcripts/metrics.ts';

/**
 * Every metric the platform measures from its own data (ids of src/domain/dx-index/metric-ids.ts). Not measured
 * yet, so shown as "chưa đo được": the asset register (classrooms with projector and Internet, assets), health
 * records, learning materials, computer-based tests, training accounts, admissions, payments, sector sync.
 */
export const featureMetrics: MetricDefinition[] = [
  ...staffMetrics,
  ...gradebookMetrics,
  ...transcriptMetrics,
  ...studentMetrics,
  ...officeResultMetrics,
];

/** Called when the app is built; building it twice in one process (tests) registers each metric once. */
export function registerFeatureMetrics(): void {
  for (const metric of featureMetrics) if (!findMetric(metric.id)) registerMetric(metric);
}
