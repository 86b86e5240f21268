import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, XLSX_MIME, xlsxFileResponse } from '#contracts/common.ts';
import {
  createUnitBody,
  listUnitsQuery,
  mergePreviewQuery,
  mergeUnitBody,
  movePreviewQuery,
  moveUnitBody,
  reorganisationPreviewSchema,
  unitDetailSchema,
  unitHistorySchema,
  unitKindSchema,
  unitReorganisationsSchema,
  unitSchema,
  updateUnitBody,
} from '#contracts/units.ts';
import { sendFile } from '../../platform/http/downloads.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { mergePreviewXlsx } from './preview-xlsx.ts';
import * as reorganise from './reorganise.ts';
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
  api.get(
    '/units/:id/reorganisations',
    { schema: { tags, params: idParams, response: { 200: unitReorganisationsSchema } } },
    (req) => reorganise.unitReorganisations(ctxOf(req), req.params.id),
  );
  api.get(
    '/units/:id/move-preview',
    {
      schema: {
        tags,
        params: idParams,
        querystring: movePreviewQuery,
        response: { 200: reorganisationPreviewSchema },
      },
    },
    (req) => reorganise.previewMove(ctxOf(req), req.params.id, req.query.parentId),
  );
  api.post(
    '/units/:id/move',
    { schema: { tags, params: idParams, body: moveUnitBody, response: { 200: unitSchema } } },
    (req) => reorganise.moveUnit(ctxOf(req), req.params.id, req.body),
  );
  api.get(
    '/units/:id/merge-preview',
    {
      schema: {
        tags,
        params: idParams,
        querystring: mergePreviewQuery,
        response: { 200: reorganisationPreviewSchema },
      },
    },
    (req) => reorganise.previewMerge(ctxOf(req), req.params.id, req.query.intoUnitId),
  );
  api.get(
    '/units/:id/merge-preview.xlsx',
    {
      schema: {
        tags,
        params: idParams,
        querystring: mergePreviewQuery,
        response: { 200: xlsxFileResponse },
      },
    },
    async (req, reply) =>
      sendFile(reply, await mergePreviewXlsx(ctxOf(req), req.params.id, req.query.intoUnitId), XLSX_MIME),
  );
  api.post(
    '/units/:id/merge',
    { schema: { tags, params: idParams, body: mergeUnitBody, response: { 200: unitSchema } } },
    (req) => reorganise.mergeUnit(ctxOf(req), req.params.id, req.body),
  );
};
