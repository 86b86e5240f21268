import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { idParams } from '#contracts/common.ts';
import {
  assignmentParams,
  createdUserSchema,
  createUserBody,
  grantableQuery,
  grantableRolesSchema,
  linkStaffBody,
  listUsersQuery,
  resetPasswordSchema,
  roleGrantBody,
  updateUserBody,
  userPageSchema,
  userSchema,
} from '#contracts/users.ts';
import { ctxOf } from '../../platform/http/request-context.ts';
import { grantableRolesOn, grantRole, revokeRole } from './roles.ts';
import * as users from './service.ts';

const tags = ['users'];

export const userRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const one = { params: idParams, response: { 200: userSchema } };

  api.get(
    '/users',
    { schema: { tags, querystring: listUsersQuery, response: { 200: userPageSchema } } },
    (req) => users.listUsers(ctxOf(req), req.query),
  );
  api.get(
    '/users/grantable-roles',
    { schema: { tags, querystring: grantableQuery, response: { 200: grantableRolesSchema } } },
    (req) => grantableRolesOn(ctxOf(req), req.query.unitId),
  );
  api.get('/users/:id', { schema: { tags, ...one } }, (req) => users.getUser(ctxOf(req), req.params.id));
  api.post(
    '/users',
    { schema: { tags, body: createUserBody, response: { 201: createdUserSchema } } },
    async (req, reply) => reply.status(201).send(await users.createUser(ctxOf(req), req.body)),
  );
  api.patch('/users/:id', { schema: { tags, ...one, body: updateUserBody } }, (req) =>
    users.updateUser(ctxOf(req), req.params.id, req.body),
  );
  api.post('/users/:id/deactivate', { schema: { tags, ...one } }, (req) =>
    users.setUserActive(ctxOf(req), req.params.id, false),
  );
  api.post('/users/:id/reactivate', { schema: { tags, ...one } }, (req) =>
    users.setUserActive(ctxOf(req), req.params.id, true),
  );
  api.post(
    '/users/:id/reset-password',
    { schema: { tags, params: idParams, response: { 200: resetPasswordSchema } } },
    (req) => users.resetUserPassword(ctxOf(req), req.params.id),
  );
  api.put('/users/:id/staff', { schema: { tags, ...one, body: linkStaffBody } }, (req) =>
    users.linkStaff(ctxOf(req), req.params.id, req.body.staffId),
  );
  api.post('/users/:id/roles', { schema: { tags, ...one, body: roleGrantBody } }, (req) =>
    grantRole(ctxOf(req), req.params.id, req.body),
  );
  api.delete(
    '/users/:id/roles/:assignmentId',
    { schema: { tags, params: assignmentParams, response: { 200: userSchema } } },
    (req) => revokeRole(ctxOf(req), req.params.id, req.params.assignmentId),
  );
};
