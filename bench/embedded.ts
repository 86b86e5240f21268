import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { seedDemo } from '../src/demo/index.ts';
import { unnestWriter } from '../src/demo/unnest-writer.ts';
import { importFile } from '../src/features/imports/service.ts';
import { writeWorkbook } from '../src/features/imports/workbook.ts';
import { runClose } from '../src/features/results/close.ts';
import { runRollover } from '../src/features/results/rollover.ts';
import { studentsImportKind } from '../src/features/students/import-kind.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { findImportKind, registerImportKind } from '../src/platform/imports/kinds.ts';
import { registerAllFeatures } from '../src/server.ts';
import {
  createEveningUsers,
  type EveningFigures,
  type EveningPlan,
  type EveningUsers,
  printEvening,
  runEvening,
} from './lib/evening.ts';
import { principalContext } from './lib/principal-context.ts';
import { measure, printComparison } from './lib/report.ts';
import { rawRollover, seedRolloverSchool } from './lib/rollover-school.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const GIVEN = ['An', 'Bình', 'Châu', 'Dũng', 'Giang', 'Hà', 'Khánh', 'Lan', 'Mai', 'Nam'];
const CLASSES = 10;

/**
 * `npm run bench -- embedded [--part import|evening] [--students 2000] [--per-row] [--seconds 60] [--teachers 40]
 * [--guardians 125] [--read-every 10] [--pg URL]`: both parts unless `--part` names one.
 *
 * The evening part (lib/evening.ts): teachers saving score grids every 5 s, guardians reading the contact book every
 * `--read-every` seconds and a new connection every 250 ms for `--seconds`, on PGlite with the worker thread, without
 * it, and on a scratch PostgreSQL database when `--pg` or DATABASE_URL gives one; BENCH_SLOW=1 lists answers over 1 s.
 *
 * The import part: on PGlite (a temporary data folder, the demo province
 * seeded), (a) the commit of an Excel import of that many students into ten new classes, beside a same-run baseline
 * (the same students, status entries, guardians and enrolments written by the demo seed's unnest writer, no audit,
 * no checks); (b) while the import runs, a guardian-like read (one student's scores and attendance, as the contact
 * book reads them) every 100 ms through the same Database, and how long each waited; (c) the rollover of a school of
 * that many students into the next year (runRollover, every row audited) beside the same rows written by raw SQL
 * into an identical school, with the same read; (d) the year close of the school (runClose: the demo's pupils and the
 * imported ones) beside a raw SQL copy of the rows it wrote, with the same read. `--per-row` also times the
 * row-by-row commit (every row through addStudent), for comparison. Prints figures only.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      part: { type: 'string' },
      students: { type: 'string', default: '2000' },
      'per-row': { type: 'boolean', default: false },
      seconds: { type: 'string', default: '60' },
      teachers: { type: 'string', default: '40' },
      guardians: { type: 'string', default: '125' },
      'read-every': { type: 'string', default: '10' },
      pg: { type: 'string' },
    },
  });
  if (values.part !== 'evening') await runImport(Number(values.students), values['per-row']);
  if (values.part !== 'import') {
    await runEveningPart(
      {
        teachers: Number(values.teachers),
        guardians: Number(values.guardians),
        seconds: Number(values.seconds),
        saveEveryMs: 5000,
        readEveryMs: Number(values['read-every']) * 1000,
        connectEveryMs: 250,
      },
      values.pg ?? process.env.DATABASE_URL,
    );
  }
}

/**
 * The evening simulation (lib/evening.ts) on PGlite with the worker thread and without it (one seeded data folder,
 * copied, so both start from the same rows), and on a scratch PostgreSQL database when a URL is given.
 */
