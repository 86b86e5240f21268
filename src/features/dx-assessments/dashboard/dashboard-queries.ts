import { type Kysely, sql } from 'kysely';
import type { AssessmentStatus } from '#contracts/dx-assessments/campaigns.ts';
import type { DB } from '../../../platform/db/schema.ts';

/**
 * The set-based reads behind the office dashboard: one query for every assessed unit below the office in a
 * school year (levels and group totals pulled out of the frozen results in SQL, never the per-item detail), one
 * for the per-criterion averages. Scoped by the office's materialised path: only its own units are read.
 */

export interface DashboardScope {
  officeId: string;
  officePath: string;
  schoolYear: string;
  subjectKind: 'school' | 'office';
}

export interface AssessedUnitRow {
  assessment_id: string;
  unit_id: string;
  name: string;
  code: string;
  school_level: string | null;
  path: string;
  status: AssessmentStatus;
  submitted_at: Date | null;
  recognised_level: number | null;
  self_level: number | null;
  external_level: number | null;
  self_total: number | null;
  external_total: number | null;
  /** Group id, total and level, from the external result when it exists, else the self-assessment. */
  groups: { id: string; total: number; level: number | null }[];
  campaign_id: string;
  catalogue_id: string;
  self_assessment_starts_on: string;
  submission_deadline: string;
  external_ends_on: string;
}

const FROM = sql`
  from assessments a
  join assessment_campaigns c on c.id = a.campaign_id
  join assessment_catalogues k on k.id = c.catalogue_id
  join units u on u.id = a.unit_id`;

const inScope = (scope: DashboardScope) => sql`
  u.path like ${`${scope.officePath}%`} and a.unit_id <> ${scope.officeId}
    and c.school_year = ${scope.schoolYear} and k.subject_kind = ${scope.subjectKind}`;

export async function assessedUnits(db: Kysely<DB>, scope: DashboardScope): Promise<AssessedUnitRow[]> {
  const result = await sql<AssessedUnitRow>`
    select a.id as assessment_id, a.unit_id, u.name, u.code, u.level as school_level, u.path,
      a.status, a.submitted_at, a.recognised_level,
      (a.self_result ->> 'unitLevel')::int as self_level,
      (a.external_result ->> 'unitLevel')::int as external_level,
      (a.self_result ->> 'totalPoints')::float8 as self_total,
      (a.external_result ->> 'totalPoints')::float8 as external_total,
      coalesce((
        select jsonb_agg(jsonb_build_object('id', g ->> 'id', 'total', (g ->> 'total')::float8,
          'level', (g ->> 'level')::int))
        from jsonb_array_elements(coalesce(a.external_result, a.self_result) -> 'groups') g
      ), '[]'::jsonb) as groups,
      c.id as campaign_id, c.catalogue_id, c.self_assessment_starts_on, c.submission_deadline, c.external_ends_on
    ${FROM}
    where ${inScope(scope)}
    order by u.name, a.unit_id`.execute(db);
  return result.rows;
}

export interface ItemAverageRow {
  item_id: string;
  group_id: string;
  units: number;
  /** Mean of points / max points (the agreed points where the office has closed its review, else the claim). */
  avg_ratio: number;
  /** Sum of agreed points over sum of claimed points, where both exist (how much the office cut). */
  agreed_vs_claimed: number | null;
  /** The unit with the lowest share on this criterion, to open its file and evidence. */
  lowest_assessment_id: string;
  lowest_unit_name: string;
}

/** Per scored criterion, over every unit with a frozen self-assessment: the average share of the maximum. */
export async function itemAverages(db: Kysely<DB>, scope: DashboardScope): Promise<ItemAverageRow[]> {
  const result = await sql<ItemAverageRow>`
    select s.value ->> 'id' as item_id, s.value ->> 'groupId' as group_id, count(*)::int as units,
      avg(coalesce((x.value ->> 'points')::float8, (s.value ->> 'points')::float8)
        / (s.value ->> 'maxPoints')::float8) as avg_ratio,
      sum((x.value ->> 'points')::float8) / nullif(sum(case when x.value is not null
        then (s.value ->> 'points')::float8 end), 0) as agreed_vs_claimed,
      (array_agg(a.id order by coalesce((x.value ->> 'points')::float8, (s.value ->> 'points')::float8), u.name))[1]
        as lowest_assessment_id,
      (array_agg(u.name order by coalesce((x.value ->> 'points')::float8, (s.value ->> 'points')::float8), u.name))[1]
        as lowest_unit_name
    ${FROM}
    cross join lateral jsonb_array_elements(a.self_result -> 'items') s
    left join lateral (
      select e.value from jsonb_array_elements(a.external_result -> 'items') e
      where e.value ->> 'id' = s.value ->> 'id'
    ) x on true
    where ${inScope(scope)} and a.self_result is not null
      and s.value ->> 'kind' = 'scored' and (s.value ->> 'maxPoints')::float8 > 0
    group by 1, 2`.execute(db);
  return result.rows.filter((r) => r.avg_ratio !== null);
}

/** School years that have a campaign over units below the office, newest first. */
export async function dashboardYears(db: Kysely<DB>, scope: Omit<DashboardScope, 'schoolYear'>) {
  const result = await sql<{ school_year: string }>`
    select distinct c.school_year
    from assessment_campaigns c
    join assessment_catalogues k on k.id = c.catalogue_id
    where k.subject_kind = ${scope.subjectKind} and exists (
      select 1 from assessments a join units u on u.id = a.unit_id
      where a.campaign_id = c.id and u.path like ${`${scope.officePath}%`} and a.unit_id <> ${scope.officeId})
    order by c.school_year desc`.execute(db);
  return result.rows.map((r) => r.school_year);
}

/** An office directly below the dashboard's office (a local office of a province): the "areas" units are summed by. */
export interface AreaOffice {
  id: string;
  name: string;
}

/** The offices directly below the office, by name. */
export async function areaOffices(db: Kysely<DB>, officeId: string): Promise<AreaOffice[]> {
  return db
    .selectFrom('units as u')
    .innerJoin('unit_kinds as k', 'k.code', 'u.kind')
    .select(['u.id', 'u.name'])
    .where('u.parent_id', '=', officeId)
    .where('k.category', '=', 'office')
    .orderBy('u.name')
    .execute();
}

/** The campaigns the assessed units belong to, with their office and pinned catalogue, by submission deadline. */
export async function campaignsOf(db: Kysely<DB>, campaignIds: string[]) {
  if (!campaignIds.length) return [];
  return (
    db
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
  );
}

export type CampaignRow = Awaited<ReturnType<typeof campaignsOf>>[number];
