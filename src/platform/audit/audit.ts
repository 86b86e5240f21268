import type { AuditAction, AuditEntity } from '#contracts/audit-labels.ts';
import type { ServiceContext } from '../context.ts';
import { insertRows } from '../db/unnest-insert.ts';

export interface AuditEntry {
  unitId: string | null;
  /** From the registry in contracts/audit-labels.ts, so every row the log shows has Vietnamese words. */
  entity: AuditEntity;
  entityId: string | null;
  action: AuditAction;
  before?: unknown;
  after?: unknown;
}

/** The audit_log row of one entry, by the acting user from the request's address. */
const auditRow = (ctx: ServiceContext, entry: AuditEntry) => ({
  actor_user_id: ctx.actor.userId || null,
  unit_id: entry.unitId,
  entity: entry.entity,
  entity_id: entry.entityId,
  action: entry.action,
  before: toJson(entry.before),
  after: toJson(entry.after),
  ip: ctx.ip ?? null,
});

/** Writes one audit row; call it inside the transaction that makes the change (see inTransaction). */
export async function audit(ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await ctx.db.insertInto('audit_log').values(auditRow(ctx, entry)).execute();
}

/**
 * Writes many audit rows in one statement per thousand (the set-based import commits): the same rows as calling
 * `audit` for each entry, inside the caller's transaction.
 */
export async function auditMany(ctx: ServiceContext, entries: readonly AuditEntry[]): Promise<void> {
  const rows = entries.map((entry) => auditRow(ctx, entry));
  await insertRows(ctx.db, 'audit_log', AUDIT_COLUMNS, rows);
}

const AUDIT_COLUMNS = {
  actor_user_id: 'uuid',
  unit_id: 'uuid',
  entity: 'text',
  entity_id: 'text',
  action: 'text',
  before: 'jsonb',
  after: 'jsonb',
  ip: 'text',
} as const;

/** Before/after of an update: only the fields that changed, so the log reads as a diff. */
export function changedFields<T extends object>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (after[key] === undefined) continue;
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return { before: b, after: a };
}

function toJson(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
