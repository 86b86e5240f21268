import { type Kysely, sql } from 'kysely';

/**
 * What the portable backup needs to know about the schema, read from the PostgreSQL catalog so it follows every
 * migration without a list to maintain: tables, their columns and types, primary keys, foreign keys, and the
 * tables that the table's insert triggers read (references checked by a trigger instead of a foreign key).
 */

/**
 * Migration bookkeeping travels in the backup header; sessions are login state bound to the old server;
 * login_names is derived from users (its trigger fills it again as users are restored).
 */
const NOT_BACKED_UP = new Set(['kysely_migration', 'kysely_migration_lock', 'sessions', 'login_names']);

export type ColumnKind = 'plain' | 'array' | 'json' | 'bytea';

export interface ColumnInfo {
  name: string;
  /** As `format_type` prints it (e.g. `text[]`, `timestamp with time zone`): used to cast values back. */
  type: string;
  kind: ColumnKind;
  nullable: boolean;
}

export interface ForeignKey {
  columns: string[];
  refTable: string;
  refColumns: string[];
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  foreignKeys: ForeignKey[];
  /**
   * Other tables named in the functions of this table's insert triggers (e.g. migration 0045 checks each
   * statement's student_results against classes and students). Such a trigger can only pass once those tables
   * are loaded, so they order the load like foreign keys, and can never be postponed (no column to leave null).
   */
  triggerReads: string[];
}

/** Tables of the current schema (generated columns left out: the database computes them). */
export async function readCatalog(db: Kysely<unknown>): Promise<Map<string, TableInfo>> {
  const columns = await sql<{
    table: string;
    name: string;
    type: string;
    typname: string;
    category: string;
    not_null: boolean;
  }>`
    select c.relname as "table", a.attname as name, format_type(a.atttypid, a.atttypmod) as type,
      t.typname, t.typcategory::text as category, a.attnotnull as not_null
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace
    join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
    join pg_type t on t.oid = a.atttypid
    where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition
      and a.attgenerated = ''
    order by c.relname, a.attnum`.execute(db);
  const keys = await sql<{
    table: string;
    type: string;
    ref_table: string | null;
    columns: string[];
    ref_columns: string[];
  }>`
    select c.relname as "table", con.contype::text as type, rc.relname as ref_table,
      array(select a.attname::text from unnest(con.conkey) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.n order by k.i) as columns,
      array(select a.attname::text from unnest(coalesce(con.confkey, '{}')) with ordinality k(n, i)
        join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.n order by k.i) as ref_columns
    from pg_constraint con
    join pg_class c on c.oid = con.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    left join pg_class rc on rc.oid = con.confrelid
    where n.nspname = current_schema() and con.contype in ('p', 'f')
    order by c.relname, con.conname`.execute(db);
  const tables = new Map<string, TableInfo>();
  for (const row of columns.rows) {
    if (NOT_BACKED_UP.has(row.table)) continue;
    const table = tables.get(row.table) ?? {
      name: row.table,
      columns: [],
      primaryKey: [],
      foreignKeys: [],
      triggerReads: [],
    };
    table.columns.push({ name: row.name, type: row.type, kind: kindOf(row), nullable: !row.not_null });
    tables.set(row.table, table);
  }
  for (const key of keys.rows) {
    const table = tables.get(key.table);
    if (!table) continue;
    if (key.type === 'p') table.primaryKey = key.columns;
    else if (key.ref_table)
      table.foreignKeys.push({ columns: key.columns, refTable: key.ref_table, refColumns: key.ref_columns });
  }
  for (const trigger of (await insertTriggers(db)).rows) {
    const table = tables.get(trigger.table);
    if (!table) continue;
    const words = new Set(trigger.body.toLowerCase().match(/[a-z_][a-z0-9_$]*/g));
    for (const other of tables.keys()) {
      if (other !== table.name && words.has(other) && !table.triggerReads.includes(other))
        table.triggerReads.push(other);
    }
    table.triggerReads.sort();
  }
  return tables;
}

