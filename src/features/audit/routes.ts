import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditPageSchema, auditQuery, dataAccessPageSchema, dataAccessQuery } from '#contracts/audit.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { listAuditLog, listDataAccessLog } from './service.ts';

const tags = ['audit'];

export const auditRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/audit',
    { schema: { tags, querystring: auditQuery, response: { 200: auditPageSchema } } },
    (req) => listAuditLog(ctxOf(req), req.query),
  );
  api.get(
    '/audit/data-access',
    { schema: { tags, querystring: dataAccessQuery, response: { 200: dataAccessPageSchema } } },
    (req) => listDataAccessLog(ctxOf(req), req.query),
  );
};
