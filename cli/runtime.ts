import path from 'node:path';
import pino, { type Logger } from 'pino';
import { type AppConfig, loadConfig } from '../src/platform/config.ts';
import { type Database, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';

/** Opens the configured database (PGlite under ./data unless DATABASE_URL is set) and applies migrations. */
export async function openConfiguredDatabase(
  config: AppConfig = loadConfig(),
  options: { migrate?: boolean; log?: Logger } = {},
): Promise<Database> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    pgliteDir: path.join(config.dataDir, 'pglite'),
    pgliteWorker: config.pgliteWorker,
    log: options.log,
  });
  if (options.migrate === false) return database;
  const applied = await migrateToLatest(database.db as never);
  if (applied.length) options.log?.info({ applied }, 'migrations applied');
  return database;
}

export function cliLogger(level = loadConfig().logLevel): Logger {
  return pino({ level });
}

/** Runs `work` with an open database and always closes it (PGlite must be closed to flush its files). */
export async function withDatabase<T>(
  work: (database: Database) => Promise<T>,
  options: { migrate?: boolean } = {},
): Promise<T> {
  const database = await openConfiguredDatabase(loadConfig(), options);
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
