import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import type { MetricDefinition, MetricDrillDownRow } from '../../platform/metrics/registry.ts';
import { shareOf } from '../../platform/metrics/values.ts';
import { currentEnrolments } from '../roster/queries.ts';

/** Statuses at which the principal has approved a transcript (later steps keep it approved). */
const APPROVED = ['approved', 'sealed', 'published'] as const;

/**
 * Students with an approved e-transcript (học bạ điện tử, QĐ 4725 tiêu chí II.3.3) among the students enrolled in
 * a class of the school year and not withdrawn from it. A draft or a transcript only signed by the homeroom
 * teacher does not count; a superseded version does not either (its correction is the one that counts).
 */
async function transcriptRows(
  ctx: ServiceContext,
  unitId: string,
  schoolYear: string,
): Promise<MetricDrillDownRow[]> {
  const rows = await currentEnrolments(ctx.db, unitId)
    .innerJoin('students as st', 'st.id', 'e.student_id')
    .innerJoin('classes as c', 'c.id', 'e.class_id')
    .leftJoin('transcripts as t', (join) =>
      join
        .onRef('t.student_id', '=', 'e.student_id')
        .on('t.unit_id', '=', unitId)
        .on('t.school_year', '=', schoolYear),
    )
    .select(['st.full_name', 'c.name as class_name'])
    .select(sql<boolean>`coalesce(bool_or(t.status in (${sql.join(APPROVED)})), false)`.as('approved'))
    .select(sql<string | null>`max(t.status)`.as('any_status'))
    .where('e.school_year', '=', schoolYear)
    .where('st.erased_at', 'is', null)
    .groupBy(['e.student_id', 'st.full_name', 'c.name'])
    .orderBy('c.name')
    .orderBy('st.full_name')
    .execute();
  return rows.map((r) => ({
    label: r.full_name,
    detail: `Lớp ${r.class_name} — ${r.approved ? 'học bạ đã duyệt' : r.any_status ? 'học bạ chưa được duyệt' : 'chưa có học bạ'}`,
    ok: r.approved,
  }));
}

export const transcriptMetrics: MetricDefinition[] = [
  {
    id: 'students_with_approved_transcripts_share',
    labelVi: 'Tỷ lệ học sinh có học bạ điện tử đã được hiệu trưởng duyệt',
    kind: 'ratio',
    measure: async (ctx, unitId, schoolYear) =>
      shareOf(await transcriptRows(ctx, unitId, schoolYear), 'học sinh có học bạ điện tử đã duyệt'),
    drillDown: transcriptRows,
  },
];
