import type { AssessmentDetail, AssessmentItem } from '#contracts/dx-assessments/assessment.ts';
import type { ItemAnswerInput } from '#contracts/dx-assessments/campaigns.ts';
import { type AssessmentResult, levelLabel } from '../../../domain/assessment-catalogue/index.ts';
import { isEditable, isReviewable } from '../../../domain/dx-index/workflow.ts';
import { requireUnitAccess } from '../../../platform/authz/access.ts';
import { can } from '../../../platform/authz/actor.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { editableItemIds, holdsOnUnit, readableAssessment } from '../access.ts';
import { findCampaign, groupLevels, itemRows, loadCatalogue, toCampaign, userNames } from '../queries.ts';
import { evidenceOf, measuresFor } from './evidence.ts';

/** Everything the school's page and the office's review page show about one unit's assessment. */
export async function getAssessment(ctx: ServiceContext, id: string): Promise<AssessmentDetail> {
  const assessment = await readableAssessment(ctx, id);
  const campaign = await findCampaign(ctx.db, assessment.campaign_id);
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  const rows = await itemRows(ctx.db, assessment);
  const evidence = await evidenceOf(ctx, assessment);
  const events = await ctx.db
    .selectFrom('assessment_events')
    .selectAll()
    .where('unit_id', '=', assessment.unit_id)
    .where('assessment_id', '=', assessment.id)
    .orderBy('created_at')
    .execute();
  const decision = assessment.recognition_id
    ? await ctx.db
        .selectFrom('recognition_decisions')
        .select('decision_number')
        .where('unit_id', '=', campaign.unit_id)
        .where('id', '=', assessment.recognition_id)
        .executeTakeFirst()
    : undefined;
  const names = await userNames(ctx.db, [
    ...rows.flatMap((r) => [r.assignee_user_id, r.updated_by]),
    ...events.map((e) => e.actor_user_id),
    assessment.approved_by,
  ]);
  const name = (userId: string | null) => (userId ? (names.get(userId) ?? null) : null);
  const byItem = new Map(rows.map((r) => [r.item_id, r]));
  const items = catalogue.groups.flatMap((g) =>
    g.items.map((def): AssessmentItem => {
      const row = byItem.get(def.id);
      return {
        itemId: def.id,
        assigneeUserId: row?.assignee_user_id ?? null,
        assigneeName: name(row?.assignee_user_id ?? null),
        answer: (row?.answer as ItemAnswerInput | null) ?? null,
        note: row?.note ?? null,
        progress: row?.progress ?? 'todo',
        version: row?.version ?? 0,
        agreedAnswer: (row?.agreed_answer as ItemAnswerInput | null) ?? null,
        externalComment: row?.external_comment ?? null,
        returnComment: row?.return_comment ?? null,
        updatedByName: name(row?.updated_by ?? null),
        updatedAt: row?.updated_at.toISOString() ?? null,
        evidence: evidence.filter((e) => e.itemId === def.id),
      };
    }),
  );
  const editable = isEditable(assessment.status);
  const heads = holdsOnUnit(ctx.actor, 'assessments.approve', assessment.unit_id);
  const office = { id: campaign.unit_id, path: campaign.unit_path };
  const selfResult = assessment.self_result as AssessmentResult | null;
  return {
    id: assessment.id,
    unitId: assessment.unit_id,
    unitName: assessment.unit_name,
    status: assessment.status,
    campaign: toCampaign(campaign, { units: 0, submitted: 0, recognised: 0 }),
    catalogue,
    items,
    measures: await measuresFor(ctx, catalogue, assessment.unit_id, campaign.school_year),
    selfResult,
    externalResult: assessment.external_result as AssessmentResult | null,
    approvedAt: assessment.approved_at?.toISOString() ?? null,
    approvedByName: name(assessment.approved_by),
    submittedAt: assessment.submitted_at?.toISOString() ?? null,
    recognisedLevel: assessment.recognised_level,
    recognisedLabel:
      assessment.recognised_level === null ? null : levelLabel(catalogue, assessment.recognised_level),
    decisionNumber: decision?.decision_number ?? null,
    events: events.map((e) => ({
      action: e.action,
      fromStatus: e.from_status,
      toStatus: e.to_status,
      comment: e.comment,
      actorName: name(e.actor_user_id),
      createdAt: e.created_at.toISOString(),
    })),
    can: {
      editItems: editableItemIds(ctx.actor, assessment, catalogue, rows),
      assign: editable && holdsOnUnit(ctx.actor, 'assessments.self', assessment.unit_id),
      approve: editable && heads,
      submit: assessment.status === 'approved' && heads,
      review: isReviewable(assessment.status) && can(ctx.actor, 'assessments.review', office),
      documents: selfResult !== null,
    },
  };
}

/** The assessments of one unit (its own self-assessments, one per campaign), newest first. */
export async function listAssessments(ctx: ServiceContext, unitId: string) {
  const unit = await requireUnitAccess(ctx, 'assessments.read', unitId);
  const rows = await ctx.db
    .selectFrom('assessments as a')
    .innerJoin('assessment_campaigns as c', 'c.id', 'a.campaign_id')
    .innerJoin('units as o', 'o.id', 'c.unit_id')
    .innerJoin('assessment_catalogues as cat', 'cat.id', 'c.catalogue_id')
    .select([
      'a.id',
      'a.status',
      'a.self_result',
      'a.recognised_level',
      'a.campaign_id',
      'c.title',
      'c.school_year',
      'c.submission_deadline',
      'c.catalogue_id',
      'o.name as office_name',
      'cat.title as catalogue_title',
    ])
    .where('a.unit_id', '=', unit.id)
    .orderBy('c.school_year', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
  const items = rows.length
    ? await ctx.db
        .selectFrom('assessment_items')
        .select(['assessment_id', 'progress', 'assignee_user_id'])
        .where('unit_id', '=', unit.id)
        .execute()
    : [];
  const result = [];
  for (const row of rows) {
    const catalogue = await loadCatalogue(ctx.db, row.catalogue_id);
    const own = items.filter((i) => i.assessment_id === row.id);
    result.push({
      id: row.id,
      unitId: unit.id,
      unitName: unit.name,
      status: row.status,
      campaignId: row.campaign_id,
      campaignTitle: row.title,
      schoolYear: row.school_year,
      officeName: row.office_name,
      submissionDeadline: row.submission_deadline,
      catalogueTitle: row.catalogue_title,
      itemsDone: own.filter((i) => i.progress === 'done').length,
      itemsTotal: catalogue.groups.reduce((n, g) => n + g.items.length, 0),
      assignedToMe: own.filter((i) => i.assignee_user_id === ctx.actor.userId).length,
      recognisedLevel: row.recognised_level,
      recognisedLabel: row.recognised_level === null ? null : levelLabel(catalogue, row.recognised_level),
      groups: groupLevels((row.self_result as AssessmentResult | null)?.groups),
    });
  }
  return result;
}
