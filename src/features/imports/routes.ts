import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { XLSX_MIME, xlsxFileResponse } from '#contracts/common.ts';
import {
  commitBody,
  commitResponse,
  importKindSchema,
  kindParams,
  previewParams,
  previewQuery,
  previewSchema,
  unitQuery,
} from '#contracts/imports.ts';
import { SPREADSHEET_UPLOAD_BYTES } from '../../platform/files/upload-limits.ts';
import { sendFile } from '../../platform/http/downloads.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import * as imports from './service.ts';

const tags = ['imports'];

/** Excel in and out: templates, preview, commit (a job), exports of the current lists. */
export const importRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get('/imports/kinds', { schema: { tags, response: { 200: z.array(importKindSchema) } } }, (req) => {
    ctxOf(req);
    return imports.listImportKinds();
  });
  api.get(
    '/imports/templates/:kind',
    { schema: { tags, params: kindParams, response: { 200: xlsxFileResponse } } },
    async (req, reply) => {
      ctxOf(req);
      return sendFile(reply, await imports.importTemplate(req.params.kind), XLSX_MIME);
    },
  );
  api.post(
    '/imports/preview',
    { schema: { tags, querystring: previewQuery, response: { 200: previewSchema } } },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUploadedFile(req, { maxBytes: SPREADSHEET_UPLOAD_BYTES });
      return imports.previewImport(ctx, { ...req.query, file });
    },
  );
  api.get(
    '/imports/previews/:fileId/errors.xlsx',
    {
      schema: { tags, params: previewParams, querystring: previewQuery, response: { 200: xlsxFileResponse } },
    },
    async (req, reply) =>
      sendFile(
        reply,
        await imports.previewErrorsWorkbook(ctxOf(req), { ...req.query, fileId: req.params.fileId }),
        XLSX_MIME,
      ),
  );
  api.post(
    '/imports/commit',
    { schema: { tags, body: commitBody, response: { 202: commitResponse } } },
    async (req, reply) => reply.status(202).send(await imports.startImport(ctxOf(req), app.jobs, req.body)),
  );
  api.get(
    '/imports/exports/:kind',
    { schema: { tags, params: kindParams, querystring: unitQuery, response: { 200: xlsxFileResponse } } },
    async (req, reply) =>
      sendFile(reply, await imports.exportList(ctxOf(req), req.query.unitId, req.params.kind), XLSX_MIME),
  );
};
