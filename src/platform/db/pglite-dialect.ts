import {
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import { databaseRestarting, type PGliteEngine } from './pglite-engine.ts';

/**
 * Kysely dialect for the embedded PGlite database, which runs in a worker thread or in this one (pglite-engine.ts).
 * PGlite has a single connection, so the driver hands it out to one holder at a time: a transaction keeps it
 * until commit/rollback and other queries wait, which gives the same isolation the server would. With the worker,
 * waiting costs the event loop nothing: only the holder's statements travel to the worker, in order.
 */
export class PGliteDialect implements Dialect {
  /** How many times a holder took the connection: a query outside a transaction, or a whole transaction. */
  turns = 0;
  constructor(private readonly engine: PGliteEngine) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.engine, () => this.turns++);
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

class PGliteDriver implements Driver {
  private readonly connection: PGliteConnection;
  private queue: Promise<void> = Promise.resolve();
  private release: (() => void) | undefined;

  constructor(
    engine: PGliteEngine,
    private readonly onTurn: () => void,
  ) {
    this.connection = new PGliteConnection(engine);
  }
  async init() {}
  async acquireConnection(): Promise<DatabaseConnection> {
    const previous = this.queue;
    let release: () => void = () => {};
    this.queue = new Promise<void>((resolve) => {
      release = resolve;
    });
    await previous;
    this.release = release;
    this.onTurn();
    return this.connection;
  }
  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    this.connection.beganIn = this.connection.generation();
    await connection.executeQuery({ sql: `begin${isolation}`, parameters: [] } as unknown as CompiledQuery);
  }
  async commitTransaction(connection: DatabaseConnection) {
    try {
      await connection.executeQuery({ sql: 'commit', parameters: [] } as unknown as CompiledQuery);
    } finally {
      this.connection.beganIn = undefined;
    }
  }
  async rollbackTransaction(connection: DatabaseConnection) {
    // The transaction died with a crashed worker: the restarted one has none to roll back.
    if (this.connection.beganIn !== this.connection.generation()) {
      this.connection.beganIn = undefined;
      return;
    }
    try {
      await connection.executeQuery({ sql: 'rollback', parameters: [] } as unknown as CompiledQuery);
    } finally {
      this.connection.beganIn = undefined;
    }
  }
  async releaseConnection() {
    const release = this.release;
    this.release = undefined;
    release?.();
  }
  async destroy() {}
}

class PGliteConnection implements DatabaseConnection {
  /** The engine's generation when the open transaction began; undefined outside a transaction. */
  beganIn: number | undefined;
  constructor(private readonly engine: PGliteEngine) {}
  generation(): number {
    return this.engine.generation?.() ?? 0;
  }
  async executeQuery<R>(compiled: CompiledQuery): Promise<QueryResult<R>> {
    // A transaction begun in a worker that crashed must not go on, statement by statement, in the restarted one
    // (each would commit on its own): it fails as the statements in flight did.
    if (this.beganIn !== undefined && this.beganIn !== this.generation()) throw databaseRestarting();
    const result = await this.engine.run(compiled.sql, compiled.parameters);
    const affected = result.affectedRows;
    return {
      rows: result.rows as R[],
      numAffectedRows: affected === undefined ? undefined : BigInt(affected),
    };
  }
  // biome-ignore lint/correctness/useYield: PGlite has no cursors over this API; streaming is not offered.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect does not support streaming');
  }
}
