import type { NotificationPreferencesInput } from '#contracts/notifications.ts';
import { audit } from '../audit/audit.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadNotificationKeys, readUnsubscribeToken } from './keys.ts';
import { configuredChannels } from './publish.ts';

const DEFAULTS = { email: true, push: true, zns: true, sms: true, quiet_from: null, quiet_to: null };

async function userUnit(ctx: ServiceContext): Promise<string> {
  const row = await ctx.db
    .selectFrom('users')
    .select('unit_id')
    .where('id', '=', ctx.actor.userId)
    .executeTakeFirstOrThrow();
  return row.unit_id;
}

/** The caller's channels and quiet hours (defaults: every channel on, no quiet hours). */
export async function myPreferences(ctx: ServiceContext) {
  const [row, subs] = await Promise.all([
    ctx.db
      .selectFrom('notification_preferences')
      .selectAll()
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirst(),
    ctx.db
      .selectFrom('push_subscriptions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', ctx.actor.userId)
      .executeTakeFirstOrThrow(),
  ]);
  const p = row ?? DEFAULTS;
  return {
    email: p.email,
    push: p.push,
    zns: p.zns,
    sms: p.sms,
    quietFrom: p.quiet_from,
    quietTo: p.quiet_to,
    available: ['in_app' as const, ...configuredChannels()],
    pushSubscriptions: Number(subs.n),
  };
}

/** Saves the caller's choices; a quiet window needs both ends. Audited. */
export async function savePreferences(ctx: ServiceContext, input: NotificationPreferencesInput) {
  if ((input.quietFrom === null) !== (input.quietTo === null)) {
    const field = input.quietFrom === null ? 'quietFrom' : 'quietTo';
    const message = 'Giờ yên lặng cần cả giờ bắt đầu và giờ kết thúc.';
    throw new AppError('validation_failed', message, { [field]: message });
  }
  const values = {
    email: input.email,
    push: input.push,
    zns: input.zns,
    sms: input.sms,
    quiet_from: input.quietFrom,
    quiet_to: input.quietTo,
    updated_at: new Date(),
  };
  const unitId = await userUnit(ctx);
  await inTransaction(ctx, async (trx) => {
    await trx.db
      .insertInto('notification_preferences')
      .values({ user_id: ctx.actor.userId, ...values })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
      .execute();
    await audit(trx, {
      unitId,
      entity: 'notification_preferences',
      entityId: ctx.actor.userId,
      action: 'update',
      after: input,
    });
  });
  return myPreferences(ctx);
}

/** Registers this browser for Web Push (the same endpoint again moves it to the caller: a shared phone). */
export async function subscribePush(
  ctx: ServiceContext,
  input: { endpoint: string; keys: { p256dh: string; auth: string } },
) {
  const values = {
    user_id: ctx.actor.userId,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
  };
  await ctx.db
    .insertInto('push_subscriptions')
    .values(values)
    .onConflict((oc) => oc.column('endpoint').doUpdateSet(values))
    .execute();
}

export async function unsubscribePush(ctx: ServiceContext, endpoint: string) {
  await ctx.db
    .deleteFrom('push_subscriptions')
    .where('endpoint', '=', endpoint)
    .where('user_id', '=', ctx.actor.userId)
    .execute();
}

/**
 * The unsubscribe link of an e-mail (no sign-in): turns that channel off for the token's user. A forged or damaged
 * token changes nothing. Audited as done by the link, not by a signed-in user.
 */
export async function unsubscribeByToken(ctx: Omit<ServiceContext, 'actor'>, token: string) {
  const keys = await loadNotificationKeys(ctx.db);
  const read = readUnsubscribeToken(keys.tokenSecret, token);
  const user = read
    ? await ctx.db
        .selectFrom('users')
        .select(['id', 'unit_id'])
        .where('id', '=', read.userId)
        .executeTakeFirst()
    : undefined;
  if (!read || !user || !['email', 'push', 'zns', 'sms'].includes(read.channel)) {
    const message = 'Liên kết huỷ nhận thư không hợp lệ hoặc đã bị sửa.';
    throw new AppError('validation_failed', message, { token: message });
  }
  const off = { [read.channel]: false, updated_at: new Date() };
  const system = {
    ...ctx,
    actor: {
      userId: '',
      username: 'unsubscribe-link',
      fullName: 'Liên kết huỷ nhận thư',
      mustChangePassword: false,
      assignments: [],
    },
  };
  await inTransaction(system as ServiceContext, async (trx) => {
    await trx.db
      .insertInto('notification_preferences')
      .values({ user_id: user.id, ...off })
      .onConflict((oc) => oc.column('user_id').doUpdateSet(off))
      .execute();
    await audit(trx, {
      unitId: user.unit_id,
      entity: 'notification_preferences',
      entityId: user.id,
      action: 'unsubscribe',
      after: { channel: read.channel },
    });
  });
  return { channel: read.channel };
}
