import { type Kysely, sql } from 'kysely';
import type { DB } from '../../platform/db/schema.ts';
import type { Movers } from './movers.ts';

/**
 * Rows of the current year's classes that belong to the class (scores, attendance, conduct, results, học bạ,
 * teaching assignments, notes): they go with their class. Past years' rows stay with the merged school — they are
 * its records, signed under its name. `merge-writes.test.ts` fails when a table with `unit_id` and `class_id` is
 * missing here, so a new class-bound table cannot be left behind silently.
 */
export const CLASS_BOUND_TABLES = [
  'teaching_assignments',
  'gradebook_unlocks',
  'gradebook_class_locks',
  'subject_scores',
  'attendance',
  'conduct_assessments',
  'student_results',
  'subject_year_results',
  'primary_evaluations',
  'transcripts',
  'class_notes',
  'attendance_taken',
] as const;

/** Rows about the student rather than a year (guardians, status history): they go with the student. */
export const STUDENT_BOUND_TABLES = ['student_guardians', 'student_status_history'] as const;

/**
 * Decisions about a student for one school year (exemptions from the practical part, the individual education
 * plan, a primary pupil's support after not completing the grade): the current year's go with the student, like the
 * class's rows; past years' stay with the school's records.
 */
export const STUDENT_YEAR_TABLES = ['practical_exemptions', 'individual_plans', 'primary_support'] as const;

interface Move {
  sourceId: string;
  targetId: string;
  /** The merged school's current year (null for an office). */
  schoolYear: string | null;
  movers: Movers;
  /** The `movers.endingRoles` that end (the others were kept by the decision and move as any role). */
  endRoleIds: readonly string[];
  /** Written on the class locks carried from the merged school ("Khoá của … trước khi sáp nhập"). */
  lockReason: string;
}

/** A role assignment the merger ended, for its audit row. */
export interface EndedRole {
  id: string;
  user_id: string;
  role: string;
  username: string;
}

const idsOf = (items: readonly { id: string }[]) => items.map((i) => i.id);
const uuids = (ids: readonly string[]) => sql`any(${ids}::uuid[])`;

/**
 * Carries a merged unit's people and current classes to the receiving unit: one statement per table, inside the
 * caller's transaction. The ids are those the preview listed (re-read in this transaction). Returns the role
 * assignments it ended, for the caller's audit rows.
 */
export async function carryAcross(db: Kysely<DB>, move: Move): Promise<EndedRole[]> {
  const { sourceId, targetId, schoolYear, movers } = move;
  const classIds = idsOf(movers.classes);
  const studentIds = idsOf(movers.students);
  const staffIds = idsOf(movers.staff);
  if (classIds.length > 0) {
    // Enrolments follow through their key (ON UPDATE CASCADE, migration 0088).
    await sql`update classes set unit_id = ${targetId}
      where unit_id = ${sourceId} and id = ${uuids(classIds)}`.execute(db);
    for (const table of CLASS_BOUND_TABLES) {
      await sql`update ${sql.table(table)} set unit_id = ${targetId}
        where unit_id = ${sourceId} and class_id = ${uuids(classIds)}`.execute(db);
    }
    await sql`update class_note_acks set unit_id = ${targetId}
      where unit_id = ${sourceId}
        and note_id in (select id from class_notes where class_id = ${uuids(classIds)})`.execute(db);
    // A term the merged school had locked stays locked for its classes at the receiving school, whatever that
    // school's own lock (migration 0093); who locked it and when are kept. A class lock it already had moved above.
    await sql`insert into gradebook_class_locks (unit_id, school_year, term, class_id, locked_at, locked_by, reason)
      select ${targetId}, c.school_year, t.term, c.id, t.locked_at, t.locked_by, ${move.lockReason}
      from gradebook_terms t join classes c on c.school_year = t.school_year and c.id = ${uuids(classIds)}
      where t.unit_id = ${sourceId} and t.locked_at is not null
      on conflict (class_id, term) do nothing`.execute(db);
  }
  if (studentIds.length > 0) {
    await sql`update students set unit_id = ${targetId}, updated_at = now()
      where unit_id = ${sourceId} and id = ${uuids(studentIds)}`.execute(db);
    for (const table of STUDENT_BOUND_TABLES) {
      await sql`update ${sql.table(table)} set unit_id = ${targetId}
        where unit_id = ${sourceId} and student_id = ${uuids(studentIds)}`.execute(db);
    }
    for (const table of schoolYear ? STUDENT_YEAR_TABLES : []) {
      await sql`update ${sql.table(table)} set unit_id = ${targetId}
        where unit_id = ${sourceId} and school_year = ${schoolYear} and student_id = ${uuids(studentIds)}`.execute(
        db,
      );
    }
  }
  if (staffIds.length > 0) {
    // Departments (tổ chuyên môn) are the merged school's own and stay; the receiving school places the teachers
    // in its own. A department head who leaves stops heading it (the key ties the head to the department's school).
    await sql`update departments set head_staff_id = null
      where unit_id = ${sourceId} and head_staff_id = ${uuids(staffIds)}`.execute(db);
    await sql`update staff set unit_id = ${targetId}, department_id = null, updated_at = now()
      where unit_id = ${sourceId} and id = ${uuids(staffIds)}`.execute(db);
  }
  await sql`update users set unit_id = ${targetId}, updated_at = now() where unit_id = ${sourceId}`.execute(
    db,
  );
  // The merged school's leadership ends here unless the decision kept it (domain/units ROLES_ENDED_BY_MERGER); the
  // audit rows the caller writes are its history.
  const ended =
    move.endRoleIds.length === 0
      ? []
      : (
          await sql<EndedRole>`delete from role_assignments r using users u
            where r.unit_id = ${sourceId} and r.id = ${uuids(move.endRoleIds)} and u.id = r.user_id
            returning r.id, r.user_id, r.role, u.username`.execute(db)
        ).rows;
  // A role the person already holds at the receiving unit is not doubled (unique user, role, unit).
  await sql`delete from role_assignments r where r.unit_id = ${sourceId} and exists (
      select 1 from role_assignments t where t.unit_id = ${targetId} and t.user_id = r.user_id and t.role = r.role)`.execute(
    db,
  );
  await sql`update role_assignments set unit_id = ${targetId} where unit_id = ${sourceId}`.execute(db);
  return ended;
}

/**
 * Moves the units directly below `sourceId` (and so everything below them) under `target`, in one statement per
 * table: parents, materialised paths, and the dated parent history (closed on `effectiveOn`, reopened under the
 * target) so past years still report under the old office.
 */
export async function moveChildren(
  db: Kysely<DB>,
  source: { id: string; path: string },
  target: { id: string; path: string },
  effectiveOn: string,
  reason: string | null,
): Promise<void> {
  await sql`update unit_parent_history set valid_to = ${effectiveOn}
    where valid_to is null and unit_id in (select id from units where parent_id = ${source.id})`.execute(db);
  await sql`insert into unit_parent_history (unit_id, parent_id, valid_from, reason)
    select id, ${target.id}, ${effectiveOn}, ${reason} from units where parent_id = ${source.id}`.execute(db);
  // Everything strictly below the source keeps its path below the target: /…/source/child/… → /…/target/child/…
  await sql`update units set
      parent_id = case when parent_id = ${source.id} then ${target.id}::uuid else parent_id end,
      path = ${target.path} || substr(path, ${source.path.length + 1}),
      updated_at = now()
    where path like ${`${source.path}%`} and id <> ${source.id}`.execute(db);
}
