import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { loadAssignments } from '../auth/sessions.ts';
import type { ServiceContext } from '../context.ts';
import type { DB } from '../db/schema.ts';

export interface JobProgress {
  /** Reports progress; writes are throttled so a tight loop does not flood the database. */
  report(done: number, total: number, message?: string): Promise<void>;
}

/** A job handler runs as the user who queued it, so its writes are authorised and audited as theirs. */
export type JobHandler = (ctx: ServiceContext, payload: unknown, progress: JobProgress) => Promise<unknown>;

export interface QueuedJob {
  id: string;
  unit_id: string;
  kind: string;
  payload: unknown;
  created_by: string | null;
}

const REPORT_EVERY_MS = 250;
const DAY_MS = 24 * 60 * 60 * 1000;

/** What this process knows of its running job without asking the database. */
export interface LiveJob {
  unitId: string;
  kind: string;
  createdBy: string | null;
  startedAt: Date;
  done: number;
  total: number;
  message: string | null;
}

/**
 * Heavy or batch work (imports, year close, PDF batches) runs here, outside the request, `workers` jobs at a time
 * (one on the embedded database, which has a single connection; several on PostgreSQL, where schools of a province
 * closing their year at once should not queue behind each other). State and progress live in the jobs table so the
 * user can watch them and a restart can report them.
 */
