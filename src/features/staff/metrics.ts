import { sql } from 'kysely';
import type { ServiceContext } from '../../platform/context.ts';
import type { MetricDefinition, MetricDrillDownRow } from '../../platform/metrics/registry.ts';
import { shareOf } from '../../platform/metrics/values.ts';

/**
 * Staff with an active account (QĐ 4725 tiêu chí II.3.4 "phân hệ quản lý đội ngũ"): staff still working at the
 * school (not left or retired) whose account is enabled and not locked out. An account locked after failed
 * log-ins (`locked_until` in the future) does not count: the person cannot use the system today.
 */
async function staffAccounts(ctx: ServiceContext, unitId: string): Promise<MetricDrillDownRow[]> {
  const rows = await ctx.db
    .selectFrom('staff as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .select(['s.full_name', 's.position', 'u.username'])
    .select(
      sql<boolean>`coalesce(u.is_active and (u.locked_until is null or u.locked_until <= now()), false)`.as(
        'active',
      ),
    )
    .select(sql<boolean>`u.id is not null and not u.is_active`.as('disabled'))
    .where('s.unit_id', '=', unitId)
    .where('s.employment_status', 'not in', ['left', 'retired'])
    .orderBy('s.full_name')
    .execute();
  return rows.map((r) => ({
    label: r.full_name,
    detail: r.username
      ? `${r.username}${r.active ? '' : r.disabled ? ' — tài khoản đã khóa' : ' — tạm khóa do đăng nhập sai'}`
      : 'chưa có tài khoản',
    ok: r.active,
  }));
}

const WHAT = 'cán bộ, giáo viên, nhân viên có tài khoản đang hoạt động';

export const staffMetrics: MetricDefinition[] = [
  {
    id: 'staff_in_management_system_share',
    labelVi: 'Tỷ lệ cán bộ, giáo viên, nhân viên có tài khoản đang hoạt động trên hệ thống',
    kind: 'ratio',
    measure: async (ctx, unitId) => shareOf(await staffAccounts(ctx, unitId), WHAT),
    drillDown: (ctx, unitId) => staffAccounts(ctx, unitId),
  },
  {
    id: 'staff_active_accounts',
    labelVi: 'Số cán bộ, giáo viên, nhân viên có tài khoản đang hoạt động',
    kind: 'count',
    measure: async (ctx, unitId) => {
      const share = shareOf(await staffAccounts(ctx, unitId), WHAT);
      return { ...share, value: share.numerator ?? 0 };
    },
    drillDown: (ctx, unitId) => staffAccounts(ctx, unitId),
  },
];
