import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, noContent } from '#contracts/common.ts';
import {
  assignmentBoardSchema,
  attendanceQuery,
  attendanceSchema,
  classParams,
  conductSchema,
  gridParams,
  gridSchema,
  lockStateSchema,
  myClassesSchema,
  overviewQuery,
  overviewSchema,
  saveAttendanceBody,
  saveConductBody,
  saveGridBody,
  saveResultSchema,
  setAssignmentBody,
  setTermBody,
  termParams,
  termsSchema,
  unitYearQuery,
  unlockBody,
} from '#contracts/gradebook.ts';
import { unitIdQuery } from '#contracts/students.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { assignmentBoard, myClasses, setAssignment } from './assignments.ts';
import { getAttendance, saveAttendance } from './attendance.ts';
import { getConduct, saveConduct } from './conduct.ts';
import { classOverview } from './overview.ts';
import { getGrid, saveGrid } from './scores.ts';
import { listTerms, relock, setTerm, unlock } from './terms.ts';

const tags = ['gradebook'];
const gridPath = '/gradebook/classes/:classId/subjects/:subjectCode/terms/:term';

export const gradebookRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/gradebook/assignments',
    { schema: { tags, querystring: unitYearQuery, response: { 200: assignmentBoardSchema } } },
    (req) => assignmentBoard(ctxOf(req), req.query),
  );
  api.put(
    '/gradebook/assignments',
    { schema: { tags, body: setAssignmentBody, response: { 200: z.object({ removed: z.boolean() }) } } },
    (req) => setAssignment(ctxOf(req), req.body),
  );
  api.get(
    '/gradebook/my-classes',
    { schema: { tags, querystring: unitIdQuery, response: { 200: myClassesSchema } } },
    (req) => myClasses(ctxOf(req), req.query.unitId),
  );
  api.get(gridPath, { schema: { tags, params: gridParams, response: { 200: gridSchema } } }, (req) =>
    getGrid(ctxOf(req), req.params),
  );
  api.put(
    gridPath,
    { schema: { tags, params: gridParams, body: saveGridBody, response: { 200: saveResultSchema } } },
    (req) => saveGrid(ctxOf(req), req.params, req.body),
  );
  api.get(
    '/gradebook/terms',
    { schema: { tags, querystring: unitYearQuery, response: { 200: termsSchema } } },
    (req) => listTerms(ctxOf(req), req.query),
  );
  api.put(
    '/gradebook/terms/:term',
    { schema: { tags, params: termParams, body: setTermBody, response: { 200: termsSchema } } },
    (req) => setTerm(ctxOf(req), req.params.term, req.body),
  );
  api.post(
    '/gradebook/unlocks',
    {
      schema: {
        tags,
        body: unlockBody,
        response: { 201: lockStateSchema.shape.unlock.unwrap() },
      },
    },
    async (req, reply) => reply.status(201).send(await unlock(ctxOf(req), req.body)),
  );
  api.post(
    '/gradebook/unlocks/:id/relock',
    { schema: { tags, params: idParams, response: { 204: noContent } } },
    async (req, reply) => {
      await relock(ctxOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  api.get(
    '/gradebook/classes/:classId/overview',
    {
      schema: { tags, params: classParams, querystring: overviewQuery, response: { 200: overviewSchema } },
    },
    (req) => classOverview(ctxOf(req), req.params.classId, req.query.term as 1 | 2),
  );
  api.get(
    '/gradebook/classes/:classId/attendance',
    {
      schema: {
        tags,
        params: classParams,
        querystring: attendanceQuery,
        response: { 200: attendanceSchema },
      },
    },
    (req) => getAttendance(ctxOf(req), req.params.classId, req.query.date),
  );
  api.put(
    '/gradebook/classes/:classId/attendance',
    { schema: { tags, params: classParams, body: saveAttendanceBody, response: { 200: attendanceSchema } } },
    (req) => saveAttendance(ctxOf(req), req.params.classId, req.body),
  );
  api.get(
    '/gradebook/classes/:classId/conduct',
    { schema: { tags, params: classParams, response: { 200: conductSchema } } },
    (req) => getConduct(ctxOf(req), req.params.classId),
  );
  api.put(
    '/gradebook/classes/:classId/conduct',
    { schema: { tags, params: classParams, body: saveConductBody, response: { 200: conductSchema } } },
    (req) => saveConduct(ctxOf(req), req.params.classId, req.body),
  );
};
