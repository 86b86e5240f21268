import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ROLE_LABEL_VI, type Role } from '#contracts/roles.ts';
import { POSITION_LABEL_VI } from '#contracts/staff.ts';
import type { DB } from '../../platform/db/schema.ts';

/** Staff who still work there move with a merged school; those retired or gone stay in its archive. */
const STAFF_WHO_STAY = ['retired', 'left'] as const;
/** Students on the roll ("Đang học") move; graduates and those who left stay in the merged school's archive. */
const STUDENTS_ON_ROLL = ['enrolled', 'transferred_in'] as const;
/** How many names a preview lists per group (the counts are always complete). */
const LISTED = 300;

export interface Named {
  id: string;
  name: string;
  detail: string | null;
}

/** Everything that goes across with a merger, by id (the execute statements use these same ids). */
export interface Movers {
  units: Named[];
  students: Named[];
  staff: Named[];
  classes: Named[];
  accounts: Named[];
  /** Role assignments that go across with their accounts. */
  roles: Named[];
  /** Role assignments the merger ends (the merged school's leadership, domain/units ROLES_ENDED_BY_MERGER). */
  endingRoles: Named[];
}

/**
 * Who and what belongs to `unitIds` now: students on the roll (with their class of `schoolYear`), staff still
 * working, the classes of `schoolYear`, accounts and role assignments (those for which `roleEnds` holds are listed
 * apart: they end instead of moving), and the units directly below.
 * scope: the caller checked units.manage on every unit in `unitIds`.
 */
export async function loadMovers(
  db: Kysely<DB>,
  unitIds: readonly string[],
  schoolYear: string | null,
  roleEnds: (role: string) => boolean = () => false,
) {
  const year = schoolYear ?? '';
  const [units, students, staff, classes, accounts, roles] = await Promise.all([
    db
      .selectFrom('units')
      .select(['id', 'name', 'code as detail'])
      .where('parent_id', 'in', unitIds)
      .where('status', '=', 'active')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('students as s')
      .leftJoin('enrolments as e', (j) =>
        j.onRef('e.student_id', '=', 's.id').on('e.school_year', '=', year).on('e.left_on', 'is', null),
      )
      .leftJoin('classes as c', 'c.id', 'e.class_id')
      .select(['s.id', 's.full_name as name', 'c.name as detail'])
      .where('s.unit_id', 'in', unitIds)
      .where((eb) => eb.or([eb('s.status', 'in', STUDENTS_ON_ROLL), eb('e.id', 'is not', null)]))
      .orderBy('c.name')
      .orderBy('s.full_name')
      .execute(),
    db
      .selectFrom('staff')
      .select(['id', 'full_name as name', 'position'])
      .where('unit_id', 'in', unitIds)
      .where('employment_status', 'not in', STAFF_WHO_STAY)
      .orderBy('full_name')
      .execute(),
    db
      .selectFrom('classes')
      .select(['id', 'name', 'school_year as detail'])
      .where('unit_id', 'in', unitIds)
      .where('school_year', '=', year)
      .orderBy('grade')
      .orderBy('name')
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'full_name as name', 'username as detail'])
      .where('unit_id', 'in', unitIds)
      .orderBy('full_name')
      .execute(),
    db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select(['r.id', 'u.full_name as name', 'r.role'])
      .where('r.unit_id', 'in', unitIds)
      .orderBy('u.full_name')
      .execute(),
  ]);
  return {
    units,
    students,
    staff: staff.map((s) => ({ id: s.id, name: s.name, detail: POSITION_LABEL_VI[s.position] })),
    classes,
    accounts,
    roles: roles.filter((r) => !roleEnds(r.role)).map(namedRole),
    endingRoles: roles.filter((r) => roleEnds(r.role)).map(namedRole),
  } satisfies Movers;
}

const namedRole = (r: { id: string; name: string; role: Role }): Named => ({
  id: r.id,
  name: r.name,
  detail: ROLE_LABEL_VI[r.role],
});

/** A group as the preview shows it: the full count, the first names. */
export const listed = (items: readonly Named[]) => ({ count: items.length, items: items.slice(0, LISTED) });

/**
 * A fingerprint of the state the preview showed: the units' places and statuses and every id that moves. The
 * execute recomputes it inside its transaction and refuses (409) when anything changed in between.
 */
export function stateToken(units: readonly { id: string; path: string; status: string }[], movers: Movers) {
  const hash = createHash('sha256');
  for (const u of units) hash.update(`${u.id}:${u.path}:${u.status};`);
  for (const [group, items] of Object.entries(movers)) {
    hash.update(
      `${group}=${items
        .map((i: Named) => i.id)
        .sort()
        .join(',')};`,
    );
  }
  return hash.digest('base64url');
}
