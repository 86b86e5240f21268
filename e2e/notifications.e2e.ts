/// <reference lib="dom" />
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInVietnam, vietnameseDate } from '../src/domain/calendar/index.ts';
import { publishAbsenceNotices } from '../src/features/gradebook/absence-notices.ts';
import { type DeliveryOptions, deliverDue } from '../src/platform/notifications/deliver.ts';
import { emailChannel } from '../src/platform/notifications/email-channel.ts';
import { loadNotificationKeys } from '../src/platform/notifications/keys.ts';
import { setConfiguredChannels } from '../src/platform/notifications/publish.ts';
import { pushChannel } from '../src/platform/notifications/push-channel.ts';
import { buildProvince } from '../test/factories.ts';
import {
  buildClassWithStudents,
  buildGuardianAccount,
  buildTeacherAccount,
} from '../test/factories-transcripts.ts';
import {
  decryptPush,
  mailText,
  pushSubscriptionKeys,
  startHttpEndpoint,
  startSmtpServer,
} from '../test/notification-servers.ts';
import {
  DESKTOP,
  type E2EServer,
  launchBrowser,
  logIn,
  newPage,
  PHONE,
  pageErrorsOf,
  startServer,
} from './harness.ts';

/**
 * Issue 13 §1 end to end: a homeroom teacher marks an absence on a phone; once the morning closes the family's
 * e-mail arrives at a real SMTP server and a Web Push request at a local push endpoint (decrypted here as the
 * browser would); the guardian opens the e-mail's link on a phone, sees the absence, and the bell clears.
 */
