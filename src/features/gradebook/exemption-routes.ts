import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { noContent } from '#contracts/common.ts';
import {
  exemptionBody,
  exemptionListQuery,
  exemptionListSchema,
  exemptionParams,
  exemptionSchema,
} from '#contracts/exemptions.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { listExemptions, recordExemption, withdrawExemption } from './exemptions.ts';

const tags = ['gradebook'];
const studentParams = z.object({ studentId: z.uuid() });

/** TT22 Điều 10: the principal's exemptions from the practical part of GDTC / GDQP-AN, per student. */
export const exemptionRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/gradebook/students/:studentId/exemptions',
    {
      schema: {
        tags,
        params: studentParams,
        querystring: exemptionListQuery,
        response: { 200: exemptionListSchema },
      },
    },
    (req) => listExemptions(ctxOf(req), req.params.studentId, req.query.schoolYear),
  );
  api.post(
    '/gradebook/students/:studentId/exemptions',
    { schema: { tags, params: studentParams, body: exemptionBody, response: { 201: exemptionSchema } } },
    async (req, reply) =>
      reply.status(201).send(await recordExemption(ctxOf(req), req.params.studentId, req.body)),
  );
  api.delete(
    '/gradebook/students/:studentId/exemptions/:exemptionId',
    { schema: { tags, params: exemptionParams, response: { 204: noContent } } },
    async (req, reply) => {
      await withdrawExemption(ctxOf(req), req.params.studentId, req.params.exemptionId);
      return reply.status(204).send(null);
    },
  );
};