export class JobRunner {
  private readonly handlers = new Map<string, JobHandler>();
  /** The running drain loops, at most `workers`. */
  private readonly loops = new Set<Promise<void>>();
  private stopped = false;
  /** Live progress of the running job, readable while its transaction holds the embedded database. */
  private readonly live = new Map<string, LiveJob>();
  private progressWrites: Promise<void> = Promise.resolve();
  /** Job kinds queued once a day by startDaily (the manifests' `dailyJobs`). */
  private readonly dailyKinds = new Set<string>();
  private dailyTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: Logger,
    private readonly workers = 1,
  ) {}

  register(kind: string, handler: JobHandler): void {
    this.handlers.set(kind, handler);
  }

  registerDaily(kind: string): void {
    if (!this.handlers.has(kind)) throw new Error(`No handler for daily job kind ${kind}`);
    this.dailyKinds.add(kind);
  }

  /**
   * Queues the daily jobs now and then every `everyMs`. Only the server process calls this (cli start): tests and
   * other CLI commands build a runner without a schedule. The timer does not keep the process alive.
   */
  startDaily(everyMs = DAY_MS): void {
    if (this.dailyTimer || this.dailyKinds.size === 0) return;
    const queue = () => {
      this.queueDaily().catch((error: unknown) => this.log.warn({ err: error }, 'daily jobs not queued'));
    };
    queue();
    this.dailyTimer = setInterval(queue, everyMs);
    this.dailyTimer.unref();
  }

  /**
   * Queues each daily kind as the system (no user) on the root unit, unless one is already waiting or running (a
   * server that was down for days runs it once). Exported for tests; returns the ids queued.
   */
  async queueDaily(): Promise<string[]> {
    const root = await this.db
      .selectFrom('units')
      .select('id')
      .where('parent_id', 'is', null)
      .orderBy('created_at')
      .limit(1)
      .executeTakeFirst();
    if (!root) return [];
    const queued: string[] = [];
    for (const kind of this.dailyKinds) {
      const pending = await this.db
        .selectFrom('jobs')
        .select('id')
        // scope: the platform's own housekeeping jobs, whichever unit they were queued on.
        .where('kind', '=', kind)
        .where('status', 'in', ['queued', 'running'])
        .executeTakeFirst();
      if (pending) continue;
      const row = await this.db
        .insertInto('jobs')
        .values({ unit_id: root.id, kind, payload: JSON.stringify(null), created_by: null })
        .returning('id')
        .executeTakeFirstOrThrow();
      queued.push(row.id);
    }
    this.kick();
    return queued;
  }

  /** Marks jobs that were running when the process stopped as failed: their transaction was rolled back. */
  async recover(): Promise<void> {
    await this.db
      .updateTable('jobs')
      .set({
        status: 'failed',
        finished_at: new Date(),
        error: JSON.stringify({
          message: 'Máy chủ khởi động lại khi tác vụ đang chạy; không có thay đổi nào được lưu.',
        }),
      })
      .where('status', '=', 'running')
      .execute();
    this.kick();
  }

  async enqueue(
    ctx: ServiceContext,
    job: { unitId: string; kind: string; payload: unknown },
  ): Promise<string> {
    if (!this.handlers.has(job.kind)) throw new Error(`No handler for job kind ${job.kind}`);
    const row = await ctx.db
      .insertInto('jobs')
      .values({
        unit_id: job.unitId,
        kind: job.kind,
        payload: JSON.stringify(job.payload ?? null),
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // A job queued inside a transaction must not start before that transaction commits.
    if (!ctx.db.isTransaction) this.kick();
    return row.id;
  }

  /** Starts working through queued jobs, with as many loops as there are workers. */
  kick(): void {
    if (this.stopped) return;
    while (this.loops.size < Math.max(1, this.workers)) {
      const loop: Promise<void> = this.drain().finally(() => this.loops.delete(loop));
      this.loops.add(loop);
    }
  }

  /** Resolves when the queue is empty (tests and CLI commands wait on this). */
  async idle(): Promise<void> {
    while (this.loops.size > 0) await Promise.all(this.loops);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.dailyTimer);
    await this.idle();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const job = await this.db
        .selectFrom('jobs')
        .select(['id', 'unit_id', 'kind', 'payload', 'created_by'])
        .where('status', '=', 'queued')
        .orderBy('created_at')
        .limit(1)
        .executeTakeFirst();
      if (!job || this.stopped) return;
      await this.run(job);
    }
  }

  private async run(job: QueuedJob): Promise<void> {
    const claimed = await this.db
      .updateTable('jobs')
      .set({ status: 'running', started_at: new Date() })
      .where('id', '=', job.id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) return;
    const log = this.log.child({ jobId: job.id, kind: job.kind });
    try {
      const handler = this.handlers.get(job.kind);
      if (!handler) throw new Error(`No handler for job kind ${job.kind}`);
      const ctx = await this.contextOf(job, log);
      this.live.set(job.id, {
        unitId: job.unit_id,
        kind: job.kind,
        createdBy: job.created_by,
        startedAt: new Date(),
        done: 0,
        total: 0,
        message: null,
      });
      const result = await handler(ctx, job.payload, this.progressOf(job.id));
      await this.finish(job.id, 'succeeded', { result: JSON.stringify(result ?? null) });
      log.info('job succeeded');
    } catch (error) {
      log.error({ err: error }, 'job failed');
      await this.finish(job.id, 'failed', { error: JSON.stringify(describeFailure(error)) });
    }
  }

  private async contextOf(job: QueuedJob, log: Logger): Promise<ServiceContext> {
    const user = job.created_by
      ? await this.db
          .selectFrom('users')
          .select(['id', 'username', 'full_name'])
          .where('id', '=', job.created_by)
          .executeTakeFirst()
      : undefined;
    return {
      db: this.db,
      log,
      actor: {
        userId: user?.id ?? '',
        username: user?.username ?? 'system',
        fullName: user?.full_name ?? 'Hệ thống',
        mustChangePassword: false,
        assignments: user ? await loadAssignments(this.db, user.id) : [],
      },
    };
  }

  /** A job running in this process, if any: answerable while its transaction holds the embedded database. */
  liveJob(jobId: string): LiveJob | undefined {
    return this.live.get(jobId);
  }

  private progressOf(jobId: string): JobProgress {
    let last = 0;
    return {
      report: async (done, total, message) => {
        const live = this.live.get(jobId);
        if (live) Object.assign(live, { done, total, message: message ?? null });
        const now = Date.now();
        if (now - last < REPORT_EVERY_MS && done < total) return;
        last = now;
        // Not awaited: inside a job's transaction the embedded database has one connection, so the write
        // waits for the commit. Writes are chained to land in order, before the job's final state.
        this.progressWrites = this.progressWrites.then(() =>
          this.db
            .updateTable('jobs')
            .set({ progress_done: done, progress_total: total, message: message ?? null })
            .where('id', '=', jobId)
            .execute()
            .then(
              () => undefined,
              (error: unknown) => this.log.warn({ err: error, jobId }, 'progress write failed'),
            ),
        );
      },
    };
  }

  private async finish(
    jobId: string,
    status: 'succeeded' | 'failed',
    fields: { result?: string; error?: string },
  ) {
    await this.progressWrites;
    this.live.delete(jobId);
    await this.db
      .updateTable('jobs')
      .set({ status, finished_at: new Date(), ...fields })
      .where('id', '=', jobId)
      .execute();
  }
}

function describeFailure(error: unknown): { code: string; message: string; details?: unknown } {
  const e = error as { code?: string; message?: string; details?: unknown; name?: string };
  if (e?.name === 'AppError') return { code: String(e.code), message: String(e.message), details: e.details };
  return { code: 'internal', message: 'Tác vụ gặp lỗi hệ thống; không có thay đổi nào được lưu.' };
}
