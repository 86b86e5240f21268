import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  notificationPreferencesBody,
  notificationPreferencesSchema,
  pushEndpointBody,
  pushKeySchema,
  pushSubscriptionBody,
  unsubscribeBody,
  unsubscribedSchema,
} from '#contracts/notifications.ts';
import { ctxOf } from '../http/request-context.ts';
import { loadNotificationKeys } from './keys.ts';
import {
  myPreferences,
  savePreferences,
  subscribePush,
  unsubscribeByToken,
  unsubscribePush,
} from './preferences.ts';

const tags = ['notifications'];

/** The caller's channels and quiet hours, this browser's Web Push subscription, and the e-mails' unsubscribe link. */
export const notificationPreferenceRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/notifications/preferences',
    { schema: { tags, response: { 200: notificationPreferencesSchema } } },
    (req) => myPreferences(ctxOf(req)),
  );
  api.put(
    '/notifications/preferences',
    { schema: { tags, body: notificationPreferencesBody, response: { 200: notificationPreferencesSchema } } },
    (req) => savePreferences(ctxOf(req), req.body),
  );
  api.get('/notifications/push/key', { schema: { tags, response: { 200: pushKeySchema } } }, async (req) => {
    ctxOf(req);
    return { publicKey: (await loadNotificationKeys(req.server.db)).vapidPublicKey };
  });
  api.post(
    '/notifications/push/subscriptions',
    { schema: { tags, body: pushSubscriptionBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await subscribePush(ctxOf(req), req.body);
      return reply.status(204).send(null);
    },
  );
  api.post(
    '/notifications/push/unsubscribe',
    { schema: { tags, body: pushEndpointBody, response: { 204: z.null() } } },
    async (req, reply) => {
      await unsubscribePush(ctxOf(req), req.body.endpoint);
      return reply.status(204).send(null);
    },
  );
  // Public on purpose: the link in an e-mail works without signing in; the signed token is the permission.
  api.post(
    '/notifications/unsubscribe',
    { schema: { tags, body: unsubscribeBody, response: { 200: unsubscribedSchema } } },
    (req) => unsubscribeByToken({ db: req.server.db, ip: req.ip, log: req.log }, req.body.token),
  );
};
