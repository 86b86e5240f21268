import { ROLES, type Role, roleGrants } from '#contracts/roles.ts';
import type { Actor, UnitRef } from '../../platform/authz/actor.ts';

export type UnitCategory = 'ministry' | 'office' | 'school';

const SCHOOL_ROLES: readonly Role[] = [
  'principal',
  'vice_principal',
  'it_officer',
  'department_head',
  'teacher',
  'staff',
  'guardian',
  'student',
];
const OFFICE_ROLES: readonly Role[] = ['office_admin', 'office_specialist'];

/**
 * Which roles a holder of users.manage may hand out, on the units its own role covers (its unit and below):
 * - a system administrator: any role;
 * - an office administrator: any role but system_admin, on units in its subtree;
 * - a principal: the school's roles except principal (principals are appointed by the office);
 * - the school's IT officer: teaching and support roles, guardians and students.
 */
const GRANTABLE_BY: Partial<Record<Role, readonly Role[]>> = {
  system_admin: ROLES,
  office_admin: ROLES.filter((r) => r !== 'system_admin'),
  principal: SCHOOL_ROLES.filter((r) => r !== 'principal'),
  it_officer: ['department_head', 'teacher', 'staff', 'guardian', 'student'],
};

/** Office roles sit on offices (or the ministry), school roles on schools; system_admin anywhere. */
export function roleFitsUnit(role: Role, category: UnitCategory): boolean {
  if (OFFICE_ROLES.includes(role)) return category !== 'school';
  if (SCHOOL_ROLES.includes(role)) return category === 'school';
  return true;
}

/** The roles the actor may grant (or remove) on this unit. */
export function grantableRoles(actor: Actor, unit: UnitRef & { category: UnitCategory }): Role[] {
  const allowed = new Set<Role>();
  for (const a of actor.assignments) {
    if (!unit.path.startsWith(a.unitPath) || !roleGrants(a.role, 'users.manage')) continue;
    for (const role of GRANTABLE_BY[a.role] ?? []) allowed.add(role);
  }
  return ROLES.filter((r) => allowed.has(r) && roleFitsUnit(r, unit.category));
}

export function mayGrant(actor: Actor, role: Role, unit: UnitRef & { category: UnitCategory }): boolean {
  return grantableRoles(actor, unit).includes(role);
}

/**
 * An account may be managed (edited, reset, deactivated, its roles changed) only by someone who could have granted
 * every role it holds: otherwise a school could take over, by a password reset, an account that also works for the
 * office above it, and nobody but a system administrator may touch a system administrator's account.
 */
export function mayManageAccount(
  actor: Actor,
  account: { id: string; unit: UnitRef; roles: { role: Role; unit: UnitRef & { category: UnitCategory } }[] },
): boolean {
  if (account.id === actor.userId) return false;
  const managesHome = actor.assignments.some(
    (a) => account.unit.path.startsWith(a.unitPath) && roleGrants(a.role, 'users.manage'),
  );
  return managesHome && account.roles.every((r) => mayGrant(actor, r.role, r.unit));
}
