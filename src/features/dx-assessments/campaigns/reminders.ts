import { ROLES, roleGrants } from '#contracts/roles.ts';
import { todayInVietnam, vietnameseDate } from '../../../domain/calendar/index.ts';
import { NOT_SUBMITTED_STATUSES } from '../../../domain/dx-index/workflow.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { unitsUnderPaths } from '../../../platform/authz/access.ts';
import { inTransaction, type ServiceContext } from '../../../platform/context.ts';
import { notify, usersWithRole } from '../../../platform/notifications/notify.ts';
import { campaignWith } from '../access.ts';
import type { CampaignRow } from '../queries.ts';
import { deadlineIsNear } from './calendar.ts';

/** The heads of an assessed unit (principal of a school, head of an office): they approve and submit. */
export const UNIT_HEAD_ROLES = ROLES.filter(
  (r) => r !== 'system_admin' && roleGrants(r, 'assessments.approve'),
);

/**
 * Reminds the heads of units that have not submitted. Each assessment is claimed for the day with a conditional
 * update of last_reminded_on, so repeating the call (or two office users at once) never sends twice a day.
 */
export async function sendDeadlineReminders(
  ctx: ServiceContext,
  campaign: CampaignRow,
  trigger: 'manual' | 'auto',
): Promise<{ sent: number; alreadyRemindedToday: number }> {
  const today = todayInVietnam();
  const calendar = {
    selfAssessmentStartsOn: campaign.self_assessment_starts_on,
    submissionDeadline: campaign.submission_deadline,
    externalEndsOn: campaign.external_ends_on,
  };
  if (trigger === 'auto' && !deadlineIsNear(calendar, today)) return { sent: 0, alreadyRemindedToday: 0 };
  return inTransaction(ctx, async (trx) => {
    const claimed = await trx.db
      .updateTable('assessments')
      .set({ last_reminded_on: today })
      .where('campaign_id', '=', campaign.id)
      .where('unit_id', 'in', unitsUnderPaths(trx, [campaign.unit_path]))
      .where('status', 'in', NOT_SUBMITTED_STATUSES)
      .where((eb) => eb.or([eb('last_reminded_on', 'is', null), eb('last_reminded_on', '<', today)]))
      .returning(['id', 'unit_id', 'status'])
      .execute();
    const already = await trx.db
      .selectFrom('assessments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('campaign_id', '=', campaign.id)
      .where('unit_id', 'in', unitsUnderPaths(trx, [campaign.unit_path]))
      .where('status', 'in', NOT_SUBMITTED_STATUSES)
      .where('last_reminded_on', '=', today)
      .executeTakeFirstOrThrow();
    for (const assessment of claimed) {
      await notify(trx, {
        unitId: assessment.unit_id,
        userIds: await usersWithRole(trx, assessment.unit_id, UNIT_HEAD_ROLES),
        kind: 'assessment_deadline',
        title: `Nhắc hạn nộp tự đánh giá: ${campaign.title}`,
        body: `Hạn nộp kết quả tự đánh giá là ngày ${vietnameseDate(campaign.submission_deadline)}; hồ sơ của đơn vị chưa được nộp.`,
        link: `/assessments/${assessment.id}`,
      });
      await trx.db
        .insertInto('assessment_events')
        .values({
          unit_id: assessment.unit_id,
          assessment_id: assessment.id,
          action: 'reminded',
          from_status: assessment.status,
          to_status: assessment.status,
          comment: trigger === 'auto' ? 'Nhắc hạn tự động' : 'Cơ quan quản lý nhắc hạn',
          actor_user_id: trx.actor.userId || null,
        })
        .execute();
    }
    if (claimed.length > 0)
      await audit(trx, {
        unitId: campaign.unit_id,
        entity: 'assessment_campaign',
        entityId: campaign.id,
        action: 'remind',
        after: { trigger, sent: claimed.length, units: claimed.map((a) => a.unit_id) },
      });
    return { sent: claimed.length, alreadyRemindedToday: Number(already.n) - claimed.length };
  });
}

/** "Nhắc hạn": the office reminds every unit that has not submitted yet (once a day per unit). */
export async function remindCampaign(ctx: ServiceContext, campaignId: string) {
  const campaign = await campaignWith(ctx, 'assessments.review', campaignId);
  return sendDeadlineReminders(ctx, campaign, 'manual');
}
