import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import type { MetricDefinition, MetricDrillDownRow } from '../../platform/metrics/registry.ts';
import { shareOf } from '../../platform/metrics/values.ts';

/**
 * Results of the schools an office manages, for the office's own index (QĐ 3806 nhóm II "kết quả chuyển đổi số
 * ở các cơ sở giáo dục thuộc phạm vi quản lý"): per active school directly under the office, its assessment of
 * the school year under a school catalogue (QĐ 4725), whichever office ran the campaign.
 */
interface ManagedSchool {
  name: string;
  status: string | null;
  level: number | null;
}

async function managedSchools(
  ctx: ServiceContext,
  officeId: string,
  schoolYear: string,
): Promise<ManagedSchool[]> {
  const rows = await ctx.db
    .selectFrom('units as u')
    .innerJoin('unit_kinds as k', 'k.code', 'u.kind')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('assessments as a')
          .innerJoin('assessment_campaigns as c', 'c.id', 'a.campaign_id')
          .innerJoin('assessment_catalogues as cat', 'cat.id', 'c.catalogue_id')
          .select(['a.unit_id', 'a.status', 'a.recognised_level'])
          .where('c.school_year', '=', schoolYear)
          .where('cat.subject_kind', '=', 'school')
          .as('a'),
      (join) => join.onRef('a.unit_id', '=', 'u.id'),
    )
    .select(['u.name'])
    .select([
      // A school in two school campaigns of the year (rare) counts by its best outcome.
      sql<string | null>`max(case when a.status in ('assessed', 'recognised') then a.status end)`.as(
        'done_status',
      ),
      sql<string | null>`max(a.status)`.as('status'),
      sql<number | null>`max(a.recognised_level)`.as('level'),
    ])
    .where('u.parent_id', '=', officeId)
    .where('u.status', '=', 'active')
    .where('k.category', '=', 'school')
    .groupBy(['u.id', 'u.name'])
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({ name: r.name, status: r.done_status ?? r.status, level: r.level }));
}

const STATUS_VI: Record<string, string> = {
  not_started: 'chưa tự đánh giá',
  in_progress: 'đang tự đánh giá',
  approved: 'đã phê duyệt tự đánh giá',
  submitted: 'đã nộp, chờ đánh giá ngoài',
  returned: 'bị trả lại để bổ sung',
  under_review: 'đang đánh giá ngoài',
  assessed: 'đã đánh giá ngoài',
  recognised: 'đã công nhận',
};

function schoolRows(schools: ManagedSchool[], ok: (s: ManagedSchool) => boolean): MetricDrillDownRow[] {
  return schools.map((s) => ({
    label: s.name,
    detail: s.status
      ? `${STATUS_VI[s.status] ?? s.status}${s.level ? ` — Mức ${s.level}` : ''}`
      : 'không có trong đợt đánh giá năm học này',
    ok: ok(s),
  }));
}

function schoolMetric(
  id: string,
  labelVi: string,
  what: string,
  ok: (s: ManagedSchool) => boolean,
): MetricDefinition {
  const rows = async (ctx: ServiceContext, unitId: string, schoolYear: string) =>
    schoolRows(await managedSchools(ctx, unitId, schoolYear), ok);
  return {
    id,
    labelVi,
    kind: 'ratio',
    measure: async (ctx, unitId, schoolYear) => shareOf(await rows(ctx, unitId, schoolYear), what),
    drillDown: rows,
  };
}

export const officeResultMetrics: MetricDefinition[] = [
  schoolMetric(
    'managed_schools_assessed_share',
    'Tỷ lệ cơ sở giáo dục trực thuộc đã tự đánh giá và được đánh giá ngoài',
    'trường trực thuộc đã được đánh giá ngoài',
    (s) => s.status === 'assessed' || s.status === 'recognised',
  ),
  schoolMetric(
    'managed_schools_level_share',
    'Tỷ lệ cơ sở giáo dục trực thuộc được công nhận từ Mức 2 trở lên',
    'trường trực thuộc được công nhận từ Mức 2',
    (s) => (s.level ?? 0) >= 2,
  ),
  schoolMetric(
    'managed_schools_level_3_share',
    'Tỷ lệ cơ sở giáo dục trực thuộc được công nhận Mức 3',
    'trường trực thuộc được công nhận Mức 3',
    (s) => (s.level ?? 0) >= 3,
  ),
];
