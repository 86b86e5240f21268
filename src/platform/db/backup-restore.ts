import { type Kysely, sql } from 'kysely';
import type { TableCount } from './backup.ts';
import {
  appliedMigrations,
  type ColumnInfo,
  type ForeignKey,
  type LoadPlan,
  loadPlan,
  readCatalog,
  type TableInfo,
} from './backup-catalog.ts';
import {
  type BackupEnd,
  loadValue,
  openBackupLines,
  parseHeader,
  type TableEnd,
  type TableStart,
} from './backup-format.ts';

/** Rows per INSERT while restoring (one jsonb parameter holds the batch). */
const INSERT_ROWS = 2_000;

export interface RestoreOptions {
  /** Empty a database that already holds data instead of refusing. */
  force?: boolean;
  onTable?: (done: TableCount) => void;
}

/**
 * Restores a backup into a migrated database with exactly the backup's migrations, in one transaction: tables in
 * foreign-key order, a self-referencing table parents first, cyclic references set after all rows are in. Rows
 * stream from the file; only a self-referencing table (units) is held in memory to order it.
 */
export async function restoreBackup(
  db: Kysely<unknown>,
  file: string,
  options: RestoreOptions = {},
): Promise<TableCount[]> {
  const { lines, close } = openBackupLines(file);
  try {
    return await db.transaction().execute(async (trx) => {
      const restorer = new Restorer(trx, options);
      for await (const line of lines) {
        if (await restorer.accept(line)) return restorer.result();
      }
      throw new Error('Tệp sao lưu bị cắt cụt (thiếu phần kết thúc); không có gì được khôi phục.');
    });
  } finally {
    close();
  }
}

class Restorer {
  private catalog: Map<string, TableInfo> | undefined;
  private plan: LoadPlan | undefined;
  private loader: TableLoader | undefined;
  private readonly loaded: TableCount[] = [];
  private readonly deferredUpdates: { table: TableInfo; columns: ColumnInfo[]; rows: string[] }[] = [];

  constructor(
    private readonly db: Kysely<unknown>,
    private readonly options: RestoreOptions,
  ) {}

  /** Handles one line of the file; true once the end marker was read. */
  async accept(line: string): Promise<boolean> {
    if (!this.catalog) {
      await this.begin(line);
      return false;
    }
    if (line.startsWith('[')) {
      await this.currentLoader().add(line);
      return false;
    }
    const control = JSON.parse(line) as TableStart | TableEnd | BackupEnd;
    if ('table' in control) this.startTable(control);
    else if (control.end === true) {
      await this.finish(control);
      return true;
    } else await this.endTable(control);
    return false;
  }

  result(): TableCount[] {
    return this.loaded;
  }

  private async begin(headerLine: string): Promise<void> {
    const header = parseHeader(headerLine);
    const target = await appliedMigrations(this.db);
    if (JSON.stringify(target) !== JSON.stringify(header.migrations)) {
      throw new Error(
        `Bản sao lưu được tạo với các migration [${header.migrations.join(', ')}] nhưng cơ sở dữ liệu đích có [${target.join(', ')}]. Khôi phục vào cơ sở dữ liệu mới (chưa migrate) để hệ thống tự đưa về đúng phiên bản.`,
      );
    }
    const catalog = await readCatalog(this.db);
    const hasData = await sql<{ found: boolean }>`select exists (select 1 from units) as found`.execute(
      this.db,
    );
    if (hasData.rows[0]?.found && !this.options.force) {
      throw new Error(
        'Cơ sở dữ liệu đích đã có dữ liệu. Dùng --force để xoá toàn bộ dữ liệu hiện có rồi khôi phục.',
      );
    }
    // Everything goes, reference rows written by migrations too: the backup carries them (same migrations).
    const names = [...catalog.keys()].map((t) => sql.table(t));
    await sql`truncate table ${sql.join(names)} cascade`.execute(this.db);
    this.catalog = catalog;
    this.plan = loadPlan(catalog);
  }

