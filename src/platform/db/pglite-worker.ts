import { parentPort, workerData } from 'node:worker_threads';
import { openEngineInThread, type PGliteEngine, type StatementResult } from './pglite-engine.ts';

/**
 * The PGlite worker thread (started by pglite-worker-client.ts through pglite-worker.mjs): it owns the embedded
 * database, so the WASM engine's CPU time is spent here and the HTTP thread's event loop stays free to accept
 * connections and answer requests that do not need the database. Values are normalised here by the same parsers as
 * on the main thread (value-parsers.ts) and arrive by structured clone (numbers, strings, Date, Uint8Array kept).
 */

export interface WorkerStart {
  dataDir?: string;
  /** A dumped data folder (transferred, not copied). */
  template?: ArrayBuffer;
}

export type WorkerRequest =
  | { id: number; kind: 'run'; sql: string; parameters: readonly unknown[] }
  | { id: number; kind: 'dump' }
  | { id: number; kind: 'close' };

/** An error as it crosses the thread boundary: message, name, stack and the PostgreSQL fields (code, constraint…). */
export type PlainError = Record<string, string | number | boolean | undefined> & { message: string };

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'failed'; error: PlainError }
  | { id: number; ok: true; result: StatementResult | ArrayBuffer | null }
  | { id: number; ok: false; error: PlainError };

/** Keeps the fields constraint-errors.ts and the logs read; drops anything structured clone could not carry. */
export function toPlainError(error: unknown): PlainError {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields: PlainError = { message: error.message, name: error.name, stack: error.stack };
  for (const [key, value] of Object.entries(error)) {
    if (['string', 'number', 'boolean'].includes(typeof value))
      fields[key] = value as string | number | boolean;
  }
  return fields;
}

async function handle(engine: PGliteEngine, request: WorkerRequest): Promise<WorkerReply> {
  try {
    if (request.kind === 'run') {
      return { id: request.id, ok: true, result: await engine.run(request.sql, request.parameters) };
    }
    if (request.kind === 'dump') {
      return { id: request.id, ok: true, result: await (await engine.dumpDataDir()).arrayBuffer() };
    }
    await engine.close();
    return { id: request.id, ok: true, result: null };
  } catch (error) {
    return { id: request.id, ok: false, error: toPlainError(error) };
  }
}

const port = parentPort;
if (port) {
  const start = workerData as WorkerStart;
  try {
    const engine = await openEngineInThread({
      dataDir: start.dataDir,
      template: start.template ? new Blob([start.template]) : undefined,
    });
    port.on('message', async (request: WorkerRequest) => {
      const reply = await handle(engine, request);
      const transfer = 'result' in reply && reply.result instanceof ArrayBuffer ? [reply.result] : [];
      try {
        port.postMessage(reply, transfer);
      } catch (error) {
        // A value structured clone cannot carry: the statement fails, the worker stays.
        port.postMessage({ id: request.id, ok: false, error: toPlainError(error) } satisfies WorkerReply);
      }
      // After close nothing is left to run: let the thread end.
      if (request.kind === 'close') port.close();
    });
    port.postMessage({ kind: 'ready' } satisfies WorkerReply);
  } catch (error) {
    port.postMessage({ kind: 'failed', error: toPlainError(error) } satisfies WorkerReply);
  }
}
