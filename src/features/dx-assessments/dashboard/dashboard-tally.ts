import type { AssessmentStatus } from '#contracts/dx-assessments/campaigns.ts';
import type { Dashboard, DashboardUnit } from '#contracts/dx-assessments/dashboard.ts';
import type { AreaOffice } from './dashboard-queries.ts';

/**
 * The dashboard's counts, summed in one pass over its units: the distribution of levels (self, external,
 * recognised, per criteria group), the campaign's progress, one row per area and the comparison with last year.
 */

type LevelCounts = Record<string, number>;
type AreaRow = Dashboard['areas'][number];

const ASSESSED: readonly AssessmentStatus[] = ['assessed', 'recognised'];
const SUBMITTED: readonly AssessmentStatus[] = ['submitted', 'under_review', 'assessed', 'recognised'];

/** Levels 1–3 at zero, so a level no unit reached still shows. */
export const emptyLevels = (): LevelCounts => ({ '1': 0, '2': 0, '3': 0 });

export const bump = (counts: LevelCounts, key: string | number | null) => {
  if (key === null) return;
  counts[String(key)] = (counts[String(key)] ?? 0) + 1;
};

/** Fills `distribution`, `progress`, `areas` and `comparison` of the dashboard from its `units`. */
export function tallyUnits(
  result: Dashboard,
  previous: Map<string, number | null>,
  areaUnits: readonly AreaOffice[],
  officeName: string,
): void {
  const d = result.distribution;
  const byGroup = new Map<string, LevelCounts>(result.groups.map((g) => [g.id, emptyLevels()]));
  const areas = new Map<string | null, AreaRow>();
  const totals = new Map<string | null, number[]>();
  for (const u of result.units) {
    countDistribution(d, byGroup, u);
    countProgress(result.progress, u);
    countArea(areaRow(areas, u.areaId, areaUnits, officeName), u);
    if (u.total !== null) totals.set(u.areaId, [...(totals.get(u.areaId) ?? []), u.total]);
    countComparison(result.comparison, u);
  }
  for (const level of previous.values()) bump(result.comparison.previous, level);
  d.byGroup = [...byGroup].map(([groupId, levels]) => ({ groupId, levels }));
  for (const [areaId, list] of totals) {
    const area = areas.get(areaId);
    if (area) area.averageTotal = Math.round((list.reduce((s, x) => s + x, 0) / list.length) * 10) / 10;
  }
  // Areas by name; the units directly under the office come last.
  result.areas = [...areas.values()].sort((a, b) =>
    a.areaId === null ? 1 : b.areaId === null ? -1 : a.name.localeCompare(b.name, 'vi'),
  );
}

function countDistribution(
  d: Dashboard['distribution'],
  byGroup: Map<string, LevelCounts>,
  u: DashboardUnit,
) {
  bump(d.self, u.selfLevel);
  bump(d.external, u.externalLevel);
  bump(d.recognised, u.recognisedLevel);
  for (const g of u.groups) {
    // A group missing from the first catalogue (another version pinned by another campaign) still counts.
    const counts = byGroup.get(g.id) ?? emptyLevels();
    bump(counts, g.level);
    byGroup.set(g.id, counts);
  }
}

function countProgress(p: Dashboard['progress'], u: DashboardUnit) {
  bump(p.byStatus, u.status);
  if (u.lateness === 'late') p.late++;
  if (u.lateness === 'review_overdue') p.reviewOverdue++;
}

function countArea(area: AreaRow, u: DashboardUnit) {
  area.units++;
  if (SUBMITTED.includes(u.status)) area.submitted++;
  if (ASSESSED.includes(u.status)) area.assessed++;
  if (u.status === 'recognised') area.recognised++;
  if (u.lateness === 'late') area.late++;
  bump(area.levels, u.currentLevel);
}

/** Only units with a level both years are compared. */
function countComparison(c: Dashboard['comparison'], u: DashboardUnit) {
  bump(c.current, u.currentLevel);
  if (u.currentLevel !== null && u.previousLevel !== null) {
    c.comparable++;
    if (u.currentLevel > u.previousLevel) c.improved++;
    else if (u.currentLevel < u.previousLevel) c.declined++;
    else c.same++;
  }
}

/** The area's row, created at its first unit; a null area gathers the units directly under the office. */
function areaRow(
  areas: Map<string | null, AreaRow>,
  areaId: string | null,
  areaUnits: readonly AreaOffice[],
  officeName: string,
): AreaRow {
  let row = areas.get(areaId);
  if (!row) {
    const name = areaId ? (areaUnits.find((a) => a.id === areaId)?.name ?? '') : `Trực thuộc ${officeName}`;
    row = {
      areaId,
      name,
      units: 0,
      submitted: 0,
      assessed: 0,
      recognised: 0,
      late: 0,
      levels: emptyLevels(),
      averageTotal: null,
    };
    areas.set(areaId, row);
  }
  return row;
}
