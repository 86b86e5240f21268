import type { Role } from '#contracts/roles.ts';
import type { RoleGrant, User } from '#contracts/users.ts';
import { audit } from '../../platform/audit/audit.ts';
import { forgetSessionsOfUser } from '../../platform/auth/sessions.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { assertMayGrant, requireAccountManagement, unitWithCategory } from './access.ts';
import { grantableRoles } from './grants.ts';
import { getUser } from './service.ts';

/** The roles the actor may grant on a unit, so the form offers only those. */
export async function grantableRolesOn(
  ctx: ServiceContext,
  unitId: string,
): Promise<{ unitId: string; roles: Role[] }> {
  await requireUnitAccess(ctx, 'users.manage', unitId);
  return { unitId, roles: grantableRoles(ctx.actor, await unitWithCategory(ctx, unitId)) };
}

export async function grantRole(ctx: ServiceContext, userId: string, grant: RoleGrant): Promise<User> {
  const account = await requireAccountManagement(ctx, userId);
  await assertMayGrant(ctx, grant.role, grant.unitId);
  if (account.roles.some((r) => r.role === grant.role && r.unit.id === grant.unitId)) {
    throw new AppError('conflict', 'Tài khoản đã có vai trò này tại đơn vị này.', { role: 'Vai trò đã có.' });
  }
  await inTransaction(ctx, async (trx) => {
    const row = await trx.db
      .insertInto('role_assignments')
      .values({ user_id: userId, role: grant.role, unit_id: grant.unitId })
      .returning('id')
      .executeTakeFirstOrThrow();
    forgetSessionsOfUser(userId);
    await audit(trx, {
      unitId: grant.unitId,
      entity: 'role_assignment',
      entityId: row.id,
      action: 'grant',
      after: { userId, username: account.user.username, role: grant.role },
    });
  });
  return getUser(ctx, userId);
}

/** Removing a role needs the same right as granting it (mayManageAccount already covers every role held). */
export async function revokeRole(ctx: ServiceContext, userId: string, assignmentId: string): Promise<User> {
  const account = await requireAccountManagement(ctx, userId);
  const assignment = account.roles.find((r) => r.id === assignmentId);
  if (!assignment) throw notFound('vai trò');
  await inTransaction(ctx, async (trx) => {
    await trx.db
      .deleteFrom('role_assignments')
      .where('id', '=', assignmentId)
      .where('unit_id', '=', assignment.unit.id)
      .execute();
    forgetSessionsOfUser(userId);
    await audit(trx, {
      unitId: assignment.unit.id,
      entity: 'role_assignment',
      entityId: assignmentId,
      action: 'revoke',
      before: { userId, username: account.user.username, role: assignment.role },
    });
  });
  return getUser(ctx, userId);
}
