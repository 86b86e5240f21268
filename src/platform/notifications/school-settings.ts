import { type Kysely, sql } from 'kysely';
import type {
  SchoolNotificationSettings,
  SchoolNotificationSettingsInput,
} from '#contracts/notifications.ts';
import { audit } from '../audit/audit.ts';
import { requireSchool } from '../authz/access.ts';
import { inTransaction, type ServiceContext } from '../context.ts';
import type { DB } from '../db/schema.ts';
import { AppError } from '../errors.ts';
import { configuredChannels } from './publish.ts';

/** The low-score notice is off until a school turns it on; 5,0 is the threshold offered (TT22: "Đạt" from 5,0). */
export const DEFAULT_LOW_SCORE_THRESHOLD = 5;

/** The server's SMS budget per school and month (TRUONGSO_SMS_MONTHLY_BUDGET); undefined = no limit. */
export function envSmsBudget(env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (!env.TRUONGSO_SMS_MONTHLY_BUDGET) return undefined;
  const n = Number(env.TRUONGSO_SMS_MONTHLY_BUDGET);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The start of this calendar month in Việt Nam, as SQL (for "sent this month"). */
const monthStart = (now: Date) =>
  sql`date_trunc('month', ${now}::timestamptz at time zone 'Asia/Ho_Chi_Minh') at time zone 'Asia/Ho_Chi_Minh'`;

/**
 * SMS each school has sent this calendar month, Việt Nam time: every message the provider accepted (sent_at is set),
 * also those it later reported undelivered (they are charged). One query.
 */
export async function smsSentThisMonth(
  db: Kysely<DB>,
  unitIds: readonly string[],
  now: Date,
): Promise<Map<string, number>> {
  if (unitIds.length === 0) return new Map();
  const rows = await sql<{ unit_id: string; n: number }>`
    select unit_id, count(*)::int as n from notification_messages
    where channel = 'sms' and unit_id = any(${unitIds}::uuid[]) and sent_at >= ${monthStart(now)}
    group by unit_id
  `.execute(db);
  return new Map(rows.rows.map((r) => [r.unit_id, Number(r.n)]));
}

/**
 * Each school's SMS budget this month: its own setting, else the server's default (undefined = no limit). One query
 * for the schools of a delivery round.
 */
export async function smsBudgets(
  db: Kysely<DB>,
  unitIds: readonly string[],
  fallback: number | undefined,
): Promise<Map<string, number | undefined>> {
  const own = unitIds.length
    ? await db
        .selectFrom('notification_school_settings')
        .select(['unit_id', 'sms_monthly_budget'])
        .where('unit_id', 'in', unitIds)
        .execute()
    : [];
  const byUnit = new Map(own.map((r) => [r.unit_id, r.sms_monthly_budget]));
  return new Map(unitIds.map((u) => [u, byUnit.get(u) ?? fallback]));
}

/** The low-score notice of a school: whether it is on and its threshold (read by the gradebook's save). */
export async function lowScoreSetting(
  db: Kysely<DB>,
  unitId: string,
): Promise<{ enabled: boolean; threshold: number }> {
  const row = await db
    .selectFrom('notification_school_settings')
    .select(['low_score_enabled', 'low_score_threshold'])
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  return {
    enabled: row?.low_score_enabled ?? false,
    threshold: row ? Number(row.low_score_threshold) : DEFAULT_LOW_SCORE_THRESHOLD,
  };
}

/** A school's settings with this month's SMS count (principal, IT officer). */
export async function schoolNotificationSettings(
  ctx: ServiceContext,
  unitId: string,
  now = new Date(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<SchoolNotificationSettings> {
  await requireSchool(ctx, 'notifications.manage', unitId);
  const row = await ctx.db
    .selectFrom('notification_school_settings')
    .selectAll()
    .where('unit_id', '=', unitId)
    .executeTakeFirst();
  const sent = await smsSentThisMonth(ctx.db, [unitId], now);
  return {
    smsMonthlyBudget: row?.sms_monthly_budget ?? null,
    lowScoreEnabled: row?.low_score_enabled ?? false,
    lowScoreThreshold: row ? Number(row.low_score_threshold) : DEFAULT_LOW_SCORE_THRESHOLD,
    version: row?.version ?? 0,
    defaultSmsBudget: envSmsBudget(env) ?? null,
    smsSentThisMonth: sent.get(unitId) ?? 0,
    smsAvailable: configuredChannels().includes('sms'),
  };
}

/**
 * Saves a school's settings with its audit row, in one transaction. `version` is the one read: 0 for a school that
 * never saved; someone else's save in between is a 409 and nothing is written.
 */
export async function saveSchoolNotificationSettings(
  ctx: ServiceContext,
  unitId: string,
  input: SchoolNotificationSettingsInput,
): Promise<SchoolNotificationSettings> {
  await requireSchool(ctx, 'notifications.manage', unitId);
  const values = {
    sms_monthly_budget: input.smsMonthlyBudget,
    low_score_enabled: input.lowScoreEnabled,
    low_score_threshold: input.lowScoreThreshold,
    updated_by: ctx.actor.userId,
    updated_at: new Date(),
  };
  await inTransaction(ctx, async (trx) => {
    const before = await trx.db
      .selectFrom('notification_school_settings')
      .selectAll()
      .where('unit_id', '=', unitId)
      .forUpdate()
      .executeTakeFirst();
    if ((before?.version ?? 0) !== input.version) {
      throw new AppError(
        'conflict',
        'Cài đặt thông báo của trường vừa được người khác lưu. Tải lại trang để xem rồi sửa lại.',
      );
    }
    if (before) {
      await trx.db
        .updateTable('notification_school_settings')
        .set({ ...values, version: before.version + 1 })
        .where('unit_id', '=', unitId)
        .execute();
    } else {
      await trx.db
        .insertInto('notification_school_settings')
        .values({ unit_id: unitId, ...values, version: 1 })
        .execute();
    }
    await audit(trx, {
      unitId,
      entity: 'notification_school_settings',
      entityId: unitId,
      action: before ? 'update' : 'create',
      before: before
        ? {
            smsMonthlyBudget: before.sms_monthly_budget,
            lowScoreEnabled: before.low_score_enabled,
            lowScoreThreshold: Number(before.low_score_threshold),
          }
        : undefined,
      after: {
        smsMonthlyBudget: input.smsMonthlyBudget,
        lowScoreEnabled: input.lowScoreEnabled,
        lowScoreThreshold: input.lowScoreThreshold,
      },
    });
  });
  return schoolNotificationSettings(ctx, unitId);
}
