import type { Kysely } from 'kysely';
import type { Dashboard, DashboardQuery, DashboardUnit } from '#contracts/dx-assessments/dashboard.ts';
import type { Catalogue } from '../../../domain/assessment-catalogue/index.ts';
import { previousSchoolYear, todayInVietnam } from '../../../domain/calendar/index.ts';
import { progressRank } from '../../../domain/dx-index/workflow.ts';
import { requireUnitAccess, type ScopedUnit } from '../../../platform/authz/access.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import type { DB } from '../../../platform/db/schema.ts';
import { forbidden } from '../../../platform/errors.ts';
import { latenessOf } from '../campaigns/calendar.ts';
import { loadCatalogue } from '../queries.ts';
import {
  type AreaOffice,
  type AssessedUnitRow,
  areaOffices,
  assessedUnits,
  type CampaignRow,
  campaignsOf,
  type DashboardScope,
  dashboardYears,
  type ItemAverageRow,
  itemAverages,
} from './dashboard-queries.ts';
import { emptyLevels, tallyUnits } from './dashboard-tally.ts';

/**
 * The office dashboard of criteria-based assessments (DX index): its units × group levels, the distribution of
 * levels, the weakest criteria, the campaign's progress against its dates and the comparison with last year. A
 * province sees the same over all its units, summed per local office ("area"). Three set-based queries for the
 * year (units, criteria averages, last year's units) plus the campaigns and catalogues they pin.
 */

const WEAKEST_ITEMS = 10;

/** The office whose dashboard this is: `assessments.read` on it, and it must be an office, not a school. */
export async function dashboardOffice(ctx: ServiceContext, unitId: string): Promise<ScopedUnit> {
  const office = await requireUnitAccess(ctx, 'assessments.read', unitId);
  const kind = await ctx.db
    .selectFrom('unit_kinds')
    .select('category')
    .where('code', '=', office.kind)
    .executeTakeFirst();
  if (kind?.category === 'school')
    throw forbidden('Bảng tổng hợp đánh giá dành cho phòng, sở giáo dục và đào tạo.');
  return office;
}

/** One row per unit (a unit in two campaigns of the year keeps the one furthest along). */
function latestPerUnit(rows: AssessedUnitRow[]): AssessedUnitRow[] {
  const byUnit = new Map<string, AssessedUnitRow>();
  for (const row of rows) {
    const seen = byUnit.get(row.unit_id);
    if (!seen || progressRank(row.status) > progressRank(seen.status)) byUnit.set(row.unit_id, row);
  }
  return [...byUnit.values()];
}

const currentLevel = (r: AssessedUnitRow) => r.recognised_level ?? r.external_level ?? r.self_level;

export async function getDashboard(ctx: ServiceContext, query: DashboardQuery): Promise<Dashboard> {
  const office = await dashboardOffice(ctx, query.unitId);
  const subjectKind = query.subjectKind ?? 'school';
  const base = { officeId: office.id, officePath: office.path, subjectKind };
  const years = await dashboardYears(ctx.db, base);
  const schoolYear = query.schoolYear ?? years[0] ?? null;
  const today = todayInVietnam();
  const result = emptyDashboard(office, subjectKind, schoolYear, years, today);
  if (!schoolYear) return result;
  const scope: DashboardScope = { ...base, schoolYear };
  const [rows, averages, previousRows, areaUnits] = await Promise.all([
    assessedUnits(ctx.db, scope),
    itemAverages(ctx.db, scope),
    assessedUnits(ctx.db, { ...scope, schoolYear: previousSchoolYear(schoolYear) }),
    areaOffices(ctx.db, office.id),
  ]);
  const units = latestPerUnit(rows);
  const campaigns = await campaignsOf(ctx.db, [...new Set(units.map((u) => u.campaign_id))]);
  const catalogues = await cataloguesOf(ctx.db, campaigns);
  describeCampaigns(result, campaigns, catalogues);

  const previous = new Map(latestPerUnit(previousRows).map((r) => [r.unit_id, currentLevel(r)]));
  result.units = units.map((r) =>
    dashboardUnit(r, areaIdOf(r.path, office.path, areaUnits), previous.get(r.unit_id) ?? null, today),
  );
  tallyUnits(result, previous, areaUnits, office.name);
  result.weakestItems = weakestItems(averages, catalogues);
  return result;
}

