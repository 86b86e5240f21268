import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams } from '#contracts/common.ts';
import {
  changeStatusBody,
  createStudentBody,
  duplicateGroupSchema,
  eraseBody,
  erasurePreviewSchema,
  guardianAccountBody,
  guardianAccountSchema,
  listStudentsQuery,
  myStudentSchema,
  snapshotQuery,
  snapshotSchema,
  studentDetailSchema,
  studentPageSchema,
  unitIdQuery,
  updateStudentBody,
} from '#contracts/students.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { listDuplicateNationalIds } from './duplicates.ts';
import { erasePersonalData, erasurePreview } from './erase.ts';
import { createGuardianAccount } from './guardian-accounts.ts';
import { listMyStudents } from './mine.ts';
import { createStudent, getStudent, listStudents, updateStudent } from './service.ts';
import { changeStatus, enrolmentSnapshot } from './status.ts';

const tags = ['students'];

export const studentRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/students',
    { schema: { tags, querystring: listStudentsQuery, response: { 200: studentPageSchema } } },
    (req) => listStudents(ctxOf(req), req.query),
  );
  api.post(
    '/students',
    { schema: { tags, body: createStudentBody, response: { 201: studentDetailSchema } } },
    async (req, reply) => reply.status(201).send(await createStudent(ctxOf(req), req.body.unitId, req.body)),
  );
  api.get('/students/mine', { schema: { tags, response: { 200: z.array(myStudentSchema) } } }, (req) =>
    listMyStudents(ctxOf(req)),
  );
  api.get(
    '/students/snapshot',
    { schema: { tags, querystring: snapshotQuery, response: { 200: snapshotSchema } } },
    (req) => enrolmentSnapshot(ctxOf(req), req.query.unitId, req.query.date),
  );
  api.get(
    '/students/duplicate-national-ids',
    { schema: { tags, querystring: unitIdQuery, response: { 200: z.array(duplicateGroupSchema) } } },
    (req) => listDuplicateNationalIds(ctxOf(req), req.query.unitId),
  );
  api.get(
    '/students/:id',
    { schema: { tags, params: idParams, response: { 200: studentDetailSchema } } },
    (req) => getStudent(ctxOf(req), req.params.id),
  );
  api.patch(
    '/students/:id',
    { schema: { tags, params: idParams, body: updateStudentBody, response: { 200: studentDetailSchema } } },
    (req) => updateStudent(ctxOf(req), req.params.id, req.body),
  );
  api.post(
    '/students/:id/status',
    { schema: { tags, params: idParams, body: changeStatusBody, response: { 200: studentDetailSchema } } },
    (req) => changeStatus(ctxOf(req), req.params.id, req.body),
  );
  api.get(
    '/students/:id/erasure-preview',
    { schema: { tags, params: idParams, response: { 200: erasurePreviewSchema } } },
    (req) => erasurePreview(ctxOf(req), req.params.id),
  );
  api.post(
    '/students/:id/erase',
    { schema: { tags, params: idParams, body: eraseBody, response: { 200: studentDetailSchema } } },
    (req) => erasePersonalData(ctxOf(req), req.params.id, req.body),
  );
  api.post(
    '/guardians/:id/account',
    {
      schema: { tags, params: idParams, body: guardianAccountBody, response: { 201: guardianAccountSchema } },
    },
    async (req, reply) =>
      reply.status(201).send(await createGuardianAccount(ctxOf(req), req.params.id, req.body)),
  );
};
