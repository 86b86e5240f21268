import type { ReturnInput, ReviewItemInput } from '#contracts/dx-assessments/assessment.ts';
import { scoreAssessment } from '../../../domain/assessment-catalogue/index.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { inTransaction, type ServiceContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/errors.ts';
import { notify, usersWithRole } from '../../../platform/notifications/notify.ts';
import { requireReviewable, reviewedAssessment } from '../access.ts';
import { UNIT_HEAD_ROLES } from '../campaigns/reminders.ts';
import { type AssessmentRow, agreedAnswers, itemRows, loadCatalogue } from '../queries.ts';
import { getAssessment } from '../self-assessment/assessment-detail.ts';
import { requireItem, requireValidAnswer } from '../self-assessment/self-assessment.ts';
import { transition, upsertItem } from '../workflow.ts';

/**
 * The office side of one unit: agreed points and comments per criterion, returning the file for more evidence,
 * and closing the external assessment (which freezes external_result).
 */

async function reviewContext(ctx: ServiceContext, id: string) {
  const { assessment, campaign } = await reviewedAssessment(ctx, id, 'assessments.review');
  requireReviewable(assessment);
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  return { assessment, campaign, catalogue };
}

/** The first review action moves a submitted file to "under review", so the school sees it is being read. */
async function markUnderReview(trx: ServiceContext, assessment: AssessmentRow) {
  if (assessment.status === 'submitted')
    await transition(trx, assessment, { action: 'review_started', to: 'under_review' });
}

export async function reviewItem(ctx: ServiceContext, id: string, itemId: string, input: ReviewItemInput) {
  const { assessment, catalogue } = await reviewContext(ctx, id);
  requireItem(catalogue, itemId);
  if (input.agreedAnswer) requireValidAnswer(catalogue, itemId, input.agreedAnswer, 'agreedAnswer');
  const changes = {
    ...(input.agreedAnswer !== undefined && {
      agreed_answer: input.agreedAnswer ? JSON.stringify(input.agreedAnswer) : null,
    }),
    ...(input.externalComment !== undefined && { external_comment: input.externalComment || null }),
  };
  await inTransaction(ctx, async (trx) => {
    await markUnderReview(trx, assessment);
    await upsertItem(trx, assessment, itemId, changes);
    await audit(trx, {
      unitId: assessment.unit_id,
      entity: 'assessment_item',
      entityId: assessment.id,
      action: 'review',
      after: { itemId, agreedAnswer: input.agreedAnswer, externalComment: input.externalComment },
    });
  });
  return getAssessment(ctx, id);
}

/**
 * Returns the file to the unit with an overall comment and comments per criterion. The unit edits again,
 * re-approves and resubmits; the comments stay on the criteria until the next return, and in the history.
 */
export async function returnAssessment(ctx: ServiceContext, id: string, input: ReturnInput) {
  const { assessment, campaign, catalogue } = await reviewContext(ctx, id);
  for (const item of input.items) requireItem(catalogue, item.itemId);
  const rows = await itemRows(ctx.db, assessment);
  const assignees = input.items
    .map((i) => rows.find((r) => r.item_id === i.itemId)?.assignee_user_id)
    .filter((u): u is string => Boolean(u));
  await inTransaction(ctx, async (trx) => {
    await trx.db
      .updateTable('assessment_items')
      .set({ return_comment: null })
      .where('unit_id', '=', assessment.unit_id)
      .where('assessment_id', '=', assessment.id)
      .execute();
    for (const item of input.items)
      await upsertItem(trx, assessment, item.itemId, {
        return_comment: item.comment,
        progress: 'in_progress',
      });
    await transition(trx, assessment, {
      action: 'returned',
      to: 'returned',
      comment: input.comment,
      snapshot: { items: input.items },
    });
    const heads = await usersWithRole(trx, assessment.unit_id, UNIT_HEAD_ROLES);
    await notify(trx, {
      unitId: assessment.unit_id,
      userIds: [...heads, ...assignees],
      kind: 'assessment_returned',
      title: `Hồ sơ tự đánh giá bị trả lại: ${campaign.title}`,
      body: [input.comment, ...input.items.map((i) => `${i.itemId}: ${i.comment}`)].join('\n'),
      link: `/assessments/${assessment.id}`,
    });
  });
  return getAssessment(ctx, id);
}

/** Closes the external assessment: agreed answers (the unit's claim where the office kept it) are scored and frozen. */
export async function closeReview(ctx: ServiceContext, id: string, comment?: string) {
  const { assessment, campaign, catalogue } = await reviewContext(ctx, id);
  const result = scoreAssessment(catalogue, agreedAnswers(await itemRows(ctx.db, assessment)));
  if (result.errors.length > 0)
    throw new AppError('validation_failed', result.errors.map((e) => e.message).join('; '));
  if (result.unitLevel === null)
    throw new AppError(
      'validation_failed',
      'Chưa xác định được mức của đơn vị: còn tiêu chí chưa có điểm thống nhất.',
    );
  await inTransaction(ctx, async (trx) => {
    await transition(trx, assessment, {
      action: 'assessed',
      to: 'assessed',
      comment: comment || null,
      snapshot: { totalPoints: result.totalPoints, unitLevel: result.unitLevel, groups: result.groups },
      set: { external_result: JSON.stringify(result) },
    });
    await notify(trx, {
      unitId: assessment.unit_id,
      userIds: await usersWithRole(trx, assessment.unit_id, UNIT_HEAD_ROLES),
      kind: 'assessment_assessed',
      title: `Đã có kết quả đánh giá ngoài: ${campaign.title}`,
      body: result.unitLabel ?? undefined,
      link: `/assessments/${assessment.id}`,
    });
  });
  return getAssessment(ctx, id);
}
