import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import type { Permission } from '#contracts/roles.ts';
import type { ServiceContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { startsWithPattern } from '../db/sql-helpers.ts';
import { AppError, forbidden } from '../errors.ts';
import { can, scopePrefixes, type UnitRef } from './actor.ts';

export interface ScopedUnit extends UnitRef {
  name: string;
  kind: string;
}

/**
 * The single authorisation check of a handler: may the actor use `permission` on every one of these units?
 * Loads the units in one query; unknown ids are 'not found', others' units 'forbidden'.
 */
export async function requireAccess(
  ctx: ServiceContext,
  permission: Permission,
  unitIds: readonly string[],
): Promise<Map<string, ScopedUnit>> {
  const wanted = [...new Set(unitIds)];
  if (wanted.length === 0) return new Map();
  const units = await ctx.db
    .selectFrom('units')
    .select(['id', 'path', 'name', 'kind'])
    .where('id', 'in', wanted)
    .execute();
  if (units.length !== wanted.length) throw new AppError('not_found', 'Không tìm thấy đơn vị.');
  for (const unit of units) if (!can(ctx.actor, permission, unit)) throw forbidden();
  return new Map(units.map((u) => [u.id, u]));
}

export async function requireUnitAccess(ctx: ServiceContext, permission: Permission, unitId: string) {
  const units = await requireAccess(ctx, permission, [unitId]);
  return units.get(unitId) as ScopedUnit;
}

/** Permissions that write: refused on a merged or closed school. */
const WRITES = /\.(write|manage)$|^imports\.run$/;

/** A school as requireSchool returns it: the unit and the grades it teaches. */
export type SchoolUnit = ScopedUnit & { gradeFrom: number | null; gradeTo: number | null };

/** The unit must be a school (students and classes belong to schools) where the caller holds `permission`. */
export async function requireSchool(
  ctx: ServiceContext,
  permission: Permission,
  unitId: string,
): Promise<SchoolUnit> {
  const unit = await requireUnitAccess(ctx, permission, unitId);
  const school = await ctx.db
    .selectFrom('units')
    .innerJoin('unit_kinds', 'unit_kinds.code', 'units.kind')
    .select(['unit_kinds.category', 'units.grade_from', 'units.grade_to', 'units.status'])
    .where('units.id', '=', unitId)
    .executeTakeFirstOrThrow();
  if (school.category !== 'school') {
    throw new AppError('validation_failed', 'Chọn một trường học.', { unitId: 'Chọn một trường học.' });
  }
  if (school.status !== 'active' && WRITES.test(permission)) {
    // A merged or closed school is history: its records stay readable, nothing new is written under it.
    throw new AppError('conflict', `${unit.name} đã sáp nhập hoặc giải thể; hồ sơ chỉ còn để xem.`);
  }
  return { ...unit, gradeFrom: school.grade_from, gradeTo: school.grade_to };
}

/** Ids of every unit where the actor holds `permission`, as a sub-query for `where unit_id in (...)`. */
export function unitsInScope(ctx: ServiceContext, permission: Permission) {
  const prefixes = scopePrefixes(ctx.actor, permission);
  return unitsUnderPaths(ctx, prefixes);
}

/** Ids of the units at or below these paths (an empty list selects nothing). */
export function unitsUnderPaths(ctx: ServiceContext, paths: readonly string[]) {
  return ctx.db
    .selectFrom('units')
    .select('units.id')
    .where((eb: ExpressionBuilder<DB, 'units'>) =>
      paths.length === 0
        ? eb.val(false)
        : eb.or(paths.map((p) => eb('units.path', 'like', startsWithPattern(p)))),
    ) as SelectQueryBuilder<DB, 'units', { id: string }>;
}
