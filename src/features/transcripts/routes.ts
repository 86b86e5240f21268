import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, PDF_MIME, pdfFileResponse, XLSX_MIME, xlsxFileResponse } from '#contracts/common.ts';
import {
  approveResultSchema,
  classTranscriptsSchema,
  correctionBody,
  correctionPreviewSchema,
  correctionSchema,
  gradeStatisticsQuery,
  type RecordBookPeriod,
  recordBookQuery,
  signResultSchema,
  studentParams,
  studentTranscriptsSchema,
} from '#contracts/transcripts.ts';
import { sendFile } from '../../platform/http/downloads.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { classPdfFile, queueClassPdf } from './class-pdf-job.ts';
import { correctTranscript, previewCorrection } from './correction.ts';
import { classGradebookXlsx, gradeStatisticsXlsx } from './exports.ts';
import { recordBookXlsx } from './record-book.ts';
import { recordBookPdf } from './record-book-pdf.ts';
import {
  approveClass,
  classTranscriptPdf,
  listClassTranscripts,
  signClass,
  studentTranscriptPdf,
} from './service.ts';
import { studentTranscripts, transcriptVersionPdf } from './student-transcripts.ts';

const tags = ['transcripts'];

/**
 * Transcripts (học bạ) of a class, their signing chain and PDFs; the class record book (sổ theo dõi và đánh giá
 * học sinh); gradebook and statistics exports.
 */
export const transcriptRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/classes/:id/transcripts',
    { schema: { tags, params: idParams, response: { 200: classTranscriptsSchema } } },
    (req) => listClassTranscripts(ctxOf(req), req.params.id),
  );
  api.post(
    '/classes/:id/transcripts/sign',
    { schema: { tags, params: idParams, response: { 200: signResultSchema } } },
    (req) => signClass(ctxOf(req), req.params.id),
  );
  api.post(
    '/classes/:id/transcripts/approve',
    { schema: { tags, params: idParams, response: { 200: approveResultSchema } } },
    (req) => approveClass(ctxOf(req), req.params.id),
  );
  api.get(
    '/classes/:id/transcripts.pdf',
    { schema: { tags, params: idParams, response: { 200: pdfFileResponse } } },
    async (req, reply) => sendFile(reply, await classTranscriptPdf(ctxOf(req), req.params.id), PDF_MIME),
  );
  api.post(
    '/classes/:id/transcripts.pdf/jobs',
    { schema: { tags, params: idParams, response: { 202: z.object({ jobId: z.uuid() }) } } },
    async (req, reply) => reply.status(202).send(await queueClassPdf(ctxOf(req), app.jobs, req.params.id)),
  );
  api.get(
    '/classes/:id/transcript-files/:fileId',
    {
      schema: {
        tags,
        params: z.object({ id: z.uuid(), fileId: z.uuid() }),
        response: { 200: pdfFileResponse },
      },
    },
    async (req, reply) =>
      sendFile(reply, await classPdfFile(ctxOf(req), req.params.id, req.params.fileId), PDF_MIME),
  );
  api.get(
    '/classes/:id/transcripts/:studentId/pdf',
    { schema: { tags, params: studentParams, response: { 200: pdfFileResponse } } },
    async (req, reply) =>
      sendFile(reply, await studentTranscriptPdf(ctxOf(req), req.params.id, req.params.studentId), PDF_MIME),
  );
  api.get(
    '/transcripts/:id/correction-preview',
    { schema: { tags, params: idParams, response: { 200: correctionPreviewSchema } } },
    (req) => previewCorrection(ctxOf(req), req.params.id),
  );
  api.post(
    '/transcripts/:id/corrections',
    { schema: { tags, params: idParams, body: correctionBody, response: { 201: correctionSchema } } },
    async (req, reply) =>
      reply.status(201).send(await correctTranscript(ctxOf(req), req.params.id, req.body.reason)),
  );
  api.get(
    '/students/:id/transcripts',
    { schema: { tags, params: idParams, response: { 200: studentTranscriptsSchema } } },
    (req) => studentTranscripts(ctxOf(req), req.params.id),
  );
  api.get(
    '/transcripts/:id/pdf',
    { schema: { tags, params: idParams, response: { 200: pdfFileResponse } } },
    async (req, reply) => sendFile(reply, await transcriptVersionPdf(ctxOf(req), req.params.id), PDF_MIME),
  );
  api.get(
    '/classes/:id/gradebook.xlsx',
    { schema: { tags, params: idParams, response: { 200: xlsxFileResponse } } },
    async (req, reply) => sendFile(reply, await classGradebookXlsx(ctxOf(req), req.params.id), XLSX_MIME),
  );
  api.get(
    '/classes/:id/record-book.pdf',
    { schema: { tags, params: idParams, querystring: recordBookQuery, response: { 200: pdfFileResponse } } },
    async (req, reply) =>
      sendFile(
        reply,
        await recordBookPdf(ctxOf(req), req.params.id, req.query.term as RecordBookPeriod),
        PDF_MIME,
      ),
  );
  api.get(
    '/classes/:id/record-book.xlsx',
    { schema: { tags, params: idParams, querystring: recordBookQuery, response: { 200: xlsxFileResponse } } },
    async (req, reply) =>
      sendFile(
        reply,
        await recordBookXlsx(ctxOf(req), req.params.id, req.query.term as RecordBookPeriod),
        XLSX_MIME,
      ),
  );
  api.get(
    '/grade-statistics.xlsx',
    { schema: { tags, querystring: gradeStatisticsQuery, response: { 200: xlsxFileResponse } } },
    async (req, reply) => sendFile(reply, await gradeStatisticsXlsx(ctxOf(req), req.query), XLSX_MIME),
  );
};
