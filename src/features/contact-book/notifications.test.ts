import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp, type TestClient } from '../../../test/app.ts';
import { STORAGES } from '../../../test/databases.ts';
import { buildGuardian, buildSchoolAccounts } from '../../../test/factories.ts';
import {
  buildClassWithStudents,
  buildGuardianAccount,
  buildTeacherAccount,
} from '../../../test/factories-transcripts.ts';
import {
  decryptPush,
  mailText,
  pushSubscriptionKeys,
  startHttpEndpoint,
  startSmtpServer,
} from '../../../test/notification-servers.ts';
import { todayInVietnam } from '../../domain/calendar/index.ts';
import type { Row } from '../../platform/db/schema.ts';
import {
  type DeliveryOptions,
  deliverDue,
  RETRY_DELAYS_MS,
  SMS_BUDGET_SPENT,
} from '../../platform/notifications/deliver.ts';
import { emailChannel } from '../../platform/notifications/email-channel.ts';
import { loadNotificationKeys } from '../../platform/notifications/keys.ts';
import { publishEvents, setConfiguredChannels } from '../../platform/notifications/publish.ts';
import { pushChannel } from '../../platform/notifications/push-channel.ts';
import { smsChannel } from '../../platform/notifications/sms-channel.ts';
import { publishAbsenceNotices } from '../gradebook/absence-notices.ts';

const names = Array.from({ length: 45 }, (_, i) => `Học Sinh ${String(i + 1).padStart(2, '0')}`);