describe('thông báo vắng học đến gia đình', () => {
  let server: E2EServer;
  let browser: Browser;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let push: Awaited<ReturnType<typeof startHttpEndpoint>>;
  let delivery: DeliveryOptions;
  let classId: string;
  let studentId: string;
  const sub = pushSubscriptionKeys();
  const today = todayInVietnam();

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    smtp = await startSmtpServer();
    push = await startHttpEndpoint(() => ({ status: 201 }));
    const units = await buildProvince(server.db);
    const teacher = await buildTeacherAccount(server.db, {
      unit: units.schoolA,
      username: 'gvcn',
      fullName: 'Ngô Thị Thuỷ',
    });
    const { cls, students } = await buildClassWithStudents(server.db, {
      unit: units.schoolA,
      name: '7A',
      grade: 7,
      homeroomTeacher: teacher.staff,
      students: ['Phan Minh An', 'Lại Thanh Bình'],
    });
    classId = cls.id;
    studentId = (students[0] as (typeof students)[number]).id;
    const mother = await buildGuardianAccount(server.db, {
      students: [students[0] as (typeof students)[number]],
      username: 'me.an',
      fullName: 'Đinh Thị Mận',
    });
    await server.db
      .updateTable('users')
      .set({ email: 'me.an@example.vn' })
      .where('id', '=', mother.id)
      .execute();
    // The phone's browser subscription, pointed at the local push endpoint (a real one would be the browser
    // vendor's push service, which this closed network cannot reach).
    await server.db
      .insertInto('push_subscriptions')
      .values({ user_id: mother.id, endpoint: `${push.url}/push/me-an`, ...sub.keys })
      .execute();
    const keys = await loadNotificationKeys(server.db);
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
      publicUrl: server.url,
      tokenSecret: keys.tokenSecret,
    };
  }, 180_000);
  afterAll(async () => {
    setConfiguredChannels([]);
    await browser?.close();
    await smtp?.close();
    await push?.close();
    await server?.close();
  });

  it('giáo viên điểm danh trên điện thoại → thư và thông báo đẩy đến phụ huynh → mở liên kết, chuông hết số', async () => {
    const teacher = await newPage(browser, PHONE);
    const errors = pageErrorsOf(teacher.page);
    await logIn(teacher.page, server.url, 'gvcn');
    await teacher.page.goto(`${server.url}/gradebook/classes/${classId}/attendance`);
    const list = teacher.page.getByTestId('attendance-list');
    await list.waitFor();
    const an = list.getByRole('button').first();
    await an.tap();
    await an.tap();
    await an.getByText('Vắng không phép').waitFor();
    await teacher.page.getByRole('button', { name: 'Lưu điểm danh' }).tap();
    await teacher.page.getByText('Đã lưu điểm danh.').waitFor();
    await teacher.page.screenshot({ path: '/tmp/notify-e2e-teacher.png' });
    await teacher.context.close();

    // The morning's attendance closes (09:30 by default): the notice is published and delivered.
    expect(await publishAbsenceNotices(server.db, new Date(`${today}T10:00:00+07:00`))).toEqual({
      created: 1,
    });
    await deliverDue(server.db, delivery, new Date(`${today}T10:00:00+07:00`));
    expect(smtp.received.map((m) => m.to)).toEqual([['me.an@example.vn']]);
    const text = mailText(smtp.received[0]?.raw ?? '');
    expect(text).toContain(`Em Phan Minh An vắng buổi sáng (không phép) ngày ${vietnameseDate(today)}`);
    const link = /Xem trên Trường Số: (\S+)/.exec(text)?.[1] ?? '';
    expect(link).toBe(`${server.url}/contact-book?student=${studentId}&tab=attendance`);
    const payload = JSON.parse(decryptPush(push.requests[0]?.raw as Buffer, sub));
    expect(payload).toMatchObject({
      title: `Phan Minh An (lớp 7A) vắng ngày ${vietnameseDate(today)}`,
      url: link,
    });

    // The guardian, on a phone, sees one unread notification, opens the e-mail's link: the absence, and the bell clears.
    const guardian = await newPage(browser, PHONE);
    errors.push(...pageErrorsOf(guardian.page));
    await logIn(guardian.page, server.url, 'me.an');
    await guardian.page.getByRole('button', { name: 'Thông báo (1)' }).waitFor();
    await guardian.page.goto(link);
    await guardian.page.getByText(`${vietnameseDate(today)} · Sáng`).waitFor();
    await guardian.page.getByText('Không phép').first().waitFor();
    await guardian.page.getByRole('button', { name: 'Thông báo', exact: true }).waitFor();
    await guardian.page.screenshot({ path: '/tmp/notify-e2e-guardian.png' });
    const unread = await server.db
      .selectFrom('notifications')
      .select('id')
      .where('read_at', 'is', null)
      .execute();
    expect(unread).toEqual([]);
    await guardian.context.close();
    expect(errors).toEqual([]);
  });

  it('phụ huynh chọn kênh và giờ yên lặng trên điện thoại; lưu xong máy chủ giữ đúng lựa chọn', async () => {
    for (const device of [PHONE, DESKTOP]) {
      const { page, context } = await newPage(browser, device);
      await logIn(page, server.url, 'me.an');
      await page.goto(`${server.url}/notifications/settings`);
      await page.getByRole('switch', { name: 'Thư điện tử' }).waitFor();
      await page.screenshot({
        path: `/tmp/notify-settings-${device === PHONE ? 'phone' : 'desktop'}.png`,
        fullPage: true,
      });
      await context.close();
    }
    const { page, context } = await newPage(browser, PHONE);
    await logIn(page, server.url, 'me.an');
    await page.goto(`${server.url}/notifications/settings`);
    await page.getByRole('switch', { name: 'Thư điện tử' }).uncheck({ force: true });
    await page.getByRole('textbox', { name: 'Từ (HH:MM)' }).fill('21:00');
    await page.getByRole('textbox', { name: 'Đến (HH:MM)' }).fill('06:30');
    await page.getByRole('button', { name: 'Lưu cài đặt' }).tap();
    await page.getByText('Đã lưu cài đặt thông báo.').waitFor();
    const saved = await server.db
      .selectFrom('notification_preferences')
      .selectAll()
      .executeTakeFirstOrThrow();
    expect(saved).toMatchObject({ email: false, push: true, quiet_from: '21:00', quiet_to: '06:30' });
    await context.close();
  });
});