/**
 * Bodies of the enabled user triggers fired by INSERT (bit 2 of tgtype; internal foreign-key triggers left out).
 * Any table name in a body counts as read: over-counting only orders the load more strictly, and a trigger that
 * checks its rows against another table cannot be seen any other way (PostgreSQL records no dependency on the
 * tables a PL/pgSQL body queries).
 */
function insertTriggers(db: Kysely<unknown>) {
  return sql<{ table: string; body: string }>`
    select c.relname as "table", p.prosrc as body
    from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    join pg_namespace n on n.oid = c.relnamespace
    join pg_proc p on p.oid = t.tgfoid
    where n.nspname = current_schema() and not t.tgisinternal and t.tgenabled <> 'D' and (t.tgtype & 4) <> 0
    order by c.relname, t.tgname`.execute(db);
}

function kindOf(column: { typname: string; category: string }): ColumnKind {
  if (column.category === 'A') return 'array';
  if (column.typname === 'json' || column.typname === 'jsonb') return 'json';
  if (column.typname === 'bytea') return 'bytea';
  return 'plain';
}

export interface LoadPlan {
  /**
   * Tables in an order where each table's foreign keys, and the tables its insert triggers read, point to tables
   * before it (or to itself).
   */
  order: string[];
  /**
   * Nullable foreign-key columns that close a cycle between tables (e.g. a department's head is a staff member and
   * a staff member's department a department): loaded as null, then set once every table is in.
   */
  deferred: Map<string, string[]>;
  /** The other tables each table needs loaded before its rows can go in (what is deferred left out). */
  needs: Map<string, string[]>;
}

/** One table another needs first; `nullable` columns may be loaded as null to break a cycle (none for a trigger). */
interface Need {
  refTable: string;
  nullable: string[];
}

function needsOf(tables: ReadonlyMap<string, TableInfo>, table: TableInfo): Need[] {
  const columns = (fk: ForeignKey) =>
    fk.columns.filter((name) => table.columns.find((c) => c.name === name)?.nullable);
  return [
    ...table.foreignKeys
      .filter((fk) => fk.refTable !== table.name && tables.has(fk.refTable))
      .map((fk) => ({ refTable: fk.refTable, nullable: columns(fk) })),
    ...table.triggerReads.filter((t) => tables.has(t)).map((refTable) => ({ refTable, nullable: [] })),
  ];
}

/**
 * Orders tables so that referenced rows are loaded first (Kahn's algorithm, ties by name so the order is the same
 * on every engine). Self-references are left to the loader, which inserts a table's parents before its children.
 */
export function loadPlan(tables: ReadonlyMap<string, TableInfo>): LoadPlan {
  const pending = new Map<string, Need[]>();
  for (const table of tables.values()) pending.set(table.name, needsOf(tables, table));
  const order: string[] = [];
  const deferred = new Map<string, string[]>();
  const placed = new Set<string>();
  const unresolved = (name: string) => (pending.get(name) ?? []).filter((need) => !placed.has(need.refTable));
  while (placed.size < tables.size) {
    const remaining = [...pending.keys()].filter((t) => !placed.has(t)).sort();
    let next = remaining.find((t) => unresolved(t).length === 0);
    if (!next) {
      next = remaining.find((t) => unresolved(t).every((need) => need.nullable.length > 0));
      if (!next)
        throw new Error(
          `Không sắp được thứ tự nạp các bảng có khoá ngoại vòng tròn: ${remaining.join(', ')}.`,
        );
      deferred.set(
        next,
        unresolved(next).flatMap((need) => need.nullable),
      );
    }
    order.push(next);
    placed.add(next);
  }
  const needs = new Map<string, string[]>();
  for (const [name, all] of pending) {
    const postponed = deferred.get(name) ?? [];
    const kept = all.filter(
      (need) => need.nullable.length === 0 || !need.nullable.every((c) => postponed.includes(c)),
    );
    needs.set(name, [...new Set(kept.map((need) => need.refTable))].sort());
  }
  return { order, deferred, needs };
}

/** Names of the migrations applied to a database, in order (empty for a database never migrated). */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const exists = await sql<{
    found: boolean;
  }>`select to_regclass('kysely_migration') is not null as found`.execute(db);
  if (!exists.rows[0]?.found) return [];
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
