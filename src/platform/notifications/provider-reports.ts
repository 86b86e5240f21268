import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../db/schema.ts';

/**
 * What a provider later says about a message it accepted: received by the phone ("Đã nhận"), or not delivered with
 * the reason. Found by our message id (eSMS RequestId, ZNS tracking_id) or the provider's id (SMSID, msg_id).
 */
export interface DeliveryReportIn {
  channel: 'sms' | 'zns';
  messageId?: string;
  providerRef?: string;
  delivered: boolean;
  reason?: string;
  at: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Applies delivery reports in one statement: a sent message becomes delivered (with the time) or failed with the
 * provider's reason. A report for a message already delivered, still queued or unknown changes nothing; a provider
 * repeating its report (eSMS retries up to 5 times) is harmless. Returns the number of messages changed.
 */
export async function applyDeliveryReports(
  db: Kysely<DB>,
  reports: readonly DeliveryReportIn[],
): Promise<number> {
  if (reports.length === 0) return 0;
  const result = await sql`
    update notification_messages m
    set state = case when r.delivered then 'delivered' else 'failed' end,
      delivered_at = case when r.delivered then r.at else m.delivered_at end,
      last_error = case when r.delivered then m.last_error else r.reason end
    from unnest(${reports.map((r) => r.channel)}::text[],
      ${reports.map((r) => (r.messageId && UUID.test(r.messageId) ? r.messageId : null))}::uuid[],
      ${reports.map((r) => r.providerRef ?? null)}::text[], ${reports.map((r) => r.delivered)}::boolean[],
      ${reports.map((r) => r.reason ?? null)}::text[], ${reports.map((r) => r.at.toISOString())}::timestamptz[])
      as r(channel, message_id, provider_ref, delivered, reason, at)
    where m.channel = r.channel and m.state = 'sent'
      and (m.id = r.message_id or (r.provider_ref is not null and m.provider_ref = r.provider_ref))
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

// ---- eSMS (developers.esms.vn, "Callback Url")
// eSMS calls the CallbackUrl given with each send, by HTTP GET, when the telco's report arrives (retried up to 5
// times): SMSID, RequestId (ours: the message id), SendStatus (1 waiting for approval, 2 waiting to send, 4 rejected,
// 5 sent successfully, 7 sent to the telco, waiting for its report), phonenumber, telcoid, error_info. eSMS does not
// sign its callbacks; our callback address carries `sig`, an HMAC of the message id with the server's secret, so only
// the address we gave for that message can report on it.

/** The signature in a message's eSMS callback address. */
export function esmsCallbackSignature(secret: string, messageId: string): string {
  return createHmac('sha256', secret).update(`esms:${messageId}`).digest('base64url');
}

/** The address eSMS calls back for one message. */
export function esmsCallbackUrl(publicUrl: string, secret: string, messageId: string): string {
  return `${publicUrl}/api/v1/notifications/providers/esms?sig=${esmsCallbackSignature(secret, messageId)}`;
}

const equalText = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export function verifyEsmsCallback(secret: string, requestId: string, sig: string): boolean {
  return equalText(esmsCallbackSignature(secret, requestId), sig);
}

const ESMS_FINAL: Record<string, boolean> = { '5': true, '4': false };

/** The report an eSMS callback gives, or null while the message is still on its way (statuses 1, 2, 7). */
export function esmsReport(
  q: { SMSID?: string; SendStatus: string; RequestId: string; error_info?: string },
  at: Date,
): DeliveryReportIn | null {
  const delivered = ESMS_FINAL[q.SendStatus];
  if (delivered === undefined) return null;
  return {
    channel: 'sms',
    messageId: q.RequestId,
    providerRef: q.SMSID,
    delivered,
    reason: delivered
      ? undefined
      : `SMS bị từ chối (eSMS trạng thái ${q.SendStatus})${q.error_info ? `: ${q.error_info}` : ''}`,
    at,
  };
}

// ---- Zalo ZNS (Zalo for Developers, "Webhook" of the Official Account / ZNS)
// Zalo posts events to the webhook address set in the app's dashboard. Each request carries the header
// X-ZEvent-Signature: mac=<hex>, where hex = sha256(app_id + raw body + timestamp + OA secret key) and timestamp is
// the body's `timestamp`. The ZNS delivery report is the event `user_received_message`, with message.msg_id (the
// id the send returned) and message.tracking_id (ours), and message.delivery_time.

export function znsSignature(appId: string, rawBody: string, timestamp: string, oaSecretKey: string): string {
  return createHash('sha256').update(`${appId}${rawBody}${timestamp}${oaSecretKey}`).digest('hex');
}

/** Whether the webhook's X-ZEvent-Signature is Zalo's for this body (the app id must be ours too). */
export function verifyZnsWebhook(
  settings: { appId: string; oaSecretKey: string },
  rawBody: string,
  body: { app_id?: string; timestamp?: string | number },
  header: string | undefined,
): boolean {
  if (!header || body.app_id !== settings.appId) return false;
  const given = header.replace(/^mac=/, '').trim().toLowerCase();
  const expected = znsSignature(settings.appId, rawBody, String(body.timestamp ?? ''), settings.oaSecretKey);
  return equalText(expected, given);
}

/** The report of a ZNS webhook event, or null for other events (a user's message, a follow…). */
export function znsReport(
  body: {
    event_name: string;
    timestamp?: string | number;
    message?: { msg_id?: string; tracking_id?: string; delivery_time?: string | number };
  },
  now: Date,
): DeliveryReportIn | null {
  if (body.event_name !== 'user_received_message' || !body.message) return null;
  const ms = Number(body.message.delivery_time ?? body.timestamp);
  return {
    channel: 'zns',
    messageId: body.message.tracking_id,
    providerRef: body.message.msg_id,
    delivered: true,
    at: Number.isFinite(ms) && ms > 0 ? new Date(ms) : now,
  };
}
