import webpush from 'web-push';
import type { Channel, SendOutcome } from './channels.ts';

export interface PushSettings {
  publicKey: string;
  privateKey: string;
  /** VAPID subject: a mailto: or https: address the push service may contact (TRUONGSO_VAPID_SUBJECT). */
  subject: string;
}

/**
 * Web Push (RFC 8030) with VAPID (RFC 8292); web-push encrypts the payload with aes128gcm (RFC 8291). The payload
 * is JSON {title, body, url} that the service worker (web/public/sw.js) shows. 404/410 from the push service mean
 * the subscription has gone: it is deleted and not retried.
 */
export function pushChannel(settings: PushSettings): Channel {
  return {
    name: 'push',
    async send(m): Promise<SendOutcome> {
      if (!m.push)
        return { ok: false, retry: false, reason: 'Thiết bị đã huỷ đăng kí nhận thông báo', gone: true };
      try {
        const res = await webpush.sendNotification(
          { endpoint: m.address, keys: m.push },
          JSON.stringify({ title: m.title, body: m.body ?? '', url: m.url }),
          {
            vapidDetails: {
              subject: settings.subject,
              publicKey: settings.publicKey,
              privateKey: settings.privateKey,
            },
            TTL: 24 * 3600,
            contentEncoding: 'aes128gcm',
            timeout: 10_000,
          },
        );
        return { ok: true, providerRef: String(res.headers.location ?? '') || undefined };
      } catch (error) {
        const status = (error as { statusCode?: number }).statusCode ?? 0;
        const reason = `Web Push: ${status || (error as Error).message}`;
        if (status === 404 || status === 410) return { ok: false, retry: false, reason, gone: true };
        return { ok: false, retry: status === 0 || status === 429 || status >= 500, reason };
      }
    },
  };
}
