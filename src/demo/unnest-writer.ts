import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import type { RowWriter } from './batcher.ts';
import { SEED_COLUMNS, type SeedRow, type SeedTable } from './tables.ts';

/**
 * Writes a batch as one `insert … select from unnest($1::uuid[], $2::text[], …)`: one parameter per column however
 * many rows, so PostgreSQL parses and plans a short statement instead of a VALUES list of 20,000 tuples (and the
 * 65,535-parameter limit of multi-row VALUES never applies). Works the same on PGlite.
 */
export function unnestWriter(db: Kysely<DB>): RowWriter {
  return {
    async write<T extends SeedTable>(table: T, rows: SeedRow<T>[]) {
      await insertStatement(table, rows).execute(db);
    },
  };
}

function insertStatement<T extends SeedTable>(table: T, rows: SeedRow<T>[]): RawBuilder<unknown> {
  const columns = Object.entries(SEED_COLUMNS[table]);
  const names = columns.map(([name]) => sql.ref(name));
  const aliases = columns.map((_, i) => sql.ref(`c${i}`));
  const arrays = columns.map(([name, type]) => {
    const values = rows.map((row) => (row as Record<string, unknown>)[name] ?? null);
    // An array column travels as its text literal inside a text[] (unnest would flatten a 2-D array).
    if (type.endsWith('[]')) return sql`${values.map((v) => arrayLiteral(v as readonly unknown[]))}::text[]`;
    return sql`${values}::${sql.raw(type)}[]`;
  });
  const selected = columns.map(([, type], i) =>
    type.endsWith('[]') ? sql`${aliases[i]}::${sql.raw(type)}` : aliases[i],
  );
  return sql`insert into ${sql.table(table)} (${sql.join(names)})
    select ${sql.join(selected)} from unnest(${sql.join(arrays)}) as t(${sql.join(aliases)})`;
}

/** PostgreSQL array literal of text values: every element quoted, so commas, braces and quotes are safe. */
export function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
