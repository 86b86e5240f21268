import { PGlite } from '@electric-sql/pglite';
import { AppError } from '../errors.ts';
import { pgliteParsers } from './value-parsers.ts';

/** What a statement returns to the Kysely dialect: plain rows (already normalised) and the affected count. */
export interface StatementResult {
  rows: unknown[];
  affectedRows?: number;
}

/**
 * A running PGlite database, in this thread or in a worker thread (pglite-worker-client.ts). Either way it runs one
 * statement at a time, in the order they were sent; the dialect decides who may send.
 */
export interface PGliteEngine {
  run(sql: string, parameters: readonly unknown[]): Promise<StatementResult>;
  /** The data folder as a tarball (tests start every database from one migrated dump). */
  dumpDataDir(): Promise<Blob>;
  close(): Promise<void>;
  /**
   * Moves on each time the engine was restarted (the worker thread crashed): a transaction begun in one
   * generation cannot go on in the next (pglite-dialect.ts). Absent: never restarted.
   */
  generation?(): number;
}

/** The failure of a statement cut short by the worker's end: the HTTP layer answers 503 with this message. */
export const databaseRestarting = () =>
  new AppError(
    'unavailable',
    'Cơ sở dữ liệu đang khởi động lại sau một sự cố; thao tác này chưa được ghi. Vui lòng thử lại sau vài giây.',
  );

/** What the health endpoint says about the embedded engine (pglite-worker-client.ts restarts a crashed worker). */
export interface EngineHealth {
  /** ok; restarting after a crash; failed (could not reopen: an in-memory database, or the folder refused). */
  state: 'ok' | 'restarting' | 'failed';
  restarts: number;
  lastRestartAt: string | null;
  lastExitCode: number | null;
}

export interface EngineOptions {
  /** The data folder; undefined keeps the database in memory (tests). */
  dataDir?: string;
  /** A dumped data folder to start from instead of running initdb. */
  template?: Blob;
}

/** Opens PGlite in the calling thread: the PGlite worker uses it, and so does the main thread when the worker is off. */
export async function openEngineInThread(options: EngineOptions): Promise<PGliteEngine> {
  const pglite = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.template,
    parsers: pgliteParsers,
  });
  return {
    run: (sql, parameters) => runStatement(pglite, sql, parameters),
    dumpDataDir: () => pglite.dumpDataDir('none'),
    close: async () => {
      if (!pglite.closed) await pglite.close();
    },
  };
}

async function runStatement(
  pglite: PGlite,
  sql: string,
  parameters: readonly unknown[],
): Promise<StatementResult> {
  // Without parameters use the simple protocol, as node-postgres does, so a migration may hold several statements.
  const result =
    parameters.length === 0
      ? (await pglite.exec(sql)).at(-1)
      : await pglite.query(sql, parameters as unknown[]);
  if (!result) return { rows: [] };
  return { rows: result.rows, affectedRows: result.affectedRows };
}
