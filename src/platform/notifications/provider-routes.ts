import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { esmsCallbackQuery, providerCallbackSchema, znsWebhookBody } from '#contracts/notifications.ts';
import { AppError, notFound } from '../errors.ts';
import { loadNotificationKeys } from './keys.ts';
import {
  applyDeliveryReports,
  esmsReport,
  verifyEsmsCallback,
  verifyZnsWebhook,
  znsReport,
} from './provider-reports.ts';

const tags = ['notifications'];
const refused = () => new AppError('forbidden', 'Chữ ký của báo cáo gửi tin không hợp lệ.');

/**
 * The providers' delivery reports. Public on purpose (the provider has no session): each request is verified before
 * it changes anything, eSMS by the signature we put in the callback address of each message, Zalo by its documented
 * X-ZEvent-Signature over the raw body with the OA secret key (TRUONGSO_ZNS_APP_ID, TRUONGSO_ZNS_OA_SECRET_KEY).
 */
export const notificationProviderRoutes: FastifyPluginAsync<{ env?: NodeJS.ProcessEnv }> = async (
  app,
  opts,
) => {
  const env = opts.env ?? process.env;
  // Zalo signs the bytes it sent: keep them (this parser serves only the routes of this plugin).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    (req as { rawBody?: string }).rawBody = body as string;
    try {
      done(null, body === '' ? {} : JSON.parse(body as string));
    } catch {
      done(new AppError('validation_failed', 'Nội dung không phải JSON hợp lệ.'), undefined);
    }
  });
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/notifications/providers/esms',
    { schema: { tags, querystring: esmsCallbackQuery, response: { 200: providerCallbackSchema } } },
    async (req) => {
      const { tokenSecret } = await loadNotificationKeys(req.server.db, env);
      if (!verifyEsmsCallback(tokenSecret, req.query.RequestId, req.query.sig)) throw refused();
      const report = esmsReport(req.query, new Date());
      return { updated: report ? await applyDeliveryReports(req.server.db, [report]) : 0 };
    },
  );
  api.post(
    '/notifications/providers/zns',
    { schema: { tags, body: znsWebhookBody, response: { 200: providerCallbackSchema } } },
    async (req) => {
      const appId = env.TRUONGSO_ZNS_APP_ID;
      const oaSecretKey = env.TRUONGSO_ZNS_OA_SECRET_KEY;
      if (!appId || !oaSecretKey) throw notFound('địa chỉ nhận báo cáo Zalo (chưa cấu hình)');
      const raw = (req as { rawBody?: string }).rawBody ?? '';
      const header = req.headers['x-zevent-signature'];
      if (
        !verifyZnsWebhook({ appId, oaSecretKey }, raw, req.body, Array.isArray(header) ? header[0] : header)
      )
        throw refused();
      const report = znsReport(req.body, new Date());
      return { updated: report ? await applyDeliveryReports(req.server.db, [report]) : 0 };
    },
  );
};
