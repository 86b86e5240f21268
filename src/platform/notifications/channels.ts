import type { NotificationChannel } from '#contracts/notifications.ts';

/** The channels that leave the server (the bell is a row in `notifications`, written when the event is published). */
export type ExternalChannel = Exclude<NotificationChannel, 'in_app'>;

/** One message as a channel sends it: the event's words, the address, and what the channel needs besides. */
export interface OutgoingMessage {
  /** The message row's id: the provider's idempotency key (eSMS RequestId, ZNS tracking_id). */
  id: string;
  unitId: string;
  address: string;
  title: string;
  body: string | null;
  /** Absolute link into the web app, when the event has one. */
  url: string | null;
  /** Absolute link that turns this channel off for the recipient without signing in (e-mail). */
  unsubscribeUrl: string | null;
  /** Web Push: the subscription's keys (the endpoint is `address`). */
  push?: { p256dh: string; auth: string };
}

/**
 * What became of one send. `retry` says whether trying again later may help (a timeout, a provider's 5xx or rate
 * limit) or not (an address the provider refuses, a configuration error, a subscription that has gone).
 */
export type SendOutcome =
  | { ok: true; providerRef?: string }
  | {
      ok: false;
      retry: boolean;
      reason: string /** The address is gone for good (Web Push 404/410). */;
      gone?: boolean;
    };

/** A channel: e-mail (SMTP), Web Push, Zalo ZNS, SMS brand-name. Each one is configured by environment or absent. */
export interface Channel {
  readonly name: ExternalChannel;
  send(message: OutgoingMessage): Promise<SendOutcome>;
}

/** The configured channels by name; a channel missing here is not used (no channel at all = in-app only). */
export type Channels = Partial<Record<ExternalChannel, Channel>>;

/** POSTs JSON to a provider; a network error or timeout comes back as `error` (worth retrying). */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<{ status: number; json: unknown } | { error: string }> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    return { status: res.status, json };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** HTTP statuses after which the same request may succeed later. */
export const retryableStatus = (status: number) => status === 0 || status === 429 || status >= 500;
