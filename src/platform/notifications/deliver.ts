import { type Kysely, sql } from 'kysely';
import type { Log } from '../context.ts';
import type { DB } from '../db/schema.ts';
import type { Channels, ExternalChannel, OutgoingMessage, SendOutcome } from './channels.ts';
import { unsubscribeToken } from './keys.ts';
import { smsBudgets, smsSentThisMonth } from './school-settings.ts';

export interface DeliveryOptions {
  channels: Channels;
  /** The web app's address for links in messages, e.g. https://truong.example.vn (no trailing slash). */
  publicUrl: string;
  tokenSecret: string;
  /**
   * SMS a school may send in a calendar month when it has not set its own budget (TRUONGSO_SMS_MONTHLY_BUDGET);
   * absent = no limit.
   */
  smsMonthlyBudget?: number;
  /** Messages claimed per round. */
  batch?: number;
  log?: Log;
}

/** Tries after the first before a message is failed for good, and the wait before each (back-off). */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000] as const;
/** While a claimed message is being sent no other process takes it; if this one dies it is tried again after. */
const CLAIM_MS = 10 * 60_000;
export const SMS_BUDGET_SPENT = 'Hết ngân sách SMS tháng của trường';

interface Outcome {
  id: string;
  state: 'queued' | 'sent' | 'failed';
  error: string | null;
  providerRef: string | null;
  nextAttemptAt: Date;
}

/**
 * One round of the delivery loop: claims the queued messages that are due (skipping rows another process holds),
 * sends each on its channel and writes every outcome in one statement. A failure worth retrying is queued again after
 * the next back-off delay, up to RETRY_DELAYS_MS.length retries; then, or at once for a refused address, failed with
 * the reason. Returns the number of messages handled.
 */
export async function deliverDue(
  db: Kysely<DB>,
  options: DeliveryOptions,
  now = new Date(),
): Promise<number> {
  const claimed = await claimDue(db, options.batch ?? 100, now);
  if (claimed.length === 0) return 0;
  const overBudget = await smsOverBudget(db, claimed, options.smsMonthlyBudget, now);
  const outcomes: Outcome[] = [];
  const goneEndpoints: string[] = [];
  for (const m of claimed) {
    const channel = options.channels[m.channel as ExternalChannel];
    let result: SendOutcome;
    if (!channel)
      result = { ok: false, retry: false, reason: `Kênh ${m.channel} chưa được cấu hình trên máy chủ` };
    else if (overBudget.has(m.id)) result = { ok: false, retry: false, reason: SMS_BUDGET_SPENT };
    else if (m.channel === 'push' && !m.p256dh)
      result = { ok: false, retry: false, reason: 'Thiết bị đã huỷ đăng kí nhận thông báo', gone: true };
    else result = await sendSafely(channel.send.bind(channel), outgoing(m, options));
    if (!result.ok && result.gone) goneEndpoints.push(m.address as string);
    outcomes.push(outcomeOf(m.id, m.attempts, result, now));
    if (!result.ok)
      options.log?.warn({ messageId: m.id, channel: m.channel, reason: result.reason }, 'message not sent');
  }
  await writeOutcomes(db, outcomes, now);
  if (goneEndpoints.length > 0) {
    await db.deleteFrom('push_subscriptions').where('endpoint', 'in', goneEndpoints).execute();
  }
  return claimed.length;
}

async function sendSafely(
  send: (m: OutgoingMessage) => Promise<SendOutcome>,
  m: OutgoingMessage,
): Promise<SendOutcome> {
  try {
    return await send(m);
  } catch (error) {
    return { ok: false, retry: true, reason: error instanceof Error ? error.message : String(error) };
  }
}

type Claimed = Awaited<ReturnType<typeof claimDue>>[number];

