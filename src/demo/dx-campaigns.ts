import type { Kysely } from 'kysely';
import {
  type AssessmentAnswers,
  type Catalogue,
  scoreAssessment,
} from '../domain/assessment-catalogue/index.ts';
import { NATIONAL_OFFICE_CATALOGUE_3806, NATIONAL_SCHOOL_CATALOGUE_4725 } from '../domain/dx-index/index.ts';
import { type AssessmentStatus, isSubmitted } from '../domain/dx-index/workflow.ts';
import type { DB } from '../platform/db/schema.ts';
import { Random } from './random.ts';

// Demo DX-index campaigns (QĐ 4725), so the office dashboards, the public page and the schools' self-assessment
// pages show a campaign in motion after `npm start`: last year's, recognised, and this year's, with schools at
// every step. Written directly (the demo seeds tables); the workflow itself is exercised by the feature's tests.

/**
 * A full answer set for QĐ 4725 with known results: Nhóm I = 85,5 (Mức 3), Nhóm II = 67 (Mức 2), school Mức 2.
 * The demo varies it per school; tests use it as is.
 */
export function answers4725(): AssessmentAnswers {
  return {
    'I.1': { met: true },
    'I.2': { met: true },
    'I.3': { subItems: { 'I.3.1': 6, 'I.3.2': 6, 'I.3.3': 6, 'I.3.4': 6, 'I.3.5': 6 } },
    'I.4': { ratio: 0.85 },
    'I.5': { subItems: { 'I.5.1': 15, 'I.5.2': 5 } },
    'I.6': { subItems: { 'I.6.1': { ratio: 0.9 }, 'I.6.2': { ratio: 0.6 }, 'I.6.3': { ratio: 0.3 } } },
    'I.7': { subItems: { 'I.7.1': { ratio: 0.8 }, 'I.7.2': 7, 'I.7.3': 0 } },
    'II.1': { met: true },
    'II.2': { met: true },
    'II.3': {
      subItems: {
        'II.3.1': 6,
        'II.3.2': 6,
        'II.3.3': 10,
        'II.3.4': 6,
        'II.3.5': 5,
        'II.3.6': 5,
        'II.3.7': 3,
        'II.3.8': 6,
      },
    },
    'II.4': { subItems: { 'II.4.1': 8, 'II.4.2': 12, 'II.4.3': 0 } },
  } as AssessmentAnswers;
}

/** Scales every claimed number (points down to integers, ratios kept in 0–1) by a school's own factor. */
function varied(value: unknown, factor: number, random: Random): unknown {
  if (typeof value === 'number') return Math.round(value * factor);
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    if (key === 'ratio' && typeof inner === 'number')
      out[key] = Math.min(1, Math.round(inner * factor * 100) / 100);
    else if (key === 'met') out[key] = factor > 0.55 || random.chance(0.5);
    else out[key] = varied(inner, factor, random);
  }
  return out;
}

// This year's steps, cycled over the schools of a campaign.
const THIS_YEAR: AssessmentStatus[] = [
  'recognised',
  'submitted',
  'in_progress',
  'approved',
  'not_started',
  'recognised',
];

const isoInDays = (today: Date, days: number) =>
  new Date(today.getTime() + days * 86_400_000).toISOString().slice(0, 10);

interface UnitRow {
  id: string;
  parent_id: string | null;
  kind: string;
}

