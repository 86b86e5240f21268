import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import webpush from 'web-push';
import type { NotificationChannel } from '#contracts/notifications.ts';
import type { DB } from '../db/schema.ts';

export interface NotificationKeys {
  vapidPublicKey: string;
  vapidPrivateKey: string;
  /** Signs unsubscribe links (HMAC-SHA256). */
  tokenSecret: string;
}

/**
 * The VAPID key pair and the token secret. TRUONGSO_VAPID_PUBLIC_KEY / _PRIVATE_KEY win when set; otherwise the pair
 * is generated on first start and stored, so subscriptions survive restarts (a new pair would orphan every
 * subscription). Two processes starting at once both try to insert: the first wins, the second reads it.
 */
export async function loadNotificationKeys(
  db: Kysely<DB>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<NotificationKeys> {
  let row = await db.selectFrom('notification_keys').selectAll().where('id', '=', 1).executeTakeFirst();
  if (!row) {
    const pair = webpush.generateVAPIDKeys();
    await db
      .insertInto('notification_keys')
      .values({
        id: 1,
        vapid_public_key: pair.publicKey,
        vapid_private_key: pair.privateKey,
        token_secret: randomBytes(32).toString('base64url'),
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    row = await db.selectFrom('notification_keys').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
  }
  const configured = env.TRUONGSO_VAPID_PUBLIC_KEY && env.TRUONGSO_VAPID_PRIVATE_KEY;
  return {
    vapidPublicKey: configured ? (env.TRUONGSO_VAPID_PUBLIC_KEY as string) : row.vapid_public_key,
    vapidPrivateKey: configured ? (env.TRUONGSO_VAPID_PRIVATE_KEY as string) : row.vapid_private_key,
    tokenSecret: row.token_secret,
  };
}

const sign = (secret: string, payload: string) =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** A link token that turns one channel off for one user, without signing in (e-mails carry it). */
export function unsubscribeToken(secret: string, userId: string, channel: NotificationChannel): string {
  const payload = Buffer.from(`${userId}:${channel}`).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** The user and channel of a token, or null when it was not signed with this secret. */
export function readUnsubscribeToken(
  secret: string,
  token: string,
): { userId: string; channel: NotificationChannel } | null {
  const [payload = '', signature = ''] = token.split('.');
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const [userId, channel] = Buffer.from(payload, 'base64url').toString().split(':');
  if (!userId || !channel) return null;
  return { userId, channel: channel as NotificationChannel };
}
