import type { Kysely } from 'kysely';
import type { unitsInScope } from '../../platform/authz/access.ts';
import type { DB } from '../../platform/db/schema.ts';

/** The ids of several units, as unitsInScope selects them. */
type UnitIds = ReturnType<typeof unitsInScope>;

/**
 * The open enrolments of a school (or of the units selected): a student is a current member of a class while their
 * enrolment has no `left_on`. This is the one definition of "in the class now"; callers add the class or school year,
 * joins and columns. Ended enrolments are history (a move ends one and opens another; leaving the school ends those of
 * the years still running). A finished year's enrolments stay as they were at its end, so its class lists, results
 * and transcripts read the same after the summer's graduations, transfers and the rollover.
 */
export function currentEnrolments(db: Kysely<DB>, unit: string | UnitIds) {
  return db
    .selectFrom('enrolments as e')
    .where((eb) => (typeof unit === 'string' ? eb('e.unit_id', '=', unit) : eb('e.unit_id', 'in', unit)))
    .where('e.left_on', 'is', null);
}

/** Students in a class now, unsorted (the caller orders them by Vietnamese name order). */
export function classMembers(db: Kysely<DB>, unitId: string, classId: string) {
  return currentEnrolments(db, unitId)
    .innerJoin('students as s', 's.id', 'e.student_id')
    .select([
      'e.id as enrolment_id',
      's.id as student_id',
      's.full_name',
      's.birth_date',
      's.gender',
      's.status',
      'e.enrolled_on',
    ])
    .where('e.class_id', '=', classId)
    .execute();
}
