import { parseArgs } from 'node:util';
import { type Kysely, sql } from 'kysely';
import { seedDemo } from '../src/demo/index.ts';
import { type CloseSummary, runClose } from '../src/features/results/close.ts';
import { loadConfig } from '../src/platform/config.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { principalContext } from './lib/principal-context.ts';
import { measure, printComparison } from './lib/report.ts';
import { createScratchDatabase, openSeededDatabase, requireDatabaseUrl } from './lib/scratch-database.ts';

/**
 * `npm run bench -- year-close [--students 300000] [--seed 1] [--parallel 3] [--database name]`: the year close
 * (TT22/TT27 results, promotion, awards, written set-based into student_results and subject_year_results) of every
 * school of the demo province on PostgreSQL, beside a same-run baseline: one SQL aggregate over the very same score
 * rows (per-student average of subject_scores). The province is generated first with `seed-demo --students` (timed
 * separately) in a scratch database; `--database` instead reuses a province already seeded there (seeding 300,000
 * students takes a quarter of an hour) after clearing the results a previous run wrote.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      students: { type: 'string', default: '300000' },
      seed: { type: 'string', default: '1' },
      // As many schools at once as the server's job workers on PostgreSQL (TRUONGSO_JOB_WORKERS, default 3).
      parallel: { type: 'string', default: String(loadConfig().jobWorkers) },
      database: { type: 'string' },
    },
  });
  const students = Number(values.students);
  const parallel = Math.max(1, Number(values.parallel));
  const adminUrl = requireDatabaseUrl();
  const what = values.database
    ? `the province seeded in ${values.database}`
    : `${students.toLocaleString('en-US')} students, seed ${values.seed}`;
  console.log(`Year-close benchmark: ${what}, ${parallel} school(s) at a time`);
  const scratch = values.database
    ? await openSeededDatabase(adminUrl, values.database, parallel + 1)
    : await createScratchDatabase(adminUrl, 'yearclose', parallel + 1);
  try {
    const db = scratch.database.db;
    if (values.database) await clearResults(db);
    else await seed(db, Number(values.seed), students);
    await sql`analyze`.execute(db);

    const province = await db
      .selectFrom('units')
      .select(['id', 'path', 'name', 'kind'])
      .where('kind', '=', 'province_office')
      .executeTakeFirstOrThrow();
    // A principal's grants over the province.
    const ctx = principalContext(db, province);
    const schools = await db
      .selectFrom('classes')
      .select('unit_id')
      .distinct()
      .where('school_year', '=', '2025-2026')
      .where('grade', '>=', 1)
      .execute();

    const cpuBefore = process.cpuUsage();
    const ours = await measure(`year close (${schools.length} schools, job code)`, async () => {
      let total = 0;
      let classified = 0;
      const queue = schools.map((s) => s.unit_id);
      const progress = { report: async () => {} };
      const worker = async () => {
        for (let unitId = queue.shift(); unitId; unitId = queue.shift()) {
          const summary = (await runClose(
            ctx,
            { unitId, schoolYear: '2025-2026', scope: 'year' },
            progress,
          )) as CloseSummary;
          total += summary.students;
          classified += summary.classified;
        }
      };
      await Promise.all(Array.from({ length: parallel }, worker));
      console.log(
        `  ${classified.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} students classified`,
      );
      return total;
    });

    const baseline = await measure('baseline: one SQL aggregate over the score rows', async () => {
      const r = await sql<{ n: number }>`
        select count(*)::int as n from (
          select student_id, round(avg(term_average), 1) as average, count(*) as subjects
          from subject_scores where school_year = '2025-2026' group by student_id
        ) per_student`.execute(db);
      return r.rows[0]?.n ?? 0;
    });
    const written = await sql<{ results: number; subjects: number }>`
      select (select count(*)::int from student_results where school_year = '2025-2026') as results,
             (select count(*)::int from subject_year_results where school_year = '2025-2026') as subjects`.execute(
      db,
    );
    console.log(`  written: ${JSON.stringify(written.rows[0])}`);
    // Node is one core of two: its CPU time against the total tells whether JavaScript or the server limits.
    const cpu = process.cpuUsage(cpuBefore);
    console.log(`  CPU time of this process: ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);
    printComparison('Students per second (higher is better)', baseline, [ours]);
    console.log(
      `\nYear close total: ${(ours.ms / 1000).toFixed(1)} s (goal: under 60 s for 300,000 students)`,
    );
  } finally {
    await scratch.drop();
  }
}

async function seed(db: Kysely<DB>, seedNumber: number, students: number) {
  const seeded = await measure('seed-demo (setup, not compared)', async () => {
    const summary = await seedDemo(db, { seed: seedNumber, students });
    console.log(
      `  seeded ${summary.attending.toLocaleString('en-US')} students, ${summary.rows.subject_scores.toLocaleString('en-US')} score rows`,
    );
    return summary.attending;
  });
  console.log(`  seed: ${(seeded.ms / 1000).toFixed(1)} s`);
}

/** A reused province starts like a fresh one: no results of the closed year (vacuumed, so no dead rows either). */
async function clearResults(db: Kysely<DB>) {
  const attending = await sql<{ n: number }>`
    select count(*)::int as n from enrolments e join classes c on c.id = e.class_id
    where e.left_on is null and c.school_year = '2025-2026'`.execute(db);
  console.log(
    `  reusing a seeded province: ${attending.rows[0]?.n.toLocaleString('en-US')} enrolled students`,
  );
  await sql`delete from subject_year_results where school_year = '2025-2026'`.execute(db);
  await sql`delete from student_results where school_year = '2025-2026'`.execute(db);
  await sql`vacuum subject_year_results, student_results`.execute(db);
}
