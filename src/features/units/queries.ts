import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Unit } from '#contracts/units.ts';
import type { DB, Row } from '../../platform/db/schema.ts';

export type UnitRow = Row<'units'> & { kind_name: string; category: 'ministry' | 'office' | 'school' };

export function selectUnits(db: Kysely<DB>) {
  return db
    .selectFrom('units')
    .innerJoin('unit_kinds', 'unit_kinds.code', 'units.kind')
    .selectAll('units')
    .select(['unit_kinds.name_vi as kind_name', 'unit_kinds.category']);
}

export async function findUnit(db: Kysely<DB>, id: string): Promise<UnitRow | undefined> {
  return selectUnits(db).where('units.id', '=', id).executeTakeFirst();
}

export function toUnit(row: UnitRow): Unit {
  return {
    id: row.id,
    parentId: row.parent_id,
    kind: row.kind,
    kindName: row.kind_name,
    category: row.category,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    depth: row.path.split('/').length - 3,
    level: row.level,
    gradeFrom: row.grade_from,
    gradeTo: row.grade_to,
    ownership: row.ownership,
    province: row.province,
    district: row.district,
    commune: row.commune,
    address: row.address,
    phone: row.phone,
    email: row.email,
    website: row.website,
    currentSchoolYear: row.current_school_year,
    status: row.status,
    mergedIntoId: row.merged_into_id,
  };
}

/** Rewrites the path of a unit and everything below it after a move (one statement, inside the caller's trx). */
export async function repathSubtree(db: Kysely<DB>, oldPath: string, newPath: string): Promise<void> {
  await sql`
    update units set path = ${newPath} || substr(path, ${oldPath.length + 1}), updated_at = now()
    where path like ${`${oldPath}%`}
  `.execute(db);
}

export async function closeParentHistory(db: Kysely<DB>, unitId: string, validTo: string): Promise<void> {
  await db
    .updateTable('unit_parent_history')
    .set({ valid_to: validTo })
    .where('unit_id', '=', unitId)
    .where('valid_to', 'is', null)
    .execute();
}

export async function openParentHistory(
  db: Kysely<DB>,
  entry: { unitId: string; parentId: string | null; validFrom: string; reason?: string | null },
): Promise<void> {
  await db
    .insertInto('unit_parent_history')
    .values({
      unit_id: entry.unitId,
      parent_id: entry.parentId,
      valid_from: entry.validFrom,
      reason: entry.reason ?? null,
    })
    .execute();
}

/** Grade range a school of this level teaches when none is given (grade 0 = preschool). */
export const DEFAULT_GRADES: Record<string, [number, number]> = {
  preschool: [0, 0],
  primary: [1, 5],
  lower_secondary: [6, 9],
  upper_secondary: [10, 12],
  multi_level: [1, 12],
  continuing_ed: [6, 12],
};
