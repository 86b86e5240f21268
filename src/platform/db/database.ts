import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { acquireDataLock, type LockEnvironment } from './data-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './schema.ts';

export type StorageKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: StorageKind;
  close(): Promise<void>;
  /** The embedded engine, when kind is 'pglite' (dumps, templates). */
  pglite?: PGlite;
}

/**
 * The one place where column types are normalised so both engines return the same JS values:
 * int8 and numeric → number (ids are uuids; counts and scores fit), date → 'YYYY-MM-DD' string
 * (a Date would shift with the server's time zone).
 */
const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, NUMERIC_ARRAY: 1231 } as const;
const toNumber = (value: string) => Number(value);
const keepText = (value: string) => value;
// node-postgres parses numeric[] into numbers (nulls kept); PGlite would give strings, so both use this parser.
const toNumberArray = pg.types.getTypeParser(
  OID.NUMERIC_ARRAY as Parameters<typeof pg.types.getTypeParser>[0],
) as (value: string) => (number | null)[];

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.INT8 || oid === OID.NUMERIC) return toNumber;
    if (oid === OID.DATE) return keepText;
    if (oid === OID.NUMERIC_ARRAY) return toNumberArray;
    return pg.types.getTypeParser(oid, format);
  },
};

export interface OpenOptions {
  databaseUrl?: string;
  /** PGlite data folder; undefined means in memory (tests). */
  pgliteDir?: string;
  /** A dumped PGlite data folder to start from (tests reuse one migrated template instead of initdb). */
  pgliteTemplate?: Blob;
  poolSize?: number;
  /** Overrides for the data folder lock (tests); see data-lock.ts. */
  lockEnvironment?: LockEnvironment;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPGlite(options.pgliteDir, options.pgliteTemplate, options.lockEnvironment);
}

function openPostgres(connectionString: string, max: number): Database {
  const pool = new pg.Pool({ connectionString, max, types: pgTypes });
  // An idle connection closed by the server (a restart, a dropped database) is an 'error' event on the pool, which
  // would end the process. The pool opens a new connection on next use; queries in flight fail on their own.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPGlite(
  dataDir: string | undefined,
  template: Blob | undefined,
  lockEnvironment: LockEnvironment | undefined,
): Promise<Database> {
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // One process per data folder (data-lock.ts); taken before PGlite reads a page.
  const lock = dataDir ? acquireDataLock(`${dataDir}.lock`, lockEnvironment) : undefined;
  try {
    return await createPGlite(dataDir, template, () => lock?.release());
  } catch (error) {
    lock?.release();
    throw error;
  }
}

async function createPGlite(
  dataDir: string | undefined,
  template: Blob | undefined,
  releaseLock: () => void,
): Promise<Database> {
  const pglite = await PGlite.create({
    dataDir,
    loadDataDir: template,
    parsers: {
      [OID.INT8]: toNumber,
      [OID.NUMERIC]: toNumber,
      [OID.DATE]: keepText,
      [OID.NUMERIC_ARRAY]: toNumberArray,
    },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      try {
        await db.destroy();
        if (!pglite.closed) await pglite.close();
      } finally {
        releaseLock();
      }
    },
  };
}
