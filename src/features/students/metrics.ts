import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import type { MetricDefinition, MetricDrillDownRow } from '../../platform/metrics/registry.ts';
import { shareOf } from '../../platform/metrics/values.ts';
import { currentEnrolments } from '../roster/queries.ts';

/** Students still at the school (the others' guardians no longer use the family–school connection). */
const ATTENDING = ['enrolled', 'transferred_in'] as const;

/**
 * Guardians with an active account (QĐ 4725 tiêu chí II.4.1 "kết nối gia đình và nhà trường"): guardians listed
 * for the school's attending students whose account is enabled and not locked out.
 */
async function guardianRows(ctx: ServiceContext, unitId: string): Promise<MetricDrillDownRow[]> {
  const rows = await ctx.db
    .selectFrom('student_guardians as g')
    .innerJoin('students as st', 'st.id', 'g.student_id')
    .leftJoin('users as u', 'u.id', 'g.user_id')
    .select(['g.full_name', 'st.full_name as student_name', 'u.username'])
    .select(
      sql<boolean>`coalesce(u.is_active and (u.locked_until is null or u.locked_until <= now()), false)`.as(
        'active',
      ),
    )
    .where('g.unit_id', '=', unitId)
    .where('st.status', 'in', ATTENDING)
    .where('st.erased_at', 'is', null)
    .orderBy('st.full_name')
    .orderBy('g.position')
    .execute();
  return rows.map((r) => ({
    label: r.full_name,
    detail: `Phụ huynh của ${r.student_name} — ${r.username ? (r.active ? r.username : `${r.username} (tài khoản đã khóa)`) : 'chưa có tài khoản'}`,
    ok: r.active,
  }));
}

/** Attending students enrolled in a class of the school year (their record is kept on the system). */
async function studentRows(
  ctx: ServiceContext,
  unitId: string,
  schoolYear: string,
): Promise<MetricDrillDownRow[]> {
  const rows = await ctx.db
    .selectFrom('students as st')
    .leftJoin(
      currentEnrolments(ctx.db, unitId)
        .select(['e.id', 'e.student_id'])
        .where('e.school_year', '=', schoolYear)
        .as('e'),
      'e.student_id',
      'st.id',
    )
    .select(['st.full_name'])
    .select(sql<number>`count(e.id)::int`.as('enrolled'))
    .where('st.unit_id', '=', unitId)
    .where('st.status', 'in', ATTENDING)
    .where('st.erased_at', 'is', null)
    .groupBy(['st.id', 'st.full_name'])
    .orderBy('st.full_name')
    .execute();
  return rows.map((r) => ({
    label: r.full_name,
    detail: r.enrolled > 0 ? 'đã xếp lớp trong năm học' : 'chưa xếp lớp trong năm học',
    ok: r.enrolled > 0,
  }));
}

export const studentMetrics: MetricDefinition[] = [
  {
    id: 'guardians_active_accounts_share',
    labelVi: 'Tỷ lệ cha mẹ học sinh có tài khoản đang hoạt động',
    kind: 'ratio',
    measure: async (ctx, unitId) =>
      shareOf(await guardianRows(ctx, unitId), 'cha mẹ học sinh có tài khoản đang hoạt động'),
    drillDown: (ctx, unitId) => guardianRows(ctx, unitId),
  },
  {
    id: 'students_in_management_system_share',
    labelVi: 'Tỷ lệ học sinh có hồ sơ và được xếp lớp trên hệ thống trong năm học',
    kind: 'ratio',
    measure: async (ctx, unitId, schoolYear) =>
      shareOf(await studentRows(ctx, unitId, schoolYear), 'học sinh có hồ sơ, đã xếp lớp'),
    drillDown: studentRows,
  },
];
