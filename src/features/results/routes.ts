import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, XLSX_MIME, xlsxFileResponse } from '#contracts/common.ts';
import {
  classResultsSchema,
  individualPlanBody,
  individualPlanSchema,
  jobQueued,
  primaryGridBody,
  primaryGridQuery,
  primaryGridSaved,
  primaryGridSchema,
  primaryRecognitionBody,
  primaryRecognitionSchema,
  primarySupportAssessmentBody,
  primarySupportDecisionBody,
  primarySupportListSchema,
  primarySupportPlanBody,
  primarySupportSaved,
  principalDecisionBody,
  principalDecisionSchema,
  promotionListQuery,
  promotionListSchema,
  schoolSummarySchema,
  summaryQuery,
  summerBody,
  summerResultSchema,
  termQuery,
} from '#contracts/results.ts';
import { rolloverInput, rolloverPlanBody, rolloverPreviewSchema } from '#contracts/rollover.ts';
import { sendFile } from '../../platform/http/downloads.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { closeInput, queueClose } from './close.ts';
import { recordPrincipalDecision, setIndividualPlan } from './individual-plans.ts';
import { primaryGrid, savePrimaryGrid } from './primary.ts';
import { recordPrimaryRecognition } from './primary-awards.ts';
import {
  primarySupportList,
  recordFurtherAssessment,
  recordSupportDecision,
  recordSupportPlan,
} from './primary-support.ts';
import { promotionList } from './promotion-list.ts';
import { promotionListXlsx } from './promotion-list-xlsx.ts';
import { queueRollover } from './rollover.ts';
import { previewRollover, saveRolloverPlan } from './rollover-plan.ts';
import { classResults, recordSummer, schoolSummary } from './service.ts';

const tags = ['results'];

export const resultRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/results/close',
    { schema: { tags, body: closeInput, response: { 202: jobQueued } } },
    async (req, reply) => reply.status(202).send(await queueClose(ctxOf(req), app.jobs, req.body)),
  );
  api.post(
    '/results/rollover',
    { schema: { tags, body: rolloverInput, response: { 202: jobQueued } } },
    async (req, reply) => reply.status(202).send(await queueRollover(ctxOf(req), app.jobs, req.body)),
  );
  api.get(
    '/results/rollover/preview',
    { schema: { tags, querystring: rolloverInput, response: { 200: rolloverPreviewSchema } } },
    (req) => previewRollover(ctxOf(req), req.query),
  );
  api.put(
    '/results/rollover/plan',
    { schema: { tags, body: rolloverPlanBody, response: { 200: rolloverPreviewSchema } } },
    (req) => saveRolloverPlan(ctxOf(req), req.body),
  );
  api.get(
    '/results/classes/:id',
    { schema: { tags, params: idParams, querystring: termQuery, response: { 200: classResultsSchema } } },
    (req) => classResults(ctxOf(req), req.params.id, req.query.term as 0 | 1 | 2),
  );
  api.get(
    '/results/summary',
    { schema: { tags, querystring: summaryQuery, response: { 200: schoolSummarySchema } } },
    (req) => schoolSummary(ctxOf(req), req.query.unitId, req.query.schoolYear, req.query.term as 0 | 1 | 2),
  );
  api.get(
    '/results/promotion-list',
    { schema: { tags, querystring: promotionListQuery, response: { 200: promotionListSchema } } },
    (req) => promotionList(ctxOf(req), req.query),
  );
  api.get(
    '/results/promotion-list.xlsx',
    { schema: { tags, querystring: promotionListQuery, response: { 200: xlsxFileResponse } } },
    async (req, reply) => sendFile(reply, await promotionListXlsx(ctxOf(req), req.query), XLSX_MIME),
  );
  api.put(
    '/results/students/:id/summer',
    { schema: { tags, params: idParams, body: summerBody, response: { 200: summerResultSchema } } },
    (req) => recordSummer(ctxOf(req), req.params.id, req.body),
  );
  api.put(
    '/results/students/:id/individual-plan',
    { schema: { tags, params: idParams, body: individualPlanBody, response: { 200: individualPlanSchema } } },
    (req) => setIndividualPlan(ctxOf(req), req.params.id, req.body),
  );
  api.put(
    '/results/students/:id/principal-decision',
    {
      schema: {
        tags,
        params: idParams,
        body: principalDecisionBody,
        response: { 200: principalDecisionSchema },
      },
    },
    (req) => recordPrincipalDecision(ctxOf(req), req.params.id, req.body),
  );
  api.get(
    '/results/classes/:id/primary',
    {
      schema: {
        tags,
        params: idParams,
        querystring: primaryGridQuery,
        response: { 200: primaryGridSchema },
      },
    },
    (req) => primaryGrid(ctxOf(req), req.params.id, req.query.checkpoint),
  );
  api.put(
    '/results/classes/:id/primary',
    { schema: { tags, params: idParams, body: primaryGridBody, response: { 200: primaryGridSaved } } },
    (req) => savePrimaryGrid(ctxOf(req), req.params.id, req.body),
  );
  api.put(
    '/results/students/:id/primary-recognition',
    {
      schema: {
        tags,
        params: idParams,
        body: primaryRecognitionBody,
        response: { 200: primaryRecognitionSchema },
      },
    },
    (req) => recordPrimaryRecognition(ctxOf(req), req.params.id, req.body),
  );
  // Primary pupils who do not complete the grade (TT27 Điều 11 khoản 1 điểm b, c): see primary-support.ts.
  api.get(
    '/results/classes/:id/primary-support',
    { schema: { tags, params: idParams, response: { 200: primarySupportListSchema } } },
    (req) => primarySupportList(ctxOf(req), req.params.id),
  );
  api.put(
    '/results/students/:id/primary-support/plan',
    {
      schema: {
        tags,
        params: idParams,
        body: primarySupportPlanBody,
        response: { 200: primarySupportSaved },
      },
    },
    (req) => recordSupportPlan(ctxOf(req), req.params.id, req.body),
  );
  api.put(
    '/results/students/:id/primary-support/assessment',
    {
      schema: {
        tags,
        params: idParams,
        body: primarySupportAssessmentBody,
        response: { 200: primarySupportSaved },
      },
    },
    (req) => recordFurtherAssessment(ctxOf(req), req.params.id, req.body),
  );
  api.put(
    '/results/students/:id/primary-support/decision',
    {
      schema: {
        tags,
        params: idParams,
        body: primarySupportDecisionBody,
        response: { 200: primarySupportSaved },
      },
    },
    (req) => recordSupportDecision(ctxOf(req), req.params.id, req.body),
  );
};
