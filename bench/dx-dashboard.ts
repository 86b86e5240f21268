import { randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import pino from 'pino';
import { type AssessmentAnswers, scoreAssessment } from '../src/domain/assessment-catalogue/index.ts';
import { schoolYearStartYear } from '../src/domain/calendar/index.ts';
import { NATIONAL_SCHOOL_CATALOGUE_4725 } from '../src/domain/dx-index/index.ts';
import { getDashboard } from '../src/features/dx-assessments/dashboard/dashboard.ts';
import type { Actor } from '../src/platform/authz/actor.ts';
import type { ServiceContext } from '../src/platform/context.ts';
import type { Database } from '../src/platform/db/database.ts';
import { createScratchDatabase, requireDatabaseUrl } from './lib/scratch-database.ts';

/**
 * `npm run bench -- dx-dashboard [--offices 25] [--per-office 22] [--direct 50] [--runs 7]`: the office dashboard
 * of DX assessments (src/features/dx-assessments/dashboard/dashboard.ts, the service behind GET /api/v1/assessment-dashboard)
 * on PostgreSQL, for a province of 600 schools (25 local offices × 22 schools, 50 high schools under the province)
 * with this year's and last year's campaigns, self-assessments and external results filled in and most schools
 * recognised. Measures the median server time of the service for the province and for one local office, beside a
 * same-run baseline: one raw SQL aggregate (units per area × status × level) over the same rows. Goal: < 1 s.
 */

const CATALOGUE = NATIONAL_SCHOOL_CATALOGUE_4725;
const YEARS = ['2024-2025', '2025-2026'];

/** A deterministic pseudo-random generator, so every run seeds the same province. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function answersFor(r: () => number): AssessmentAnswers {
  const pts = (max: number) => Math.round(r() * max);
  return {
    'I.1': { met: r() > 0.05 },
    'I.2': { met: true },
    'I.3': {
      subItems: Object.fromEntries(['I.3.1', 'I.3.2', 'I.3.3', 'I.3.4', 'I.3.5'].map((id) => [id, pts(6)])),
    },
    'I.4': { ratio: r() },
    'I.5': { subItems: { 'I.5.1': pts(15), 'I.5.2': pts(5) } },
    'I.6': { subItems: { 'I.6.1': { ratio: r() }, 'I.6.2': { ratio: r() }, 'I.6.3': { ratio: r() } } },
    'I.7': { subItems: { 'I.7.1': { ratio: r() }, 'I.7.2': pts(7), 'I.7.3': pts(5) } },
    'II.1': { met: true },
    'II.2': { met: r() > 0.03 },
    'II.3': {
      subItems: {
        'II.3.1': pts(6),
        'II.3.2': pts(6),
        'II.3.3': pts(10),
        'II.3.4': pts(6),
        'II.3.5': pts(10),
        'II.3.6': pts(10),
        'II.3.7': pts(6),
        'II.3.8': pts(6),
      },
    },
    'II.4': { subItems: { 'II.4.1': pts(8), 'II.4.2': pts(12), 'II.4.3': pts(10) } },
  };
}

interface Province {
  province: { id: string; path: string };
  offices: { id: string; path: string }[];
  schools: number;
}

async function seedProvince(
  database: Database,
  options: { offices: number; perOffice: number; direct: number },
): Promise<Province> {
  const db = database.db;
  const r = random(42);
  const ministryId = randomUUID();
  const provinceId = randomUUID();
  const ministry = { id: ministryId, path: `/${ministryId}/` };
  const province = { id: provinceId, path: `${ministry.path}${provinceId}/` };
  const units: {
    id: string;
    parent_id: string | null;
    kind: string;
    code: string;
    name: string;
    path: string;
    level: 'primary' | 'lower_secondary' | 'upper_secondary' | null;
  }[] = [
    {
      id: ministry.id,
      parent_id: null,
      kind: 'ministry',
      code: 'BGD',
      name: 'Bộ GD&ĐT',
      path: ministry.path,
      level: null,
    },
    {
      id: province.id,
      parent_id: ministry.id,
      kind: 'province_office',
      code: 'SGD',
      name: 'Sở GD&ĐT Bài đo',
      path: province.path,
      level: null,
    },
  ];
  const offices: Province['offices'] = [];
  const schoolsByOffice = new Map<string, string[]>();
  for (let o = 0; o < options.offices; o++) {
    const id = randomUUID();
    const office = { id, path: `${province.path}${id}/` };
    offices.push(office);
    units.push({
      id,
      parent_id: province.id,
      kind: 'local_office',
      code: `PGD${o + 1}`,
      name: `Phòng GD&ĐT số ${o + 1}`,
      path: office.path,
      level: null,
    });
    const ids: string[] = [];
    for (let s = 0; s < options.perOffice; s++) {
      const sid = randomUUID();
      ids.push(sid);
      units.push({
        id: sid,
        parent_id: id,
        kind: 'school',
        code: `T${o + 1}-${s + 1}`,
        name: `Trường ${s % 2 ? 'THCS' : 'Tiểu học'} số ${s + 1} phòng ${o + 1}`,
        path: `${office.path}${sid}/`,
        level: s % 2 ? 'lower_secondary' : 'primary',
      });
    }
    schoolsByOffice.set(id, ids);
  }
  const direct: string[] = [];
  for (let s = 0; s < options.direct; s++) {
    const sid = randomUUID();
    direct.push(sid);
    units.push({
      id: sid,
      parent_id: province.id,
      kind: 'school',
      code: `THPT${s + 1}`,
      name: `Trường THPT số ${s + 1}`,
      path: `${province.path}${sid}/`,
      level: 'upper_secondary',
    });
  }
  schoolsByOffice.set(province.id, direct);
  for (let i = 0; i < units.length; i += 500)
    await db
      .insertInto('units')
      .values(units.slice(i, i + 500))
      .execute();

  const catalogue = await db
    .insertInto('assessment_catalogues')
    .values({
      unit_id: ministry.id,
      code: CATALOGUE.code,
      version: CATALOGUE.version,
      title: CATALOGUE.title,
      subject_kind: 'school',
      content: JSON.stringify(CATALOGUE),
      source: 'national',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const statuses = [
    ['recognised', 0.6],
    ['assessed', 0.15],
    ['submitted', 0.1],
    ['in_progress', 0.1],
    ['not_started', 0.05],
  ] as const;
  const pickStatus = () => {
    let x = r();
    for (const [status, share] of statuses) {
      if (x < share) return status;
      x -= share;
    }
    return 'recognised';
  };
  for (const year of YEARS) {
    const start = schoolYearStartYear(year);
    const rows: Record<string, unknown>[] = [];
    for (const [officeId, schoolIds] of schoolsByOffice) {
      const campaign = await db
        .insertInto('assessment_campaigns')
        .values({
          unit_id: officeId,
          catalogue_id: catalogue.id,
          school_year: year,
          title: `Đánh giá mức độ chuyển đổi số năm học ${year}`,
          self_assessment_starts_on: `${start + 1}-04-01`,
          submission_deadline: `${start + 1}-04-30`,
          external_starts_on: `${start + 1}-05-01`,
          external_ends_on: `${start + 1}-06-20`,
          publication_on: `${start + 1}-07-15`,
          status: 'open',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const unitId of schoolIds) {
        const status = year === YEARS[0] ? 'recognised' : pickStatus();
        const answers = answersFor(r);
        const self =
          status === 'not_started' || status === 'in_progress' ? null : scoreAssessment(CATALOGUE, answers);
        const external =
          status === 'assessed' || status === 'recognised'
            ? scoreAssessment(CATALOGUE, { ...answers, 'I.4': { ratio: r() * 0.8 } })
            : null;
        rows.push({
          unit_id: unitId,
          campaign_id: campaign.id,
          status,
          self_result: self ? JSON.stringify(self) : null,
          external_result: external ? JSON.stringify(external) : null,
          submitted_at: self ? new Date(`${start + 1}-04-${10 + Math.floor(r() * 20)}`) : null,
          recognised_level: status === 'recognised' ? (external?.unitLevel ?? 1) : null,
        });
      }
    }
    for (let i = 0; i < rows.length; i += 200)
      await db
        .insertInto('assessments')
        .values(rows.slice(i, i + 200) as never)
        .execute();
  }
  await sql`analyze`.execute(db);
  return { province, offices, schools: options.offices * options.perOffice + options.direct };
}

function actorOn(unit: { id: string; path: string }): Actor {
  return {
    userId: randomUUID(),
    username: 'bench',
    fullName: 'Bài đo',
    mustChangePassword: false,
    assignments: [
      { role: 'office_specialist', unitId: unit.id, unitPath: unit.path, unitName: '', unitKind: '' },
    ],
  };
}

async function median(runs: number, work: () => Promise<unknown>): Promise<{ median: number; min: number }> {
  await work(); // warm-up: catalogue cache, plans, connections
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)] ?? 0, min: times[0] ?? 0 };
}

const BASELINE_SQL = `
  select split_part(substr(u.path, length($1) + 1), '/', 1) as area, a.status, a.recognised_level,
    (a.self_result ->> 'unitLevel')::int as self_level, count(*)::int as n
  from assessments a
  join assessment_campaigns c on c.id = a.campaign_id
  join units u on u.id = a.unit_id
  where u.path like $1 || '%' and c.school_year = $2
  group by 1, 2, 3, 4`;

export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      offices: { type: 'string', default: '25' },
      'per-office': { type: 'string', default: '22' },
      direct: { type: 'string', default: '50' },
      runs: { type: 'string', default: '7' },
    },
  });
  const runs = Number(values.runs);
  const adminUrl = requireDatabaseUrl();
  const scratch = await createScratchDatabase(adminUrl, 'dxdash');
  const client = new pg.Client({ connectionString: scratch.url });
  try {
    const seedStarted = performance.now();
    const p = await seedProvince(scratch.database, {
      offices: Number(values.offices),
      perOffice: Number(values['per-office']),
      direct: Number(values.direct),
    });
    console.log(
      `DX dashboard benchmark: ${p.schools} schools in ${p.offices.length} local offices + the province, campaigns ${YEARS.join(' and ')}; seeded in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`,
    );
    await client.connect();
    const log = pino({ level: 'silent' });
    const office = p.offices[0] as { id: string; path: string };
    const ctx = (unit: { id: string; path: string }): ServiceContext => ({
      db: scratch.database.db,
      actor: actorOn(unit),
      log,
    });
    const check = await getDashboard(ctx(p.province), { unitId: p.province.id, schoolYear: YEARS[1] });
    console.log(
      `  province dashboard: ${check.units.length} units, ${check.areas.length} areas, weakest ${check.weakestItems[0]?.itemId} (${check.weakestItems[0]?.averageRatio}), recognised ${JSON.stringify(check.distribution.recognised)}`,
    );
    const lines: [string, { median: number; min: number }][] = [
      [
        'service getDashboard, province (600 schools)',
        await median(runs, () =>
          getDashboard(ctx(p.province), { unitId: p.province.id, schoolYear: YEARS[1] }),
        ),
      ],
      [
        'service getDashboard, local office (22 schools)',
        await median(runs, () => getDashboard(ctx(office), { unitId: office.id, schoolYear: YEARS[1] })),
      ],
      [
        'baseline: one raw SQL aggregate, province',
        await median(runs, () => client.query(BASELINE_SQL, [p.province.path, YEARS[1]])),
      ],
      [
        'baseline: one raw SQL aggregate, local office',
        await median(runs, () => client.query(BASELINE_SQL, [office.path, YEARS[1]])),
      ],
    ];
    const width = Math.max(...lines.map(([label]) => label.length));
    console.log(`\nServer time, median of ${runs} runs after one warm-up (goal < 1000 ms)`);
    console.log(`  ${'method'.padEnd(width)}  ${'median ms'.padStart(9)}  ${'min ms'.padStart(7)}`);
    for (const [label, m] of lines)
      console.log(
        `  ${label.padEnd(width)}  ${m.median.toFixed(1).padStart(9)}  ${m.min.toFixed(1).padStart(7)}`,
      );
  } finally {
    await client.end().catch(() => {});
    await scratch.drop();
  }
}
