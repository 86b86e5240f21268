import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changePasswordBody, loginBody, type Me, meResponse } from '#contracts/auth.ts';
import type { Actor } from '../authz/actor.ts';
import { ctxOf } from '../http/request-context.ts';
import { changePassword, login } from './service.ts';
import { CSRF_COOKIE, deleteSession, loadSession, SESSION_COOKIE, SESSION_IDLE_MS } from './sessions.ts';

export const authRoutes: FastifyPluginAsync<{ loginRateLimit: number }> = async (app, options) => {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    '/auth/login',
    {
      schema: { tags: ['auth'], body: loginBody, response: { 200: meResponse } },
      config: { rateLimit: { max: options.loginRateLimit, timeWindow: '5 minutes' } },
    },
    async (request, reply) => {
      const session = await login(app.db, {
        ...request.body,
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      });
      setSessionCookies(reply, session.token, session.csrfToken, secureCookies(request));
      const loaded = await loadSession(app.db, session.token);
      if (!loaded) throw new Error('session vanished after login');
      return toMe(loaded.actor, loaded.csrfToken);
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags: ['auth'], response: { 204: z.null() } } },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await deleteSession(app.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  api.get('/auth/me', { schema: { tags: ['auth'], response: { 200: meResponse } } }, async (request) => {
    const ctx = ctxOf(request);
    return toMe(ctx.actor, csrfOf(request));
  });

  api.post(
    '/auth/password',
    {
      schema: { tags: ['auth'], body: changePasswordBody, response: { 204: z.null() } },
      // Guessing the current password from a stolen session is limited like guessing at login.
      config: { rateLimit: { max: options.loginRateLimit, timeWindow: '5 minutes' } },
    },
    async (request, reply) => {
      await changePassword(ctxOf(request), request.body, request.cookies[SESSION_COOKIE]);
      return reply.status(204).send(null);
    },
  );
};

function csrfOf(request: FastifyRequest): string {
  return request.csrfToken ?? '';
}

/**
 * Cookies are Secure when the request came over HTTPS (request.protocol: X-Forwarded-Proto counts only from a
 * trusted proxy, see TRUONGSO_TRUST_PROXY) or when TRUONGSO_SECURE_COOKIES=1 forces it.
 */
function secureCookies(request: FastifyRequest): boolean {
  return request.server.secureCookies || request.protocol === 'https';
}

function setSessionCookies(reply: FastifyReply, token: string, csrfToken: string, secure: boolean) {
  const maxAge = Math.floor(SESSION_IDLE_MS / 1000);
  reply
    .setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge })
    .setCookie(CSRF_COOKIE, csrfToken, { httpOnly: false, sameSite: 'strict', secure, path: '/', maxAge });
}

function toMe(actor: Actor, csrfToken: string): Me {
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      fullName: actor.fullName,
      mustChangePassword: actor.mustChangePassword,
    },
    assignments: actor.assignments.map((a) => ({
      role: a.role,
      unitId: a.unitId,
      unitName: a.unitName,
      unitKind: a.unitKind,
    })),
    csrfToken,
  };
}
