import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '#contracts/common.ts';
import { type Job, jobListQuery, jobListSchema, jobSchema } from '#contracts/jobs.ts';
import { requireUnitAccess } from '../authz/access.ts';
import { can } from '../authz/actor.ts';
import type { ServiceContext } from '../context.ts';
import type { Row } from '../db/schema.ts';
import { forbidden, notFound } from '../errors.ts';
import { ctxOf } from '../http/request-context.ts';
import type { JobRunner, LiveJob } from './runner.ts';

const tags = ['jobs'];

export const jobRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/jobs/:id', { schema: { tags, params: idParams, response: { 200: jobSchema } } }, (req) =>
    getJob(ctxOf(req), app.jobs, req.params.id),
  );
  api.get(
    '/jobs',
    { schema: { tags, querystring: jobListQuery, response: { 200: jobListSchema } } },
    async (req) => {
      const ctx = ctxOf(req);
      await requireUnitAccess(ctx, 'jobs.read', req.query.unitId);
      const rows = await ctx.db
        .selectFrom('jobs')
        .selectAll()
        .where('unit_id', '=', req.query.unitId)
        .orderBy('created_at', 'desc')
        .limit(50)
        .execute();
      return rows.map((r) => toJob(r, app.jobs));
    },
  );
};

/** The creator of a job may always follow it; others need jobs.read on its unit. */
export async function getJob(ctx: ServiceContext, runner: JobRunner, id: string): Promise<Job> {
  const live = runner.liveJob(id);
  // The creator following a running job is answered from memory: on the embedded database the job's transaction
  // holds the only connection until it commits, and the progress bar must still move.
  if (live && live.createdBy === ctx.actor.userId) return runningJob(id, live);
  const row = await ctx.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('tác vụ');
  if (row.created_by !== ctx.actor.userId) {
    const unit = await ctx.db
      .selectFrom('units')
      .select(['id', 'path'])
      .where('id', '=', row.unit_id)
      .executeTakeFirstOrThrow();
    if (!can(ctx.actor, 'jobs.read', unit)) throw forbidden();
  }
  return toJob(row, runner, live);
}

function runningJob(id: string, live: LiveJob): Job {
  return {
    id,
    unitId: live.unitId,
    kind: live.kind,
    status: 'running',
    progressDone: live.done,
    progressTotal: live.total,
    message: live.message,
    result: null,
    error: null,
    createdAt: live.startedAt.toISOString(),
    finishedAt: null,
  };
}

function toJob(row: Row<'jobs'>, runner: JobRunner, live = runner.liveJob(row.id)): Job {
  return {
    id: row.id,
    unitId: row.unit_id,
    kind: row.kind,
    status: row.status,
    progressDone: live?.done ?? row.progress_done,
    progressTotal: live?.total ?? row.progress_total,
    message: live?.message ?? row.message,
    result: row.result,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
  };
}
