import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  schoolNotificationSettingsBody,
  schoolNotificationSettingsSchema,
} from '#contracts/notifications.ts';
import { ctxOf } from '../http/request-context.ts';
import { saveSchoolNotificationSettings, schoolNotificationSettings } from './school-settings.ts';

const tags = ['notifications'];
const params = z.object({ unitId: z.uuid('Trường không hợp lệ.') });

/** A school's notification settings: SMS budget of the month (and what is spent), the low-score notice. */
export const schoolNotificationSettingsRoutes: FastifyPluginAsync = async (app) => {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/units/:unitId/notification-settings',
    { schema: { tags, params, response: { 200: schoolNotificationSettingsSchema } } },
    (req) => schoolNotificationSettings(ctxOf(req), req.params.unitId),
  );
  api.put(
    '/units/:unitId/notification-settings',
    {
      schema: {
        tags,
        params,
        body: schoolNotificationSettingsBody,
        response: { 200: schoolNotificationSettingsSchema },
      },
    },
    (req) => saveSchoolNotificationSettings(ctxOf(req), req.params.unitId, req.body),
  );
};
