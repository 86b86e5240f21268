import type { AssessmentStatus } from '#contracts/dx-assessments/campaigns.ts';
import type { Dashboard, DashboardQuery, DashboardUnit } from '#contracts/dx-assessments/dashboard.ts';
import type { Catalogue } from '../../../domain/assessment-catalogue/index.ts';
import { previousSchoolYear, todayInVietnam } from '../../../domain/calendar/index.ts';
import { progressRank } from '../../../domain/dx-index/workflow.ts';
import { requireUnitAccess, type ScopedUnit } from '../../../platform/authz/access.ts';
import type { ServiceContext } from '../../../platform/context.ts';
import { forbidden } from '../../../platform/errors.ts';
import { latenessOf } from '../campaigns/calendar.ts';
import { loadCatalogue } from '../queries.ts';
import {
  type AssessedUnitRow,
  assessedUnits,
  type DashboardScope,
  dashboardYears,
  itemAverages,
} from './dashboard-queries.ts';

/**
 * The office dashboard of criteria-based assessments (DX index): its units × group levels, the distribution of
 * levels, the weakest criteria, the campaign's progress against its dates and the comparison with last year. A
 * province sees the same over all its units, summed per local office ("area"). Three set-based queries for the
 * year (units, criteria averages, last year's units) plus the campaigns and catalogues they pin.
 */

const WEAKEST_ITEMS = 10;
const ASSESSED: readonly AssessmentStatus[] = ['assessed', 'recognised'];
const SUBMITTED: readonly AssessmentStatus[] = ['submitted', 'under_review', 'assessed', 'recognised'];

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

const bump = (counts: Record<string, number>, key: string | number | null) => {
  if (key === null) return;
  counts[String(key)] = (counts[String(key)] ?? 0) + 1;
};

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
  const empty = { '1': 0, '2': 0, '3': 0 };
  const result: Dashboard = {
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
    distribution: { self: { ...empty }, external: { ...empty }, recognised: { ...empty }, byGroup: [] },
    weakestItems: [],
    progress: { byStatus: {}, late: 0, reviewOverdue: 0 },
    comparison: {
      previousYear: schoolYear ? previousSchoolYear(schoolYear) : '',
      previous: { ...empty },
      current: { ...empty },
      improved: 0,
      same: 0,
      declined: 0,
      comparable: 0,
    },
  };
  if (!schoolYear) return result;
  const scope: DashboardScope = { ...base, schoolYear };
  const [rows, averages, previousRows, areaUnits] = await Promise.all([
    assessedUnits(ctx.db, scope),
    itemAverages(ctx.db, scope),
    assessedUnits(ctx.db, { ...scope, schoolYear: previousSchoolYear(schoolYear) }),
    ctx.db
      .selectFrom('units as u')
      .innerJoin('unit_kinds as k', 'k.code', 'u.kind')
      .select(['u.id', 'u.name'])
      .where('u.parent_id', '=', office.id)
      .where('k.category', '=', 'office')
      .orderBy('u.name')
      .execute(),
  ]);
  const units = latestPerUnit(rows);
  const campaignIds = [...new Set(units.map((u) => u.campaign_id))];
  const campaigns = campaignIds.length
    ? await ctx.db
        .selectFrom('assessment_campaigns as c')
        .innerJoin('units as o', 'o.id', 'c.unit_id')
        .innerJoin('assessment_catalogues as k', 'k.id', 'c.catalogue_id')
        .select([
          'c.id',
          'c.title',
          'o.name as office_name',
          'c.self_assessment_starts_on',
          'c.submission_deadline',
          'c.external_ends_on',
          'c.publication_on',
          'k.title as catalogue_title',
          'k.version',
          'c.catalogue_id',
        ])
        // scope: campaigns of assessments already scoped to the office's units by path
        .where('c.id', 'in', campaignIds)
        .orderBy('c.submission_deadline')
        .execute()
    : [];
  const catalogues = new Map<string, Catalogue>();
  for (const c of campaigns) catalogues.set(c.catalogue_id, await loadCatalogue(ctx.db, c.catalogue_id));
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

  const previous = new Map(latestPerUnit(previousRows).map((r) => [r.unit_id, currentLevel(r)]));
  const areaOf = (path: string) => {
    const below = path.slice(office.path.length).split('/')[0] ?? null;
    return areaUnits.some((a) => a.id === below) ? below : null;
  };
  result.units = units.map((r): DashboardUnit => {
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
      areaId: areaOf(r.path),
      status: r.status,
      lateness,
      selfLevel: r.self_level,
      externalLevel: r.external_level,
      recognisedLevel: r.recognised_level,
      currentLevel: currentLevel(r),
      total: r.external_total ?? r.self_total,
      groups: r.groups,
      previousLevel: previous.get(r.unit_id) ?? null,
    };
  });

  const d = result.distribution;
  const byGroup = new Map<string, Record<string, number>>(result.groups.map((g) => [g.id, { ...empty }]));
  const areas = new Map<string | null, Dashboard['areas'][number]>();
  const areaRow = (areaId: string | null) => {
    let row = areas.get(areaId);
    if (!row) {
      const name = areaId
        ? (areaUnits.find((a) => a.id === areaId)?.name ?? '')
        : `Trực thuộc ${office.name}`;
      row = {
        areaId,
        name,
        units: 0,
        submitted: 0,
        assessed: 0,
        recognised: 0,
        late: 0,
        levels: { ...empty },
        averageTotal: null,
      };
      areas.set(areaId, row);
    }
    return row;
  };
  const totals = new Map<string | null, number[]>();
  const p = result.progress;
  const c = result.comparison;
  for (const u of result.units) {
    bump(d.self, u.selfLevel);
    bump(d.external, u.externalLevel);
    bump(d.recognised, u.recognisedLevel);
    for (const g of u.groups) {
      const counts = byGroup.get(g.id) ?? { ...empty };
      bump(counts, g.level);
      byGroup.set(g.id, counts);
    }
    bump(p.byStatus, u.status);
    if (u.lateness === 'late') p.late++;
    if (u.lateness === 'review_overdue') p.reviewOverdue++;
    const area = areaRow(u.areaId);
    area.units++;
    if (SUBMITTED.includes(u.status)) area.submitted++;
    if (ASSESSED.includes(u.status)) area.assessed++;
    if (u.status === 'recognised') area.recognised++;
    if (u.lateness === 'late') area.late++;
    bump(area.levels, u.currentLevel);
    if (u.total !== null) totals.set(u.areaId, [...(totals.get(u.areaId) ?? []), u.total]);
    bump(c.current, u.currentLevel);
    if (u.currentLevel !== null && u.previousLevel !== null) {
      c.comparable++;
      if (u.currentLevel > u.previousLevel) c.improved++;
      else if (u.currentLevel < u.previousLevel) c.declined++;
      else c.same++;
    }
  }
  for (const level of previous.values()) bump(c.previous, level);
  d.byGroup = [...byGroup].map(([groupId, levels]) => ({ groupId, levels }));
  for (const [areaId, list] of totals) {
    const area = areas.get(areaId);
    if (area) area.averageTotal = Math.round((list.reduce((s, x) => s + x, 0) / list.length) * 10) / 10;
  }
  result.areas = [...areas.values()].sort((a, b) =>
    a.areaId === null ? 1 : b.areaId === null ? -1 : a.name.localeCompare(b.name, 'vi'),
  );

  const titles = new Map<string, string>();
  for (const cat of catalogues.values())
    for (const g of cat.groups)
      for (const item of g.items) if (!titles.has(item.id)) titles.set(item.id, item.title);
  result.weakestItems = averages
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
  return result;
}