async function runEveningPart(plan: EveningPlan, pgUrl: string | undefined): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'truongso-bench-evening-'));
  const folder = (name: string) => path.join(dir, name);
  try {
    const seeded = await openDatabase({ pgliteDir: folder('worker') });
    let users: EveningUsers;
    try {
      await migrateToLatest(seeded.db as never);
      const m = await measure('seed', async () => (await seedDemo(seeded.db)).attending);
      users = await createEveningUsers(seeded, plan);
      console.log(`
Evening simulation: demo province seeded on PGlite in ${(m.ms / 1000).toFixed(1)} s`);
    } finally {
      await seeded.close();
    }
    await fs.cp(folder('worker'), folder('thread'), { recursive: true });
    const runs: { label: string; figures: EveningFigures }[] = [];
    for (const [label, name, pgliteWorker] of [
      ['PGlite, worker thread', 'worker', true],
      ['PGlite, HTTP thread', 'thread', false],
    ] as const) {
      const database = await openDatabase({ pgliteDir: folder(name), pgliteWorker });
      try {
        runs.push({ label, figures: await runEvening(database, users, plan) });
      } finally {
        await database.close();
      }
    }
    if (pgUrl) {
      const scratch = await createScratchDatabase(pgUrl, 'evening', 10);
      try {
        await seedDemo(scratch.database.db);
        const pgUsers = await createEveningUsers(scratch.database, plan);
        runs.push({
          label: 'PostgreSQL (same run)',
          figures: await runEvening(scratch.database, pgUsers, plan),
        });
      } finally {
        await scratch.drop();
      }
    }
    printEvening(plan, users, runs);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function runImport(count: number, perRow: boolean | undefined): Promise<void> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'truongso-bench-embedded-'));
  const database = await openDatabase({ pgliteDir: path.join(dir, 'pglite') });
  try {
    const db = database.db;
    await migrateToLatest(db as never);
    const seeded = await measure('seed-demo (setup)', async () => (await seedDemo(db)).attending);
    console.log(
      `Embedded (PGlite) benchmark: ${count} students; demo province seeded in ${(seeded.ms / 1000).toFixed(1)} s`,
    );
    registerAllFeatures();
    registerImportKind({ ...studentsImportKind, kind: 'students-per-row', commitRows: undefined });
    const school = await db
      .selectFrom('classes as c')
      .innerJoin('units as u', 'u.id', 'c.unit_id')
      .select(['u.id', 'u.path', 'u.name', 'u.kind'])
      .where('c.school_year', '=', '2025-2026')
      .groupBy(['u.id', 'u.path', 'u.name', 'u.kind'])
      .orderBy(sql`count(*)`, 'desc')
      .executeTakeFirstOrThrow();
    const reader = await db
      .selectFrom('subject_scores')
      .select('student_id')
      .where('unit_id', '=', school.id)
      .executeTakeFirst();
    // A principal's grants over the school.
    const ctx = principalContext(db, school);

    const runs: { label: string; ms: number; waits: number[] }[] = [];
    const timed = async (label: string, work: () => Promise<unknown>, rows = count) => {
      const waits: number[] = [];
      let running = true;
      const poll = (async () => {
        while (running) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          if (!running) break;
          const asked = performance.now();
          // What a guardian's contact book reads: one child's scores and attendance.
          await db
            .selectFrom('subject_scores')
            .selectAll()
            .where('unit_id', '=', school.id)
            .where('student_id', '=', reader?.student_id ?? '')
            .execute();
          await db
            .selectFrom('attendance')
            .selectAll()
            .where('unit_id', '=', school.id)
            .where('student_id', '=', reader?.student_id ?? '')
            .execute();
          waits.push(performance.now() - asked);
        }
      })();
      const m = await measure(label, async () => {
        await work();
        return rows;
      }).finally(async () => {
        running = false;
        await poll;
      });
      runs.push({ label, ms: m.ms, waits });
      return m;
    };

    const baseline = await timed('baseline: unnest writer, same rows (no checks, no audit)', () =>
      db
        .transaction()
        .execute(async (trx) => writeRaw(trx, school.id, await newClasses(trx, school.id, 'BL'), count)),
    );
    const file = await importWorkbook(db, school.id, 'NK', count);
    const setBased = await timed('import commit, set-based (commitRows)', () =>
      importFile(ctx, { unitId: school.id, kind: 'students', fileName: 'hs.xlsx', content: file }),
    );
    const measured = [setBased];
    if (perRow && findImportKind('students-per-row')) {
      const other = await importWorkbook(db, school.id, 'PR', count, 500_000);
      measured.push(
        await timed('import commit, row by row (commitRow)', () =>
          importFile(ctx, {
            unitId: school.id,
            kind: 'students-per-row',
            fileName: 'hs.xlsx',
            content: other,
          }),
        ),
      );
    }
    printComparison('Students per second (higher is better)', baseline, measured);

    // (c) The rollover of a school of `count` students into 2026-2027: two identical schools, one moved by raw SQL
    // (the baseline), the other by the rollover job as the principal runs it (checks, plan, every row audited).
    const parent = await db
      .selectFrom('units as s')
      .innerJoin('units as p', 'p.id', 's.parent_id')
      .select(['p.id', 'p.path'])
      .where('s.id', '=', school.id)
      .executeTakeFirstOrThrow();
    const rawSchool = await seedRolloverSchool(db, parent, 'Trường THCS Bench Gốc', count);
    const jobSchool = await seedRolloverSchool(db, parent, 'Trường THCS Bench Chuyển', count);
    const rolloverBaseline = await timed('rollover baseline: raw SQL, same rows (no checks, no audit)', () =>
      rawRollover(db, rawSchool.id),
    );
    const auditBefore = await auditRowsOf(db, jobSchool.id);
    const rolloverJob = await timed('rollover job (runRollover), every row audited', () =>
      runRollover(
        principalContext(db, jobSchool),
        { unitId: jobSchool.id, fromYear: '2025-2026', toYear: '2026-2027' },
        { report: async () => {} },
      ),
    );
    const audited = (await auditRowsOf(db, jobSchool.id)) - auditBefore;
    printComparison(`Rollover of a ${count}-student school (students per second)`, rolloverBaseline, [
      rolloverJob,
    ]);
    console.log(`  audit rows written by the rollover job: ${audited}`);

    // (d) The year close of the school (the demo's pupils with their scores and the students just imported): the
    // close job as the principal runs it, beside a raw SQL write of the very rows it wrote (copied into scratch
    // tables of the same columns, no triggers, no audit).
    const enrolled = Number(
      (
        await sql<{
          n: number;
        }>`select count(*)::int as n from enrolments e join classes c on c.id = e.class_id
          where c.unit_id = ${school.id} and c.school_year = '2025-2026' and e.left_on is null`.execute(db)
      ).rows[0]?.n ?? 0,
    );
    const yearClose = await timed(
      `year close (runClose) of the school, every result written`,
      () =>
        runClose(
          ctx,
          { unitId: school.id, schoolYear: '2025-2026', scope: 'year' },
          { report: async () => {} },
        ),
      enrolled,
    );
    await sql`create temp table bench_student_results as select * from student_results limit 0`.execute(db);
    await sql`create temp table bench_subject_year_results as select * from subject_year_results limit 0`.execute(
      db,
    );
    const closeBaseline = await timed(
      'year close baseline: raw SQL copy of the rows it wrote',
      () =>
        db.transaction().execute(async (trx) => {
          await sql`insert into bench_student_results select * from student_results
            where unit_id = ${school.id} and school_year = '2025-2026'`.execute(trx);
          await sql`insert into bench_subject_year_results select * from subject_year_results
            where unit_id = ${school.id} and school_year = '2025-2026'`.execute(trx);
        }),
      enrolled,
    );
    const closeWritten = await sql<{ results: number; subjects: number }>`
      select (select count(*)::int from bench_student_results) as results,
             (select count(*)::int from bench_subject_year_results) as subjects`.execute(db);
    printComparison(`Year close of a ${enrolled}-student school (students per second)`, closeBaseline, [
      yearClose,
    ]);
    console.log(`  rows written by the close: ${JSON.stringify(closeWritten.rows[0])}`);
    console.log('\nA guardian-like read issued every 100 ms during each run: how long it waited (ms)');
    for (const r of runs) {
      const sorted = [...r.waits].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
      console.log(
        `  ${r.label}: ${sorted.length} reads, median ${median.toFixed(0)}, max ${(sorted.at(-1) ?? 0).toFixed(0)} (run ${(r.ms / 1000).toFixed(2)} s)`,
      );
    }
  } finally {
    await database.close();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

async function auditRowsOf(db: Kysely<DB>, unitId: string): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('unit_id', '=', unitId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function newClasses(db: Kysely<DB>, unitId: string, prefix: string) {
  const rows = await db
    .insertInto('classes')
    .values(
      Array.from({ length: CLASSES }, (_, i) => ({
        unit_id: unitId,
        school_year: '2025-2026',
        grade: 6,
        name: `6${prefix}${i + 1}`,
      })),
    )
    .returning(['id', 'name'])
    .execute();
  return rows;
}

const nameOf = (i: number) =>
  `${FAMILY[i % FAMILY.length]} Văn ${GIVEN[Math.floor(i / FAMILY.length) % GIVEN.length]} ${GIVEN[Math.floor(i / 80) % GIVEN.length]}`;
const nationalIdOf = (serial: number) => `0012${'13'}${String(serial).padStart(6, '0')}`;

/** An import file of `count` students spread over ten new classes, each with a guardian. */
async function importWorkbook(
  db: Kysely<DB>,
  unitId: string,
  prefix: string,
  count: number,
  serialFrom = 100_000,
) {
  const classes = await newClasses(db, unitId, prefix);
  const records = Array.from({ length: count }, (_, i) => ({
    fullName: nameOf(i),
    birthDate: `2013-0${(i % 9) + 1}-${String((i % 28) + 1).padStart(2, '0')}`,
    gender: 'male',
    className: classes[i % CLASSES]?.name ?? null,
    moetStudentCode: `${prefix}${String(serialFrom + i).padStart(8, '0')}`,
    nationalId: nationalIdOf(serialFrom + i),
    ethnicity: 'kinh',
    address: `Số ${i} đường Láng`,
    disability: null,
    poorHousehold: false,
    nearPoorHousehold: false,
    status: 'enrolled',
    statusSince: '2025-09-05',
    guardianName: 'Nguyễn Văn Bố',
    guardianRelationship: 'father',
    guardianPhone: '0912345678',
  }));
  return writeWorkbook(studentsImportKind, records);
}

/** The baseline: the same kind of rows straight through the seed's unnest writer. */
async function writeRaw(db: Kysely<DB>, unitId: string, classes: { id: string }[], count: number) {
  const writer = unnestWriter(db);
  const ids = Array.from({ length: count }, () => randomUUID());
  await writer.write(
    'students',
    ids.map((id, i) => ({
      id,
      unit_id: unitId,
      full_name: nameOf(i),
      search_text: nameOf(i).toLowerCase(),
      birth_date: '2013-01-01',
      gender: 'male',
      national_id: nationalIdOf(900_000 + i),
      ethnicity: 'kinh',
      moet_student_code: `BL${String(i).padStart(8, '0')}`,
      address: `Số ${i} đường Láng`,
      disability: null,
      poor_household: false,
      near_poor_household: false,
      policy_flags: [],
      status: 'enrolled',
      status_since: '2025-09-05',
      user_id: null,
    })),
  );
  await writer.write(
    'student_status_history',
    ids.map((id) => ({
      id: randomUUID(),
      unit_id: unitId,
      student_id: id,
      status: 'enrolled',
      effective_on: '2025-09-05',
      reason: null,
    })),
  );
  await writer.write(
    'student_guardians',
    ids.map((id) => ({
      id: randomUUID(),
      unit_id: unitId,
      student_id: id,
      full_name: 'Nguyễn Văn Bố',
      relationship: 'father',
      phone: '0912345678',
      email: null,
      user_id: null,
    })),
  );
  await writer.write(
    'enrolments',
    ids.map((id, i) => ({
      id: randomUUID(),
      unit_id: unitId,
      class_id: classes[i % CLASSES]?.id ?? '',
      student_id: id,
      school_year: '2025-2026',
      enrolled_on: '2025-09-05',
      left_on: null,
    })),
  );
}
