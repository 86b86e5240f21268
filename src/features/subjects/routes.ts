import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { gradeSubjectSchema, subjectsQuery } from '#contracts/subjects.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { listSubjects } from './service.ts';

export const subjectRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/subjects',
    {
      schema: {
        tags: ['subjects'],
        querystring: subjectsQuery,
        response: { 200: z.array(gradeSubjectSchema) },
      },
    },
    (req) => listSubjects(ctxOf(req), req.query.grade),
  );
};
