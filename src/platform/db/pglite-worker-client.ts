import { Worker } from 'node:worker_threads';
import {
  databaseRestarting,
  type EngineHealth,
  type EngineOptions,
  type PGliteEngine,
  type StatementResult,
} from './pglite-engine.ts';
import type { PlainError, WorkerReply, WorkerRequest, WorkerStart } from './pglite-worker.ts';

const WORKER_URL = new URL('./pglite-worker.mjs', import.meta.url);

type Pending = {
  resolve: (value: StatementResult | ArrayBuffer | null) => void;
  reject: (error: Error) => void;
};
/** A request as the caller writes it; the client numbers it. */
type Outgoing = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** Rebuilds an Error the worker sent, with its PostgreSQL fields, so constraint-errors.ts and callers see them. */
function fromPlainError(plain: PlainError): Error {
  const { message, name, stack, ...fields } = plain;
  const error = Object.assign(new Error(message), fields);
  if (typeof name === 'string') error.name = name;
  if (typeof stack === 'string') error.stack = `${stack}\n    (in the PGlite worker thread)`;
  return error;
}

/** What the platform is told when the worker thread ends unexpectedly and when it serves again. */
export interface WorkerEvents {
  exited?(info: { code: number; inFlight: number; error?: Error }): void;
  restarted?(info: { restarts: number; ms: number }): void;
  restartFailed?(info: { error: Error }): void;
}

/** The engine in a worker thread, with what the health endpoint and the crash test need. */
export interface WorkerEngine extends PGliteEngine {
  /** Ends the worker thread as a crash would (tests: the restart path). */
  terminateWorker(): Promise<void>;
  health(): EngineHealth;
}

/** One worker thread running PGlite on the data folder, started and ready. */
async function startWorker(dataDir: string | undefined, template: ArrayBuffer | undefined): Promise<Worker> {
  const worker = new Worker(WORKER_URL, {
    workerData: { dataDir, template } satisfies WorkerStart,
    transferList: template ? [template] : [],
  });
  await new Promise<void>((resolve, reject) => {
    const onStartError = (error: Error) => reject(error);
    const onStartExit = (code: number) =>
      reject(new Error(`PGlite worker exited with code ${code} while starting`));
    worker.once('error', onStartError);
    worker.once('exit', onStartExit);
    worker.once('message', (reply: WorkerReply) => {
      worker.off('error', onStartError);
      worker.off('exit', onStartExit);
      if ('id' in reply) return;
      if (reply.kind === 'ready') resolve();
      else {
        void worker.terminate();
        reject(fromPlainError(reply.error));
      }
    });
  });
  return worker;
}

const RESTART_ATTEMPTS = 5;
const RESTART_PAUSE_MS = 500;

/**
 * Opens PGlite in a worker thread and returns an engine whose statements are messages to it. The worker is
 * unref'd while nothing is asked of it, so an unclosed test database cannot keep a process alive, and ref'd while a
 * statement is in flight, so a command awaiting its result is not cut short.
 *
 * A worker that ends without being closed (out of memory, an exception in the engine, a terminate) is a crash: the
 * statements in flight fail with `databaseRestarting` (503), the generation moves on (the dialect refuses to go on
 * with a transaction begun in the dead worker), and a new worker opens the same data folder, where PGlite replays
 * its WAL: what was committed is there, what was not is gone. Statements sent meanwhile wait for it. The process
 * keeps its data-folder lock (data-lock.ts), which belongs to the process, not to the thread. An in-memory database
 * has nothing to reopen: it stays failed.
 */
export async function openEngineInWorker(
  options: EngineOptions,
  events: WorkerEvents = {},
): Promise<WorkerEngine> {
  const template = options.template ? await options.template.arrayBuffer() : undefined;
  let worker = await startWorker(options.dataDir, template);
  let pending = new Map<number, Pending>();
  let nextId = 1;
  let broken: Error | undefined;
  let closing = false;
  let restarting: Promise<void> | undefined;
  let generation = 0;
  const health: EngineHealth = { restarts: 0, lastRestartAt: null, lastExitCode: null, state: 'ok' };

  const attach = (current: Worker) => {
    const mine = pending;
    current.on('message', (reply: WorkerReply) => {
      if (!('id' in reply)) return;
      const waiting = mine.get(reply.id);
      mine.delete(reply.id);
      if (mine.size === 0) current.unref();
      if (!waiting) return;
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(fromPlainError(reply.error));
    });
    let lastError: Error | undefined;
    current.on('error', (error) => {
      lastError = error;
    });
    current.on('exit', (code) => {
      if (closing) {
        broken ??= new Error('PGlite is closed');
        for (const waiting of mine.values()) waiting.reject(broken);
        mine.clear();
        return;
      }
      crashed(code, mine, lastError);
    });
    current.unref();
  };

  const crashed = (code: number, lost: Map<number, Pending>, error: Error | undefined) => {
    generation++;
    health.lastExitCode = code;
    events.exited?.({ code, inFlight: lost.size, error });
    for (const waiting of lost.values()) waiting.reject(databaseRestarting());
    lost.clear();
    if (!options.dataDir) {
      broken = databaseRestarting();
      health.state = 'failed';
      return;
    }
    health.state = 'restarting';
    const began = performance.now();
    restarting = (async () => {
      for (let attempt = 1; ; attempt++) {
        try {
          const fresh = await startWorker(options.dataDir, undefined);
          if (closing) {
            await fresh.terminate();
            return;
          }
          pending = new Map();
          worker = fresh;
          attach(fresh);
          health.restarts++;
          health.lastRestartAt = new Date().toISOString();
          health.state = 'ok';
          events.restarted?.({ restarts: health.restarts, ms: performance.now() - began });
          return;
        } catch (error) {
          if (attempt >= RESTART_ATTEMPTS) {
            broken = databaseRestarting();
            health.state = 'failed';
            events.restartFailed?.({ error: error as Error });
            return;
          }
          await new Promise((resolve) => setTimeout(resolve, RESTART_PAUSE_MS * attempt));
        }
      }
    })().finally(() => {
      restarting = undefined;
    });
  };
  attach(worker);

  const send = async (request: Outgoing): Promise<StatementResult | ArrayBuffer | null> => {
    if (restarting) await restarting;
    if (broken) throw broken;
    const id = nextId++;
    const current = worker;
    const waitingOn = pending;
    return new Promise((resolve, reject) => {
      try {
        current.postMessage({ ...request, id } as WorkerRequest);
      } catch (error) {
        reject(error as Error); // a parameter structured clone cannot carry
        return;
      }
      waitingOn.set(id, { resolve, reject });
      if (waitingOn.size === 1) current.ref();
    });
  };

  let closed: Promise<void> | undefined;
  return {
    run: async (sql, parameters) => (await send({ kind: 'run', sql, parameters })) as StatementResult,
    dumpDataDir: async () => new Blob([(await send({ kind: 'dump' })) as ArrayBuffer]),
    generation: () => generation,
    health: () => ({ ...health }),
    terminateWorker: async () => {
      await worker.terminate();
    },
    close: () => {
      closed ??= (async () => {
        try {
          if (restarting) await restarting;
          // From here the worker's end is no crash.
          closing = true;
          if (!broken) await send({ kind: 'close' });
        } finally {
          closing = true;
          broken ??= new Error('PGlite is closed');
          await worker.terminate();
        }
      })();
      return closed;
    },
  };
}