export async function seedDxCampaigns(db: Kysely<DB>, provinceId: string, seed: number, today = new Date()) {
  const random = new Random(seed * 7919 + 4725);
  // The demo principal's school is mid-way through its self-assessment, so the demo can walk the workflow.
  const working = await db
    .selectFrom('role_assignments')
    .innerJoin('users', 'users.id', 'role_assignments.user_id')
    .select('role_assignments.unit_id')
    .where('users.username', '=', 'hieutruong')
    .executeTakeFirst();
  const province = await db
    .selectFrom('units')
    .select('path')
    .where('id', '=', provinceId)
    .executeTakeFirstOrThrow();
  const rootId = province.path.split('/').filter(Boolean)[0] as string;
  const units: UnitRow[] = await db
    .selectFrom('units')
    .select(['id', 'parent_id', 'kind'])
    .where('path', 'like', `${province.path}%`)
    .where('id', '!=', provinceId)
    .orderBy('path')
    .execute();
  const schoolCatalogue = await storeCatalogue(db, rootId, NATIONAL_SCHOOL_CATALOGUE_4725);
  const officeCatalogue = await storeCatalogue(db, rootId, NATIONAL_OFFICE_CATALOGUE_3806);
  // Each managing office (the province for the schools directly under it) runs its own campaign.
  const owners = [provinceId, ...units.filter((u) => u.kind !== 'school').map((u) => u.id)];
  let decisions = 0;
  for (const owner of owners) {
    const schools = units.filter((u) => u.parent_id === owner && u.kind === 'school').map((u) => u.id);
    if (schools.length === 0) continue;
    const factors = schools.map(() => 0.45 + random.next() * 0.55);
    const last = await insertCampaign(
      db,
      owner,
      schoolCatalogue,
      '2024-2025',
      isoInDays(today, -320),
      'published',
    );
    const current = await insertCampaign(
      db,
      owner,
      schoolCatalogue,
      '2025-2026',
      isoInDays(today, 10),
      'open',
    );
    const recognised = { last: [] as string[], current: [] as string[] };
    for (const [i, unitId] of schools.entries()) {
      const factor = factors[i] as number;
      recognised.last.push(
        await insertAssessment(db, last, unitId, 'recognised', varied(answers4725(), factor * 0.9, random)),
      );
      const status =
        unitId === working?.unit_id ? 'in_progress' : (THIS_YEAR[i % THIS_YEAR.length] as AssessmentStatus);
      const id = await insertAssessment(db, current, unitId, status, varied(answers4725(), factor, random));
      if (status === 'recognised') recognised.current.push(id);
    }
    // A recognised result is one a decision recognised: the public page and the sector export show only those.
    // Last year's decision falls between the end of its external review (day -290) and its publication (-275).
    const signer =
      owner === provinceId ? 'Giám đốc Sở Giáo dục và Đào tạo' : 'Trưởng phòng Giáo dục và Đào tạo';
    await insertDecision(db, last, recognised.last, ++decisions, isoInDays(today, -285), signer);
    await insertDecision(db, current, recognised.current, ++decisions, isoInDays(today, -1), signer);
  }
  // The offices' own index (QĐ 3806): the province opens it over its local offices, not started yet.
  const offices = units.filter((u) => u.parent_id === provinceId && u.kind !== 'school');
  if (offices.length > 0) {
    const campaign = await insertCampaign(
      db,
      provinceId,
      officeCatalogue,
      '2025-2026',
      isoInDays(today, 20),
      'open',
    );
    for (const office of offices) await insertAssessment(db, campaign, office.id, 'not_started', {});
  }
}

async function storeCatalogue(db: Kysely<DB>, rootId: string, catalogue: Catalogue) {
  const row = await db
    .insertInto('assessment_catalogues')
    .values({
      unit_id: rootId,
      code: catalogue.code,
      version: catalogue.version,
      title: catalogue.title,
      subject_kind: catalogue.subjectKind,
      content: JSON.stringify(catalogue),
      source: 'national',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, catalogue };
}

interface DemoCampaign {
  id: string;
  unitId: string;
  catalogue: Catalogue;
}

async function insertCampaign(
  db: Kysely<DB>,
  unitId: string,
  stored: { id: string; catalogue: Catalogue },
  schoolYear: string,
  deadline: string,
  status: 'open' | 'published',
): Promise<DemoCampaign> {
  const day = (offset: number) => isoInDays(new Date(`${deadline}T00:00:00Z`), offset);
  const row = await db
    .insertInto('assessment_campaigns')
    .values({
      unit_id: unitId,
      catalogue_id: stored.id,
      school_year: schoolYear,
      title: `${stored.catalogue.title} — năm học ${schoolYear}`,
      self_assessment_starts_on: day(-30),
      submission_deadline: deadline,
      external_starts_on: day(1),
      external_ends_on: day(30),
      publication_on: day(45),
      status,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, unitId, catalogue: stored.catalogue };
}

async function insertAssessment(
  db: Kysely<DB>,
  campaign: DemoCampaign,
  unitId: string,
  status: AssessmentStatus,
  answers: unknown,
) {
  const claims = status === 'not_started' ? {} : (answers as AssessmentAnswers);
  const result = status === 'not_started' ? null : scoreAssessment(campaign.catalogue, claims);
  const assessment = await db
    .insertInto('assessments')
    .values({
      unit_id: unitId,
      campaign_id: campaign.id,
      status,
      self_result: result ? JSON.stringify(result) : null,
      external_result: status === 'recognised' && result ? JSON.stringify(result) : null,
      recognised_level: status === 'recognised' ? (result?.unitLevel ?? null) : null,
      submitted_at: isSubmitted(status) ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const items = Object.entries(claims).map(([itemId, answer]) => ({
    unit_id: unitId,
    assessment_id: assessment.id,
    item_id: itemId,
    answer: JSON.stringify(answer),
    progress: 'done' as const,
  }));
  if (items.length > 0) await db.insertInto('assessment_items').values(items).execute();
  return assessment.id;
}

/** The office's recognition decision for a campaign's recognised assessments (none recognised: no decision). */
async function insertDecision(
  db: Kysely<DB>,
  campaign: DemoCampaign,
  assessmentIds: readonly string[],
  serial: number,
  decidedOn: string,
  signerTitle: string,
) {
  if (assessmentIds.length === 0) return;
  const decision = await db
    .insertInto('recognition_decisions')
    .values({
      unit_id: campaign.unitId,
      campaign_id: campaign.id,
      decision_number: `${100 + serial}/QĐ-GDĐT`,
      decided_on: decidedOn,
      signer_name: 'Nguyễn Văn Quyết',
      signer_title: signerTitle,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('assessments')
    .set({ recognition_id: decision.id })
    .where('campaign_id', '=', campaign.id)
    .where('id', 'in', assessmentIds)
    .execute();
}
