import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase, STORAGES } from '../../../test/databases.ts';
import { TABLES } from './schema.ts';
import type { TableColumns } from './tables/columns.ts';

/**
 * The table descriptions in tables/*.ts (from which the Kysely types are derived) must say what the migrations
 * built: the same tables and columns, the same nullability, and for every CHECK that lists text values, the same
 * values as the enum list the column is declared with. A migration that adds a status without the TypeScript side
 * (or the reverse) fails here, naming the table, column and values.
 */

interface DatabaseColumn {
  table_name: string;
  column_name: string;
  is_nullable: 'YES' | 'NO';
}

interface CheckConstraint {
  table_name: string;
  name: string;
  definition: string;
}

/** Tables the migrator keeps for itself. */
const MIGRATOR_TABLES = new Set(['kysely_migration', 'kysely_migration_lock']);

const quoted = /'((?:[^']|'')*)'/g;

/**
 * The column and text values of a CHECK that lists them, as printed by pg_get_constraintdef (PostgreSQL 15 and 18:
 * `CHECK ((status = ANY (ARRAY['a'::text, 'b'::text])))`, or for an array column
 * `CHECK ((regular_results <@ ARRAY['pass'::text, 'fail'::text]))`), or as written (`status IN ('a', 'b')`).
 * Null for other checks (ranges, patterns, lists of numbers such as `term IN (1, 2)`).
 */
function checkedValues(definition: string): { column: string; values: string[] } | null {
  const match =
    /\(*"?(\w+)"?\)? = ANY \(+ARRAY\[([^\]]*)\]/i.exec(definition) ??
    /\(*"?(\w+)"?\)? <@ \(*ARRAY\[([^\]]*)\]/i.exec(definition) ??
    /\(*"?(\w+)"?\)? IN \(([^)]*)\)/i.exec(definition);
  if (!match) return null;
  const [, column, list] = match as unknown as [string, string, string];
  const values = [...list.matchAll(quoted)].map((m) => (m[1] as string).replaceAll("''", "'"));
  return values.length > 0 ? { column, values } : null;
}

const sorted = (values: readonly string[]) => [...values].sort();
const show = (values: readonly string[]) => sorted(values).join(', ');

/** Every difference between the table descriptions and the database, one readable line each. */
function schemaDrift(
  described: Readonly<Record<string, TableColumns>>,
  columns: readonly DatabaseColumn[],
  checks: readonly CheckConstraint[],
): string[] {
  const problems: string[] = [];
  const inDatabase = new Map<string, Map<string, DatabaseColumn>>();
  for (const c of columns) {
    if (MIGRATOR_TABLES.has(c.table_name)) continue;
    const table = inDatabase.get(c.table_name) ?? new Map<string, DatabaseColumn>();
    table.set(c.column_name, c);
    inDatabase.set(c.table_name, table);
  }
  for (const table of inDatabase.keys())
    if (!(table in described)) problems.push(`${table}: in the database, not in the TypeScript DB`);

  for (const [table, description] of Object.entries(described)) {
    const actual = inDatabase.get(table);
    if (!actual) {
      problems.push(`${table}: in the TypeScript DB, not in the database`);
      continue;
    }
    for (const name of actual.keys())
      if (!(name in description)) problems.push(`${table}.${name}: in the database, not in TypeScript`);
    for (const [name, column] of Object.entries(description)) {
      const found = actual.get(name);
      if (!found) problems.push(`${table}.${name}: in TypeScript, not in the database`);
      else if (column.nullable !== (found.is_nullable === 'YES'))
        problems.push(
          `${table}.${name}: ${column.nullable ? 'nullable' : 'not null'} in TypeScript, ` +
            `${found.is_nullable === 'YES' ? 'nullable' : 'not null'} in the database`,
        );
    }
  }

  const checked = new Set<string>();
  for (const check of checks) {
    const list = checkedValues(check.definition);
    if (!list) continue;
    const key = `${check.table_name}.${list.column}`;
    checked.add(key);
    const column = described[check.table_name]?.[list.column];
    if (!column) continue; // reported above as a missing column
    if (!column.values)
      problems.push(
        `${key}: CHECK ${check.name} allows [${show(list.values)}], TypeScript declares no enum list`,
      );
    else if (show(column.values) !== show(list.values))
      problems.push(
        `${key}: CHECK ${check.name} allows [${show(list.values)}], TypeScript enum is [${show(column.values)}]`,
      );
  }
  for (const [table, description] of Object.entries(described))
    for (const [name, column] of Object.entries(description))
      if (column.values && !checked.has(`${table}.${name}`))
        problems.push(
          `${table}.${name}: TypeScript enum [${show(column.values)}], no CHECK lists its values`,
        );
  return problems;
}

