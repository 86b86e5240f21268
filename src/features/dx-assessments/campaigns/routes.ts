import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, PDF_MIME, pdfFileResponse, XLSX_MIME, xlsxFileResponse } from '#contracts/common.ts';
import {
  campaignBoardSchema,
  campaignSchema,
  catalogueDetailSchema,
  catalogueParams,
  catalogueSummarySchema,
  createCampaignBody,
  createRecognitionBody,
  importCatalogueResponse,
  recognitionSchema,
  reminderResponse,
  saveTeamBody,
  teamSchema,
  templateQuery,
  unitIdQuery,
  updateCampaignBody,
  userOptionSchema,
} from '#contracts/dx-assessments/campaigns.ts';
import { SPREADSHEET_UPLOAD_BYTES } from '../../../platform/files/upload-limits.ts';
import { sendFile } from '../../../platform/http/downloads.ts';
import { readUploadedFile } from '../../../platform/http/multipart.ts';
import { ctxOf } from '../../../platform/http/request-context.ts';
import * as recognition from '../review/recognition.ts';
import * as campaigns from './campaigns.ts';
import * as catalogues from './catalogues.ts';
import * as publication from './publication.ts';
import * as reminders from './reminders.ts';
import * as teams from './teams.ts';

const tags = ['assessments'];

/** The office side: catalogues, campaigns and their board, teams, recognition decisions, export. */
export const assessmentOfficeRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/assessment-catalogues',
    { schema: { tags, querystring: unitIdQuery, response: { 200: z.array(catalogueSummarySchema) } } },
    (req) => catalogues.listCatalogues(ctxOf(req), req.query.unitId),
  );
  api.get(
    '/assessment-catalogues/template.xlsx',
    { schema: { tags, querystring: templateQuery, response: { 200: xlsxFileResponse } } },
    async (req, reply) =>
      sendFile(reply, await catalogues.catalogueTemplate(ctxOf(req), req.query), XLSX_MIME),
  );
  api.get(
    '/assessment-catalogues/:code/:version',
    {
      schema: {
        tags,
        params: catalogueParams,
        querystring: unitIdQuery,
        response: { 200: catalogueDetailSchema },
      },
    },
    (req) => catalogues.getCatalogue(ctxOf(req), req.query.unitId, req.params.code, req.params.version),
  );
  api.post(
    '/assessment-catalogues/import',
    { schema: { tags, querystring: unitIdQuery, response: { 201: importCatalogueResponse } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await catalogues.importCatalogue(
            ctxOf(req),
            req.query.unitId,
            await readUploadedFile(req, { maxBytes: SPREADSHEET_UPLOAD_BYTES }),
          ),
        ),
  );

  api.get(
    '/assessment-campaigns',
    { schema: { tags, querystring: unitIdQuery, response: { 200: z.array(campaignSchema) } } },
    (req) => campaigns.listCampaigns(ctxOf(req), req.query.unitId),
  );
  api.post(
    '/assessment-campaigns',
    { schema: { tags, body: createCampaignBody, response: { 201: campaignSchema } } },
    async (req, reply) => reply.status(201).send(await campaigns.createCampaign(ctxOf(req), req.body)),
  );
  api.get(
    '/assessment-campaigns/:id',
    { schema: { tags, params: idParams, response: { 200: campaignBoardSchema } } },
    (req) => campaigns.campaignBoard(ctxOf(req), req.params.id),
  );
  api.put(
    '/assessment-campaigns/:id',
    { schema: { tags, params: idParams, body: updateCampaignBody, response: { 200: campaignSchema } } },
    (req) => campaigns.updateCampaign(ctxOf(req), req.params.id, req.body),
  );
  api.post(
    '/assessment-campaigns/:id/remind',
    { schema: { tags, params: idParams, response: { 200: reminderResponse } } },
    (req) => reminders.remindCampaign(ctxOf(req), req.params.id),
  );
  api.get(
    '/assessment-campaigns/:id/export.xlsx',
    { schema: { tags, params: idParams, response: { 200: xlsxFileResponse } } },
    async (req, reply) =>
      sendFile(reply, await publication.exportCampaign(ctxOf(req), req.params.id), XLSX_MIME),
  );

  api.get(
    '/assessment-campaigns/:id/teams',
    { schema: { tags, params: idParams, response: { 200: z.array(teamSchema) } } },
    (req) => teams.listTeams(ctxOf(req), req.params.id),
  );
  api.get(
    '/assessment-campaigns/:id/office-users',
    { schema: { tags, params: idParams, response: { 200: z.array(userOptionSchema) } } },
    (req) => teams.officeUsers(ctxOf(req), req.params.id),
  );
  api.post(
    '/assessment-campaigns/:id/teams',
    { schema: { tags, params: idParams, body: saveTeamBody, response: { 201: teamSchema } } },
    async (req, reply) => reply.status(201).send(await teams.createTeam(ctxOf(req), req.params.id, req.body)),
  );
  api.put(
    '/assessment-teams/:id',
    { schema: { tags, params: idParams, body: saveTeamBody, response: { 200: teamSchema } } },
    (req) => teams.updateTeam(ctxOf(req), req.params.id, req.body),
  );
  api.delete(
    '/assessment-teams/:id',
    { schema: { tags, params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await teams.deleteTeam(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/assessment-campaigns/:id/recognitions',
    { schema: { tags, params: idParams, response: { 200: z.array(recognitionSchema) } } },
    (req) => recognition.listRecognitions(ctxOf(req), req.params.id),
  );
  api.post(
    '/assessment-campaigns/:id/recognitions',
    { schema: { tags, params: idParams, body: createRecognitionBody, response: { 201: recognitionSchema } } },
    async (req, reply) =>
      reply.status(201).send(await recognition.createRecognition(ctxOf(req), req.params.id, req.body)),
  );
  api.get(
    '/recognition-decisions/:id/document.pdf',
    { schema: { tags, params: idParams, response: { 200: pdfFileResponse } } },
    async (req, reply) =>
      sendFile(reply, await recognition.recognitionPdf(ctxOf(req), req.params.id), PDF_MIME),
  );
};
