import { type Channel, postJson, retryableStatus, type SendOutcome } from './channels.ts';

export interface ZnsSettings {
  /** OA access token (TRUONGSO_ZNS_ACCESS_TOKEN); refreshed outside the app. */
  accessToken: string;
  /** The approved template (TRUONGSO_ZNS_TEMPLATE_ID) with parameters title, content and url. */
  templateId: string;
  /** TRUONGSO_ZNS_URL, default Zalo's "send ZNS by phone number" endpoint. */
  url?: string;
}

export const ZNS_DEFAULT_URL = 'https://business.openapi.zalo.me/message/template';

/** Vietnamese mobile number in the international form ZNS takes: 0912345678 / +84912345678 → 84912345678. */
export function internationalPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('0') ? `84${digits.slice(1)}` : digits;
}

/** Zalo's errors that a later try may get past: over the request rate, internal errors. */
const RETRYABLE_ZNS_ERRORS = new Set([-32, -100]);

/**
 * Zalo Notification Service: a message on an approved template, to the Zalo account of a phone number. Request
 * (Zalo ZNS API, "send a ZNS message"): POST with header access_token and JSON {phone, template_id, template_data,
 * tracking_id}; the answer is {error, message, data: {msg_id, sent_time, quota}}, error 0 on success and a negative
 * code otherwise (-124 token invalid, -108 phone invalid, -118 no Zalo account for the number, …).
 */
export function znsChannel(settings: ZnsSettings): Channel {
  return {
    name: 'zns',
    async send(m): Promise<SendOutcome> {
      const res = await postJson(
        settings.url ?? ZNS_DEFAULT_URL,
        {
          phone: internationalPhone(m.address),
          template_id: settings.templateId,
          template_data: {
            title: m.title.slice(0, 100),
            content: (m.body ?? '').slice(0, 400),
            url: m.url ?? '',
          },
          tracking_id: m.id,
        },
        { access_token: settings.accessToken },
      );
      if ('error' in res) return { ok: false, retry: true, reason: `ZNS: ${res.error}` };
      if (res.status !== 200)
        return { ok: false, retry: retryableStatus(res.status), reason: `ZNS: HTTP ${res.status}` };
      const answer = (res.json ?? {}) as { error?: number; message?: string; data?: { msg_id?: string } };
      if (answer.error === 0) return { ok: true, providerRef: answer.data?.msg_id };
      const code = answer.error ?? 'unknown';
      return {
        ok: false,
        retry: RETRYABLE_ZNS_ERRORS.has(Number(code)),
        reason: `ZNS lỗi ${code}: ${answer.message ?? ''}`.trim(),
      };
    },
  };
}
