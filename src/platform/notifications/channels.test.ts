import { afterEach, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import {
  decryptPush,
  mailText,
  pushSubscriptionKeys,
  startHttpEndpoint,
  startSmtpServer,
} from '../../../test/notification-servers.ts';
import type { OutgoingMessage } from './channels.ts';
import { emailChannel } from './email-channel.ts';
import { pushChannel } from './push-channel.ts';
import { notBeforeQuietEnd } from './quiet-hours.ts';
import { smsChannel } from './sms-channel.ts';
import { smsText } from './templates.ts';
import { znsChannel } from './zns-channel.ts';

const message: OutgoingMessage = {
  id: '0b7c1d1e-7d3f-4b38-9a55-9f7d0c3a1111',
  unitId: 'u',
  address: '0912345678',
  title: 'Nguyễn Văn An (lớp 7A) vắng ngày 07/12/2026',
  body: 'Em An vắng buổi sáng (không phép).',
  url: 'http://localhost:3000/contact-book',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe?token=abc',
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

describe('kênh thư điện tử (SMTP)', () => {
  it('the e-mail arrives at a real SMTP server with the text, the link and the unsubscribe link', async () => {
    const smtp = await startSmtpServer();
    closers.push(smtp.close);
    const channel = emailChannel({
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      from: 'Trường Số <tb@truong.vn>',
    });
    const outcome = await channel.send({ ...message, address: 'me.an@example.vn' });
    expect(outcome.ok).toBe(true);
    expect(smtp.received).toHaveLength(1);
    const mail = smtp.received[0] as (typeof smtp.received)[number];
    expect(mail.to).toEqual(['me.an@example.vn']);
    expect(mail.raw).toMatch(/List-Unsubscribe: <http:\/\/localhost:3000\/unsubscribe\?token=abc>/);
    const text = mailText(mail.raw);
    expect(text).toContain('Em An vắng buổi sáng (không phép).');
    expect(text).toContain('Không muốn nhận thư này nữa: http://localhost:3000/unsubscribe?token=abc');
  });

  it('an unreachable SMTP server is a failure worth retrying', async () => {
    const channel = emailChannel({ host: '127.0.0.1', port: 1, secure: false, from: 'a@b.vn' });
    const outcome = await channel.send({ ...message, address: 'x@example.vn' });
    expect(outcome).toMatchObject({ ok: false, retry: true });
  });
});

describe('kênh Web Push', () => {
  it('the push service receives a VAPID-signed aes128gcm request the browser can decrypt', async () => {
    const endpoint = await startHttpEndpoint(() => ({ status: 201 }));
    closers.push(endpoint.close);
    const vapid = webpush.generateVAPIDKeys();
    const sub = pushSubscriptionKeys();
    const channel = pushChannel({ ...vapid, subject: 'mailto:admin@truong.vn' });
    const outcome = await channel.send({ ...message, address: `${endpoint.url}/push/abc`, push: sub.keys });
    expect(outcome.ok).toBe(true);
    const req = endpoint.requests[0];
    expect(req?.headers['content-encoding']).toBe('aes128gcm');
    expect(req?.headers.authorization).toMatch(new RegExp(`^vapid t=.+, k=${vapid.publicKey}$`));
    const payload = JSON.parse(decryptPush(req?.raw as Buffer, sub));
    expect(payload).toEqual({ title: message.title, body: message.body, url: message.url });
  });

  it('410 Gone means the subscription has gone: not retried', async () => {
    const endpoint = await startHttpEndpoint(() => ({ status: 410 }));
    closers.push(endpoint.close);
    const channel = pushChannel({ ...webpush.generateVAPIDKeys(), subject: 'mailto:a@b.vn' });
    const outcome = await channel.send({
      ...message,
      address: `${endpoint.url}/x`,
      push: pushSubscriptionKeys().keys,
    });
    expect(outcome).toMatchObject({ ok: false, retry: false, gone: true });
  });
});

describe('Zalo ZNS', () => {
  it('sends the template to the number in international form with the access token, and reads msg_id', async () => {
    const zalo = await startHttpEndpoint(() => ({
      status: 200,
      body: { error: 0, message: 'Success', data: { msg_id: 'zns-1', sent_time: '1733560000000' } },
    }));
    closers.push(zalo.close);
    const outcome = await znsChannel({ accessToken: 'tok', templateId: '12345', url: zalo.url }).send(
      message,
    );
    expect(outcome).toEqual({ ok: true, providerRef: 'zns-1' });
    const req = zalo.requests[0];
    expect(req?.headers.access_token).toBe('tok');
    expect(req?.json).toEqual({
      phone: '84912345678',
      template_id: '12345',
      template_data: { title: message.title, content: message.body, url: message.url },
      tracking_id: message.id,
    });
  });

  it('maps Zalo errors: -118 (no Zalo account) is final, -32 (rate) and HTTP 503 are retried', async () => {
    const answers = [
      { status: 200, body: { error: -118, message: 'Zalo account not existed' } },
      { status: 200, body: { error: -32, message: 'Exceeded request rate' } },
      { status: 503 },
    ];
    const zalo = await startHttpEndpoint((_, n) => answers[n - 1] as { status: number; body?: unknown });
    closers.push(zalo.close);
    const channel = znsChannel({ accessToken: 't', templateId: '1', url: zalo.url });
    expect(await channel.send(message)).toMatchObject({
      ok: false,
      retry: false,
      reason: 'ZNS lỗi -118: Zalo account not existed',
    });
    expect(await channel.send(message)).toMatchObject({ ok: false, retry: true });
    expect(await channel.send(message)).toMatchObject({ ok: false, retry: true, reason: 'ZNS: HTTP 503' });
  });
});

describe('SMS brand-name (eSMS)', () => {
  it('posts the documented JSON with the text without diacritics and the message id as RequestId', async () => {
    const esms = await startHttpEndpoint(() => ({
      status: 200,
      body: { CodeResult: '100', CountRegenerate: 0, SMSID: 's-1' },
    }));
    closers.push(esms.close);
    const channel = smsChannel(
      { apiKey: 'k', secretKey: 's', brandname: 'TRUONGSO', url: esms.url },
      'THCS Lê Lợi',
    );
    expect(await channel.send(message)).toEqual({ ok: true, providerRef: 's-1' });
    expect(esms.requests[0]?.json).toEqual({
      ApiKey: 'k',
      SecretKey: 's',
      Brandname: 'TRUONGSO',
      Phone: '0912345678',
      Content: 'THCS Le Loi: Nguyen Van An (lop 7A) vang ngay 07/12/2026. Em An vang buoi sang (khong phep).',
      SmsType: '2',
      IsUnicode: '0',
      RequestId: message.id,
    });
  });

  it('maps eSMS codes: 103 (balance) final, 99 retried, 124 (RequestId already sent) counts as sent', async () => {
    const answers = [
      { status: 200, body: { CodeResult: '103', ErrorMessage: 'Balance not enough' } },
      { status: 200, body: { CodeResult: '99', ErrorMessage: 'Unknown error' } },
      { status: 200, body: { CodeResult: '124', ErrorMessage: 'Request exist 1' } },
    ];
    const esms = await startHttpEndpoint((_, n) => answers[n - 1] as { status: number; body?: unknown });
    closers.push(esms.close);
    const channel = smsChannel({ apiKey: 'k', secretKey: 's', brandname: 'B', url: esms.url });
    expect(await channel.send(message)).toMatchObject({
      ok: false,
      retry: false,
      reason: 'SMS lỗi 103: Balance not enough',
    });
    expect(await channel.send(message)).toMatchObject({ ok: false, retry: true });
    expect(await channel.send(message)).toMatchObject({ ok: true });
  });

  it('an SMS text is folded to ASCII (đ → d) and cut to three segments', () => {
    expect(smsText('Trường', 'Điểm đã công bố', null)).toBe('Truong: Diem da cong bo');
    expect(smsText('T', 'x'.repeat(600), null)).toHaveLength(459);
  });
});

describe('giờ yên lặng (quiet hours)', () => {
  // 21:30 in Việt Nam is 14:30 UTC.
  const at = (utc: string) => new Date(`2026-12-07T${utc}:00Z`);
  it('a message inside 21:00–06:30 waits until 06:30 the next morning', () => {
    expect(notBeforeQuietEnd(at('14:30'), { from: '21:00', to: '06:30' }).toISOString()).toBe(
      '2026-12-07T23:30:00.000Z',
    );
  });
  it('outside the window, or without one, it goes now', () => {
    expect(notBeforeQuietEnd(at('03:00'), { from: '21:00', to: '06:30' })).toEqual(at('03:00'));
    expect(notBeforeQuietEnd(at('14:30'), { from: null, to: null })).toEqual(at('14:30'));
  });
  it('a daytime window (12:00–13:30) delays until its end the same day', () => {
    expect(notBeforeQuietEnd(at('05:15'), { from: '12:00', to: '13:30' }).toISOString()).toBe(
      '2026-12-07T06:30:00.000Z',
    );
  });
});
