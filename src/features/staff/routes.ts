import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, noContent } from '#contracts/common.ts';
import {
  createStaffBody,
  listStaffQuery,
  staffPageSchema,
  staffSchema,
  updateStaffBody,
} from '#contracts/staff.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import * as staff from './service.ts';

const tags = ['staff'];

export const staffRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/staff',
    { schema: { tags, querystring: listStaffQuery, response: { 200: staffPageSchema } } },
    (req) => staff.listStaff(ctxOf(req), req.query),
  );
  api.get('/staff/:id', { schema: { tags, params: idParams, response: { 200: staffSchema } } }, (req) =>
    staff.getStaff(ctxOf(req), req.params.id),
  );
  api.post(
    '/staff',
    { schema: { tags, body: createStaffBody, response: { 201: staffSchema } } },
    async (req, reply) => {
      const { unitId, ...input } = req.body;
      return reply.status(201).send(await staff.createStaff(ctxOf(req), unitId, input));
    },
  );
  api.patch(
    '/staff/:id',
    { schema: { tags, params: idParams, body: updateStaffBody, response: { 200: staffSchema } } },
    (req) => staff.updateStaff(ctxOf(req), req.params.id, req.body),
  );
  api.delete(
    '/staff/:id',
    { schema: { tags, params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await staff.deleteStaff(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
