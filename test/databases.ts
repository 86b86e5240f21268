import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase, type StorageKind } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';

/** Storage tests run on PGlite always, and also on PostgreSQL when DATABASE_URL is set. */
export const STORAGES: StorageKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A fresh, migrated database: PGlite in memory, or a new PostgreSQL database dropped on close. */
export async function openTestDatabase(
  kind: StorageKind,
  options: { migrate?: boolean } = {},
): Promise<Database> {
  const migrate = options.migrate !== false;
  const database = kind === 'pglite' ? await openPglite(migrate) : await openScratchPostgres();
  // A no-op on the migrated template; it still proves the template is at the latest migration.
  if (migrate) await migrateToLatest(database.db as never);
  return database;
}

/** In-memory PGlite, started from the migrated template that test/global-setup.ts dumps once per run. */
async function openPglite(migrated: boolean): Promise<Database> {
  const file = migrated ? inject('pgliteTemplate') : undefined;
  if (!file || !fs.existsSync(file)) return openDatabase({});
  return openDatabase({ pgliteTemplate: new Blob([fs.readFileSync(file)]) });
}

/** A new PostgreSQL database (not migrated), dropped on close; `url` lets another process open it too. */
export async function openScratchPostgres(): Promise<Database & { url: string }> {
  const adminUrl = process.env.DATABASE_URL as string;
  const name = `truongso_t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 4 });
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