  private startTable(start: TableStart): void {
    const table = this.catalog?.get(start.table);
    if (!table) throw new Error(`Bảng ${start.table} trong bản sao lưu không có ở cơ sở dữ liệu đích.`);
    const expected = table.columns.map((c) => `${c.name} ${c.type}`).join(', ');
    if (start.columns.map((c) => `${c.name} ${c.type}`).join(', ') !== expected) {
      throw new Error(`Các cột của bảng ${start.table} trong bản sao lưu khác cơ sở dữ liệu đích.`);
    }
    const missing = table.foreignKeys.find(
      (fk) => fk.refTable !== table.name && !this.isLoaded(fk.refTable) && !this.isDeferred(table, fk),
    );
    if (missing)
      throw new Error(`Bảng ${table.name} xuất hiện trước bảng ${missing.refTable} mà nó tham chiếu.`);
    this.loader = new TableLoader(this.db, table, this.plan?.deferred.get(table.name) ?? []);
  }

  private async endTable(end: TableEnd): Promise<void> {
    const loader = this.currentLoader();
    const rows = await loader.finish();
    if (rows !== end.rows)
      throw new Error(`Bảng ${end.end}: đọc được ${rows} dòng, tệp ghi ${end.rows} dòng.`);
    if (loader.deferred.rows.length) this.deferredUpdates.push(loader.deferred);
    this.loaded.push({ table: end.end, rows });
    this.options.onTable?.({ table: end.end, rows });
    this.loader = undefined;
  }

  private async finish(end: BackupEnd): Promise<void> {
    const missing = [...(this.catalog?.keys() ?? [])].filter((t) => !this.isLoaded(t));
    if (missing.length) throw new Error(`Bản sao lưu thiếu các bảng: ${missing.join(', ')}.`);
    const total = this.loaded.reduce((s, t) => s + t.rows, 0);
    if (total !== end.rows) throw new Error(`Tệp ghi ${end.rows} dòng nhưng đọc được ${total} dòng.`);
    for (const update of this.deferredUpdates) await setDeferred(this.db, update);
  }

  private currentLoader(): TableLoader {
    if (!this.loader) throw new Error('Tệp sao lưu hỏng: dòng dữ liệu nằm ngoài một bảng.');
    return this.loader;
  }

  private isLoaded(table: string): boolean {
    return this.loaded.some((t) => t.table === table);
  }

  private isDeferred(table: TableInfo, fk: ForeignKey): boolean {
    const deferred = this.plan?.deferred.get(table.name) ?? [];
    return fk.columns.some((c) => deferred.includes(c));
  }
}

/** Loads one table's rows in batches; a self-referencing table is collected first and loaded parents first. */
class TableLoader {
  readonly deferred: { table: TableInfo; columns: ColumnInfo[]; rows: string[] };
  private batch: string[] = [];
  private rows = 0;
  private readonly selfReferences: ForeignKey[];
  private readonly keyColumns: number[];

  constructor(
    private readonly db: Kysely<unknown>,
    private readonly table: TableInfo,
    deferredColumns: string[],
  ) {
    this.selfReferences = table.foreignKeys.filter((fk) => fk.refTable === table.name);
    const columns = table.columns.filter((c) => deferredColumns.includes(c.name));
    this.deferred = { table, columns, rows: [] };
    this.keyColumns = table.primaryKey.map((name) => table.columns.findIndex((c) => c.name === name));
    if (columns.length && this.keyColumns.length === 0) {
      throw new Error(`Bảng ${table.name} cần khoá chính để khôi phục tham chiếu vòng.`);
    }
  }

  async add(line: string): Promise<void> {
    this.batch.push(line);
    this.rows++;
    if (this.deferred.columns.length) this.rememberDeferred(line);
    if (this.selfReferences.length === 0 && this.batch.length >= INSERT_ROWS) await this.flush(this.batch);
  }

