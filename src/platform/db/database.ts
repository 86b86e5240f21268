import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pgliteWorkerSetting } from '../config.ts';
import { acquireDataLock, type LockEnvironment } from './data-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';
import { type EngineHealth, openEngineInThread } from './pglite-engine.ts';
import { openEngineInWorker } from './pglite-worker-client.ts';
import type { DB } from './schema.ts';
import { pgTypes } from './value-parsers.ts';

export type StorageKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: StorageKind;
  close(): Promise<void>;
  /** The embedded data folder as a tarball, when kind is 'pglite' (tests dump one migrated template). */
  dumpDataDir?: () => Promise<Blob>;
  /**
   * When kind is 'pglite': how many turns the one connection has given so far (a statement outside a transaction,
   * or a whole transaction). Tests and benches count a request's round trips with it.
   */
  connectionTurns?: () => number;
  /** When PGlite runs in a worker thread: its state and restarts after crashes (the health endpoint shows them). */
  engineHealth?: () => EngineHealth;
  /** When PGlite runs in a worker thread: ends the thread as a crash would (tests of the restart). */
  terminateWorker?: () => Promise<void>;
}

/** Where the worker's crashes and restarts are logged (pino's signature; the console when none is given). */
export interface DatabaseLog {
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

const consoleLog: DatabaseLog = {
  warn: (details, message) => console.warn(message, details),
  error: (details, message) => console.error(message, details),
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
  /** Run PGlite in a worker thread (default: TRUONGSO_PGLITE_WORKER, see config.ts). */
  pgliteWorker?: boolean;
  log?: DatabaseLog;
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPGlite(options);
}

function openPostgres(connectionString: string, max: number): Database {
  const pool = new pg.Pool({ connectionString, max, types: pgTypes });
  // An idle connection closed by the server (a restart, a dropped database) is an 'error' event on the pool, which
  // would end the process. The pool opens a new connection on next use; queries in flight fail on their own.
  pool.on('error', () => {});
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  return { db, kind: 'postgres', close: () => db.destroy() };
}

async function openPGlite(options: OpenOptions): Promise<Database> {
  const dataDir = options.pgliteDir;
  if (dataDir) fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  // One process per data folder (data-lock.ts); taken before PGlite reads a page.
  const lock = dataDir ? acquireDataLock(`${dataDir}.lock`, options.lockEnvironment) : undefined;
  try {
    const inWorker = options.pgliteWorker ?? pgliteWorkerSetting();
    const engineOptions = { dataDir, template: options.pgliteTemplate };
    const log = options.log ?? consoleLog;
    const worker = inWorker
      ? await openEngineInWorker(engineOptions, {
          exited: ({ code, inFlight, error }) =>
            log.error(
              { code, inFlight, err: error, dataDir: dataDir ?? 'memory' },
              'PGlite worker thread ended unexpectedly; statements in flight failed (503), restarting it',
            ),
          restarted: ({ restarts, ms }) =>
            log.warn(
              { restarts, ms: Math.round(ms) },
              'PGlite worker thread restarted on the same data folder',
            ),
          restartFailed: ({ error }) =>
            log.error(
              { err: error },
              'PGlite worker thread could not be restarted; the database is unavailable',
            ),
        })
      : undefined;
    const engine = worker ?? (await openEngineInThread(engineOptions));
    const dialect = new PGliteDialect(engine);
    const db = new Kysely<DB>({ dialect });
    return {
      db,
      kind: 'pglite',
      connectionTurns: () => dialect.turns,
      engineHealth: worker ? () => worker.health() : undefined,
      terminateWorker: worker ? () => worker.terminateWorker() : undefined,
      dumpDataDir: () => engine.dumpDataDir(),
      close: async () => {
        try {
          await db.destroy();
          await engine.close();
        } finally {
          lock?.release();
        }
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}
