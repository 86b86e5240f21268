import { type Kysely, sql } from 'kysely';

/**
 * What the portable backup needs to know about the schema, read from the PostgreSQL catalog so it follows every
 * migration without a list to maintain: tables, their columns and types, primary keys and foreign keys.
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
    const table = tables.get(row.table) ?? { name: row.table, columns: [], primaryKey: [], foreignKeys: [] };
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
  return tables;
}

function kindOf(column: { typname: string; category: string }): ColumnKind {
  if (column.category === 'A') return 'array';
  if (column.typname === 'json' || column.typname === 'jsonb') return 'json';
  if (column.typname === 'bytea') return 'bytea';
  return 'plain';
}

export interface LoadPlan {
  /** Tables in an order where each table's foreign keys point to tables before it (or to itself). */
  order: string[];
  /**
   * Nullable foreign-key columns that close a cycle between tables (e.g. a department's head is a staff member and
   * a staff member's department a department): loaded as null, then set once every table is in.
   */
  deferred: Map<string, string[]>;
}

/**
 * Orders tables so that referenced rows are loaded first (Kahn's algorithm, ties by name so the order is the same
 * on every engine). Self-references are left to the loader, which inserts a table's parents before its children.
 */
export function loadPlan(tables: ReadonlyMap<string, TableInfo>): LoadPlan {
  const pending = new Map<string, ForeignKey[]>();
  for (const table of tables.values()) {
    pending.set(
      table.name,
      table.foreignKeys.filter((fk) => fk.refTable !== table.name && tables.has(fk.refTable)),
    );
  }
  const order: string[] = [];
  const deferred = new Map<string, string[]>();
  const placed = new Set<string>();
  const unresolved = (name: string) => (pending.get(name) ?? []).filter((fk) => !placed.has(fk.refTable));
  while (placed.size < tables.size) {
    const remaining = [...pending.keys()].filter((t) => !placed.has(t)).sort();
    let next = remaining.find((t) => unresolved(t).length === 0);
    if (!next) {
      next = remaining.find((t) => unresolved(t).every((fk) => nullableColumns(tables, t, fk).length > 0));
      if (!next)
        throw new Error(
          `Không sắp được thứ tự nạp các bảng có khoá ngoại vòng tròn: ${remaining.join(', ')}.`,
        );
      deferred.set(
        next,
        unresolved(next).flatMap((fk) => nullableColumns(tables, next as string, fk)),
      );
    }
    order.push(next);
    placed.add(next);
  }
  return { order, deferred };
}

function nullableColumns(tables: ReadonlyMap<string, TableInfo>, table: string, fk: ForeignKey): string[] {
  const columns = tables.get(table)?.columns ?? [];
  return fk.columns.filter((name) => columns.find((c) => c.name === name)?.nullable);
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
