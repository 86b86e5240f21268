import { sql } from 'kysely';
import type {
  Campaign,
  CampaignDates,
  CreateCampaignInput,
  UpdateCampaignInput,
} from '#contracts/dx-assessments/campaigns.ts';
import { PERMISSIONS } from '#contracts/roles.ts';
import { todayInVietnam } from '../../../domain/calendar/index.ts';
import { audit, changedFields } from '../../../platform/audit/audit.ts';
import { requireUnitAccess, type ScopedUnit, unitsUnderPaths } from '../../../platform/authz/access.ts';
import { permissionsOn } from '../../../platform/authz/actor.ts';
import { inTransaction, type ServiceContext } from '../../../platform/context.ts';
import { isUniqueViolation } from '../../../platform/db/constraint-errors.ts';
import { AppError } from '../../../platform/errors.ts';
import { campaignWith } from '../access.ts';
import {
  type CampaignRow,
  campaignCounts,
  findCampaign,
  loadCatalogue,
  selectCampaigns,
  toCampaign,
} from '../queries.ts';
import { latenessOf } from './calendar.ts';
import { findVisibleCatalogue, pinCatalogue } from './catalogues.ts';
import { campaignResults } from './outcomes.ts';
import { sendDeadlineReminders } from './reminders.ts';

/** The title and dates of a campaign as columns. */
function calendarColumns(input: CampaignDates & { title: string }) {
  return {
    title: input.title,
    self_assessment_starts_on: input.selfAssessmentStartsOn,
    submission_deadline: input.submissionDeadline,
    external_starts_on: input.externalStartsOn,
    external_ends_on: input.externalEndsOn,
    publication_on: input.publicationOn,
  };
}

