import type { Role } from '#contracts/roles.ts';
import type { ServiceContext } from '../context.ts';

export interface NewNotification {
  unitId: string;
  userIds: readonly string[];
  kind: string;
  title: string;
  body?: string;
  link?: string;
}

/** Notifies users in the app; call inside the transaction of the change it announces. */
export async function notify(ctx: ServiceContext, n: NewNotification): Promise<void> {
  const users = [...new Set(n.userIds)];
  if (users.length === 0) return;
  await ctx.db
    .insertInto('notifications')
    .values(
      users.map((userId) => ({
        unit_id: n.unitId,
        user_id: userId,
        kind: n.kind,
        title: n.title,
        body: n.body ?? null,
        link: n.link ?? null,
      })),
    )
    .execute();
}

/** Users holding any of these roles on the unit itself (e.g. the principal of a school). */
export async function usersWithRole(
  ctx: ServiceContext,
  unitId: string,
  roles: readonly Role[],
): Promise<string[]> {
  if (roles.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select('users.id')
    .where('role_assignments.unit_id', '=', unitId)
    .where('role_assignments.role', 'in', roles)
    .where('users.is_active', '=', true)
    .execute();
  return rows.map((r) => r.id);
}
