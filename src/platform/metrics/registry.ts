import type { ServiceContext } from '../context.ts';

/**
 * Metrics features measure from their own data, for evidence in criteria-based evaluations (the DX index) and
 * for plan targets. A feature registers its metrics; consumers only read them through this registry.
 */
export interface MetricValue {
  /** The measured value: a ratio 0–1 for 'ratio' metrics, else a count. */
  value: number;
  numerator?: number;
  denominator?: number;
  /** Vietnamese one-line summary, e.g. "28/30 cán bộ có tài khoản đang hoạt động". */
  summary: string;
}

export interface MetricDrillDownRow {
  label: string;
  detail?: string;
  /** Whether this row counts toward the numerator (e.g. this teacher has an active account). */
  ok: boolean;
}

export interface MetricDefinition {
  id: string;
  labelVi: string;
  kind: 'ratio' | 'count';
  /** The value for one school and school year. The caller has checked access to the unit. */
  measure(ctx: ServiceContext, unitId: string, schoolYear: string): Promise<MetricValue>;
  /** The rows behind the value, e.g. the staff without an account. */
  drillDown(ctx: ServiceContext, unitId: string, schoolYear: string): Promise<MetricDrillDownRow[]>;
}

const metrics = new Map<string, MetricDefinition>();

export function registerMetric(metric: MetricDefinition): void {
  if (metrics.has(metric.id)) throw new Error(`metric ${metric.id} registered twice`);
  metrics.set(metric.id, metric);
}

export function findMetric(id: string): MetricDefinition | undefined {
  return metrics.get(id);
}

export function listMetrics(): MetricDefinition[] {
  return [...metrics.values()];
}
