import type { ServiceContext } from '../../platform/context.ts';
import type { MetricDefinition, MetricDrillDownRow } from '../../platform/metrics/registry.ts';
import { shareOf } from '../../platform/metrics/values.ts';
import { gradebookUseByClass } from './usage.ts';

/**
 * Classes using the e-gradebook (QĐ 4725 tiêu chí II.3.3 "sổ điểm điện tử, học bạ điện tử"): a class of the
 * school year counts once any of its score rows holds an entered assessment.
 */
async function classRows(
  ctx: ServiceContext,
  unitId: string,
  schoolYear: string,
): Promise<MetricDrillDownRow[]> {
  const classes = await gradebookUseByClass(ctx.db, unitId, schoolYear);
  return classes.map((c) => ({
    label: `Lớp ${c.className}`,
    detail: c.enteredRows > 0 ? `${c.enteredRows} dòng điểm đã nhập` : 'chưa nhập điểm trên sổ điểm điện tử',
    ok: c.enteredRows > 0,
  }));
}

export const gradebookMetrics: MetricDefinition[] = [
  {
    id: 'classes_with_gradebook_share',
    labelVi: 'Tỷ lệ lớp dùng sổ điểm điện tử (có điểm đã nhập trong năm học)',
    kind: 'ratio',
    measure: async (ctx, unitId, schoolYear) =>
      shareOf(await classRows(ctx, unitId, schoolYear), 'lớp đã nhập điểm trên sổ điểm điện tử'),
    drillDown: classRows,
  },
];
