import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { refuseUntilPasswordChanged } from '../auth/password-change-gate.ts';
import { authRoutes } from '../auth/routes.ts';
import {
  cachedSession,
  JOB_POLL_SESSION_MS,
  loadSession,
  SESSION_CACHE_MS,
  SESSION_COOKIE,
} from '../auth/sessions.ts';
import { fastifyTrustProxy, type TrustProxy } from '../config.ts';
import type { EngineHealth } from '../db/pglite-engine.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { type FeatureManifest, featureRoutes, registerFeatures } from '../features.ts';
import { jobRoutes } from '../jobs/routes.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { notificationPreferenceRoutes } from '../notifications/preference-routes.ts';
import { notificationProviderRoutes } from '../notifications/provider-routes.ts';
import { notificationRoutes } from '../notifications/routes.ts';
import { schoolNotificationSettingsRoutes } from '../notifications/school-settings-routes.ts';
import { handleError } from './error-handler.ts';
import { addSecurityHeaders } from './security-headers.ts';
import { validateRequest } from './validation.ts';
import { FULL_DELIVERY, registerCompression, serveWebApp, type WebDelivery } from './web-delivery.ts';

z.config(z.locales.vi());

export interface AppOptions {
  db: Kysely<DB>;
  jobs: JobRunner;
  /** The features to serve (src/server.ts composes the list); their jobs are registered with `jobs` by the caller. */
  features: readonly FeatureManifest[];
  logger?: FastifyServerOptions['logger'];
  /** Built web app to serve; omitted in API-only tests. */
  webDist?: string;
  secureCookies?: boolean;
  /** Proxies allowed to set X-Forwarded-For/-Proto (TRUONGSO_TRUST_PROXY); none by default. */
  trustProxy?: TrustProxy;
  /** Login attempts per IP per 5 minutes (tests lower or raise it). */
  loginRateLimit?: number;
  /** Compression and caching of responses (web-delivery.ts); both on unless TRUONGSO_HTTP_OPTIMISATIONS=0. */
  delivery?: WebDelivery;
  /** The embedded engine's state and restarts (Database.engineHealth), shown by GET /health; absent on PostgreSQL. */
  databaseHealth?: () => EngineHealth;
  /** How long a checked session is reused without a database read (SESSION_CACHE_MS; 0: read every time). */
  sessionCacheMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    jobs: JobRunner;
    secureCookies: boolean;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const JOB_POLL = /^\/api\/v1\/jobs\/[0-9a-f-]{36}$/;
/** A progress poll of one job (read-only; see JOB_POLL_SESSION_MS). */
const isJobPoll = (method: string, url: string) => method === 'GET' && JOB_POLL.test(url);
const CSRF_EXEMPT = new Set(['/api/v1/auth/login']);

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    bodyLimit: 20 * 1024 * 1024,
  });
  app.decorate('db', options.db);
  app.decorate('jobs', options.jobs);
  app.decorate('secureCookies', options.secureCookies ?? false);
  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);
  app.setValidatorCompiler(validateRequest);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  addSecurityHeaders(app);

  const delivery = options.delivery ?? FULL_DELIVERY;
  await registerCompression(app, delivery);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifyMultipart, { limits: { fileSize: 20 * 1024 * 1024, files: 5 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Trường Số API', version: '1', description: 'REST JSON API của Trường Số (/api/v1).' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const sessionCacheMs = options.sessionCacheMs ?? SESSION_CACHE_MS;
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    const maxAge = isJobPoll(request.method, request.url) ? JOB_POLL_SESSION_MS : sessionCacheMs;
    const session = cachedSession(token, maxAge) ?? (await loadSession(options.db, token));
    request.actor = session?.actor ?? null;
    request.csrfToken = session?.csrfToken ?? null;
  });
  // Double-submit CSRF check: the SPA echoes the readable ts_csrf cookie in a header; it must match the session.
  app.addHook('preHandler', async (request) => {
    if (!UNSAFE_METHODS.has(request.method) || !request.url.startsWith('/api/v1/')) return;
    if (CSRF_EXEMPT.has(request.url.split('?')[0] ?? '') || !request.actor) return;
    if (request.headers['x-csrf-token'] !== request.csrfToken) {
      throw new AppError('csrf_failed', 'Phiên làm việc không hợp lệ (CSRF). Hãy tải lại trang và thử lại.');
    }
  });
  app.addHook('preHandler', refuseUntilPasswordChanged);

  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      typed.get(
        '/health',
        {
          schema: {
            tags: ['system'],
            response: {
              200: z.object({
                status: z.literal('ok'),
                database: z.string(),
                // The embedded database's worker thread: restarts after crashes (none on PostgreSQL).
                engine: z
                  .object({
                    state: z.enum(['ok', 'restarting', 'failed']),
                    restarts: z.number(),
                    lastRestartAt: z.string().nullable(),
                    lastExitCode: z.number().nullable(),
                  })
                  .optional(),
              }),
            },
          },
        },
        async () => {
          // While the worker restarts this query fails with 'unavailable': the endpoint answers 503.
          await options.db.selectFrom('unit_kinds').select('code').limit(1).execute();
          return { status: 'ok' as const, database: 'ok', engine: options.databaseHealth?.() };
        },
      );
      await api.register(authRoutes, { loginRateLimit: options.loginRateLimit ?? 30 });
      await api.register(jobRoutes);
      await api.register(notificationRoutes);
      await api.register(notificationPreferenceRoutes);
      await api.register(notificationProviderRoutes);
      await api.register(schoolNotificationSettingsRoutes);
      registerFeatures(options.features);
      for (const routes of featureRoutes(options.features)) await api.register(routes);
    },
    { prefix: '/api/v1' },
  );

  serveWebApp(app, options.webDist, delivery);
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/')) {
      return reply
        .status(404)
        .send({ error: { code: 'not_found', message: 'Không tìm thấy địa chỉ API này.' } });
    }
    if (options.webDist && fs.existsSync(path.join(options.webDist, 'index.html'))) {
      return reply.sendFile('index.html');
    }
    return reply
      .status(404)
      .type('text/plain; charset=utf-8')
      .send('Chưa có giao diện web: chạy "npm run build".');
  });
  return app;
}
