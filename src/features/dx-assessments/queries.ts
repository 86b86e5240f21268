import type { Kysely } from 'kysely';
import type { Campaign } from '#contracts/dx-assessments/campaigns.ts';
import type { GroupLevel } from '#contracts/dx-assessments/scoring.ts';
import {
  type AssessmentAnswers,
  type Catalogue,
  catalogueSchema,
  type ItemAnswer,
} from '../../domain/assessment-catalogue/index.ts';
import { isSubmitted } from '../../domain/dx-index/workflow.ts';
import type { DB, Row } from '../../platform/db/schema.ts';
import { notFound } from '../../platform/errors.ts';

export type CampaignRow = Row<'assessment_campaigns'> & {
  unit_name: string;
  unit_path: string;
  catalogue_code: string;
  catalogue_version: string;
  catalogue_title: string;
  catalogue_subject_kind: 'school' | 'office';
};

export type AssessmentRow = Row<'assessments'> & { unit_name: string; unit_path: string };

/** Campaigns with their office and pinned catalogue; callers add the condition (by id, or by office scope). */
export function selectCampaigns(db: Kysely<DB>) {
  return db
    .selectFrom('assessment_campaigns as c')
    .innerJoin('units as u', 'u.id', 'c.unit_id')
    .innerJoin('assessment_catalogues as cat', 'cat.id', 'c.catalogue_id')
    .selectAll('c')
    .select([
      'u.name as unit_name',
      'u.path as unit_path',
      'cat.code as catalogue_code',
      'cat.version as catalogue_version',
      'cat.title as catalogue_title',
      'cat.subject_kind as catalogue_subject_kind',
    ]);
}

export async function findCampaign(db: Kysely<DB>, id: string): Promise<CampaignRow> {
  // scope: loaded by id; every caller checks access on the returned unit_id before using it
  const row = await selectCampaigns(db).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('đợt đánh giá');
  return row;
}

export async function findAssessment(db: Kysely<DB>, id: string): Promise<AssessmentRow> {
  const row = await db
    // scope: loaded by id; every caller checks access on the returned unit_id before using it
    .selectFrom('assessments as a')
    .innerJoin('units as u', 'u.id', 'a.unit_id')
    .selectAll('a')
    .select(['u.name as unit_name', 'u.path as unit_path'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('hồ sơ đánh giá');
  return row;
}

/** Catalogue versions never change once stored, so their parsed content is kept in memory. */
const catalogueCache = new Map<string, Catalogue>();

export async function loadCatalogue(db: Kysely<DB>, catalogueId: string): Promise<Catalogue> {
  const cached = catalogueCache.get(catalogueId);
  if (cached) return cached;
  const row = await db
    // scope: catalogues are read by id from a campaign the caller may already see
    .selectFrom('assessment_catalogues')
    .select('content')
    .where('id', '=', catalogueId)
    .executeTakeFirst();
  if (!row) throw notFound('bộ tiêu chí');
  const catalogue = catalogueSchema.parse(row.content);
  catalogueCache.set(catalogueId, catalogue);
  return catalogue;
}

export type ItemRow = Row<'assessment_items'>;

export async function itemRows(db: Kysely<DB>, assessment: { id: string; unit_id: string }) {
  return db
    .selectFrom('assessment_items')
    .selectAll()
    .where('unit_id', '=', assessment.unit_id)
    .where('assessment_id', '=', assessment.id)
    .execute();
}

/** The unit's claims keyed by criterion, as the scoring engine takes them. */
export function selfAnswers(rows: readonly ItemRow[]): AssessmentAnswers {
  const answers: AssessmentAnswers = {};
  for (const row of rows) if (row.answer) answers[row.item_id] = row.answer as ItemAnswer;
  return answers;
}

/** The office's agreed answers; a criterion the office did not change keeps the unit's claim. */
export function agreedAnswers(rows: readonly ItemRow[]): AssessmentAnswers {
  const answers: AssessmentAnswers = {};
  for (const row of rows) {
    const answer = row.agreed_answer ?? row.answer;
    if (answer) answers[row.item_id] = answer as ItemAnswer;
  }
  return answers;
}

/** Totals and levels of a stored result's groups (`result.groups`, or the array read alone with SQL). */
export function groupLevels(groups: unknown): GroupLevel[] {
  if (!Array.isArray(groups)) return [];
  return (groups as GroupLevel[]).map(({ id, title, total, maxPoints, level, label }) => ({
    id,
    title,
    total,
    maxPoints,
    level,
    label,
  }));
}

export function toCampaign(
  row: CampaignRow,
  counts: { units: number; submitted: number; recognised: number },
): Campaign {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    catalogue: {
      id: row.catalogue_id,
      code: row.catalogue_code,
      version: row.catalogue_version,
      title: row.catalogue_title,
      subjectKind: row.catalogue_subject_kind,
    },
    schoolYear: row.school_year,
    title: row.title,
    selfAssessmentStartsOn: row.self_assessment_starts_on,
    submissionDeadline: row.submission_deadline,
    externalStartsOn: row.external_starts_on,
    externalEndsOn: row.external_ends_on,
    publicationOn: row.publication_on,
    status: row.status,
    createdAt: row.created_at.toISOString(),
    ...counts,
  };
}

/** Status counts of the assessments of some campaigns (all in one query). */
export async function campaignCounts(db: Kysely<DB>, campaigns: readonly { id: string }[]) {
  const counts = new Map<string, { units: number; submitted: number; recognised: number }>();
  if (campaigns.length === 0) return counts;
  const rows = await db
    // scope: by campaign ids the caller was authorised for (assessed units lie below the campaign's office)
    .selectFrom('assessments')
    .select(['campaign_id', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where(
      'campaign_id',
      'in',
      campaigns.map((c) => c.id),
    )
    .groupBy(['campaign_id', 'status'])
    .execute();
  for (const campaign of campaigns) counts.set(campaign.id, { units: 0, submitted: 0, recognised: 0 });
  for (const row of rows) {
    const entry = counts.get(row.campaign_id);
    if (!entry) continue;
    const n = Number(row.n);
    entry.units += n;
    if (isSubmitted(row.status)) entry.submitted += n;
    if (row.status === 'recognised') entry.recognised += n;
  }
  return counts;
}

/** Names of the people recorded on rows the caller may already read (assignees, editors, reviewers). */
export async function userNames(db: Kysely<DB>, ids: readonly (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    // scope: names only, of users referenced by rows whose unit the caller was authorised for
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.id, r.full_name]));
}

/** Active users holding a role on the unit itself (assignee and team-member pickers). */
export async function usersOfUnit(db: Kysely<DB>, unitId: string) {
  const rows = await db
    .selectFrom('role_assignments as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['u.id', 'u.full_name', 'u.username', 'r.role'])
    .where('r.unit_id', '=', unitId)
    .where('u.is_active', '=', true)
    .orderBy('u.full_name')
    .execute();
  const users = new Map<string, { id: string; fullName: string; username: string; roles: string[] }>();
  for (const row of rows) {
    const user = users.get(row.id) ?? {
      id: row.id,
      fullName: row.full_name,
      username: row.username,
      roles: [],
    };
    user.roles.push(row.role);
    users.set(row.id, user);
  }
  return [...users.values()];
}
