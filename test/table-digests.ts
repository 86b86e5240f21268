import { type Kysely, sql } from 'kysely';
import type { DB } from '../src/platform/db/schema.ts';

/**
 * Every table's row count and an md5 of its rows, for tests that prove a step wrote nothing. Jobs, sessions, the
 * notifications a finished job sends its requester and the migration bookkeeping are left out (running a job or
 * signing in changes them), and so is any table in `except`.
 */
export async function tableDigests(
  db: Kysely<DB>,
  except: readonly string[] = [],
): Promise<Record<string, string>> {
  const skipped = [
    'jobs',
    'sessions',
    'notifications',
    'notification_events',
    'notification_messages',
    'kysely_migration',
    'kysely_migration_lock',
    ...except,
  ];
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
    order by 1`.execute(db);
  const parts = tables.rows
    .filter((r) => !skipped.includes(r.name))
    .map(
      (r) =>
        `select '${r.name}' as name, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from "${r.name}" x`,
    );
  const rows = await sql<{ name: string; digest: string }>`${sql.raw(parts.join(' union all '))}`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.digest]));
}
