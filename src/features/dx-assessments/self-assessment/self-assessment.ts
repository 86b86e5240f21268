import type { SaveItemInput } from '#contracts/dx-assessments/assessment.ts';
import {
  type AssessmentResult,
  type Catalogue,
  type ItemAnswer,
  scoreAssessment,
} from '../../../domain/assessment-catalogue/index.ts';
import { isSubmitted } from '../../../domain/dx-index/workflow.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../../platform/context.ts';
import { AppError, notFound } from '../../../platform/errors.ts';
import { notify, usersWithRole } from '../../../platform/notifications/notify.ts';
import { readableAssessment, requireEditable, requireItemEditor, requireOnUnit } from '../access.ts';
import {
  type AssessmentRow,
  findCampaign,
  itemRows,
  loadCatalogue,
  selfAnswers,
  usersOfUnit,
} from '../queries.ts';
import { transition, upsertItem } from '../workflow.ts';
import { getAssessment } from './assessment-detail.ts';
import { claimConflict, claimConflictError, lockItemRow } from './claim-versions.ts';

/** The school side: claims per criterion, assignments to staff, approval (which freezes the result), submission. */

export function requireItem(catalogue: Catalogue, itemId: string) {
  const item = catalogue.groups.flatMap((g) => g.items).find((i) => i.id === itemId);
  if (!item) throw notFound(`tiêu chí ${itemId}`);
  return item;
}

/**
 * Checks one answer against its criterion with the scoring engine (kind, maxima, bands): a claim above the
 * maximum or a ratio without bands is refused with the engine's Vietnamese message, nothing is stored.
 */
export function requireValidAnswer(catalogue: Catalogue, itemId: string, answer: ItemAnswer, field: string) {
  const errors = scoreAssessment(catalogue, { [itemId]: answer }).errors.filter((e) => e.path[0] === itemId);
  if (errors.length === 0) return;
  throw new AppError(
    'validation_failed',
    errors.map((e) => e.message).join('; '),
    Object.fromEntries(errors.map((e) => [[field, ...e.path.slice(1)].join('.'), e.message])),
  );
}

async function context(ctx: ServiceContext, id: string) {
  const assessment = await readableAssessment(ctx, id);
  const campaign = await findCampaign(ctx.db, assessment.campaign_id);
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  return { assessment, campaign, catalogue };
}

/** Starting work on a criterion moves a fresh assessment to "in progress". */
export async function markStarted(trx: ServiceContext, assessment: AssessmentRow) {
  if (assessment.status === 'not_started')
    await transition(trx, assessment, { action: 'started', to: 'in_progress' });
}

/**
 * Saves the unit's claim on one criterion. The save names the claim's version it loaded: one over a claim changed
 * since is a 409 naming the criterion and its claim now, and nothing is written (claim-versions.ts).
 */
export async function saveItem(ctx: ServiceContext, id: string, itemId: string, input: SaveItemInput) {
  const { assessment, catalogue } = await context(ctx, id);
  requireEditable(assessment);
  const item = requireItem(catalogue, itemId);
  const rows = await itemRows(ctx.db, assessment);
  requireItemEditor(
    ctx,
    assessment,
    rows.find((r) => r.item_id === itemId),
  );
  if (input.answer) requireValidAnswer(catalogue, itemId, input.answer, 'answer');
  const progress = input.progress ?? (input.answer ? 'done' : 'in_progress');
  await inTransaction(ctx, async (trx) => {
    const before = await lockItemRow(trx, assessment, itemId);
    const conflict = await claimConflict(trx, item, before, input, {
      answer: input.answer,
      ...(input.note !== undefined && { note: input.note || null }),
      progress,
    });
    if (conflict) throw claimConflictError(catalogue, [conflict]);
    await markStarted(trx, assessment);
    await upsertItem(trx, assessment, itemId, {
      answer: input.answer ? JSON.stringify(input.answer) : null,
      ...(input.note !== undefined && { note: input.note || null }),
      progress,
      version: before.version + 1,
      updated_by: ctx.actor.userId,
      updated_at: new Date(),
    });
    await audit(trx, {
      unitId: assessment.unit_id,
      entity: 'assessment_item',
      entityId: assessment.id,
      action: 'claim',
      before:
        before.version > 0 || before.answer !== null
          ? { itemId, answer: before.answer, note: before.note, progress: before.progress }
          : { itemId },
      after: { itemId, answer: input.answer, note: input.note, progress },
    });
  });
  return getAssessment(ctx, id);
}

export async function assignableUsers(ctx: ServiceContext, id: string) {
  const assessment = await readableAssessment(ctx, id);
  requireOnUnit(
    ctx.actor,
    'assessments.self',
    assessment.unit_id,
    'Chỉ lãnh đạo đơn vị được phân công tiêu chí.',
  );
  return usersOfUnit(ctx.db, assessment.unit_id);
}

