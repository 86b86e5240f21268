import { type Channel, postJson, retryableStatus, type SendOutcome } from './channels.ts';
import { smsText } from './templates.ts';

export interface SmsSettings {
  apiKey: string;
  secretKey: string;
  /** The registered brand name shown as the sender (TRUONGSO_SMS_BRANDNAME). */
  brandname: string;
  /** TRUONGSO_SMS_URL, default eSMS's JSON endpoint for brand-name customer-care messages. */
  url?: string;
  /** The address eSMS calls back with the delivery report of a message (provider-reports.ts); absent = none. */
  callbackUrl?: (messageId: string) => string;
}

export const ESMS_DEFAULT_URL = 'https://rest.esms.vn/MainService.svc/json/SendMultipleMessage_V4_post_json/';

/** eSMS answers worth trying again: 99 (unknown error / connection). Others are configuration or content errors. */
const RETRYABLE_CODES = new Set(['99']);

/**
 * SMS brand-name through eSMS (a Vietnamese provider; VNPT and Viettel offer the same shape of API): POST JSON
 * {ApiKey, SecretKey, Brandname, Phone, Content, SmsType "2" (customer care), IsUnicode "0", RequestId}; the answer
 * is {CodeResult, SMSID, ErrorMessage}: "100" accepted, "101" wrong keys, "103" balance spent, "104" unknown brand
 * name, "124" the RequestId was already sent (so a retry after a lost answer is not charged twice: taken as sent),
 * "146" content does not match the registered template. The text is sent without diacritics (IsUnicode 0). With
 * CallbackUrl, eSMS later reports the telco's delivery status to it (provider-reports.ts).
 */
export function smsChannel(settings: SmsSettings, schoolName = 'Truong So'): Channel {
  return {
    name: 'sms',
    async send(m): Promise<SendOutcome> {
      const res = await postJson(settings.url ?? ESMS_DEFAULT_URL, {
        ApiKey: settings.apiKey,
        SecretKey: settings.secretKey,
        Brandname: settings.brandname,
        Phone: m.address.replace(/\D/g, ''),
        Content: smsText(schoolName, m.title, m.body),
        SmsType: '2',
        IsUnicode: '0',
        RequestId: m.id,
        ...(settings.callbackUrl ? { CallbackUrl: settings.callbackUrl(m.id) } : {}),
      });
      if ('error' in res) return { ok: false, retry: true, reason: `SMS: ${res.error}` };
      if (res.status !== 200)
        return { ok: false, retry: retryableStatus(res.status), reason: `SMS: HTTP ${res.status}` };
      const answer = (res.json ?? {}) as { CodeResult?: string; SMSID?: string; ErrorMessage?: string };
      const code = String(answer.CodeResult ?? '99');
      if (code === '100') return { ok: true, providerRef: answer.SMSID };
      if (code === '124') return { ok: true, providerRef: answer.SMSID ?? m.id };
      return {
        ok: false,
        retry: RETRYABLE_CODES.has(code),
        reason: `SMS lỗi ${code}: ${answer.ErrorMessage ?? ''}`.trim(),
      };
    },
  };
}
