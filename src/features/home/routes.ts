import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  familyHomeSchema,
  homeSchoolQuery,
  officeHomeSchema,
  schoolHomeSchema,
  teacherHomeSchema,
} from '#contracts/home.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { familyHome } from './family-home.ts';
import { officeHome } from './office-home.ts';
import { schoolHome } from './school-home.ts';
import { teacherHome } from './teacher-home.ts';

const tags = ['home'];

/** One summary per role for the home page ("what now?"); each checks access like the pages it links to. */
export const homeRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/home/school',
    { schema: { tags, querystring: homeSchoolQuery, response: { 200: schoolHomeSchema } } },
    (req) => schoolHome(ctxOf(req), req.query),
  );
  api.get(
    '/home/teacher',
    { schema: { tags, querystring: homeSchoolQuery, response: { 200: teacherHomeSchema } } },
    (req) => teacherHome(ctxOf(req), req.query),
  );
  api.get('/home/family', { schema: { tags, response: { 200: familyHomeSchema } } }, (req) =>
    familyHome(ctxOf(req)),
  );
  api.get(
    '/home/office',
    { schema: { tags, querystring: homeSchoolQuery, response: { 200: officeHomeSchema } } },
    (req) => officeHome(ctxOf(req), req.query),
  );
};
