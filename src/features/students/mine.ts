import { compareVietnameseNames } from '../../domain/text/collation.ts';
import { unitsInScope } from '../../platform/authz/access.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { currentEnrolments } from '../roster/queries.ts';

/**
 * The students linked to the caller's account: themself (a student account) or their children (a guardian
 * account), at schools where they hold `students.read_own`. Nothing else is reachable from these roles.
 */
export async function listMyStudents(ctx: ServiceContext) {
  const me = ctx.actor.userId;
  const rows = await ctx.db
    .selectFrom('students as s')
    .innerJoin('units as u', 'u.id', 's.unit_id')
    .leftJoin('student_guardians as g', (join) =>
      join.onRef('g.student_id', '=', 's.id').onRef('g.unit_id', '=', 's.unit_id').on('g.user_id', '=', me),
    )
    .select([
      's.id',
      's.full_name',
      's.birth_date',
      's.gender',
      's.status',
      's.unit_id',
      's.user_id',
      'u.name as unit_name',
    ])
    .where('s.unit_id', 'in', unitsInScope(ctx, 'students.read_own'))
    .where('s.erased_at', 'is', null)
    .where((eb) => eb.or([eb('s.user_id', '=', me), eb('g.id', 'is not', null)]))
    .execute();
  const students = [...new Map(rows.map((r) => [r.id, r])).values()];
  const classes = await currentClasses(
    ctx,
    students.map((s) => s.id),
  );
  return students
    .sort((a, b) => compareVietnameseNames(a.full_name, b.full_name))
    .map((s) => ({
      id: s.id,
      fullName: s.full_name,
      birthDate: s.birth_date,
      gender: s.gender,
      status: s.status,
      unitId: s.unit_id,
      unitName: s.unit_name,
      className: classes.get(s.id)?.name ?? null,
      schoolYear: classes.get(s.id)?.school_year ?? null,
      link: s.user_id === me ? ('self' as const) : ('guardian' as const),
    }));
}

/** Each student's open class of their latest school year. */
async function currentClasses(ctx: ServiceContext, studentIds: readonly string[]) {
  if (studentIds.length === 0) return new Map<string, { name: string; school_year: string }>();
  const rows = await currentEnrolments(ctx.db, unitsInScope(ctx, 'students.read_own'))
    .innerJoin('classes as c', 'c.id', 'e.class_id')
    .select(['e.student_id', 'c.name', 'e.school_year'])
    .where('e.student_id', 'in', studentIds)
    .orderBy('e.school_year')
    .execute();
  // Later school years overwrite earlier ones.
  return new Map(rows.map((r) => [r.student_id, { name: r.name, school_year: r.school_year }]));
}
