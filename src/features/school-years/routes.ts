import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '#contracts/common.ts';
import {
  schoolYearsResponse,
  setCurrentBody,
  unitQuery,
  upsertSchoolYearBody,
} from '#contracts/school-years.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import * as schoolYears from './service.ts';

const tags = ['school-years'];

export const schoolYearRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/school-years',
    { schema: { tags, querystring: unitQuery, response: { 200: schoolYearsResponse } } },
    (req) => schoolYears.listSchoolYears(ctxOf(req), req.query.unitId),
  );
  api.put(
    '/school-years',
    { schema: { tags, body: upsertSchoolYearBody, response: { 200: schoolYearsResponse } } },
    (req) => schoolYears.upsertSchoolYear(ctxOf(req), req.body),
  );
  api.put(
    '/units/:id/current-school-year',
    { schema: { tags, params: idParams, body: setCurrentBody, response: { 200: schoolYearsResponse } } },
    (req) => schoolYears.setCurrentSchoolYear(ctxOf(req), req.params.id, req.body.code),
  );
};
