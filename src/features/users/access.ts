import { ROLE_LABEL_VI, type Role } from '#contracts/roles.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { mayGrant, mayManageAccount, roleFitsUnit, type UnitCategory } from './grants.ts';
import { type Account, loadAccounts } from './queries.ts';

/** Loads an account the actor may manage (see mayManageAccount), or refuses. */
export async function requireAccountManagement(ctx: ServiceContext, userId: string): Promise<Account> {
  const [account] = await loadAccounts(ctx.db, [userId]);
  if (!account) throw notFound('tài khoản');
  if (account.user.id === ctx.actor.userId) {
    throw forbidden(
      'Bạn không thể tự thay đổi tài khoản của chính mình ở đây. Dùng "Đổi mật khẩu" để đổi mật khẩu.',
    );
  }
  await requireUnitAccess(ctx, 'users.manage', account.user.unit_id);
  const manageable = mayManageAccount(ctx.actor, {
    id: account.user.id,
    unit: { id: account.user.unit_id, path: account.user.unit_path },
    roles: account.roles,
  });
  if (!manageable) {
    throw forbidden(
      'Tài khoản này có vai trò ngoài quyền quản lý của bạn. Liên hệ cơ quan quản lý cấp trên.',
    );
  }
  return account;
}

export async function unitWithCategory(ctx: ServiceContext, unitId: string) {
  const unit = await ctx.db
    .selectFrom('units')
    .innerJoin('unit_kinds', 'unit_kinds.code', 'units.kind')
    .select(['units.id', 'units.path', 'units.name', 'unit_kinds.category'])
    .where('units.id', '=', unitId)
    .executeTakeFirst();
  if (!unit) throw notFound('đơn vị');
  return unit as { id: string; path: string; name: string; category: UnitCategory };
}

/**
 * May the actor grant this role on this unit? Outside the actor's users.manage scope, or a role above what the
 * actor's own role may hand out (system_admin, or principal for a principal), is refused; a role on the wrong kind
 * of unit (a teacher role on an office) is a validation error. `field` names the form field for the message.
 */
export async function assertMayGrant(ctx: ServiceContext, role: Role, unitId: string, field = 'role') {
  await requireUnitAccess(ctx, 'users.manage', unitId);
  const unit = await unitWithCategory(ctx, unitId);
  if (!roleFitsUnit(role, unit.category)) {
    const where = unit.category === 'school' ? 'cơ quan quản lý' : 'trường học';
    const message = `Vai trò "${ROLE_LABEL_VI[role]}" chỉ gán tại ${where}, không gán tại ${unit.name}.`;
    throw new AppError('validation_failed', message, { [field]: message });
  }
  if (!mayGrant(ctx.actor, role, unit)) {
    throw forbidden(`Bạn không được cấp vai trò "${ROLE_LABEL_VI[role]}" tại ${unit.name}.`);
  }
  return unit;
}
