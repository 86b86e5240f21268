import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/platform/db/database.ts';
import { migrateToLatest } from '../../src/platform/db/migrator.ts';

export interface ScratchDatabase {
  /** Connection string of the scratch database (for a plain pg.Client). */
  url: string;
  database: Database;
  /** Closes the connections and drops the database. */
  drop(): Promise<void>;
}

/** The PostgreSQL a benchmark runs against; benchmarks measure the server, not the embedded database. */
export function requireDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      'Bài đo chạy trên PostgreSQL: đặt DATABASE_URL (ví dụ postgres://postgres@127.0.0.1:5432/test).',
    );
  return url;
}

/** Creates a fresh, migrated database next to DATABASE_URL's, so a benchmark never touches real data. */
export async function createScratchDatabase(
  adminUrl: string,
  label: string,
  poolSize = 2,
): Promise<ScratchDatabase> {
  const name = `truongso_bench_${label}_${randomBytes(3).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize });
  await migrateToLatest(database.db as never);
  return {
    url: url.toString(),
    database,
    drop: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** A database seeded earlier (kept between runs); migrated to the latest schema, and left in place afterwards. */
export async function openSeededDatabase(
  adminUrl: string,
  name: string,
  poolSize = 2,
): Promise<ScratchDatabase> {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize });
  await migrateToLatest(database.db as never);
  return { url: url.toString(), database, drop: () => database.close() };
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
