import type { MetricDrillDownRow, MetricValue } from './registry.ts';

/** "28/30 cán bộ có tài khoản đang hoạt động (93,3%)": a share built from the drill-down rows themselves. */
export function shareOf(rows: readonly MetricDrillDownRow[], what: string): MetricValue {
  const numerator = rows.filter((r) => r.ok).length;
  return shareValue(numerator, rows.length, what);
}

export function shareValue(numerator: number, denominator: number, what: string): MetricValue {
  const value = denominator === 0 ? 0 : numerator / denominator;
  const percent = (Math.round(value * 1000) / 10).toLocaleString('vi-VN');
  return {
    value,
    numerator,
    denominator,
    summary:
      denominator === 0
        ? `Chưa có dữ liệu: 0/0 ${what}`
        : `${numerator}/${denominator} ${what} (${percent}%)`,
  };
}
