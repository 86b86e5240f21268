import { type Kysely, type RawBuilder, sql } from 'kysely';
import { foldVietnamese } from '../../domain/text/index.ts';
import type { DB, Row } from '../../platform/db/schema.ts';
import { containsPattern } from '../../platform/db/sql-helpers.ts';

export type StaffRow = Row<'staff'> & {
  unit_name: string;
  unit_path: string;
  department_name: string | null;
  username: string | null;
  duplicate_national_id: boolean;
};

/**
 * True when another staff record in the same province carries this national ID (identity.md: duplicates inside
 * a province are flagged). The province is the province_office above the record's unit; records of units with no
 * province above them are not compared.
 */
// scope: compares national IDs across the whole province by rule; only a yes/no leaves this expression.
const duplicateNationalId = sql<boolean>`exists (
  select 1
  from staff other
  join units other_unit on other_unit.id = other.unit_id
  join units province on province.kind = 'province_office' and staff_unit.path like province.path || '%'
  where other.national_id = staff.national_id
    and other.id <> staff.id
    and other_unit.path like province.path || '%'
)`;

/** Staff with their unit, department and account; callers add the unit_id condition. */
export function selectStaff(db: Kysely<DB>) {
  // scope: every caller adds `staff.unit_id` (see listStaffPage, findStaff).
  return db
    .selectFrom('staff')
    .innerJoin('units as staff_unit', 'staff_unit.id', 'staff.unit_id')
    .leftJoin('departments', 'departments.id', 'staff.department_id')
    .leftJoin('users', 'users.id', 'staff.user_id')
    .selectAll('staff')
    .select([
      'staff_unit.name as unit_name',
      'staff_unit.path as unit_path',
      'departments.name as department_name',
      'users.username',
      duplicateNationalId.as('duplicate_national_id'),
    ]);
}

export interface StaffFilter {
  q?: string;
  departmentId?: string;
  position?: Row<'staff'>['position'];
  status?: Row<'staff'>['employment_status'];
  duplicatesOnly?: boolean;
}

/**
 * The list filters as one condition on `staff` (joined with `units as staff_unit`): every folded search word must
 * occur in search_text (name, phone, e-mail), so "nguyen van an" finds "Nguyễn Văn An".
 */
export function staffFilter(filter: StaffFilter): RawBuilder<boolean> {
  const conditions: RawBuilder<unknown>[] = [];
  for (const word of foldVietnamese(filter.q ?? '').split(' ')) {
    if (word) conditions.push(sql`staff.search_text like ${containsPattern(word)}`);
  }
  if (filter.departmentId) conditions.push(sql`staff.department_id = ${filter.departmentId}`);
  if (filter.position) conditions.push(sql`staff.position = ${filter.position}`);
  if (filter.status) conditions.push(sql`staff.employment_status = ${filter.status}`);
  if (filter.duplicatesOnly) conditions.push(duplicateNationalId);
  return conditions.length ? sql<boolean>`(${sql.join(conditions, sql` and `)})` : sql<boolean>`true`;
}

/** What the search box matches: name, phone and e-mail, folded (no diacritics, lower case). */
export function staffSearchText(fields: { fullName: string; phone?: string | null; email?: string | null }) {
  return foldVietnamese([fields.fullName, fields.phone ?? '', fields.email ?? ''].join(' '));
}

/** One record by id; the caller then checks access to the record's unit (`unit_path`). */
export async function findStaff(db: Kysely<DB>, id: string): Promise<StaffRow | undefined> {
  return selectStaff(db).where('staff.id', '=', id).executeTakeFirst();
}

/** Staff records of a province holding one of these national IDs (the Excel import refuses such duplicates). */
export function staffWithNationalIds(db: Kysely<DB>, provincePath: string, nationalIds: readonly string[]) {
  if (nationalIds.length === 0) return Promise.resolve([]);
  return (
    db
      // scope: the whole province is searched (identity.md); callers reveal only the unit's name.
      .selectFrom('staff')
      .innerJoin('units', 'units.id', 'staff.unit_id')
      .select(['staff.national_id', 'units.name as unit_name'])
      .where('units.path', 'like', `${provincePath}%`)
      .where('staff.national_id', 'in', nationalIds)
      .execute()
  );
}
