import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { DB } from './schema.ts';

/**
 * PostgreSQL type of a column written through unnest. An array column (`text[]`) travels as its text literal inside
 * a text[] parameter, because unnest would flatten a two-dimensional array.
 */
export type UnnestType =
  | 'uuid'
  | 'text'
  | 'int'
  | 'numeric'
  | 'date'
  | 'boolean'
  | 'jsonb'
  | 'text[]'
  | 'numeric[]';

/**
 * `insert into table (columns) select … from unnest($1::uuid[], $2::text[], …)`: one parameter per column however
 * many rows, so PostgreSQL parses and plans a short statement instead of a VALUES list of thousands of tuples (and
 * the 65,535-parameter limit of multi-row VALUES never applies). Works the same on PGlite. Used by the demo seed and
 * by the set-based import commits. A column whose value is undefined in a row is written as null: pass the
 * column's default explicitly where it has one.
 */
export function unnestInsert(
  table: keyof DB & string,
  columns: Readonly<Record<string, UnnestType>>,
  rows: readonly object[],
): RawBuilder<unknown> {
  const entries = Object.entries(columns);
  const names = entries.map(([name]) => sql.ref(name));
  const aliases = entries.map((_, i) => sql.ref(`c${i}`));
  const arrays = entries.map(([name, type]) => {
    const values = rows.map((row) => (row as Record<string, unknown>)[name] ?? null);
    if (type.endsWith('[]')) return sql`${values.map((v) => arrayLiteral(v as readonly unknown[]))}::text[]`;
    return sql`${values}::${sql.raw(type)}[]`;
  });
  const selected = entries.map(([, type], i) =>
    type.endsWith('[]') ? sql`${aliases[i]}::${sql.raw(type)}` : aliases[i],
  );
  return sql`insert into ${sql.table(table)} (${sql.join(names)})
    select ${sql.join(selected)} from unnest(${sql.join(arrays)}) as t(${sql.join(aliases)})`;
}

/** Writes rows with unnestInsert in statements of `chunk` rows (memory stays flat for large batches). */
export async function insertRows(
  db: Kysely<DB>,
  table: keyof DB & string,
  columns: Readonly<Record<string, UnnestType>>,
  rows: readonly object[],
  chunk = 1_000,
): Promise<void> {
  for (let from = 0; from < rows.length; from += chunk) {
    await unnestInsert(table, columns, rows.slice(from, from + chunk)).execute(db);
  }
}

/** PostgreSQL array literal of text values: every element quoted, so commas, braces and quotes are safe. */
export function arrayLiteral(values: readonly unknown[]): string {
  return `{${values.map((v) => `"${String(v).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * `update table as t set column = u.column, … from unnest($1::uuid[], …) as u(key, columns…) where t.unit_id = $unit
 * and t.key = u.key`: many rows, each with its own values, in one statement (the set-based import's updates), like
 * unnestInsert. The rows are those of one unit, named in the condition. `touch` names a timestamp column set to
 * now() (`updated_at`).
 */
export function unnestUpdate(
  table: keyof DB & string,
  options: { unitId: string; key: string; touch?: string },
  columns: Readonly<Record<string, UnnestType>>,
  rows: readonly object[],
): RawBuilder<unknown> {
  const entries = Object.entries(columns);
  const arrays = entries.map(([name, type]) => {
    const values = rows.map((row) => (row as Record<string, unknown>)[name] ?? null);
    if (type.endsWith('[]')) return sql`${values.map((v) => arrayLiteral(v as readonly unknown[]))}::text[]`;
    return sql`${values}::${sql.raw(type)}[]`;
  });
  const sets = entries
    .filter(([name]) => name !== options.key)
    .map(([name, type]) =>
      type.endsWith('[]')
        ? sql`${sql.ref(name)} = ${sql.ref(`u.${name}`)}::${sql.raw(type)}`
        : sql`${sql.ref(name)} = ${sql.ref(`u.${name}`)}`,
    );
  if (options.touch) sets.push(sql`${sql.ref(options.touch)} = now()`);
  return sql`update ${sql.table(table)} as t set ${sql.join(sets)}
    from unnest(${sql.join(arrays)}) as u(${sql.join(entries.map(([name]) => sql.ref(name)))})
    where t.unit_id = ${options.unitId} and ${sql.ref(`t.${options.key}`)} = ${sql.ref(`u.${options.key}`)}`;
}

/** Updates rows with unnestUpdate in statements of `chunk` rows. */
export async function updateRows(
  db: Kysely<DB>,
  table: keyof DB & string,
  options: { unitId: string; key: string; touch?: string },
  columns: Readonly<Record<string, UnnestType>>,
  rows: readonly object[],
  chunk = 1_000,
): Promise<void> {
  for (let from = 0; from < rows.length; from += chunk) {
    await unnestUpdate(table, options, columns, rows.slice(from, from + chunk)).execute(db);
  }
}
