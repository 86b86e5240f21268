import { parseArgs } from 'node:util';
import pg from 'pg';
import { RowBatcher } from '../src/demo/batcher.ts';
import { DEMO_PASSWORD, generateDemo, seedDemo } from '../src/demo/index.ts';
import { hashPassword } from '../src/platform/auth/passwords.ts';
import { copyWriter } from './lib/copy-writer.ts';
import { measure, printComparison } from './lib/report.ts';
import { createScratchDatabase, requireDatabaseUrl } from './lib/scratch-database.ts';

/**
 * `npm run bench -- seed [--students 300000] [--seed 1]`: the province generator (`seed-demo --students`) on
 * PostgreSQL — its batched `insert … select from unnest(…)` through Kysely — beside a same-run baseline loading the
 * very same rows, in the same batches and one transaction, with COPY FROM STDIN (the fastest bulk path PostgreSQL
 * has). A third line generates the rows without a database, to show how much of the time is JavaScript.
 * Each load runs in its own fresh scratch database, dropped at the end.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { students: { type: 'string', default: '300000' }, seed: { type: 'string', default: '1' } },
  });
  const students = Number(values.students);
  const seed = Number(values.seed);
  const adminUrl = requireDatabaseUrl();
  console.log(
    `Seed benchmark: ${students.toLocaleString('en-US')} students, seed ${seed}, PostgreSQL ${adminUrl.replace(/\/\/[^@]*@/, '//')}`,
  );

  const generateOnly = await measure('generate only (no database)', async () => {
    const summary = await generateDemo(
      new RowBatcher({ write: async () => {} }),
      await hashPassword(DEMO_PASSWORD),
      {
        seed,
        students,
      },
    );
    return summary.totalRows;
  });

  const ours = await withScratch(adminUrl, 'unnest', async (scratch) =>
    measure('seed-demo: INSERT … SELECT unnest (Kysely)', async () => {
      const summary = await seedDemo(scratch.database.db, { seed, students });
      console.log(
        `  ${summary.attending.toLocaleString('en-US')} students attending in ${summary.schools} schools; rows per table: ${JSON.stringify(summary.rows)}`,
      );
      return summary.totalRows;
    }),
  );

  const baseline = await withScratch(adminUrl, 'copy', async (scratch) =>
    measure('baseline: COPY FROM STDIN (same rows)', async () => {
      const client = new pg.Client({ connectionString: scratch.url });
      await client.connect();
      try {
        // seed-demo hashes the demo password once; so does the baseline, to compare like with like.
        const hash = await hashPassword(DEMO_PASSWORD);
        await client.query('begin');
        const summary = await generateDemo(new RowBatcher(copyWriter(client)), hash, { seed, students });
        await client.query('commit');
        return summary.totalRows;
      } finally {
        await client.end();
      }
    }),
  );

  printComparison('Rows written per second (higher is better)', baseline, [ours, generateOnly]);
}

async function withScratch<T>(
  adminUrl: string,
  label: string,
  work: (scratch: Awaited<ReturnType<typeof createScratchDatabase>>) => Promise<T>,
): Promise<T> {
  const scratch = await createScratchDatabase(adminUrl, label);
  try {
    return await work(scratch);
  } finally {
    await scratch.drop();
  }
}
