import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { binaryResponse, PDF_MIME, pdfFileResponse } from '#contracts/common.ts';
import {
  addEvidenceBody,
  assessmentDetailSchema,
  assessmentParams,
  assessmentSummarySchema,
  assignItemBody,
  commentBody,
  evidenceParams,
  evidenceSchema,
  itemParams,
  listAssessmentsQuery,
  metricDrillDownSchema,
  metricParams,
  returnBody,
  reviewItemBody,
  saveItemBody,
} from '#contracts/dx-assessments/assessment.ts';
import { publicParams, publicResultsSchema, userOptionSchema } from '#contracts/dx-assessments/campaigns.ts';
import { EVIDENCE_UPLOAD_BYTES } from '../../../platform/files/upload-limits.ts';
import { sendFile } from '../../../platform/http/downloads.ts';
import { readUploadedFile } from '../../../platform/http/multipart.ts';
import { ctxOf } from '../../../platform/http/request-context.ts';
import { publicResults } from '../campaigns/publication.ts';
import * as pdfs from '../pdfs.ts';
import * as review from '../review/external-review.ts';
import { getAssessment, listAssessments } from './assessment-detail.ts';
import * as evidence from './evidence.ts';
import * as self from './self-assessment.ts';

const tags = ['assessments'];
/** Evidence is sent with the media type it was uploaded with. */
const evidenceFileResponse = binaryResponse('*/*', 'Tệp minh chứng');
const detail = { 200: assessmentDetailSchema };

/** One unit's assessment: claims, assignments, evidence, approval and submission, and the office's review. */
export const assessmentRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/assessments',
    {
      schema: {
        tags,
        querystring: listAssessmentsQuery,
        response: { 200: z.array(assessmentSummarySchema) },
      },
    },
    (req) => listAssessments(ctxOf(req), req.query.unitId),
  );
  api.get('/assessments/:id', { schema: { tags, params: assessmentParams, response: detail } }, (req) =>
    getAssessment(ctxOf(req), req.params.id),
  );
  api.put(
    '/assessments/:id/items/:itemId',
    { schema: { tags, params: itemParams, body: saveItemBody, response: detail } },
    (req) => self.saveItem(ctxOf(req), req.params.id, req.params.itemId, req.body),
  );
  api.put(
    '/assessments/:id/items/:itemId/assignee',
    { schema: { tags, params: itemParams, body: assignItemBody, response: detail } },
    (req) => self.assignItem(ctxOf(req), req.params.id, req.params.itemId, req.body.userId),
  );
  api.get(
    '/assessments/:id/assignable-users',
    { schema: { tags, params: assessmentParams, response: { 200: z.array(userOptionSchema) } } },
    (req) => self.assignableUsers(ctxOf(req), req.params.id),
  );
  api.post(
    '/assessments/:id/approve',
    { schema: { tags, params: assessmentParams, body: commentBody, response: detail } },
    (req) => self.approveAssessment(ctxOf(req), req.params.id, req.body.comment),
  );
  api.post(
    '/assessments/:id/submit',
    { schema: { tags, params: assessmentParams, response: detail } },
    (req) => self.submitAssessment(ctxOf(req), req.params.id),
  );

  api.post(
    '/assessments/:id/items/:itemId/evidence',
    {
      schema: { tags, params: itemParams, body: addEvidenceBody, response: { 201: z.array(evidenceSchema) } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await evidence.addEvidence(ctxOf(req), req.params.id, req.params.itemId, req.body)),
  );
  api.post(
    '/assessments/:id/items/:itemId/evidence-file',
    { schema: { tags, params: itemParams, response: { 201: z.array(evidenceSchema) } } },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await evidence.addFileEvidence(
            ctxOf(req),
            req.params.id,
            req.params.itemId,
            await readUploadedFile(req, { maxBytes: EVIDENCE_UPLOAD_BYTES }),
          ),
        ),
  );
  api.delete(
    '/assessments/:id/evidence/:evidenceId',
    { schema: { tags, params: evidenceParams, response: { 200: z.array(evidenceSchema) } } },
    (req) => evidence.deleteEvidence(ctxOf(req), req.params.id, req.params.evidenceId),
  );
  api.get(
    '/assessments/:id/evidence/:evidenceId/file',
    { schema: { tags, params: evidenceParams, response: { 200: evidenceFileResponse } } },
    async (req, reply) => {
      const file = await evidence.evidenceFile(ctxOf(req), req.params.id, req.params.evidenceId);
      return sendFile(reply, file, file.mimeType);
    },
  );
  api.get(
    '/assessments/:id/metrics/:metricId',
    { schema: { tags, params: metricParams, response: { 200: metricDrillDownSchema } } },
    (req) => evidence.metricDrillDown(ctxOf(req), req.params.id, req.params.metricId),
  );

  api.get(
    '/assessments/:id/minutes.pdf',
    { schema: { tags, params: assessmentParams, response: { 200: pdfFileResponse } } },
    async (req, reply) =>
      sendFile(reply, await pdfs.selfAssessmentMinutesPdf(ctxOf(req), req.params.id), PDF_MIME),
  );
  api.get(
    '/assessments/:id/decision.pdf',
    { schema: { tags, params: assessmentParams, response: { 200: pdfFileResponse } } },
    async (req, reply) =>
      sendFile(reply, await pdfs.selfAssessmentDecisionPdf(ctxOf(req), req.params.id), PDF_MIME),
  );

  api.put(
    '/assessments/:id/items/:itemId/review',
    { schema: { tags, params: itemParams, body: reviewItemBody, response: detail } },
    (req) => review.reviewItem(ctxOf(req), req.params.id, req.params.itemId, req.body),
  );
  api.post(
    '/assessments/:id/return',
    { schema: { tags, params: assessmentParams, body: returnBody, response: detail } },
    (req) => review.returnAssessment(ctxOf(req), req.params.id, req.body),
  );
  api.post(
    '/assessments/:id/close-review',
    { schema: { tags, params: assessmentParams, body: commentBody, response: detail } },
    (req) => review.closeReview(ctxOf(req), req.params.id, req.body.comment),
  );
};

/**
 * Published results, without login (cổng công khai): only results recognised by a decision. These routes do not
 * call ctxOf, so no session is needed; they read public data only.
 */
export const assessmentPublicRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/public/assessment-results/:unitId',
    { schema: { tags: ['public'], params: publicParams, response: { 200: publicResultsSchema } } },
    (req) => publicResults(req.server.db, req.params.unitId),
  );
};
