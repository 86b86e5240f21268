import type { Kysely } from 'kysely';
import type { Role } from '#contracts/roles.ts';
import type { User } from '#contracts/users.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { DB, Row } from '../../platform/db/schema.ts';
import { mayManageAccount, type UnitCategory } from './grants.ts';

export interface AccountRole {
  id: string;
  role: Role;
  unit: { id: string; path: string; name: string; category: UnitCategory };
}

export interface Account {
  user: Row<'users'> & { unit_name: string; unit_path: string };
  roles: AccountRole[];
  staff: { id: string; fullName: string; unitId: string } | null;
}

/** Accounts with their managing unit, roles (with the units' paths) and linked staff record. */
export async function loadAccounts(db: Kysely<DB>, ids: readonly string[]): Promise<Account[]> {
  if (ids.length === 0) return [];
  const [users, roles, staff] = await Promise.all([
    db
      .selectFrom('users')
      .innerJoin('units', 'units.id', 'users.unit_id')
      .selectAll('users')
      .select(['units.name as unit_name', 'units.path as unit_path'])
      .where('users.id', 'in', ids)
      .execute(),
    db
      .selectFrom('role_assignments')
      .innerJoin('units', 'units.id', 'role_assignments.unit_id')
      .innerJoin('unit_kinds', 'unit_kinds.code', 'units.kind')
      .select([
        'role_assignments.id',
        'role_assignments.user_id',
        'role_assignments.role',
        'units.id as unit_id',
        'units.path',
        'units.name',
        'unit_kinds.category',
      ])
      .where('role_assignments.user_id', 'in', ids)
      .orderBy('units.path')
      .execute(),
    // scope: the staff records linked to these accounts, whose managing units the caller already checked.
    db
      .selectFrom('staff')
      .select(['id', 'full_name', 'unit_id', 'user_id'])
      .where('user_id', 'in', ids)
      .execute(),
  ]);
  return users.map((user) => {
    const linked = staff.find((s) => s.user_id === user.id);
    return {
      user,
      roles: roles
        .filter((r) => r.user_id === user.id)
        .map((r) => ({
          id: r.id,
          role: r.role as Role,
          unit: { id: r.unit_id, path: r.path, name: r.name, category: r.category },
        })),
      staff: linked ? { id: linked.id, fullName: linked.full_name, unitId: linked.unit_id } : null,
    };
  });
}

export function toUser(account: Account, actor: Actor): User {
  const { user } = account;
  return {
    id: user.id,
    unitId: user.unit_id,
    unitName: user.unit_name,
    username: user.username,
    fullName: user.full_name,
    email: user.email,
    phone: user.phone,
    isActive: user.is_active,
    mustChangePassword: user.must_change_password,
    lastLoginAt: user.last_login_at?.toISOString() ?? null,
    roles: account.roles.map((r) => ({ id: r.id, role: r.role, unitId: r.unit.id, unitName: r.unit.name })),
    staff: account.staff,
    manageable: mayManageAccount(actor, {
      id: user.id,
      unit: { id: user.unit_id, path: user.unit_path },
      roles: account.roles,
    }),
  };
}