/** The dashboard of a year with nothing counted yet (also the answer when the office has no campaign). */
function emptyDashboard(
  office: ScopedUnit,
  subjectKind: Dashboard['subjectKind'],
  schoolYear: string | null,
  years: string[],
  today: string,
): Dashboard {
  return {
    office: { id: office.id, name: office.name, kind: office.kind },
    subjectKind,
    schoolYear,
    years,
    today,
    campaigns: [],
    levelLabels: [],
    groups: [],
    units: [],
    areas: [],
    distribution: { self: emptyLevels(), external: emptyLevels(), recognised: emptyLevels(), byGroup: [] },
    weakestItems: [],
    progress: { byStatus: {}, late: 0, reviewOverdue: 0 },
    comparison: {
      previousYear: schoolYear ? previousSchoolYear(schoolYear) : '',
      previous: emptyLevels(),
      current: emptyLevels(),
      improved: 0,
      same: 0,
      declined: 0,
      comparable: 0,
    },
  };
}

/** The catalogue each campaign pins, by id (read one by one, in the campaigns' order). */
async function cataloguesOf(
  db: Kysely<DB>,
  campaigns: readonly CampaignRow[],
): Promise<Map<string, Catalogue>> {
  const catalogues = new Map<string, Catalogue>();
  for (const c of campaigns) catalogues.set(c.catalogue_id, await loadCatalogue(db, c.catalogue_id));
  return catalogues;
}

/** The campaigns, and the level labels and criteria groups of the catalogue they pin. */
function describeCampaigns(
  result: Dashboard,
  campaigns: readonly CampaignRow[],
  catalogues: Map<string, Catalogue>,
): void {
  // Several campaigns (province and local offices) may pin different versions: labels and titles come from the
  // first; groups and criteria are matched by id.
  const catalogue = [...catalogues.values()][0];
  result.campaigns = campaigns.map((c) => ({
    id: c.id,
    title: c.title,
    officeName: c.office_name,
    selfAssessmentStartsOn: c.self_assessment_starts_on,
    submissionDeadline: c.submission_deadline,
    externalEndsOn: c.external_ends_on,
    publicationOn: c.publication_on,
    catalogueTitle: c.catalogue_title,
    catalogueVersion: c.version,
  }));
  if (catalogue) {
    result.levelLabels = catalogue.levelLabels.map((l) => ({ level: l.level, label: l.label }));
    result.groups = catalogue.groups.map((g) => ({ id: g.id, title: g.title, maxPoints: g.maxPoints }));
  }
}

/** The area (office directly below the dashboard's) a unit's path lies in; null when directly under the office. */
function areaIdOf(path: string, officePath: string, areaUnits: readonly AreaOffice[]): string | null {
  const below = path.slice(officePath.length).split('/')[0] ?? null;
  return areaUnits.some((a) => a.id === below) ? below : null;
}

function dashboardUnit(
  r: AssessedUnitRow,
  areaId: string | null,
  previousLevel: number | null,
  today: string,
): DashboardUnit {
  const lateness = latenessOf(
    r.status,
    {
      selfAssessmentStartsOn: r.self_assessment_starts_on,
      submissionDeadline: r.submission_deadline,
      externalEndsOn: r.external_ends_on,
    },
    today,
  );
  return {
    assessmentId: r.assessment_id,
    unitId: r.unit_id,
    name: r.name,
    code: r.code,
    schoolLevel: r.school_level,
    areaId,
    status: r.status,
    lateness,
    selfLevel: r.self_level,
    externalLevel: r.external_level,
    recognisedLevel: r.recognised_level,
    currentLevel: currentLevel(r),
    total: r.external_total ?? r.self_total,
    groups: r.groups,
    previousLevel,
  };
}

/** The criteria with the lowest average ratio of points (ties by id), titled from the first catalogue having them. */
function weakestItems(
  averages: ItemAverageRow[],
  catalogues: Map<string, Catalogue>,
): Dashboard['weakestItems'] {
  const titles = new Map<string, string>();
  for (const cat of catalogues.values())
    for (const g of cat.groups)
      for (const item of g.items) if (!titles.has(item.id)) titles.set(item.id, item.title);
  return averages
    .sort((a, b) => a.avg_ratio - b.avg_ratio || a.item_id.localeCompare(b.item_id))
    .slice(0, WEAKEST_ITEMS)
    .map((a) => ({
      itemId: a.item_id,
      groupId: a.group_id,
      title: titles.get(a.item_id) ?? a.item_id,
      units: a.units,
      averageRatio: Math.round(a.avg_ratio * 1000) / 1000,
      agreedVsClaimed: a.agreed_vs_claimed === null ? null : Math.round(a.agreed_vs_claimed * 1000) / 1000,
      lowestAssessmentId: a.lowest_assessment_id,
      lowestUnitName: a.lowest_unit_name,
    }));
}
