import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, noContent } from '#contracts/common.ts';
import {
  createDepartmentBody,
  departmentSchema,
  listDepartmentsQuery,
  updateDepartmentBody,
} from '#contracts/departments.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import * as departments from './service.ts';

const tags = ['departments'];

export const departmentRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/departments',
    { schema: { tags, querystring: listDepartmentsQuery, response: { 200: z.array(departmentSchema) } } },
    (req) => departments.listDepartments(ctxOf(req), req.query.unitId),
  );
  api.post(
    '/departments',
    { schema: { tags, body: createDepartmentBody, response: { 201: departmentSchema } } },
    async (req, reply) => reply.status(201).send(await departments.createDepartment(ctxOf(req), req.body)),
  );
  api.patch(
    '/departments/:id',
    { schema: { tags, params: idParams, body: updateDepartmentBody, response: { 200: departmentSchema } } },
    (req) => departments.updateDepartment(ctxOf(req), req.params.id, req.body),
  );
  api.delete(
    '/departments/:id',
    { schema: { tags, params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await departments.deleteDepartment(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
};