describe.each(STORAGES)('thông báo đến gia đình (%s)', (storage) => {
  let t: TestApp;
  let students: Row<'students'>[];
  let cls: Row<'classes'>;
  let homeroom: TestClient;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let pushEndpoint: Awaited<ReturnType<typeof startHttpEndpoint>>;
  let delivery: DeliveryOptions;
  const sub = pushSubscriptionKeys();
  const today = todayInVietnam();
  // 10:00 in Việt Nam today: after the morning's attendance has closed (09:30 by default).
  const tenOClock = new Date(`${today}T10:00:00+07:00`);

  beforeAll(async () => {
    t = await startTestApp(storage);
    const u = await buildSchoolAccounts(t.db);
    const teacher = await buildTeacherAccount(t.db, {
      unit: u.schoolA,
      username: 'gvcn.7a',
      fullName: 'Ngô Thị Thuỷ',
    });
    const built = await buildClassWithStudents(t.db, {
      unit: u.schoolA,
      name: '7A',
      grade: 7,
      homeroomTeacher: teacher.staff,
      students: names,
    });
    cls = built.cls;
    students = built.students;
    // 43 families with an account (and an e-mail); the 44th has a guardian with neither account nor phone, the 45th
    // no guardian recorded at all.
    for (const [i, student] of students.slice(0, 43).entries()) {
      const user = await buildGuardianAccount(t.db, {
        students: [student],
        username: `ph.${i + 1}`,
        fullName: `Phụ Huynh ${i + 1}`,
      });
      await t.db
        .updateTable('users')
        .set({ email: `ph${i + 1}@example.vn` })
        .where('id', '=', user.id)
        .execute();
    }
    await buildGuardian(t.db, { student: students[43] as Row<'students'>, fullName: 'Bà Không Tài Khoản' });
    homeroom = await t.as('gvcn.7a');
    smtp = await startSmtpServer();
    pushEndpoint = await startHttpEndpoint(() => ({ status: 201 }));
    const keys = await loadNotificationKeys(t.db);
    setConfiguredChannels(['email', 'push']);
    delivery = {
      channels: {
        email: emailChannel({
          host: '127.0.0.1',
          port: smtp.port,
          secure: false,
          from: 'Trường Số <tb@truong.vn>',
        }),
        push: pushChannel({
          publicKey: keys.vapidPublicKey,
          privateKey: keys.vapidPrivateKey,
          subject: 'mailto:a@b.vn',
        }),
      },
      publicUrl: 'http://truong.test',
      tokenSecret: keys.tokenSecret,
    };
  });
  afterAll(async () => {
    setConfiguredChannels([]);
    await smtp.close();
    await pushEndpoint.close();
    await t.close();
  });

  it('a class note to 45 students reports exactly the 2 families it could not reach', async () => {
    const posted = await homeroom.post(`/api/v1/classes/${cls.id}/notes`, {
      title: 'Họp phụ huynh',
      body: 'Thứ Bảy 8 giờ.',
    });
    expect(posted.status).toBe(201);
    const notes = await homeroom.get(`/api/v1/classes/${cls.id}/notes`);
    const delivery = notes.body[0].delivery;
    expect(delivery).toMatchObject({ families: 45, reached: 43, pending: 0 });
    expect(delivery.unreached).toEqual([
      { studentId: students[43]?.id, studentName: 'Học Sinh 44', reason: 'Chưa có tài khoản/số điện thoại' },
      { studentId: students[44]?.id, studentName: 'Học Sinh 45', reason: 'Chưa có thông tin phụ huynh' },
    ]);
    // Each family with an account has the bell and an e-mail queued: one insert each, not one per family.
    const queued = await t.db
      .selectFrom('notification_messages')
      .select('channel')
      .where('channel', '=', 'email')
      .execute();
    expect(queued).toHaveLength(43);
  });

  it('an absence reaches the family once after the morning closes: e-mail at the SMTP server, push decrypted', async () => {
    await deliverDue(t.db, delivery, tenOClock); // the note's e-mails first
    smtp.received.length = 0;
    const guardian = await t.as('ph.1');
    const subscribed = await guardian.post('/api/v1/notifications/push/subscriptions', {
      endpoint: `${pushEndpoint.url}/push/ph1`,
      keys: sub.keys,
    });
    expect(subscribed.status).toBe(204);
    const saved = await homeroom.put(`/api/v1/gradebook/classes/${cls.id}/attendance`, {
      date: today,
      session: 'morning',
      absences: [{ studentId: students[0]?.id, excused: false }],
      base: [],
    });
    expect(saved.status).toBe(200);
    // Before the time the notice waits; at 10:00 it goes, once.
    expect(await publishAbsenceNotices(t.db, new Date(`${today}T09:00:00+07:00`))).toEqual({ created: 0 });
    expect(await publishAbsenceNotices(t.db, tenOClock)).toEqual({ created: 1 });
    expect(await publishAbsenceNotices(t.db, new Date(tenOClock.getTime() + 3600_000))).toEqual({
      created: 0,
    });
    await deliverDue(t.db, delivery, tenOClock);
    expect(smtp.received.map((m) => m.to)).toEqual([['ph1@example.vn']]);
    const text = mailText(smtp.received[0]?.raw ?? '');
    expect(text).toContain('Em Học Sinh 01 vắng buổi sáng (không phép)');
    expect(text).toMatch(/http:\/\/truong\.test\/unsubscribe\?token=\S+/);
    const pushed = pushEndpoint.requests.at(-1);
    expect(pushed?.url).toBe('/push/ph1');
    const payload = JSON.parse(decryptPush(pushed?.raw as Buffer, sub));
    expect(payload.title).toBe(`Học Sinh 01 (lớp 7A) vắng ngày ${today.split('-').reverse().join('/')}`);
    expect(payload.url).toBe(`http://truong.test/contact-book?student=${students[0]?.id}&tab=attendance`);
    // The unsubscribe link works without signing in and turns e-mail off.
    const token = decodeURIComponent(/token=(\S+)/.exec(text)?.[1] ?? '');
    const off = await t.anonymous().post('/api/v1/notifications/unsubscribe', { token });
    expect(off.body).toEqual({ channel: 'email' });
    const prefs = await guardian.get('/api/v1/notifications/preferences');
    expect(prefs.body).toMatchObject({ email: false, push: true, pushSubscriptions: 1 });
    const forged = await t
      .anonymous()
      .post('/api/v1/notifications/unsubscribe', { token: `${token.slice(0, -2)}xx` });
    expect(forged.status).toBe(400);
  });

  it('quiet hours hold the e-mail until they end; the bell is not held', async () => {
    const guardian = await t.as('ph.2');
    const put = await guardian.put('/api/v1/notifications/preferences', {
      email: true,
      push: true,
      zns: true,
      sms: true,
      quietFrom: '09:00',
      quietTo: '11:00',
    });
    expect(put.status).toBe(200);
    await publishEvents(
      t.db,
      [
        {
          unitId: cls.unit_id,
          kind: 'test_quiet',
          dedupeKey: 'q1',
          title: 'Kết quả học kì I',
          studentIds: [students[1]?.id as string],
        },
      ],
      tenOClock,
    );
    await deliverDue(t.db, delivery, tenOClock);
    const rows = await t.db
      .selectFrom('notification_messages as m')
      .innerJoin('notification_events as e', 'e.id', 'm.event_id')
      .select(['m.channel', 'm.state', 'm.next_attempt_at'])
      .where('e.kind', '=', 'test_quiet')
      .execute();
    expect(rows.find((r) => r.channel === 'in_app')?.state).toBe('sent');
    const email = rows.find((r) => r.channel === 'email');
    expect(email?.state).toBe('queued');
    expect(email?.next_attempt_at.toISOString()).toBe(new Date(`${today}T11:00:00+07:00`).toISOString());
    const sentBefore = smtp.received.length;
    await deliverDue(t.db, delivery, new Date(`${today}T11:00:00+07:00`));
    expect(smtp.received.length).toBe(sentBefore + 1);
  });

  it('a failed send is retried with back-off, then failed with the reason', async () => {
    const down: DeliveryOptions = {
      ...delivery,
      channels: { email: emailChannel({ host: '127.0.0.1', port: 1, secure: false, from: 'a@b.vn' }) },
    };
    await publishEvents(
      t.db,
      [
        {
          unitId: cls.unit_id,
          kind: 'test_retry',
          dedupeKey: 'r1',
          title: 'Thử lại',
          studentIds: [students[2]?.id as string],
        },
      ],
      tenOClock,
    );
    let at = tenOClock;
    const states: string[] = [];
    for (let i = 0; i <= RETRY_DELAYS_MS.length; i++) {
      await deliverDue(t.db, down, at);
      const row = await t.db
        .selectFrom('notification_messages as m')
        .innerJoin('notification_events as e', 'e.id', 'm.event_id')
        .select(['m.state', 'm.attempts', 'm.next_attempt_at', 'm.last_error'])
        .where('e.kind', '=', 'test_retry')
        .where('m.channel', '=', 'email')
        .executeTakeFirstOrThrow();
      states.push(`${row.state}/${row.attempts}`);
      if (row.state === 'queued') {
        expect(row.next_attempt_at.getTime() - at.getTime()).toBe(RETRY_DELAYS_MS[i]);
        // Not due yet: a round before the delay sends nothing.
        expect(await deliverDue(t.db, down, new Date(row.next_attempt_at.getTime() - 1000))).toBe(0);
        at = row.next_attempt_at;
      } else expect(row.last_error).toMatch(/^SMTP: /);
    }
    expect(states).toEqual(['queued/1', 'queued/2', 'queued/3', 'queued/4', 'failed/5']);
  });

  it("SMS stops when the school's monthly budget is spent; other channels go on", async () => {
    const esms = await startHttpEndpoint(() => ({ status: 200, body: { CodeResult: '100', SMSID: 'x' } }));
    try {
      setConfiguredChannels(['email', 'push', 'sms']);
      for (const i of [3, 4, 5]) {
        await t.db
          .updateTable('users')
          .set({ phone: `09123456${i}0` })
          .where('username', '=', `ph.${i + 1}`)
          .execute();
      }
      await publishEvents(
        t.db,
        [
          {
            unitId: cls.unit_id,
            kind: 'test_sms',
            dedupeKey: 's1',
            title: 'Nhắc học phí',
            studentIds: students.slice(3, 6).map((s) => s.id),
          },
        ],
        tenOClock,
      );
      const sms: DeliveryOptions = {
        ...delivery,
        channels: {
          ...delivery.channels,
          sms: smsChannel({ apiKey: 'k', secretKey: 's', brandname: 'B', url: esms.url }),
        },
        smsMonthlyBudget: 2,
      };
      await deliverDue(t.db, sms, tenOClock);
      const rows = await t.db
        .selectFrom('notification_messages as m')
        .innerJoin('notification_events as e', 'e.id', 'm.event_id')
        .select(['m.channel', 'm.state', 'm.last_error'])
        .where('e.kind', '=', 'test_sms')
        .where('m.channel', 'in', ['sms', 'email'])
        .execute();
      const smsRows = rows.filter((r) => r.channel === 'sms');
      expect(smsRows.map((r) => r.state).sort()).toEqual(['failed', 'sent', 'sent']);
      expect(smsRows.find((r) => r.state === 'failed')?.last_error).toBe(SMS_BUDGET_SPENT);
      expect(esms.requests).toHaveLength(2);
      expect(rows.filter((r) => r.channel === 'email').every((r) => r.state === 'sent')).toBe(true);
    } finally {
      setConfiguredChannels(['email', 'push']);
      await esms.close();
    }
  });
});
