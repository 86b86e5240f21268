import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { setQuotasBody, staffingQuery, staffingTableSchema } from '#contracts/staffing.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { setStaffingQuotas, staffingTable } from './service.ts';

const tags = ['staffing'];

export const staffingRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/staffing',
    { schema: { tags, querystring: staffingQuery, response: { 200: staffingTableSchema } } },
    (req) => staffingTable(ctxOf(req), req.query.unitId, req.query.schoolYear),
  );
  api.put(
    '/staffing/quotas',
    { schema: { tags, body: setQuotasBody, response: { 200: staffingTableSchema } } },
    (req) => setStaffingQuotas(ctxOf(req), req.body),
  );
};
