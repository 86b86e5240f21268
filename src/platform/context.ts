import type { Kysely } from 'kysely';
import type { BaseLogger } from 'pino';
import type { Actor } from './authz/actor.ts';
import type { DB } from './db/schema.ts';

/** Structured English logs (pino, or Fastify's request logger). */
export type Log = Pick<BaseLogger, 'info' | 'warn' | 'error' | 'debug'>;

/** What every service function receives: the database (or the open transaction), who acts, and a logger. */
export interface ServiceContext {
  db: Kysely<DB>;
  actor: Actor;
  ip?: string;
  log: Log;
}

/**
 * Runs `work` in one transaction (or inside the caller's, if already in one). Audit rows are written with the
 * same context, so a rolled-back change leaves no audit trace and a committed one always has it.
 */
export async function inTransaction<T>(
  ctx: ServiceContext,
  work: (trx: ServiceContext) => Promise<T>,
): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx);
  return ctx.db.transaction().execute((trx) => work({ ...ctx, db: trx }));
}
