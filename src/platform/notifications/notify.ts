import { randomUUID } from 'node:crypto';
import type { Role } from '#contracts/roles.ts';
import type { ServiceContext } from '../context.ts';
import { publishEvents } from './publish.ts';

export interface NewNotification {
  unitId: string;
  userIds: readonly string[];
  kind: string;
  title: string;
  body?: string;
  link?: string;
}

/**
 * Notifies staff: the bell, and e-mail/Web Push as configured and as each user chose (a DX submission returned, a
 * reminder). Call inside the transaction of the change it announces. Each call is its own event.
 */
export async function notify(ctx: ServiceContext, n: NewNotification): Promise<void> {
  const users = [...new Set(n.userIds)];
  if (users.length === 0) return;
  await publishEvents(ctx.db, [
    {
      unitId: n.unitId,
      kind: n.kind,
      dedupeKey: randomUUID(),
      title: n.title,
      body: n.body,
      link: n.link,
      createdBy: ctx.actor.userId,
      userIds: users,
    },
  ]);
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
