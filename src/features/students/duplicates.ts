import type { Kysely } from 'kysely';
import { findDuplicateNationalIds } from '../../domain/identity/national-id-duplicates.ts';
import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import { can } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';

/**
 * Path of the province a unit belongs to: duplicates of personal ID numbers are checked inside a province
 * (identity.md). The province is the nearest ancestor of kind province_office; without one, the unit just below
 * the root stands for it.
 */
export async function provincePathOf(db: Kysely<DB>, unitPath: string): Promise<string> {
  const ids = unitPath.split('/').filter(Boolean);
  const units = await db.selectFrom('units').select(['id', 'kind']).where('id', 'in', ids).execute();
  const kindOf = new Map(units.map((u) => [u.id, u.kind]));
  const province = ids.findIndex((id) => kindOf.get(id) === 'province_office');
  const depth = province >= 0 ? province : Math.min(1, ids.length - 1);
  return `/${ids.slice(0, depth + 1).join('/')}/`;
}

interface Holder {
  id: string;
  national_id: string | null;
  full_name: string;
  unit_id: string;
  unit_name: string;
  unit_path: string;
}

/** Students of the province (not erased) holding one of these personal ID numbers (also the Excel import's check). */
export function holdersOf(
  db: Kysely<DB>,
  provincePath: string,
  nationalIds: readonly string[],
): Promise<Holder[]> {
  if (nationalIds.length === 0) return Promise.resolve([]);
  return (
    db
      // scope: the whole province is searched (identity.md); callers reveal only ids, counts and school names
      // of holders outside their own scope.
      .selectFrom('students as s')
      .innerJoin('units as u', 'u.id', 's.unit_id')
      .select([
        's.id',
        's.national_id',
        's.full_name',
        's.unit_id',
        'u.name as unit_name',
        'u.path as unit_path',
      ])
      .where('u.path', 'like', `${provincePath}%`)
      .where('s.national_id', 'in', nationalIds)
      .where('s.erased_at', 'is', null)
      .execute()
  );
}

/** For each given student, how many other students in the province carry the same personal ID. */
export async function duplicateCounts(
  db: Kysely<DB>,
  provincePath: string,
  students: readonly { id: string; national_id: string | null }[],
): Promise<Map<string, number>> {
  const ids = [...new Set(students.flatMap((s) => (s.national_id ? [s.national_id] : [])))];
  const holders = await holdersOf(db, provincePath, ids);
  const groups = findDuplicateNationalIds(holders.map((h) => ({ id: h.id, nationalId: h.national_id })));
  const counts = new Map<string, number>();
  for (const group of groups) for (const id of group.personIds) counts.set(id, group.personIds.length - 1);
  return counts;
}

/**
 * Groups of students sharing a personal ID number inside the province, where at least one of them belongs to the
 * given unit (a school, or an office and its schools). Holders the caller may not see are named by school only.
 */
export async function listDuplicateNationalIds(ctx: ServiceContext, unitId: string) {
  const unit = await requireUnitAccess(ctx, 'students.sensitive', unitId);
  const provincePath = await provincePathOf(ctx.db, unit.path);
  const repeated = await ctx.db
    .selectFrom('students as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .select('s.national_id')
    .where('u.path', 'like', `${provincePath}%`)
    .where('s.national_id', 'is not', null)
    .where('s.erased_at', 'is', null)
    .groupBy('s.national_id')
    .having((eb) => eb.fn.countAll(), '>', 1)
    .execute();
  const holders = await holdersOf(
    ctx.db,
    provincePath,
    repeated.flatMap((r) => (r.national_id ? [r.national_id] : [])),
  );
  const byId = new Map(holders.map((h) => [h.id, h]));
  const groups = findDuplicateNationalIds(holders.map((h) => ({ id: h.id, nationalId: h.national_id })));
  return groups
    .map((group) => group.personIds.map((id) => byId.get(id) as Holder))
    .filter((members) => members.some((m) => m.unit_path.startsWith(unit.path)))
    .map((members) => {
      const visible = members.filter((m) =>
        can(ctx.actor, 'students.sensitive', { id: m.unit_id, path: m.unit_path }),
      );
      return {
        nationalId: members[0]?.national_id ?? '',
        students: visible
          .map((m) => ({ id: m.id, fullName: m.full_name, unitId: m.unit_id, unitName: m.unit_name }))
          .sort((a, b) => compareVietnameseNames(a.fullName, b.fullName)),
        elsewhere: members.filter((m) => !visible.includes(m)).map((m) => ({ unitName: m.unit_name })),
      };
    })
    .sort((a, b) => a.nationalId.localeCompare(b.nationalId));
}

/**
 * Which of these sector database codes are already on a record (the code is unique nationally): code → the id of
 * the student holding it (the import's update mode tells the student a row updates from another).
 */
export async function takenMoetStudentCodes(
  db: Kysely<DB>,
  codes: readonly string[],
): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db
    // scope: students_moet_code_key is unique across every unit; only "taken" and the holder's id leave this query.
    .selectFrom('students')
    .select(['id', 'moet_student_code'])
    .where('moet_student_code', 'in', codes)
    .execute();
  return new Map(rows.flatMap((r) => (r.moet_student_code ? [[r.moet_student_code, r.id] as const] : [])));
}
