import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#contracts/common.ts';
import {
  createUnitBody,
  listUnitsQuery,
  mergeUnitBody,
  moveUnitBody,
  unitDetailSchema,
  unitHistorySchema,
  unitKindSchema,
  unitSchema,
  updateUnitBody,
} from '#contracts/units.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import * as units from './service.ts';

const tags = ['units'];

export const unitRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/units',
    { schema: { tags, querystring: listUnitsQuery, response: { 200: z.array(unitSchema) } } },
    (req) => units.listUnits(ctxOf(req), req.query),
  );
  api.get('/unit-kinds', { schema: { tags, response: { 200: z.array(unitKindSchema) } } }, (req) =>
    units.listUnitKinds(ctxOf(req)),
  );
  api.get('/units/:id', { schema: { tags, params: idParams, response: { 200: unitDetailSchema } } }, (req) =>
    units.getUnit(ctxOf(req), req.params.id),
  );
  api.get(
    '/units/:id/history',
    { schema: { tags, params: idParams, response: { 200: unitHistorySchema } } },
    (req) => units.unitHistory(ctxOf(req), req.params.id),
  );
  api.post(
    '/units',
    { schema: { tags, body: createUnitBody, response: { 201: unitSchema } } },
    async (req, reply) => reply.status(201).send(await units.createUnit(ctxOf(req), req.body)),
  );
  api.patch(
    '/units/:id',
    { schema: { tags, params: idParams, body: updateUnitBody, response: { 200: unitSchema } } },
    (req) => units.updateUnit(ctxOf(req), req.params.id, req.body),
  );
  api.post(
    '/units/:id/move',
    { schema: { tags, params: idParams, body: moveUnitBody, response: { 200: unitSchema } } },
    (req) => units.moveUnit(ctxOf(req), req.params.id, req.body),
  );
  api.post(
    '/units/:id/merge',
    { schema: { tags, params: idParams, body: mergeUnitBody, response: { 200: unitSchema } } },
    (req) => units.mergeUnit(ctxOf(req), req.params.id, req.body),
  );
};
