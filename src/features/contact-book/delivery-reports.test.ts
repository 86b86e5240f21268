import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildSchoolAccounts } from '../../../test/factories.ts';
import {
  buildClassWithStudents,
  buildGuardianAccount,
  buildTeacherAccount,
} from '../../../test/factories-transcripts.ts';
import { startHttpEndpoint } from '../../../test/notification-servers.ts';
import type { Row } from '../../platform/db/schema.ts';
import { deliverDue, SMS_BUDGET_SPENT } from '../../platform/notifications/deliver.ts';
import { loadNotificationKeys } from '../../platform/notifications/keys.ts';
import { esmsCallbackUrl, znsSignature } from '../../platform/notifications/provider-reports.ts';
import { setConfiguredChannels } from '../../platform/notifications/publish.ts';
import { smsChannel } from '../../platform/notifications/sms-channel.ts';
import { znsChannel } from '../../platform/notifications/zns-channel.ts';

// Issue 13 §1: "delivered where the provider reports it" (eSMS callback, Zalo ZNS webhook, both verified) and the
// per-school monthly SMS budget set on the school's notification settings.
describe.each(STORAGES)('báo cáo nhận tin và ngân sách SMS của trường (%s)', (storage) => {
  let t: TestApp;
  let cls: Row<'classes'>;
  let students: Row<'students'>[];
  let homeroom: TestClient;
  let principal: TestClient;
  let tokenSecret: string;
  const publicUrl = 'http://truong.test';

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    const teacher = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gvcn.8a',
      fullName: 'Lê Văn Tâm',
    });
    ({ cls, students } = await buildClassWithStudents(t.db, {
      unit: u.schoolA,
      name: '8A',
      grade: 8,
      homeroomTeacher: teacher.staff,
      students: ['Hà An', 'Hà Bình', 'Hà Chi', 'Hà Dung'],
    }));
    // Three families with an account and a phone; the fourth has no guardian at all.
    for (const [i, student] of students.slice(0, 3).entries()) {
      const user = await buildGuardianAccount(t.db, {
        students: [student],
        username: `ph8.${i + 1}`,
        fullName: `Phụ Huynh ${i + 1}`,
      });
      await t.db
        .updateTable('users')
        .set({ phone: `091234500${i}` })
        .where('id', '=', user.id)
        .execute();
    }
    homeroom = await t.as('gvcn.8a');
    principal = await t.as('ht.a');
    tokenSecret = (await loadNotificationKeys(t.db)).tokenSecret;
  });
  afterAll(async () => {
    setConfiguredChannels([]);
    await t.close();
  });

  const settingsUrl = () => `/api/v1/units/${cls.unit_id}/notification-settings`;
  const noteDelivery = async (title: string) => {
    const notes = await homeroom.get(`/api/v1/classes/${cls.id}/notes`);
    return notes.body.find((n: { title: string }) => n.title === title).delivery;
  };
  const messagesOf = (title: string, channel: 'sms' | 'zns') =>
    t.db
      .selectFrom('notification_messages as m')
      .innerJoin('notification_events as e', 'e.id', 'm.event_id')
      .select(['m.id', 'm.state', 'm.last_error', 'm.provider_ref', 'm.delivered_at'])
      .where('e.title', '=', `Lớp 8A: ${title}`)
      .where('m.channel', '=', channel)
      .orderBy('m.address')
      .execute();

  it('the principal sets the school budget; a teacher may not; a wrong value is a 400 naming the field', async () => {
    const before = await principal.get(settingsUrl());
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ smsMonthlyBudget: null, lowScoreEnabled: false, version: 0 });
    const wrong = await principal.put(settingsUrl(), { ...before.body, smsMonthlyBudget: -3 });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toContain('Ngân sách SMS');
    expect((await homeroom.put(settingsUrl(), { ...before.body, smsMonthlyBudget: 5 })).status).toBe(403);
    const saved = await principal.put(settingsUrl(), {
      smsMonthlyBudget: 2,
      lowScoreEnabled: false,
      lowScoreThreshold: 5,
      version: 0,
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ smsMonthlyBudget: 2, version: 1, smsSentThisMonth: 0 });
    // A save over it from a stale page is refused.
    const stale = await principal.put(settingsUrl(), { ...saved.body, smsMonthlyBudget: 9, version: 0 });
    expect(stale.status).toBe(409);
  });

  it("SMS stops at the school's own budget (not the server's); eSMS callbacks mark received or failed, verified", async () => {
    setConfiguredChannels(['sms']);
    const esms = await startHttpEndpoint((_req, n) => ({
      status: 200,
      body: { CodeResult: '100', SMSID: `sms-${n}` },
    }));
    try {
      expect(
        (await homeroom.post(`/api/v1/classes/${cls.id}/notes`, { title: 'Tiền ăn', body: 'Nộp thứ Hai.' }))
          .status,
      ).toBe(201);
      const channel = smsChannel({
        apiKey: 'k',
        secretKey: 's',
        brandname: 'TRUONGSO',
        url: esms.url,
        callbackUrl: (id) => esmsCallbackUrl(publicUrl, tokenSecret, id),
      });
      // The server's default would allow 100; the school's own budget of 2 wins.
      await deliverDue(
        t.db,
        { channels: { sms: channel }, publicUrl, tokenSecret, smsMonthlyBudget: 100 },
        new Date(),
      );
      const sms = await messagesOf('Tiền ăn', 'sms');
      expect(sms.map((m) => m.state).sort()).toEqual(['failed', 'sent', 'sent']);
      expect(sms.find((m) => m.state === 'failed')?.last_error).toBe(SMS_BUDGET_SPENT);
      expect(esms.requests).toHaveLength(2);
      const settings = await principal.get(settingsUrl());
      expect(settings.body).toMatchObject({ smsMonthlyBudget: 2, smsSentThisMonth: 2 });

      const [first, second] = sms.filter((m) => m.state === 'sent');
      const callbackOf = (id: string) => {
        const req = esms.requests.find((r) => (r.json as { RequestId: string }).RequestId === id);
        const sent = req?.json as { CallbackUrl?: string } | undefined;
        return String(sent?.CallbackUrl).replace(publicUrl, '');
      };
      const anonymous = t.anonymous();
      const forged = await anonymous.get(
        `/api/v1/notifications/providers/esms?sig=forged&SendStatus=5&RequestId=${first?.id}`,
      );
      expect(forged.status).toBe(403);
      expect((await messagesOf('Tiền ăn', 'sms')).find((m) => m.id === first?.id)?.state).toBe('sent');
      // Another message's signature does not open this one.
      const borrowed = await anonymous.get(
        `${callbackOf(second?.id as string)}&SendStatus=5&RequestId=${first?.id}`,
      );
      expect(borrowed.status).toBe(403);

      const waiting = await anonymous.get(
        `${callbackOf(first?.id as string)}&SendStatus=7&RequestId=${first?.id}`,
      );
      expect(waiting.body).toEqual({ updated: 0 });
      const ok = await anonymous.get(
        `${callbackOf(first?.id as string)}&SMSID=${first?.provider_ref}&SendStatus=5&RequestId=${first?.id}`,
      );
      expect(ok.body).toEqual({ updated: 1 });
      const rejected = await anonymous.get(
        `${callbackOf(second?.id as string)}&SendStatus=4&RequestId=${second?.id}&error_info=Blacklist`,
      );
      expect(rejected.body).toEqual({ updated: 1 });
      const after = await messagesOf('Tiền ăn', 'sms');
      expect(after.find((m) => m.id === first?.id)).toMatchObject({ state: 'delivered' });
      expect(after.find((m) => m.id === first?.id)?.delivered_at).not.toBeNull();
      expect(after.find((m) => m.id === second?.id)).toMatchObject({
        state: 'failed',
        last_error: 'SMS bị từ chối (eSMS trạng thái 4): Blacklist',
      });
      // The sender's report: one family's phone confirmed it ("Đã nhận"); the bell reached the three with accounts.
      expect(await noteDelivery('Tiền ăn')).toMatchObject({ families: 4, reached: 3, received: 1 });
      // A rejected SMS was still charged: the month's count stays 2.
      expect((await principal.get(settingsUrl())).body.smsSentThisMonth).toBe(2);
    } finally {
      setConfiguredChannels([]);
      await esms.close();
    }
  });

  it("a Zalo webhook marks a ZNS message received only with Zalo's signature (OA secret key)", async () => {
    setConfiguredChannels(['zns']);
    process.env.TRUONGSO_ZNS_APP_ID = 'app-8a';
    process.env.TRUONGSO_ZNS_OA_SECRET_KEY = 'oa-secret';
    const zalo = await startHttpEndpoint((_req, n) => ({
      status: 200,
      body: { error: 0, data: { msg_id: `zmsg-${n}` } },
    }));
    try {
      await homeroom.post(`/api/v1/classes/${cls.id}/notes`, { title: 'Dã ngoại', body: 'Thứ Sáu.' });
      const channel = znsChannel({ accessToken: 'tok', templateId: '123', url: zalo.url });
      await deliverDue(t.db, { channels: { zns: channel }, publicUrl, tokenSecret }, new Date());
      const zns = await messagesOf('Dã ngoại', 'zns');
      expect(zns.map((m) => m.state)).toEqual(['sent', 'sent', 'sent']);
      const target = zns[0] as (typeof zns)[number];
      const post = (raw: string, signature: string) =>
        t.app.inject({
          method: 'POST',
          url: '/api/v1/notifications/providers/zns',
          payload: raw,
          headers: { 'content-type': 'application/json', 'x-zevent-signature': signature },
        });
      const timestamp = String(Date.now());
      const raw = JSON.stringify({
        app_id: 'app-8a',
        sender: { id: 'oa' },
        recipient: { id: 'u1' },
        event_name: 'user_received_message',
        message: { msg_id: target.provider_ref, tracking_id: target.id, delivery_time: timestamp },
        timestamp,
      });
      const forged = await post(raw, `mac=${znsSignature('app-8a', raw, timestamp, 'not-the-secret')}`);
      expect(forged.statusCode).toBe(403);
      expect((await messagesOf('Dã ngoại', 'zns'))[0]?.state).toBe('sent');
      // The signature covers the bytes: the same signature on another body is refused.
      const other = raw.replace(String(target.provider_ref), 'zmsg-999');
      expect(
        (await post(other, `mac=${znsSignature('app-8a', raw, timestamp, 'oa-secret')}`)).statusCode,
      ).toBe(403);
      const ok = await post(raw, `mac=${znsSignature('app-8a', raw, timestamp, 'oa-secret')}`);
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toEqual({ updated: 1 });
      expect((await messagesOf('Dã ngoại', 'zns'))[0]).toMatchObject({ id: target.id, state: 'delivered' });
      // The same report again changes nothing.
      expect((await post(raw, `mac=${znsSignature('app-8a', raw, timestamp, 'oa-secret')}`)).json()).toEqual({
        updated: 0,
      });
      expect(await noteDelivery('Dã ngoại')).toMatchObject({ families: 4, reached: 3, received: 1 });
    } finally {
      delete process.env.TRUONGSO_ZNS_APP_ID;
      delete process.env.TRUONGSO_ZNS_OA_SECRET_KEY;
      setConfiguredChannels([]);
      await zalo.close();
    }
  });
});
