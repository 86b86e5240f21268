import webpush from 'web-push';
import { type Channel, retryableStatus, type SendOutcome } from './channels.ts';

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
        // The request is built (VAPID JWT, aes128gcm body) by web-push and sent with fetch, which also speaks
        // plain HTTP: the tests' local push endpoint needs no certificate.
        const details = webpush.generateRequestDetails(
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
          },
        );
        const res = await fetch(details.endpoint, {
          method: details.method,
          headers: details.headers as Record<string, string>,
          body: details.body ? new Uint8Array(details.body) : undefined,
          signal: AbortSignal.timeout(10_000),
        });
        if (res.ok) return { ok: true, providerRef: res.headers.get('location') ?? undefined };
        const reason = `Web Push: HTTP ${res.status}`;
        if (res.status === 404 || res.status === 410) return { ok: false, retry: false, reason, gone: true };
        return { ok: false, retry: retryableStatus(res.status), reason };
      } catch (error) {
        return { ok: false, retry: true, reason: `Web Push: ${(error as Error).message}` };
      }
    },
  };
}
