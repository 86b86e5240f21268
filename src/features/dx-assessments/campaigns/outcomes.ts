import { sql } from 'kysely';
import type { AssessmentStatus } from '#contracts/dx-assessments/campaigns.ts';
import type { GroupLevel } from '#contracts/dx-assessments/scoring.ts';
import { levelLabel } from '../../../domain/assessment-catalogue/index.ts';
import { unitsUnderPaths } from '../../../platform/authz/access.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { campaignWith } from '../access.ts';
import { type CampaignRow, groupLevels, loadCatalogue } from '../queries.ts';

/**
 * Read functions for dashboards and reports (office and province charts): per assessed unit, the group totals
 * and levels of the self-assessment (frozen at approval), of the external assessment (frozen when the office
 * closes it) and the recognised level. Only the totals are read from the stored results, not the per-item detail.
 */
export interface UnitResult {
  assessmentId: string;
  unitId: string;
  unitName: string;
  unitCode: string;
  status: AssessmentStatus;
  submittedAt: string | null;
  selfLevel: number | null;
  selfGroups: GroupLevel[];
  externalLevel: number | null;
  externalGroups: GroupLevel[];
  recognisedLevel: number | null;
  recognisedLabel: string | null;
  decisionNumber: string | null;
}

/** Every unit of a campaign (the caller has checked access to the campaign's office). */
export async function campaignResults(ctx: ServiceContext, campaign: CampaignRow): Promise<UnitResult[]> {
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  const rows = await ctx.db
    .selectFrom('assessments as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .leftJoin('recognition_decisions as d', 'd.id', 'a.recognition_id')
    .select([
      'a.id',
      'a.unit_id',
      'u.name',
      'u.code',
      'a.status',
      'a.submitted_at',
      'a.recognised_level',
      'd.decision_number',
    ])
    .select([
      sql<unknown>`a.self_result -> 'groups'`.as('self_groups'),
      sql<number | null>`(a.self_result ->> 'unitLevel')::int`.as('self_level'),
      sql<unknown>`a.external_result -> 'groups'`.as('external_groups'),
      sql<number | null>`(a.external_result ->> 'unitLevel')::int`.as('external_level'),
    ])
    .where('a.campaign_id', '=', campaign.id)
    .where('a.unit_id', 'in', unitsUnderPaths(ctx, [campaign.unit_path]))
    .orderBy('u.name')
    .execute();
  return rows.map((r) => ({
    assessmentId: r.id,
    unitId: r.unit_id,
    unitName: r.name,
    unitCode: r.code,
    status: r.status,
    submittedAt: r.submitted_at?.toISOString() ?? null,
    selfLevel: r.self_level,
    selfGroups: groupLevels(r.self_groups),
    externalLevel: r.external_level,
    externalGroups: groupLevels(r.external_groups),
    recognisedLevel: r.recognised_level,
    recognisedLabel: r.recognised_level === null ? null : levelLabel(catalogue, r.recognised_level),
    decisionNumber: r.decision_number,
  }));
}

/** For dashboards: a campaign's results per unit, if the caller may read that office's assessments. */
export async function campaignResultsById(ctx: ServiceContext, campaignId: string) {
  const campaign = await campaignWith(ctx, 'assessments.read', campaignId);
  const catalogue = await loadCatalogue(ctx.db, campaign.catalogue_id);
  return {
    campaignId: campaign.id,
    officeId: campaign.unit_id,
    schoolYear: campaign.school_year,
    catalogueCode: catalogue.code,
    catalogueVersion: catalogue.version,
    groups: catalogue.groups.map((g) => ({ id: g.id, title: g.title, maxPoints: g.maxPoints })),
    levelLabels: catalogue.levelLabels,
    units: await campaignResults(ctx, campaign),
  };
}