  /** Writes what is left; returns the table's row count. */
  async finish(): Promise<number> {
    const lines = this.selfReferences.length
      ? parentsFirst(this.table, this.selfReferences, this.batch)
      : this.batch;
    for (let i = 0; i < lines.length; i += INSERT_ROWS) await this.flush(lines.slice(i, i + INSERT_ROWS));
    this.batch = [];
    return this.rows;
  }

  private async flush(lines: string[]): Promise<void> {
    if (this.batch === lines) this.batch = [];
    if (lines.length === 0) return;
    const deferred = new Set(this.deferred.columns.map((c) => c.name));
    const values = this.table.columns.map((column, i) =>
      deferred.has(column.name) ? sql`null` : loadValue(column, i),
    );
    await sql`insert into ${sql.table(this.table.name)} (${sql.join(this.table.columns.map((c) => sql.ref(c.name)))})
      select ${sql.join(values)} from jsonb_array_elements(${`[${lines.join(',')}]`}::jsonb) as r`.execute(
      this.db,
    );
  }

  /** Keeps [primary key…, deferred values…] of rows whose deferred references are set. */
  private rememberDeferred(line: string): void {
    const values = JSON.parse(line) as unknown[];
    const indexes = this.deferred.columns.map((c) => this.table.columns.indexOf(c));
    if (indexes.every((i) => values[i] === null)) return;
    this.deferred.rows.push(JSON.stringify([...this.keyColumns, ...indexes].map((i) => values[i])));
  }
}

/** Orders a self-referencing table's rows so every referenced row comes before the rows pointing to it. */
function parentsFirst(table: TableInfo, references: ForeignKey[], lines: string[]): string[] {
  const rows = lines.map((line) => JSON.parse(line) as unknown[]);
  const index = (name: string) => table.columns.findIndex((c) => c.name === name);
  const keyOf = (row: unknown[], columns: string[]) => JSON.stringify(columns.map((c) => row[index(c)]));
  const parents = rows.map((row) =>
    references.flatMap((fk) => {
      const values = fk.columns.map((c) => row[index(c)]);
      return values.includes(null) ? [] : [{ fk, key: JSON.stringify(values) }];
    }),
  );
  const byKey = new Map<string, number>();
  for (const fk of references) {
    for (const [i, row] of rows.entries()) byKey.set(`${fk.refColumns}:${keyOf(row, fk.refColumns)}`, i);
  }
  const ordered: string[] = [];
  const state = new Uint8Array(rows.length); // 0 new, 1 visiting, 2 done
  const visit = (i: number) => {
    if (state[i]) return; // done, or a cycle in the data: its rows then share a statement
    state[i] = 1;
    for (const parent of parents[i] ?? []) {
      const j = byKey.get(`${parent.fk.refColumns}:${parent.key}`);
      if (j !== undefined) visit(j);
    }
    state[i] = 2;
    ordered.push(lines[i] as string);
  };
  for (let i = 0; i < rows.length; i++) visit(i);
  return ordered;
}

async function setDeferred(
  db: Kysely<unknown>,
  update: { table: TableInfo; columns: ColumnInfo[]; rows: string[] },
): Promise<void> {
  const { table, columns } = update;
  const keys = table.primaryKey.map((name) => table.columns.find((c) => c.name === name) as ColumnInfo);
  const k = keys.length;
  const assignments = columns.map((c, i) => sql`${sql.ref(c.name)} = ${loadValue(c, k + i)}`);
  const matches = keys.map((c, i) => sql`${sql.ref(`t.${c.name}`)} = ${loadValue(c, i)}`);
  for (let i = 0; i < update.rows.length; i += INSERT_ROWS) {
    const batch = `[${update.rows.slice(i, i + INSERT_ROWS).join(',')}]`;
    await sql`update ${sql.table(table.name)} as t set ${sql.join(assignments)}
      from jsonb_array_elements(${batch}::jsonb) as r where ${sql.join(matches, sql` and `)}`.execute(db);
  }
}
