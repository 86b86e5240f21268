import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#contracts/common.ts';
import { notificationListQuery, notificationListSchema } from '#contracts/notifications.ts';
import { notFound } from '../errors.ts';
import { ctxOf } from '../http/request-context.ts';

const tags = ['notifications'];

/** The signed-in user's own notifications: listing them and marking them read. */
export const notificationRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/notifications',
    {
      schema: {
        tags,
        querystring: notificationListQuery,
        response: { 200: notificationListSchema },
      },
    },
    async (req) => {
      const ctx = ctxOf(req);
      let query = ctx.db.selectFrom('notifications').selectAll().where('user_id', '=', ctx.actor.userId);
      if (req.query.unread) query = query.where('read_at', 'is', null);
      const rows = await query.orderBy('created_at', 'desc').limit(50).execute();
      const unread = await ctx.db
        .selectFrom('notifications')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', ctx.actor.userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow();
      return {
        unread: Number(unread.n),
        items: rows.map((r) => ({
          id: r.id,
          kind: r.kind,
          title: r.title,
          body: r.body,
          link: r.link,
          createdAt: r.created_at.toISOString(),
          readAt: r.read_at?.toISOString() ?? null,
        })),
      };
    },
  );
  api.post(
    '/notifications/:id/read',
    { schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      const res = await ctx.db
        .updateTable('notifications')
        .set({ read_at: new Date() })
        .where('id', '=', req.params.id)
        .where('user_id', '=', ctx.actor.userId)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw notFound('thông báo');
      return reply.status(204).send(null);
    },
  );
  api.post(
    '/notifications/read-all',
    { schema: { tags, response: { 204: z.null() } } },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await ctx.db
        .updateTable('notifications')
        .set({ read_at: new Date() })
        .where('user_id', '=', ctx.actor.userId)
        .where('read_at', 'is', null)
        .execute();
      return reply.status(204).send(null);
    },
  );
};