/** Campaigns of this office and of the offices below it, newest school year first. */
export async function listCampaigns(ctx: ServiceContext, unitId: string): Promise<Campaign[]> {
  const office = await requireUnitAccess(ctx, 'assessments.review', unitId);
  const campaigns = await selectCampaigns(ctx.db)
    .where('c.unit_id', 'in', unitsUnderPaths(ctx, [office.path]))
    .orderBy('c.school_year', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
  const counts = await campaignCounts(ctx.db, campaigns);
  return campaigns.map((c) => toCampaign(c, counts.get(c.id) ?? { units: 0, submitted: 0, recognised: 0 }));
}

/**
 * The units a campaign covers: by default the units of the catalogue's kind directly under the office (the
 * schools it manages, or for an office catalogue the offices below it); a chosen list may reach further down.
 */
async function unitsToAssess(
  ctx: ServiceContext,
  office: ScopedUnit,
  subjectKind: 'school' | 'office',
  chosen: readonly string[] | undefined,
) {
  const candidates = await ctx.db
    .selectFrom('units as u')
    .innerJoin('unit_kinds as k', 'k.code', 'u.kind')
    .select(['u.id', 'u.parent_id'])
    .where('u.path', 'like', `${office.path}%`)
    .where('u.id', '!=', office.id)
    .where('u.status', '=', 'active')
    .where('k.category', '=', subjectKind)
    .execute();
  if (!chosen) return candidates.filter((u) => u.parent_id === office.id).map((u) => u.id);
  const known = new Set(candidates.map((u) => u.id));
  const outside = chosen.filter((id) => !known.has(id));
  if (outside.length > 0)
    throw new AppError('validation_failed', 'Có đơn vị không thuộc phạm vi quản lý hoặc không đúng loại.', {
      unitIds: `${outside.length} đơn vị không hợp lệ.`,
    });
  return [...new Set(chosen)];
}

export async function createCampaign(ctx: ServiceContext, input: CreateCampaignInput): Promise<Campaign> {
  const office = await requireUnitAccess(ctx, 'assessments.manage', input.unitId);
  const resolved = await findVisibleCatalogue(ctx, office, input.catalogueCode, input.catalogueVersion);
  const unitIds = await unitsToAssess(ctx, office, resolved.catalogue.subjectKind, input.unitIds);
  if (unitIds.length === 0) {
    const what = resolved.catalogue.subjectKind === 'school' ? 'trường' : 'cơ quan quản lý cấp dưới';
    throw new AppError('validation_failed', `Không có ${what} nào để đánh giá.`, {
      unitIds: `Chưa có ${what} trực thuộc.`,
    });
  }
  const id = await inTransaction(ctx, async (trx) => {
    const catalogueId = await pinCatalogue(trx, office, resolved);
    let campaign: { id: string };
    try {
      campaign = await trx.db
        .insertInto('assessment_campaigns')
        .values({
          unit_id: office.id,
          catalogue_id: catalogueId,
          school_year: input.schoolYear,
          ...calendarColumns(input),
          status: 'open',
          created_by: ctx.actor.userId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new AppError(
        'conflict',
        `Đơn vị đã mở đợt đánh giá theo bộ tiêu chí này cho năm học ${input.schoolYear}.`,
        {
          schoolYear: 'Đã có đợt đánh giá cho năm học này.',
        },
      );
    }
    await trx.db
      .insertInto('assessments')
      .values(unitIds.map((unitId) => ({ unit_id: unitId, campaign_id: campaign.id })))
      .execute();
    await audit(trx, {
      unitId: office.id,
      entity: 'assessment_campaign',
      entityId: campaign.id,
      action: 'create',
      after: { ...input, unitIds, catalogueId },
    });
    return campaign.id;
  });
  const row = await findCampaign(ctx.db, id);
  return toCampaign(row, { units: unitIds.length, submitted: 0, recognised: 0 });
}

export async function updateCampaign(ctx: ServiceContext, id: string, input: UpdateCampaignInput) {
  const before = await campaignWith(ctx, 'assessments.manage', id);
  const patch = calendarColumns(input);
  await inTransaction(ctx, async (trx) => {
    await trx.db
      .updateTable('assessment_campaigns')
      .set(patch)
      .where('id', '=', id)
      .where('unit_id', '=', before.unit_id)
      .execute();
    await audit(trx, {
      unitId: before.unit_id,
      entity: 'assessment_campaign',
      entityId: id,
      action: 'update',
      ...changedFields(before, patch),
    });
  });
  const row = await findCampaign(ctx.db, id);
  const counts = await campaignCounts(ctx.db, [row]);
  return toCampaign(row, counts.get(id) ?? { units: 0, submitted: 0, recognised: 0 });
}

async function teamNamesByUnit(ctx: ServiceContext, campaign: CampaignRow) {
  const rows = await ctx.db
    .selectFrom('assessment_team_units as tu')
    .innerJoin('assessment_teams as t', 't.id', 'tu.team_id')
    .select(['tu.assessed_unit_id', 't.name'])
    .where('tu.unit_id', '=', campaign.unit_id)
    .where('t.campaign_id', '=', campaign.id)
    .execute();
  return new Map(rows.map((r) => [r.assessed_unit_id, r.name]));
}

/**
 * The office's campaign board: every unit with its status, lateness against the dates, progress and levels.
 * Opening it within three days of the submission deadline reminds the units not yet submitted (once a day).
 */
export async function campaignBoard(ctx: ServiceContext, id: string) {
  const campaign = await campaignWith(ctx, 'assessments.review', id);
  const reminders = await sendDeadlineReminders(ctx, campaign, 'auto');
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  const today = todayInVietnam();
  const calendar = {
    selfAssessmentStartsOn: campaign.self_assessment_starts_on,
    submissionDeadline: campaign.submission_deadline,
    externalEndsOn: campaign.external_ends_on,
  };
  const [results, teams, progress] = await Promise.all([
    campaignResults(ctx, campaign),
    teamNamesByUnit(ctx, campaign),
    itemsDone(ctx, campaign),
  ]);
  const itemsTotal = catalogue.groups.reduce((n, g) => n + g.items.length, 0);
  const counts = await campaignCounts(ctx.db, [campaign]);
  const office = { id: campaign.unit_id, path: campaign.unit_path };
  return {
    ...toCampaign(campaign, counts.get(id) ?? { units: 0, submitted: 0, recognised: 0 }),
    today,
    remindersSent: reminders.sent,
    levelLabels: catalogue.levelLabels,
    groups: catalogue.groups.map((g) => ({ id: g.id, title: g.title })),
    permissions: permissionsOn(ctx.actor, office, PERMISSIONS).filter((p) => p.startsWith('assessments.')),
    board: results.map((r) => ({
      ...r,
      lateness: latenessOf(r.status, calendar, today),
      itemsDone: progress.get(r.assessmentId) ?? 0,
      itemsTotal,
      teamName: teams.get(r.unitId) ?? null,
    })),
  };
}

/** Criteria marked done per assessment of the campaign. */
async function itemsDone(ctx: ServiceContext, campaign: CampaignRow) {
  const rows = await ctx.db
    .selectFrom('assessment_items as i')
    .innerJoin('assessments as a', 'a.id', 'i.assessment_id')
    .select('i.assessment_id')
    .select(sql<number>`count(*)`.as('n'))
    .where('a.campaign_id', '=', campaign.id)
    .where('i.unit_id', 'in', unitsUnderPaths(ctx, [campaign.unit_path]))
    .where('i.progress', '=', 'done')
    .groupBy('i.assessment_id')
    .execute();
  return new Map(rows.map((r) => [r.assessment_id, Number(r.n)]));
}
