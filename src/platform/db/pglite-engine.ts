import { PGlite } from '@electric-sql/pglite';
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
