import { Worker } from 'node:worker_threads';
import type { EngineOptions, PGliteEngine, StatementResult } from './pglite-engine.ts';
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

/**
 * Opens PGlite in a worker thread and returns an engine whose statements are messages to it. The worker is
 * unref'd while nothing is asked of it, so an unclosed test database cannot keep a process alive, and ref'd while a
 * statement is in flight, so a command awaiting its result is not cut short.
 */
export async function openEngineInWorker(options: EngineOptions): Promise<PGliteEngine> {
  const template = options.template ? await options.template.arrayBuffer() : undefined;
  const worker = new Worker(WORKER_URL, {
    workerData: { dataDir: options.dataDir, template } satisfies WorkerStart,
    transferList: template ? [template] : [],
  });
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let broken: Error | undefined;

  const failAll = (error: Error) => {
    broken ??= error;
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };

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

  worker.on('message', (reply: WorkerReply) => {
    if (!('id' in reply)) return;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) worker.unref();
    if (!waiting) return;
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(fromPlainError(reply.error));
  });
  worker.on('error', (error) => failAll(error));
  worker.on('exit', (code) => failAll(new Error(`PGlite worker exited (code ${code})`)));
  worker.unref();

  const send = (request: Outgoing): Promise<StatementResult | ArrayBuffer | null> => {
    if (broken) return Promise.reject(broken);
    const id = nextId++;
    return new Promise((resolve, reject) => {
      try {
        worker.postMessage({ ...request, id } as WorkerRequest);
      } catch (error) {
        reject(error as Error); // a parameter structured clone cannot carry
        return;
      }
      pending.set(id, { resolve, reject });
      if (pending.size === 1) worker.ref();
    });
  };

  let closed: Promise<void> | undefined;
  return {
    run: async (sql, parameters) => (await send({ kind: 'run', sql, parameters })) as StatementResult,
    dumpDataDir: async () => new Blob([(await send({ kind: 'dump' })) as ArrayBuffer]),
    close: () => {
      closed ??= (async () => {
        try {
          if (!broken) await send({ kind: 'close' });
        } finally {
          broken ??= new Error('PGlite is closed');
          await worker.terminate();
        }
      })();
      return closed;
    },
  };
}