async function readSchema(db: Kysely<unknown>) {
  const columns = await sql<DatabaseColumn>`
    select table_name, column_name, is_nullable from information_schema.columns
    where table_schema = 'public' order by table_name, ordinal_position`.execute(db);
  const checks = await sql<CheckConstraint>`
    select c.relname as table_name, con.conname as name, pg_get_constraintdef(con.oid) as definition
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    where con.contype = 'c' and n.nspname = 'public'
    order by c.relname, con.conname`.execute(db);
  return { columns: columns.rows, checks: checks.rows };
}

describe('schema drift: tables/*.ts against the migrated database', () => {
  it.each(STORAGES)('every table, column, nullability and CHECK value list agrees (%s)', async (storage) => {
    const database = await openTestDatabase(storage);
    try {
      const { columns, checks } = await readSchema(database.db as never);
      expect(checks.map((c) => checkedValues(c.definition)).filter(Boolean).length).toBeGreaterThan(30);
      expect(schemaDrift(TABLES, columns, checks)).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('reads value lists as PostgreSQL prints them and as migrations write them', () => {
    expect(checkedValues("CHECK ((status = ANY (ARRAY['draft'::text, 'open'::text])))")).toEqual({
      column: 'status',
      values: ['draft', 'open'],
    });
    expect(checkedValues("CHECK ((regular_results <@ ARRAY['pass'::text, 'fail'::text]))")).toEqual({
      column: 'regular_results',
      values: ['pass', 'fail'],
    });
    expect(checkedValues("CHECK (kind IN ('subject', 'homeroom'))")).toEqual({
      column: 'kind',
      values: ['subject', 'homeroom'],
    });
    expect(checkedValues('CHECK ((term = ANY (ARRAY[1, 2])))')).toBeNull();
    expect(checkedValues('CHECK (((grade >= 0) AND (grade <= 12)))')).toBeNull();
  });

  it('names each kind of drift', () => {
    const described = {
      t: {
        status: { nullable: false, values: ['a', 'b'] },
        note: { nullable: true },
        gone: { nullable: false },
      },
    };
    const columns: DatabaseColumn[] = [
      { table_name: 't', column_name: 'status', is_nullable: 'NO' },
      { table_name: 't', column_name: 'note', is_nullable: 'NO' },
      { table_name: 't', column_name: 'extra', is_nullable: 'YES' },
      { table_name: 'kysely_migration', column_name: 'name', is_nullable: 'NO' },
    ];
    const checks: CheckConstraint[] = [
      {
        table_name: 't',
        name: 't_status_check',
        definition: "CHECK ((status = ANY (ARRAY['a'::text, 'c'::text])))",
      },
    ];
    expect(schemaDrift(described, columns, checks)).toEqual([
      't.extra: in the database, not in TypeScript',
      't.note: nullable in TypeScript, not null in the database',
      't.gone: in TypeScript, not in the database',
      't.status: CHECK t_status_check allows [a, c], TypeScript enum is [a, b]',
    ]);
  });
});
