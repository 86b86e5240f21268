import { type Permission, roleGrants } from '#contracts/roles.ts';
import type { Catalogue } from '../../domain/assessment-catalogue/index.ts';
import { isEditable, isReviewable } from '../../domain/dx-index/workflow.ts';
import { requireUnitAccess } from '../../platform/authz/access.ts';
import type { Actor } from '../../platform/authz/actor.ts';
import type { ServiceContext } from '../../platform/context.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import {
  type AssessmentRow,
  type CampaignRow,
  findAssessment,
  findCampaign,
  type ItemRow,
} from './queries.ts';

/**
 * Self-assessment permissions count only when held on the assessed unit itself: an office above has the same
 * roles over its schools by inheritance, but it reviews their claims and must never fill them in.
 */
export function holdsOnUnit(actor: Actor, permission: Permission, unitId: string): boolean {
  return actor.assignments.some((a) => a.unitId === unitId && roleGrants(a.role, permission));
}

export function requireOnUnit(actor: Actor, permission: Permission, unitId: string, message: string): void {
  if (!holdsOnUnit(actor, permission, unitId)) throw forbidden(message);
}

/** An assessment the caller may read: its own unit's, or one of the units below an office. */
export async function readableAssessment(ctx: ServiceContext, id: string): Promise<AssessmentRow> {
  const assessment = await findAssessment(ctx.db, id);
  await requireUnitAccess(ctx, 'assessments.read', assessment.unit_id);
  return assessment;
}

/** A campaign the caller holds `permission` on (at its office or above). */
export async function campaignWith(
  ctx: ServiceContext,
  permission: Permission,
  campaignId: string,
): Promise<CampaignRow> {
  const campaign = await findCampaign(ctx.db, campaignId);
  await requireUnitAccess(ctx, permission, campaign.unit_id);
  return campaign;
}

/** An assessment reviewed by the caller's office: the permission is checked on the campaign's office. */
export async function reviewedAssessment(ctx: ServiceContext, id: string, permission: Permission) {
  const assessment = await findAssessment(ctx.db, id);
  const campaign = await campaignWith(ctx, permission, assessment.campaign_id);
  return { assessment, campaign };
}

/** Criteria the actor may edit now: every one for the unit's leaders, else those assigned to them. */
export function editableItemIds(
  actor: Actor,
  assessment: AssessmentRow,
  catalogue: Catalogue,
  items: readonly ItemRow[],
): string[] {
  if (!isEditable(assessment.status)) return [];
  if (holdsOnUnit(actor, 'assessments.self', assessment.unit_id))
    return catalogue.groups.flatMap((g) => g.items.map((i) => i.id));
  return items.filter((i) => i.assignee_user_id === actor.userId).map((i) => i.item_id);
}

export function requireEditable(assessment: AssessmentRow): void {
  if (isEditable(assessment.status)) return;
  throw new AppError(
    'conflict',
    'Hồ sơ tự đánh giá đã được phê duyệt; chỉ sửa được khi cơ quan quản lý trả lại để bổ sung.',
  );
}

export function requireItemEditor(
  ctx: ServiceContext,
  assessment: AssessmentRow,
  item: ItemRow | undefined,
): void {
  if (holdsOnUnit(ctx.actor, 'assessments.self', assessment.unit_id)) return;
  if (item?.assignee_user_id === ctx.actor.userId) return;
  throw forbidden('Chỉ người được phân công tiêu chí này, hiệu trưởng hoặc phó hiệu trưởng mới được sửa.');
}

export function requireReviewable(assessment: AssessmentRow): void {
  if (isReviewable(assessment.status)) return;
  throw new AppError('conflict', 'Hồ sơ không ở trạng thái chờ đánh giá ngoài.');
}
