import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { appliedMigrations, loadPlan, readCatalog, type TableInfo } from './backup-catalog.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupEnd,
  type BackupHeader,
  dumpLine,
  readBackupHeader,
  type TableEnd,
  type TableStart,
} from './backup-format.ts';
import { type RestoreOptions, restoreBackup } from './backup-restore.ts';
import { createMigrator, migrateToLatest } from './migrator.ts';

export { type RestoreOptions, readBackupHeader, restoreBackup };

/** Rows fetched from the cursor per round trip while dumping. */
const FETCH_ROWS = 5_000;

export interface TableCount {
  table: string;
  rows: number;
}

const APP_VERSION = (
  JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * Writes every table to a portable backup file (see backup-format.ts) from one consistent snapshot, streaming
 * rows through a cursor so a province never sits in memory. The file appears only once complete.
 */
export async function writeBackup(
  db: Kysely<unknown>,
  file: string,
  onTable?: (done: TableCount) => void,
): Promise<TableCount[]> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial));
  const write = async (text: string) => {
    if (!gzip.write(text)) await once(gzip, 'drain');
  };
  try {
    const counts = await db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        await sql`set local time zone 'UTC'`.execute(trx);
        const catalog = await readCatalog(trx);
        const { order } = loadPlan(catalog);
        await write(`${JSON.stringify(await headerOf(trx, order))}\n`);
        const result: TableCount[] = [];
        for (const name of order) {
          const rows = await dumpTable(trx, catalog.get(name) as TableInfo, write);
          result.push({ table: name, rows });
          onTable?.({ table: name, rows });
        }
        const end: BackupEnd = {
          end: true,
          tables: result.length,
          rows: result.reduce((s, t) => s + t.rows, 0),
        };
        await write(`${JSON.stringify(end)}\n`);
        return result;
      });
    gzip.end();
    await written;
    await rename(partial, file);
    return counts;
  } catch (error) {
    gzip.destroy();
    await written.catch(() => {});
    await rm(partial, { force: true });
    throw error;
  }
}

async function headerOf(db: Kysely<unknown>, tables: string[]): Promise<BackupHeader> {
  const version = await sql<{ server_version: string }>`show server_version`.execute(db);
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    appVersion: APP_VERSION,
    serverVersion: version.rows[0]?.server_version ?? '',
    createdAt: new Date().toISOString(),
    migrations: await appliedMigrations(db),
    tables,
  };
}

async function dumpTable(db: Kysely<unknown>, table: TableInfo, write: (text: string) => Promise<void>) {
  const start: TableStart = {
    table: table.name,
    columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
  };
  await write(`${JSON.stringify(start)}\n`);
  await sql`declare backup_rows no scroll cursor for
    select ${dumpLine(table.columns)} as line from ${sql.table(table.name)}`.execute(db);
  let rows = 0;
  for (;;) {
    const batch = await sql<{ line: string }>`fetch forward ${sql.lit(FETCH_ROWS)} from backup_rows`.execute(
      db,
    );
    if (batch.rows.length === 0) break;
    rows += batch.rows.length;
    await write(`${batch.rows.map((r) => r.line).join('\n')}\n`);
  }
  await sql`close backup_rows`.execute(db);
  const end: TableEnd = { end: table.name, rows };
  await write(`${JSON.stringify(end)}\n`);
  return rows;
}

export interface TableChecksum {
  rows: number;
  /** md5 over the sorted md5s of the rows' backup lines: equal data gives equal sums on either engine. */
  checksum: string;
}

/** Row count and an order-independent checksum of every backed-up table (to verify a round trip). */
export async function tableChecksums(db: Kysely<unknown>): Promise<Map<string, TableChecksum>> {
  return db.transaction().execute(async (trx) => {
    await sql`set local time zone 'UTC'`.execute(trx);
    const result = new Map<string, TableChecksum>();
    for (const table of (await readCatalog(trx)).values()) {
      const row = await sql<{ rows: number; checksum: string }>`
        select count(*)::int as rows, coalesce(md5(string_agg(h, '' order by h collate "C")), '') as checksum
        from (select md5(${dumpLine(table.columns)}) as h from ${sql.table(table.name)}) as lines`.execute(
        trx,
      );
      result.set(table.name, row.rows[0] ?? { rows: 0, checksum: '' });
    }
    return result;
  });
}

/**
 * Restores into a database that may not be migrated yet (what `truongso restore` does): a fresh database is first
 * migrated to exactly the backup's migrations, so a backup from an older version loads as it was written, then
 * the remaining migrations bring it up to date. Returns the tables loaded and the migrations applied after.
 */
export async function restoreIntoDatabase(
  db: Kysely<unknown>,
  file: string,
  options: RestoreOptions = {},
): Promise<{ tables: TableCount[]; migratedAfter: string[] }> {
  const header = await readBackupHeader(file);
  if ((await appliedMigrations(db)).length === 0) await migrateToBackup(db, header.migrations);
  const tables = await restoreBackup(db, file, options);
  return { tables, migratedAfter: await migrateToLatest(db) };
}

async function migrateToBackup(db: Kysely<unknown>, migrations: string[]): Promise<void> {
  const migrator = createMigrator(db);
  const known = (await migrator.getMigrations()).map((m) => m.name);
  const last = migrations.at(-1);
  if (!last) return;
  if (known.slice(0, migrations.length).join() !== migrations.join()) {
    throw new Error(
      `Bản sao lưu cần các migration [${migrations.join(', ')}]; phiên bản Trường Số này có [${known.join(', ')}]. Hãy khôi phục bằng phiên bản đã tạo bản sao lưu hoặc mới hơn.`,
    );
  }
  const result = await migrator.migrateTo(last);
  if (result.error) throw new Error(`Migration thất bại: ${String(result.error)}`, { cause: result.error });
}
