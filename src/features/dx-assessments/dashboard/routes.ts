import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { PDF_MIME, pdfFileResponse } from '#contracts/common.ts';
import { assessmentDetailSchema, assessmentParams } from '#contracts/dx-assessments/assessment.ts';
import { dashboardQuery, dashboardSchema } from '#contracts/dx-assessments/dashboard.ts';
import { sendFile } from '../../../platform/http/downloads.ts';
import { ctxOf } from '../../../platform/http/request-context.ts';
import { pullMeasuredAnswers } from '../self-assessment/measured-answers.ts';
import { getDashboard } from './dashboard.ts';
import { dashboardPdf } from './dashboard-pdf.ts';

const tags = ['assessments'];

/**
 * The office (and province) dashboard of criteria-based assessments, on screen and as a printed report; and the
 * claims filled in from measured values (the schools' results in an office's own index).
 */
export const assessmentDashboardRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/assessment-dashboard',
    { schema: { tags, querystring: dashboardQuery, response: { 200: dashboardSchema } } },
    (req) => getDashboard(ctxOf(req), req.query),
  );
  api.get(
    '/assessment-dashboard.pdf',
    { schema: { tags, querystring: dashboardQuery, response: { 200: pdfFileResponse } } },
    async (req, reply) => sendFile(reply, await dashboardPdf(ctxOf(req), req.query), PDF_MIME),
  );
  api.post(
    '/assessments/:id/measured-answers',
    { schema: { tags, params: assessmentParams, response: { 200: assessmentDetailSchema } } },
    (req) => pullMeasuredAnswers(ctxOf(req), req.params.id),
  );
};