/** The principal (or a vice-principal) gives a criterion to a member of staff, who is notified. */
export async function assignItem(ctx: ServiceContext, id: string, itemId: string, userId: string | null) {
  const { assessment, campaign, catalogue } = await context(ctx, id);
  requireOnUnit(
    ctx.actor,
    'assessments.self',
    assessment.unit_id,
    'Chỉ lãnh đạo đơn vị được phân công tiêu chí.',
  );
  requireEditable(assessment);
  const item = requireItem(catalogue, itemId);
  if (userId && !(await usersOfUnit(ctx.db, assessment.unit_id)).some((u) => u.id === userId))
    throw new AppError('validation_failed', 'Người được phân công phải là cán bộ của đơn vị.', {
      userId: 'Chọn người thuộc đơn vị.',
    });
  const before = (await itemRows(ctx.db, assessment)).find((r) => r.item_id === itemId);
  await inTransaction(ctx, async (trx) => {
    await markStarted(trx, assessment);
    await upsertItem(trx, assessment, itemId, { assignee_user_id: userId });
    await audit(trx, {
      unitId: assessment.unit_id,
      entity: 'assessment_item',
      entityId: assessment.id,
      action: 'assign',
      before: { itemId, assigneeUserId: before?.assignee_user_id ?? null },
      after: { itemId, assigneeUserId: userId },
    });
    if (userId && userId !== ctx.actor.userId)
      await notify(trx, {
        unitId: assessment.unit_id,
        userIds: [userId],
        kind: 'assessment_assigned',
        title: `Bạn được phân công tiêu chí ${item.id}: ${campaign.title}`,
        body: item.title,
        link: `/assessments/${assessment.id}`,
      });
  });
  return getAssessment(ctx, id);
}

function describeUnanswered(result: AssessmentResult): string {
  return result.completeness.unanswered
    .map((u) => (u.missingSubItems.length ? `${u.itemId} (thiếu ${u.missingSubItems.join(', ')})` : u.itemId))
    .join(', ');
}

/**
 * The head of the unit approves the self-assessment: every criterion must be answered without scoring errors.
 * The scoring output is frozen in self_result; from now on the unit cannot change its claims unless returned.
 */
export async function approveAssessment(ctx: ServiceContext, id: string, comment?: string) {
  const { assessment, catalogue } = await context(ctx, id);
  requireOnUnit(
    ctx.actor,
    'assessments.approve',
    assessment.unit_id,
    'Chỉ thủ trưởng đơn vị (hiệu trưởng) được phê duyệt kết quả tự đánh giá.',
  );
  requireEditable(assessment);
  const result = scoreAssessment(catalogue, selfAnswers(await itemRows(ctx.db, assessment)));
  if (result.errors.length > 0)
    throw new AppError('validation_failed', result.errors.map((e) => e.message).join('; '));
  if (result.completeness.unanswered.length > 0)
    throw new AppError(
      'validation_failed',
      `Còn ${result.completeness.unanswered.length} tiêu chí chưa tự đánh giá: ${describeUnanswered(result)}.`,
      { items: describeUnanswered(result) },
    );
  await inTransaction(ctx, (trx) =>
    transition(trx, assessment, {
      action: 'approved',
      to: 'approved',
      comment: comment || null,
      snapshot: { totalPoints: result.totalPoints, unitLevel: result.unitLevel, groups: result.groups },
      set: { self_result: JSON.stringify(result), approved_by: ctx.actor.userId, approved_at: new Date() },
    }),
  );
  return getAssessment(ctx, id);
}

/** Reviewers to tell about a submission: the team assigned to the unit, else the office's reviewers. */
async function reviewersOf(
  ctx: ServiceContext,
  assessment: AssessmentRow,
  campaign: { id: string; unit_id: string },
) {
  const members = await ctx.db
    .selectFrom('assessment_team_members as m')
    .innerJoin('assessment_teams as t', 't.id', 'm.team_id')
    .innerJoin('assessment_team_units as tu', 'tu.team_id', 't.id')
    .select('m.user_id')
    .where('m.unit_id', '=', campaign.unit_id)
    .where('t.campaign_id', '=', campaign.id)
    .where('tu.assessed_unit_id', '=', assessment.unit_id)
    .execute();
  if (members.length > 0) return members.map((m) => m.user_id);
  return usersWithRole(ctx, campaign.unit_id, ['office_admin', 'office_specialist']);
}

/** Sends the approved self-assessment to the office (again after a return: "resubmitted"). */
export async function submitAssessment(ctx: ServiceContext, id: string) {
  const { assessment, campaign } = await context(ctx, id);
  requireOnUnit(
    ctx.actor,
    'assessments.approve',
    assessment.unit_id,
    'Chỉ thủ trưởng đơn vị (hiệu trưởng) được nộp kết quả tự đánh giá.',
  );
  if (isSubmitted(assessment.status)) throw new AppError('already_done', 'Hồ sơ đã được nộp.');
  if (assessment.status !== 'approved')
    throw new AppError('conflict', 'Cần phê duyệt kết quả tự đánh giá trước khi nộp.');
  const returnedBefore = await ctx.db
    .selectFrom('assessment_events')
    .select('id')
    .where('unit_id', '=', assessment.unit_id)
    .where('assessment_id', '=', assessment.id)
    .where('action', '=', 'returned')
    .executeTakeFirst();
  const action = returnedBefore ? 'resubmitted' : 'submitted';
  await inTransaction(ctx, async (trx) => {
    await transition(trx, assessment, { action, to: 'submitted', set: { submitted_at: new Date() } });
    await notify(trx, {
      unitId: campaign.unit_id,
      userIds: await reviewersOf(trx, assessment, campaign),
      kind: 'assessment_submitted',
      title: `${assessment.unit_name} đã ${returnedBefore ? 'nộp lại' : 'nộp'} kết quả tự đánh giá`,
      body: campaign.title,
      link: `/assessments/${assessment.id}/review`,
    });
  });
  return getAssessment(ctx, id);
}
