import type { ServiceContext } from '../../platform/context.ts';

/** Departments whose head is the actor's own staff record, where the actor holds the department_head role. */
export async function departmentsHeadedByActor(ctx: ServiceContext): Promise<Set<string>> {
  const units = ctx.actor.assignments.filter((a) => a.role === 'department_head').map((a) => a.unitId);
  if (units.length === 0) return new Set();
  const rows = await ctx.db
    .selectFrom('departments')
    .innerJoin('staff', 'staff.id', 'departments.head_staff_id')
    .select('departments.id')
    .where('departments.unit_id', 'in', units)
    .where('staff.user_id', '=', ctx.actor.userId)
    .execute();
  return new Set(rows.map((r) => r.id));
}
