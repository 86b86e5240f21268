import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams, PDF_MIME, pdfFileResponse } from '#contracts/common.ts';
import { personalDataExportSchema } from '#contracts/students.ts';
import { asDownload, sendFile } from '../../platform/http/downloads.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { personalDataPdf } from './pdf.ts';
import { collectPersonalData } from './service.ts';

const tags = ['students'];

export const personalDataRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/students/:id/personal-data',
    { schema: { tags, params: idParams, response: { 200: personalDataExportSchema } } },
    async (req, reply) => {
      const file = await collectPersonalData(ctxOf(req), req.params.id, 'json');
      asDownload(reply, file.fileName);
      return file.content;
    },
  );
  api.get(
    '/students/:id/personal-data.pdf',
    { schema: { tags, params: idParams, response: { 200: pdfFileResponse } } },
    async (req, reply) => {
      const file = await collectPersonalData(ctxOf(req), req.params.id, 'pdf');
      return sendFile(
        reply,
        { fileName: file.fileName, content: await personalDataPdf(file.content) },
        PDF_MIME,
      );
    },
  );
};
