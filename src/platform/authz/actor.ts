import { type Permission, type Role, roleGrants } from '#contracts/roles.ts';

export interface RoleAssignment {
  role: Role;
  unitId: string;
  /** Materialised path of the unit ('/root/…/unit/'); units below share it as a prefix. */
  unitPath: string;
  unitName: string;
  unitKind: string;
}

/** The authenticated user of a request, with every role they hold and where. */
export interface Actor {
  userId: string;
  username: string;
  fullName: string;
  mustChangePassword: boolean;
  assignments: RoleAssignment[];
}

export interface UnitRef {
  id: string;
  path: string;
}

/** True when one of the actor's roles grants `permission` on the unit or on a unit above it. */
export function can(actor: Actor, permission: Permission, unit: UnitRef): boolean {
  return actor.assignments.some((a) => unit.path.startsWith(a.unitPath) && roleGrants(a.role, permission));
}

/** Path prefixes of the subtrees where the actor holds `permission` (for scoping list queries). */
export function scopePrefixes(actor: Actor, permission: Permission): string[] {
  const prefixes = actor.assignments.filter((a) => roleGrants(a.role, permission)).map((a) => a.unitPath);
  // Drop prefixes already covered by a shorter one, so queries stay small.
  return prefixes.filter((p) => !prefixes.some((q) => q !== p && p.startsWith(q)));
}

/** Every permission the actor has on a unit; the UI shows only the actions that will work. */
export function permissionsOn(actor: Actor, unit: UnitRef, candidates: readonly Permission[]): Permission[] {
  return candidates.filter((p) => can(actor, p, unit));
}
