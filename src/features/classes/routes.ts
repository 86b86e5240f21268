import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  classDetailSchema,
  classListSchema,
  classSchema,
  classStudentParams,
  createClassBody,
  enrolStudentsBody,
  homeroomCandidateSchema,
  listClassesQuery,
  moveStudentBody,
  removeStudentQuery,
  updateClassBody,
} from '#contracts/classes.ts';
import { idParams, noContent } from '#contracts/common.ts';
import { unitIdQuery } from '#contracts/students.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { enrolStudents, moveStudent, removeStudent } from './enrolments.ts';
import * as classes from './service.ts';

const tags = ['classes'];

export const classRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/classes',
    { schema: { tags, querystring: listClassesQuery, response: { 200: classListSchema } } },
    (req) => classes.listClasses(ctxOf(req), req.query),
  );
  api.post(
    '/classes',
    { schema: { tags, body: createClassBody, response: { 201: classSchema } } },
    async (req, reply) =>
      reply.status(201).send(await classes.createClass(ctxOf(req), req.body.unitId, req.body)),
  );
  api.get(
    '/classes/homeroom-candidates',
    { schema: { tags, querystring: unitIdQuery, response: { 200: z.array(homeroomCandidateSchema) } } },
    (req) => classes.homeroomCandidates(ctxOf(req), req.query.unitId),
  );
  api.get(
    '/classes/:id',
    { schema: { tags, params: idParams, response: { 200: classDetailSchema } } },
    (req) => classes.getClass(ctxOf(req), req.params.id),
  );
  api.patch(
    '/classes/:id',
    { schema: { tags, params: idParams, body: updateClassBody, response: { 200: classSchema } } },
    (req) => classes.updateClass(ctxOf(req), req.params.id, req.body),
  );
  api.delete(
    '/classes/:id',
    { schema: { tags, params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await classes.deleteClass(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  api.post(
    '/classes/:id/students',
    { schema: { tags, params: idParams, body: enrolStudentsBody, response: { 200: classDetailSchema } } },
    (req) => enrolStudents(ctxOf(req), req.params.id, req.body),
  );
  api.post(
    '/classes/:id/students/:studentId/move',
    {
      schema: {
        tags,
        params: classStudentParams,
        body: moveStudentBody,
        response: { 200: classDetailSchema },
      },
    },
    (req) => moveStudent(ctxOf(req), req.params.id, req.params.studentId, req.body),
  );
  api.delete(
    '/classes/:id/students/:studentId',
    {
      schema: {
        tags,
        params: classStudentParams,
        querystring: removeStudentQuery,
        response: { 200: classDetailSchema },
      },
    },
    (req) => removeStudent(ctxOf(req), req.params.id, req.params.studentId, req.query),
  );
};
