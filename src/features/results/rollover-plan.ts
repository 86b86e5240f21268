import type { RolloverInput, RolloverPlanInput, RolloverPreview } from '#contracts/rollover.ts';
import { audit } from '../../platform/audit/audit.ts';
import { requireSchool } from '../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import { AppError } from '../../platform/errors.ts';
import { outcomeOf, planRollover } from './rollover.ts';

/** What the rollover would do now, by name, with the classes it would create and their planned teacher and room. */
export async function previewRollover(ctx: ServiceContext, input: RolloverInput): Promise<RolloverPreview> {
  const plan = await planRollover(ctx, input);
  const outcome = outcomeOf(input, plan, 0);
  const done = plan.moves.every((m) => m.write === null) && plan.classes.every((c) => c.exists);
  return { ...outcome, done };
}

/**
 * Saves the principal's plan for the new year's classes (homeroom teacher and room by class name), replacing the
 * previous one, and answers the preview with it. Teachers must be the school's staff; classes already created are
 * edited on the class page instead.
 */
export async function saveRolloverPlan(
  ctx: ServiceContext,
  input: RolloverPlanInput,
): Promise<RolloverPreview> {
  await requireSchool(ctx, 'gradebook.manage', input.unitId);
  const teacherIds = [
    ...new Set(input.classes.flatMap((c) => (c.homeroomTeacherId ? [c.homeroomTeacherId] : []))),
  ];
  await inTransaction(ctx, async (trx) => {
    const staff =
      teacherIds.length === 0
        ? []
        : await trx.db
            .selectFrom('staff')
            .select('id')
            .where('unit_id', '=', input.unitId)
            .where('id', 'in', teacherIds)
            .execute();
    const known = new Set(staff.map((s) => s.id));
    const unknown = input.classes.findIndex((c) => c.homeroomTeacherId && !known.has(c.homeroomTeacherId));
    if (unknown >= 0) {
      const message = `Giáo viên chủ nhiệm lớp ${input.classes[unknown]?.name} phải là cán bộ, giáo viên của trường.`;
      throw new AppError('validation_failed', message, { [`classes.${unknown}.homeroomTeacherId`]: message });
    }
    const before = await trx.db
      .selectFrom('rollover_plan_classes')
      .select(['name', 'homeroom_teacher_id', 'room'])
      .where('unit_id', '=', input.unitId)
      .where('school_year', '=', input.toYear)
      .execute();
    await trx.db
      .deleteFrom('rollover_plan_classes')
      .where('unit_id', '=', input.unitId)
      .where('school_year', '=', input.toYear)
      .execute();
    if (input.classes.length > 0) {
      await trx.db
        .insertInto('rollover_plan_classes')
        .values(
          input.classes.map((c) => ({
            unit_id: input.unitId,
            school_year: input.toYear,
            name: c.name,
            homeroom_teacher_id: c.homeroomTeacherId,
            room: c.room,
            updated_by: ctx.actor.userId || null,
          })),
        )
        .execute();
    }
    await audit(trx, {
      unitId: input.unitId,
      entity: 'rollover_plan',
      entityId: input.toYear,
      action: 'update',
      before,
      after: input.classes,
    });
  });
  return previewRollover(ctx, { unitId: input.unitId, fromYear: input.fromYear, toYear: input.toYear });
}
