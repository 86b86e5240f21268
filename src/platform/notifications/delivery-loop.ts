import type { Kysely } from 'kysely';
import type { Log } from '../context.ts';
import type { DB } from '../db/schema.ts';
import type { Channels } from './channels.ts';
import { type DeliveryOptions, deliverDue } from './deliver.ts';
import { emailChannel } from './email-channel.ts';
import { loadNotificationKeys } from './keys.ts';
import { esmsCallbackUrl } from './provider-reports.ts';
import { setConfiguredChannels } from './publish.ts';
import { pushChannel } from './push-channel.ts';
import { envSmsBudget } from './school-settings.ts';
import { smsChannel } from './sms-channel.ts';
import { znsChannel } from './zns-channel.ts';

/**
 * Events found by looking at the data at a time of day rather than at a change (the absence notice once the morning's
 * attendance has closed). A feature declares them in its manifest (`notificationSources`); the loop runs them.
 */
export interface NotificationSource {
  name: string;
  run(db: Kysely<DB>, now: Date, env: NodeJS.ProcessEnv): Promise<unknown>;
}

/** The web app's address for links and callbacks (TRUONGSO_PUBLIC_URL), without a trailing slash. */
const publicUrlOf = (env: NodeJS.ProcessEnv) =>
  (env.TRUONGSO_PUBLIC_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/$/, '');

/**
 * The channels the environment configures. E-mail needs TRUONGSO_SMTP_HOST; Web Push is on unless
 * TRUONGSO_PUSH=0 (its keys are generated when absent); ZNS needs TRUONGSO_ZNS_ACCESS_TOKEN and _TEMPLATE_ID; SMS
 * needs TRUONGSO_SMS_API_KEY, _SECRET_KEY and _BRANDNAME. Nothing configured: the bell only.
 */
export async function channelsFromEnv(
  db: Kysely<DB>,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Channels> {
  const keys = await loadNotificationKeys(db, env);
  const publicUrl = publicUrlOf(env);
  const channels: Channels = {};
  if (env.TRUONGSO_SMTP_HOST) {
    channels.email = emailChannel({
      host: env.TRUONGSO_SMTP_HOST,
      port: Number(env.TRUONGSO_SMTP_PORT ?? 587),
      secure: env.TRUONGSO_SMTP_SECURE === '1',
      user: env.TRUONGSO_SMTP_USER,
      password: env.TRUONGSO_SMTP_PASSWORD,
      from: env.TRUONGSO_SMTP_FROM ?? 'Trường Số <no-reply@localhost>',
    });
  }
  if (env.TRUONGSO_PUSH !== '0') {
    channels.push = pushChannel({
      publicKey: keys.vapidPublicKey,
      privateKey: keys.vapidPrivateKey,
      subject: env.TRUONGSO_VAPID_SUBJECT ?? 'mailto:admin@localhost',
    });
  }
  if (env.TRUONGSO_ZNS_ACCESS_TOKEN && env.TRUONGSO_ZNS_TEMPLATE_ID) {
    channels.zns = znsChannel({
      accessToken: env.TRUONGSO_ZNS_ACCESS_TOKEN,
      templateId: env.TRUONGSO_ZNS_TEMPLATE_ID,
      url: env.TRUONGSO_ZNS_URL,
    });
  }
  if (env.TRUONGSO_SMS_API_KEY && env.TRUONGSO_SMS_SECRET_KEY && env.TRUONGSO_SMS_BRANDNAME) {
    channels.sms = smsChannel({
      apiKey: env.TRUONGSO_SMS_API_KEY,
      secretKey: env.TRUONGSO_SMS_SECRET_KEY,
      brandname: env.TRUONGSO_SMS_BRANDNAME,
      url: env.TRUONGSO_SMS_URL,
      callbackUrl: (id) => esmsCallbackUrl(publicUrl, keys.tokenSecret, id),
    });
  }
  return channels;
}

/**
 * The notification loop of a server process: every `everyMs` it runs the sources (absence notices…) and sends the due
 * messages, round after round while full batches come back. One loop per process; several processes on one
 * PostgreSQL share the work (claims use SKIP LOCKED).
 */
export class NotificationLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly log: Log,
    private readonly sources: readonly NotificationSource[],
    private readonly delivery: DeliveryOptions,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {}

  /** One pass (tests call it with a chosen clock). */
  async tick(now = new Date()): Promise<void> {
    for (const source of this.sources) {
      try {
        await source.run(this.db, now, this.env);
      } catch (error) {
        this.log.error({ err: error, source: source.name }, 'notification source failed');
      }
    }
    const batch = this.delivery.batch ?? 100;
    while ((await deliverDue(this.db, { ...this.delivery, log: this.log }, now)) >= batch) {}
  }

  start(everyMs = 30_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.tick()
        .catch((error: unknown) => this.log.error({ err: error }, 'notification round failed'))
        .finally(() => {
          this.running = undefined;
        });
    }, everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}

/** Builds the loop from the environment and tells publishing which channels exist. */
export async function notificationLoopFromEnv(
  db: Kysely<DB>,
  log: Log,
  sources: readonly NotificationSource[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<NotificationLoop> {
  const channels = await channelsFromEnv(db, env);
  setConfiguredChannels(Object.keys(channels) as (keyof Channels)[]);
  const keys = await loadNotificationKeys(db, env);
  log.info({ channels: Object.keys(channels) }, 'notification channels');
  return new NotificationLoop(
    db,
    log,
    sources,
    {
      channels,
      publicUrl: publicUrlOf(env),
      tokenSecret: keys.tokenSecret,
      smsMonthlyBudget: envSmsBudget(env),
    },
    env,
  );
}