/** Takes due messages: one UPDATE … RETURNING over rows locked with SKIP LOCKED, so two processes never send twice. */
async function claimDue(db: Kysely<DB>, limit: number, now: Date) {
  const until = new Date(now.getTime() + CLAIM_MS);
  const result = await sql<{
    id: string;
    unit_id: string;
    channel: string;
    address: string | null;
    user_id: string | null;
    attempts: number;
    title: string;
    body: string | null;
    link: string | null;
    p256dh: string | null;
    auth: string | null;
  }>`
    with due as (
      select id from notification_messages
      where state = 'queued' and next_attempt_at <= ${now}
      order by next_attempt_at
      limit ${limit}
      for update skip locked
    )
    update notification_messages m
    set attempts = m.attempts + 1, next_attempt_at = ${until}
    from due, notification_events e
    where m.id = due.id and e.id = m.event_id
    returning m.id, m.unit_id, m.channel, m.address, m.user_id, m.attempts, e.title, e.body, e.link,
      (select s.p256dh from push_subscriptions s where s.endpoint = m.address and m.channel = 'push') as p256dh,
      (select s.auth from push_subscriptions s where s.endpoint = m.address and m.channel = 'push') as auth
  `.execute(db);
  return result.rows;
}

function outgoing(m: Claimed, options: DeliveryOptions): OutgoingMessage {
  const url = m.link ? `${options.publicUrl}${m.link}` : null;
  const unsubscribeUrl =
    m.channel === 'email' && m.user_id
      ? `${options.publicUrl}/unsubscribe?token=${unsubscribeToken(options.tokenSecret, m.user_id, 'email')}`
      : null;
  return {
    id: m.id,
    unitId: m.unit_id,
    address: m.address as string,
    title: m.title,
    body: m.body,
    url,
    unsubscribeUrl,
    push: m.p256dh && m.auth ? { p256dh: m.p256dh, auth: m.auth } : undefined,
  };
}

function outcomeOf(id: string, attempts: number, result: SendOutcome, now: Date): Outcome {
  if (result.ok)
    return { id, state: 'sent', error: null, providerRef: result.providerRef ?? null, nextAttemptAt: now };
  const delay = RETRY_DELAYS_MS[attempts - 1];
  if (result.retry && delay !== undefined) {
    return {
      id,
      state: 'queued',
      error: result.reason,
      providerRef: null,
      nextAttemptAt: new Date(now.getTime() + delay),
    };
  }
  return { id, state: 'failed', error: result.reason, providerRef: null, nextAttemptAt: now };
}

/** Every outcome of the round in one UPDATE … FROM unnest(…). */
async function writeOutcomes(db: Kysely<DB>, outcomes: Outcome[], now: Date): Promise<void> {
  await sql`
    update notification_messages m
    set state = o.state, last_error = o.error, provider_ref = o.provider_ref, next_attempt_at = o.next_attempt_at,
      sent_at = case when o.state = 'sent' then ${now}::timestamptz else m.sent_at end
    from unnest(${outcomes.map((o) => o.id)}::uuid[], ${outcomes.map((o) => o.state)}::text[],
      ${outcomes.map((o) => o.error)}::text[], ${outcomes.map((o) => o.providerRef)}::text[],
      ${outcomes.map((o) => o.nextAttemptAt.toISOString())}::timestamptz[])
      as o(id, state, error, provider_ref, next_attempt_at)
    where m.id = o.id
  `.execute(db);
}

/**
 * The claimed SMS beyond each school's monthly budget (the school's own setting, else the server's default): a school
 * that has sent its budget this calendar month (Việt Nam time) sends no more SMS until the next; the other channels
 * (bell, e-mail, push) go on.
 */
async function smsOverBudget(
  db: Kysely<DB>,
  claimed: readonly Claimed[],
  fallback: number | undefined,
  now: Date,
): Promise<Set<string>> {
  const sms = claimed.filter((m) => m.channel === 'sms');
  if (sms.length === 0) return new Set();
  const units = [...new Set(sms.map((m) => m.unit_id))];
  const budgets = await smsBudgets(db, units, fallback);
  if ([...budgets.values()].every((b) => b === undefined)) return new Set();
  const sent = await smsSentThisMonth(db, units, now);
  const left = new Map(
    units.map((u) => [u, (budgets.get(u) ?? Number.POSITIVE_INFINITY) - (sent.get(u) ?? 0)]),
  );
  const over = new Set<string>();
  for (const m of sms) {
    const remaining = left.get(m.unit_id) ?? 0;
    if (remaining <= 0) over.add(m.id);
    left.set(m.unit_id, remaining - 1);
  }
  return over;
}
