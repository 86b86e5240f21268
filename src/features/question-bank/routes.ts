import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { binaryResponse, idParams, noContent, pageOf } from '#contracts/common.ts';
import {
  createQuestionBody,
  exportQuestionsQuery,
  importCommitBody,
  importPreviewSchema,
  listQuestionsQuery,
  questionSchema,
  reviewQuestionBody,
  updateQuestionBody,
} from '#contracts/questions.ts';
import { sendFile } from '../../platform/http/downloads.ts';
import { readUploadedFile } from '../../platform/http/multipart.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import * as bank from './service.ts';
import {
  commitQuestionImport,
  exportQuestions,
  previewQuestionImport,
  QUESTION_FILE_BYTES,
} from './transfer.ts';

const tags = ['question-bank'];
const unitQuery = z.object({ unitId: z.uuid('Chọn đơn vị.') });

export const questionBankRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/question-bank/questions',
    { schema: { tags, querystring: listQuestionsQuery, response: { 200: pageOf(questionSchema) } } },
    (req) => bank.listQuestions(ctxOf(req), req.query),
  );
  api.get(
    '/question-bank/questions/:id',
    { schema: { tags, params: idParams, response: { 200: questionSchema } } },
    (req) => bank.getQuestion(ctxOf(req), req.params.id),
  );
  api.post(
    '/question-bank/questions',
    { schema: { tags, body: createQuestionBody, response: { 201: questionSchema } } },
    async (req, reply) => reply.status(201).send(await bank.createQuestion(ctxOf(req), req.body)),
  );
  api.put(
    '/question-bank/questions/:id',
    { schema: { tags, params: idParams, body: updateQuestionBody, response: { 200: questionSchema } } },
    (req) => bank.updateQuestion(ctxOf(req), req.params.id, req.body),
  );
  api.delete(
    '/question-bank/questions/:id',
    { schema: { tags, params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await bank.deleteQuestion(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  api.post(
    '/question-bank/questions/:id/review',
    { schema: { tags, params: idParams, body: reviewQuestionBody, response: { 200: questionSchema } } },
    (req) => bank.reviewQuestion(ctxOf(req), req.params.id, req.body),
  );
  api.post(
    '/question-bank/imports/preview',
    { schema: { tags, querystring: unitQuery, response: { 200: importPreviewSchema } } },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await readUploadedFile(req, { maxBytes: QUESTION_FILE_BYTES.docx });
      return previewQuestionImport(ctx, req.query.unitId, file);
    },
  );
  api.post(
    '/question-bank/imports/commit',
    { schema: { tags, body: importCommitBody, response: { 201: z.object({ created: z.number().int() }) } } },
    async (req, reply) => reply.status(201).send(await commitQuestionImport(ctxOf(req), req.body)),
  );
  api.get(
    '/question-bank/export',
    {
      schema: {
        tags,
        querystring: exportQuestionsQuery,
        response: { 200: binaryResponse('text/plain', 'GIFT (.txt) hoặc Moodle XML (.xml)') },
      },
    },
    async (req, reply) => {
      const file = await exportQuestions(ctxOf(req), req.query);
      return sendFile(
        reply,
        file,
        req.query.format === 'gift' ? 'text/plain; charset=utf-8' : 'application/xml; charset=utf-8',
      );
    },
  );
};
