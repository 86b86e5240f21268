import type { Kysely } from 'kysely';
import type { IndividualPlanInput, PrincipalDecisionInput } from '#contracts/results.ts';
import {
  checkPrincipalDecision,
  GradingInputError,
  type Level4,
  PRINCIPAL_DECIDES,
  yearDecision,
} from '../../domain/grading/index.ts';
import { audit } from '../../platform/audit/audit.ts';
import { can } from '../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../platform/context.ts';
import type { DB } from '../../platform/db/schema.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { requireStudentPermission } from '../students/access.ts';
import { loadYearResult } from './summer.ts';

/** Students on an individual plan → the principal's decision recorded so far (null while none). */
export type IndividualPlans = Map<string, 'promoted' | 'retained' | null>;

// Students with a disability assessed against an individual education plan (TT22 Điều 11, Điều 12 khoản 4; TT27
// for primary): the school sets the flag, the year close lists them as "Hiệu trưởng quyết định" (promotion
// 'principal_decision') instead of applying Điều 12 khoản 1, and the principal records the decision with its
// reason on the year result — audited, read by the học bạ.

/**
 * The close's view: the school's students on a plan this year, with the principal's decision recorded so far (a
 * re-run of the close keeps it). Read for the whole school at once: a handful of students per school.
 */
export async function individualPlansOf(
  db: Kysely<DB>,
  unitId: string,
  schoolYear: string,
): Promise<IndividualPlans> {
  const rows = await db
    .selectFrom('individual_plans as p')
    .leftJoin('student_results as r', (j) =>
      j
        .onRef('r.unit_id', '=', 'p.unit_id')
        .onRef('r.school_year', '=', 'p.school_year')
        .onRef('r.student_id', '=', 'p.student_id')
        .on('r.term', '=', 0)
        .on('r.promotion', '=', PRINCIPAL_DECIDES),
    )
    .select(['p.student_id', 'r.final_promotion'])
    .where('p.unit_id', '=', unitId)
    .where('p.school_year', '=', schoolYear)
    .execute();
  return new Map(rows.map((r) => [r.student_id, r.final_promotion ?? null]));
}

/**
 * Sets or clears the flag for a school year. A year result already closed follows at once — with the flag the
 * principal decides (the decision recorded so far is cleared), without it Điều 12 khoản 1 applies again to the
 * stored results (`yearDecision`) — so the list does not wait for the next close.
 */
export async function setIndividualPlan(ctx: ServiceContext, studentId: string, input: IndividualPlanInput) {
  const student = await requireStudentPermission(ctx, studentId, 'gradebook.manage');
  const key = { unit_id: student.unit_id, school_year: input.schoolYear, student_id: studentId };
  return inTransaction(ctx, async (trx) => {
    const before = await trx.db
      .selectFrom('individual_plans')
      .select('note')
      .where('unit_id', '=', key.unit_id)
      .where('school_year', '=', key.school_year)
      .where('student_id', '=', studentId)
      .executeTakeFirst();
    if (input.enabled) {
      await trx.db
        .insertInto('individual_plans')
        .values({ ...key, note: input.note ?? null, recorded_by: ctx.actor.userId || null })
        .onConflict((oc) =>
          oc.columns(['unit_id', 'school_year', 'student_id']).doUpdateSet({ note: input.note ?? null }),
        )
        .execute();
    } else {
      await trx.db
        .deleteFrom('individual_plans')
        .where('unit_id', '=', key.unit_id)
        .where('school_year', '=', key.school_year)
        .where('student_id', '=', studentId)
        .execute();
    }
    const promotion = await redecideYear(trx, key, input.enabled);
    await audit(trx, {
      unitId: student.unit_id,
      entity: 'individual_plans',
      entityId: studentId,
      action: input.enabled ? 'set_individual_plan' : 'clear_individual_plan',
      before: before ? { enabled: true, note: before.note } : { enabled: false },
      after: { enabled: input.enabled, note: input.note ?? null, schoolYear: input.schoolYear, promotion },
    });
    return { studentId, schoolYear: input.schoolYear, enabled: input.enabled, note: input.note ?? null };
  });
}

/** The stored year decision after the flag changed (see setIndividualPlan); null when no classified year row. */
async function redecideYear(
  trx: ServiceContext,
  key: { unit_id: string; school_year: string; student_id: string },
  individualPlan: boolean,
) {
  const year = await trx.db
    .selectFrom('student_results')
    .select(['learning_result', 'conduct_result', 'absent_sessions', 'promotion', 'primary_outcome'])
    .where('unit_id', '=', key.unit_id)
    .where('school_year', '=', key.school_year)
    .where('student_id', '=', key.student_id)
    .where('term', '=', 0)
    .executeTakeFirst();
  if (!year) return null;
  let promotion: typeof year.promotion = null;
  if (individualPlan) {
    // A primary pupil with no outcome yet, or a secondary student not classified, is listed once classified.
    const classified = year.primary_outcome !== null || (year.learning_result && year.conduct_result);
    promotion = classified ? PRINCIPAL_DECIDES : null;
  } else if (year.learning_result && year.conduct_result) {
    promotion = yearDecision({
      learning: year.learning_result as Level4,
      conduct: year.conduct_result as Level4,
      absentSessions: year.absent_sessions,
      individualPlan: false,
    });
  } else if (year.primary_outcome !== null) {
    // Primary: the close's rule (completed → promoted; otherwise the TT27 support path decides later).
    promotion = year.primary_outcome === 'not_completed' ? null : 'promoted';
  }
  const finalPromotion = promotion === 'promoted' || promotion === 'retained' ? promotion : null;
  await trx.db
    .updateTable('student_results')
    .set({ promotion, final_promotion: finalPromotion, principal_decision_reason: null })
    .where('unit_id', '=', key.unit_id)
    .where('school_year', '=', key.school_year)
    .where('student_id', '=', key.student_id)
    .where('term', '=', 0)
    .execute();
  return promotion;
}

/** The principal's decision (Điều 12 khoản 4) with its reason, on the student's year result; audited. */
export async function recordPrincipalDecision(
  ctx: ServiceContext,
  studentId: string,
  input: PrincipalDecisionInput,
) {
  const year = await loadYearResult(ctx, studentId, input.schoolYear);
  if (!year) throw notFound('kết quả cả năm của học sinh (chưa khoá sổ cả năm?)');
  if (!can(ctx.actor, 'gradebook.manage', { id: year.unit_id, path: year.unit_path })) throw forbidden();
  try {
    checkPrincipalDecision({ promotion: year.promotion, decision: input.decision, reason: input.reason });
  } catch (error) {
    if (error instanceof GradingInputError) {
      throw new AppError('validation_failed', error.message, { [error.field ?? 'decision']: error.message });
    }
    throw error;
  }
  return inTransaction(ctx, async (trx) => {
    await trx.db
      .updateTable('student_results')
      .set({ final_promotion: input.decision, principal_decision_reason: input.reason })
      .where('unit_id', '=', year.unit_id)
      .where('school_year', '=', input.schoolYear)
      .where('student_id', '=', studentId)
      .where('term', '=', 0)
      .execute();
    await audit(trx, {
      unitId: year.unit_id,
      entity: 'student_results',
      entityId: studentId,
      action: 'principal_decision',
      before: { finalPromotion: year.final_promotion, reason: year.principal_decision_reason },
      after: { finalPromotion: input.decision, reason: input.reason, schoolYear: input.schoolYear },
    });
    return { studentId, finalPromotion: input.decision, reason: input.reason };
  });
}
