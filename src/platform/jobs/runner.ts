import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { loadAssignments } from '../auth/sessions.ts';
import type { ServiceContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { publishEvents } from '../notifications/publish.ts';
import { type Claim, claimJob, finishOwnedJob, newRunnerId, renewLeases, takeOverExpired } from './leases.ts';

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

/** Words for the job kinds users queue, in the notification that a job ended. */
const JOB_KIND_VI: Record<string, string> = {
  'results.close': 'khoá sổ, tính kết quả',
  'imports.commit': 'nhập dữ liệu từ Excel',
  'results.rollover': 'chuyển sang năm học mới',
  'transcripts.class_pdf': 'in học bạ của lớp',
};
const DAY_MS = 24 * 60 * 60 * 1000;

export interface JobRunnerOptions {
  /** How long a claim holds without a heartbeat before another runner may take the job over (default 30 s). */
  leaseMs?: number;
  /** How often the lease of running jobs is renewed (default a third of the lease). */
  heartbeatMs?: number;
  /** How often, once `recover` has run, jobs with a passed lease are looked for (default half the lease). */
  sweepMs?: number;
  /** Claims a retryable job gets in all before an interruption fails it (default 3). */
  maxAttempts?: number;
}

export interface JobKindOptions {
  /**
   * Run the job again, from the start, when its runner vanished mid-way, instead of failing it. Only for jobs that
   * may run twice (their transaction rolled back, and nothing outside the database was done that must not repeat).
   */
  retryable?: boolean;
}

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
 *
 * Several web processes may share one PostgreSQL database, each with its runner: a job belongs to the runner that
 * claimed it while that runner's heartbeat renews its lease, and only a job whose lease has passed is taken over
 * (see leases.ts). The job's own final write is the truth; it is made only while the runner still owns the job.
 */
export class JobRunner {
  /** host/pid/uuid, written to the jobs this runner claims. */
  readonly id = newRunnerId();
  private readonly handlers = new Map<string, JobHandler>();
  private readonly retryableKinds = new Set<string>();
  /** The running drain loops, at most `workers`. */
  private readonly loops = new Set<Promise<void>>();
  private stopped = false;
  /** Live progress of the running job, readable while its transaction holds the embedded database. */
  private readonly live = new Map<string, LiveJob>();
  private progressWrites: Promise<void> = Promise.resolve();
  /** The claims of the jobs this runner is running, whose leases the heartbeat renews. */
  private readonly claims = new Map<string, Claim>();
  private heartbeat: NodeJS.Timeout | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  /** The heartbeat or sweep under way, if any: never two at once, so they do not pile up behind a long job. */
  private beating: Promise<void> | undefined;
  private sweeping: Promise<void> | undefined;
  private readonly log: Logger;
  private readonly leaseMs: number;
  private readonly heartbeatMs: number;
  private readonly sweepMs: number;
  private readonly maxAttempts: number;
  /** Job kinds queued once a day by startDaily (the manifests' `dailyJobs`). */
  private readonly dailyKinds = new Set<string>();
  private dailyTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    log: Logger,
    private readonly workers = 1,
    options: JobRunnerOptions = {},
  ) {
    this.log = log.child({ runnerId: this.id });
    this.leaseMs = options.leaseMs ?? 30_000;
    this.heartbeatMs = options.heartbeatMs ?? Math.round(this.leaseMs / 3);
    this.sweepMs = options.sweepMs ?? Math.round(this.leaseMs / 2);
    this.maxAttempts = options.maxAttempts ?? 3;
  }

  register(kind: string, handler: JobHandler, options: JobKindOptions = {}): void {
    this.handlers.set(kind, handler);
    if (options.retryable) this.retryableKinds.add(kind);
    else this.retryableKinds.delete(kind);
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

  /**
   * At start-up: takes over the jobs whose runner stopped renewing its lease (a process that crashed or was
   * restarted; their transaction was rolled back), starts the queue, and from then on looks again every `sweepMs`.
   * A job another live process is running keeps its lease and is not touched.
   */
  async recover(): Promise<void> {
    await this.sweep();
    if (!this.sweeper && !this.stopped) {
      this.sweeper = setInterval(() => void this.sweep(), this.sweepMs);
      this.sweeper.unref();
    }
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
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    await this.sweeping;
    // Running jobs finish, renewing their leases meanwhile.
    clearInterval(this.dailyTimer);
    await this.idle();
    await this.beating;
  }

  /** Takes over jobs with a passed lease, then runs whatever is queued (also jobs queued by a process now gone). */
  private sweep(): Promise<void> {
    this.sweeping ??= this.takeOver()
      .catch((error: unknown) => this.log.warn({ err: error }, 'job lease sweep failed'))
      .finally(() => {
        this.sweeping = undefined;
      });
    return this.sweeping.then(() => this.kick());
  }

  private async takeOver(): Promise<void> {
    const { requeued, failed } = await takeOverExpired(this.db, this.id, {
      retryableKinds: [...this.retryableKinds],
      maxAttempts: this.maxAttempts,
    });
    for (const job of requeued)
      this.log.warn(
        { jobId: job.id, kind: job.kind, lostBy: job.runner_id },
        'job lease expired; job re-queued',
      );
    for (const job of failed)
      this.log.warn(
        { jobId: job.id, kind: job.kind, lostBy: job.runner_id },
        'job lease expired; job marked failed as interrupted',
      );
  }

  /** Renews the leases of this runner's running jobs; a job found taken over is let go (its end is not written). */
  private renew(): void {
    if (this.beating || this.claims.size === 0) return;
    const ids = [...this.claims.keys()];
    this.beating = renewLeases(this.db, this.id, ids, this.leaseMs)
      .then((held) => {
        for (const id of ids) {
          if (held.has(id) || !this.claims.has(id)) continue;
          this.claims.delete(id);
          this.log.error({ jobId: id }, 'job lease lost: another runner took the job over while it ran');
        }
      })
      .catch((error: unknown) => this.log.warn({ err: error }, 'job lease renewal failed'))
      .finally(() => {
        this.beating = undefined;
      });
  }

  private hold(claim: Claim): void {
    this.claims.set(claim.jobId, claim);
    if (this.heartbeat) return;
    this.heartbeat = setInterval(() => this.renew(), this.heartbeatMs);
    this.heartbeat.unref();
  }

  private letGo(jobId: string): void {
    this.claims.delete(jobId);
    if (this.claims.size > 0) return;
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
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
    const claim = await claimJob(this.db, job.id, this.id, this.leaseMs);
    if (!claim) return;
    this.hold(claim);
    const log = this.log.child({ jobId: job.id, kind: job.kind, attempt: claim.attempt });
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
      const result = await handler(ctx, job.payload, this.progressOf(claim));
      await this.finish(claim, 'succeeded', { result: JSON.stringify(result ?? null) }, log);
      await this.announce(job, 'succeeded', log);
    } catch (error) {
      log.error({ err: error }, 'job failed');
      await this.finish(claim, 'failed', { error: JSON.stringify(describeFailure(error)) }, log);
      await this.announce(job, 'failed', log);
    }
  }

  /**
   * Tells the user who queued the job that it ended (bell, and e-mail/push as they chose): long jobs are left
   * running while the user does something else. Housekeeping jobs (no user) say nothing. Best effort: the job's
   * own state is already written.
   */
  private async announce(job: QueuedJob, status: 'succeeded' | 'failed', log: Logger) {
    if (!job.created_by) return;
    const title = status === 'succeeded' ? 'Tác vụ đã hoàn thành' : 'Tác vụ không thành công';
    await publishEvents(this.db, [
      {
        unitId: job.unit_id,
        kind: 'job_finished',
        dedupeKey: `${job.id}:${status}`,
        subjectId: job.id,
        title: `${title}: ${JOB_KIND_VI[job.kind] ?? job.kind}`,
        userIds: [job.created_by],
      },
    ]).catch((error: unknown) => log.warn({ err: error }, 'job end not announced'));
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

  private progressOf(claim: Claim): JobProgress {
    const { jobId } = claim;
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
            .where('runner_id', '=', claim.runnerId)
            .where('attempts', '=', claim.attempt)
            .where('status', '=', 'running')
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
    claim: Claim,
    status: 'succeeded' | 'failed',
    fields: { result?: string; error?: string },
    log: Logger,
  ) {
    await this.progressWrites;
    this.live.delete(claim.jobId);
    // Before the final write, so a heartbeat racing it does not report the finished job as taken over.
    this.letGo(claim.jobId);
    if (await finishOwnedJob(this.db, claim, status, fields)) {
      log.info(`job ${status}`);
      return;
    }
    // Its lease passed (a heartbeat starved for longer than the lease) and another runner failed or re-queued it.
    // If the handler committed, the row now says otherwise: the operator must know.
    log.error(
      { status, ...fields },
      'job finished after another runner took it over; its final state was not written',
    );
  }
}

function describeFailure(error: unknown): { code: string; message: string; details?: unknown } {
  const e = error as { code?: string; message?: string; details?: unknown; name?: string };
  if (e?.name === 'AppError') return { code: String(e.code), message: String(e.message), details: e.details };
  return { code: 'internal', message: 'Tác vụ gặp lỗi hệ thống; không có thay đổi nào được lưu.' };
}
