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
 * Restores a backup into a migrated database with exactly the backup's migrations, in one transaction: a table's
 * rows go in once every table it needs is in (foreign keys, and tables its insert triggers check — see
 * `loadPlan`), a self-referencing table parents first, cyclic references set after all rows are in. Rows stream
 * from the file. A file whose order does not fit (written before trigger-checked tables were ordered, or by hand)
 * still loads: a table that comes too early is held in a temporary table until what it needs is in. On any
 * error nothing is written: the transaction rolls back and the target keeps what it had.
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
      throw new Error('Tệp sao lưu bị cắt cụt (thiếu phần kết thúc).');
    });
  } catch (error) {
    throw new Error(
      `${messageOf(error)} Không có gì được khôi phục: cơ sở dữ liệu đích giữ nguyên như trước.`,
      { cause: error },
    );
  } finally {
    close();
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What receives a table's rows: the table itself, or the staging area until the tables it needs are in. */
interface RowSink {
  add(line: string): Promise<void>;
  /** Writes what is left; returns the table's row count. */
  finish(): Promise<number>;
}

class Restorer {
  private catalog: Map<string, TableInfo> | undefined;
  private plan: LoadPlan | undefined;
  private sink: { table: TableInfo; rows: RowSink; staged: boolean } | undefined;
  private readonly loaded: TableCount[] = [];
  private readonly staged = new Map<string, number>();
  private staging: Staging | undefined;
  private readonly deferredUpdates: DeferredUpdate[] = [];

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
      await this.currentSink().add(line);
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
    if (this.isLoaded(table.name) || this.staged.has(table.name))
      throw new Error(`Bảng ${table.name} có hai lần trong bản sao lưu.`);
    if (this.isReady(table.name)) {
      this.sink = { table, rows: this.loaderFor(table), staged: false };
    } else {
      this.staging ??= new Staging(this.db);
      this.sink = { table, rows: this.staging.sink(table.name), staged: true };
    }
  }

  private async endTable(end: TableEnd): Promise<void> {
    const sink = this.currentSink();
    const rows = await sink.finish();
    if (rows !== end.rows)
      throw new Error(`Bảng ${end.end}: đọc được ${rows} dòng, tệp ghi ${end.rows} dòng.`);
    const staged = this.sink?.staged;
    this.sink = undefined;
    if (staged) this.staged.set(end.end, rows);
    else this.tableLoaded(end.end, rows);
    await this.loadReadyStaged();
  }

  private tableLoaded(table: string, rows: number): void {
    this.loaded.push({ table, rows });
    this.options.onTable?.({ table, rows });
  }

  /** Loads held tables whose needs are now in, until none is left that can go. */
  private async loadReadyStaged(): Promise<void> {
    for (;;) {
      const name = [...this.staged.keys()].find((t) => this.isReady(t));
      const table = name === undefined ? undefined : this.catalog?.get(name);
      if (!table || !this.staging) return;
      const loader = this.loaderFor(table);
      await this.staging.replay(table.name, (line) => loader.add(line));
      const rows = await loader.finish();
      this.staged.delete(table.name);
      this.tableLoaded(table.name, rows);
    }
  }

  private async finish(end: BackupEnd): Promise<void> {
    for (const [name] of this.staged) {
      const waiting = (this.plan?.needs.get(name) ?? []).filter((t) => !this.isLoaded(t));
      throw new Error(`Bảng ${name} cần các bảng ${waiting.join(', ')} nhưng chúng không nạp được trước nó.`);
    }
    const missing = [...(this.catalog?.keys() ?? [])].filter((t) => !this.isLoaded(t));
    if (missing.length) throw new Error(`Bản sao lưu thiếu các bảng: ${missing.join(', ')}.`);
    const total = this.loaded.reduce((s, t) => s + t.rows, 0);
    if (total !== end.rows) throw new Error(`Tệp ghi ${end.rows} dòng nhưng đọc được ${total} dòng.`);
    for (const update of this.deferredUpdates) await setDeferred(this.db, update);
  }

  private loaderFor(table: TableInfo): TableLoader {
    const loader = new TableLoader(this.db, table, this.plan?.deferred.get(table.name) ?? []);
    this.deferredUpdates.push(loader.deferred);
    return loader;
  }

  private currentSink(): RowSink {
    if (!this.sink) throw new Error('Tệp sao lưu hỏng: dòng dữ liệu nằm ngoài một bảng.');
    return this.sink.rows;
  }

  private isLoaded(table: string): boolean {
    return this.loaded.some((t) => t.table === table);
  }

  /** Every table this one needs (foreign keys not deferred, trigger-checked references) is loaded. */
  private isReady(table: string): boolean {
    return (this.plan?.needs.get(table) ?? []).every((t) => this.isLoaded(t));
  }
}

/**
 * Rows of tables that came before what they need, held as their backup lines in a temporary table (dropped with
 * the transaction) so a province-sized table never sits in memory.
 */
class Staging {
  private created = false;

  constructor(private readonly db: Kysely<unknown>) {}

  sink(table: string): RowSink {
    let rows = 0;
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      if (!this.created) {
        await sql`create temporary table backup_staged (table_name text not null, n int not null, line text not null)
          on commit drop`.execute(this.db);
        this.created = true;
      }
      await sql`insert into backup_staged (table_name, n, line)
        select ${table}, ${rows - batch.length}::int + l.n::int, l.line
        from jsonb_array_elements_text(${JSON.stringify(batch)}::jsonb) with ordinality as l(line, n)`.execute(
        this.db,
      );
      batch = [];
    };
    return {
      add: async (line) => {
        batch.push(line);
        rows++;
        if (batch.length >= INSERT_ROWS) await flush();
      },
      finish: async () => {
        await flush();
        return rows;
      },
    };
  }

  /** Hands a held table's lines back in file order, then forgets them. */
  async replay(table: string, add: (line: string) => Promise<void>): Promise<void> {
    if (!this.created) return;
    await sql`declare backup_staged_rows no scroll cursor for
      select line from backup_staged where table_name = ${table} order by n`.execute(this.db);
    for (;;) {
      const batch = await sql<{
        line: string;
      }>`fetch forward ${sql.lit(INSERT_ROWS)} from backup_staged_rows`.execute(this.db);
      if (batch.rows.length === 0) break;
      for (const row of batch.rows) await add(row.line);
    }
    await sql`close backup_staged_rows`.execute(this.db);
    await sql`delete from backup_staged where table_name = ${table}`.execute(this.db);
  }
}

interface DeferredUpdate {
  table: TableInfo;
  columns: ColumnInfo[];
  rows: string[];
}

/** A line of the file and its place among the table's rows (1-based), to name it in an error. */
interface NumberedLine {
  line: string;
  n: number;
}

/** Loads one table's rows in batches; a self-referencing table is collected first and loaded parents first. */
class TableLoader implements RowSink {
  readonly deferred: DeferredUpdate;
  private batch: NumberedLine[] = [];
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
    this.rows++;
    const row = { line, n: this.rows };
    this.batch.push(row);
    if (this.deferred.columns.length) this.rememberDeferred(row);
    if (this.selfReferences.length === 0 && this.batch.length >= INSERT_ROWS) {
      const batch = this.batch;
      this.batch = [];
      await this.insert(batch);
    }
  }

  async finish(): Promise<number> {
    const rows = this.selfReferences.length ? this.parentsFirst() : this.batch;
    this.batch = [];
    for (let i = 0; i < rows.length; i += INSERT_ROWS) await this.insert(rows.slice(i, i + INSERT_ROWS));
    return this.rows;
  }

  /**
   * One statement per batch, inside a savepoint: if it fails, the rows are tried one at a time to name the row
   * at fault (its place in the table and its primary key) with the database's reason.
   */
  private async insert(rows: NumberedLine[]): Promise<void> {
    if (rows.length === 0) return;
    try {
      await withSavepoint(this.db, () => this.insertLines(rows));
    } catch (error) {
      for (const row of rows) {
        try {
          await withSavepoint(this.db, () => this.insertLines([row]));
        } catch (rowError) {
          throw new Error(`${this.describe(row)}: ${messageOf(rowError)}.`, { cause: rowError });
        }
      }
      throw new Error(`Bảng ${this.table.name}: ${messageOf(error)}.`, { cause: error });
    }
  }

  private async insertLines(rows: NumberedLine[]): Promise<void> {
    const deferred = new Set(this.deferred.columns.map((c) => c.name));
    const values = this.table.columns.map((column, i) =>
      deferred.has(column.name) ? sql`null` : loadValue(column, i),
    );
    const lines = `[${rows.map((r) => r.line).join(',')}]`;
    await sql`insert into ${sql.table(this.table.name)} (${sql.join(this.table.columns.map((c) => sql.ref(c.name)))})
      select ${sql.join(values)} from jsonb_array_elements(${lines}::jsonb) as r`.execute(this.db);
  }

  /** "Bảng students, dòng 12 (id = …)": where a bad row is, to find it in the file or the source database. */
  private describe(row: NumberedLine): string {
    const place = `Bảng ${this.table.name}, dòng ${row.n} của bảng trong tệp`;
    const values = parseLine(row.line);
    if (!values || this.keyColumns.length === 0) return place;
    const key = this.keyColumns.map((i) => `${this.table.columns[i]?.name} = ${JSON.stringify(values[i])}`);
    return `${place} (${key.join(', ')})`;
  }

  private parsed(row: NumberedLine): unknown[] {
    const values = parseLine(row.line);
    if (!values) throw new Error(`${this.describe(row)}: không phải một dòng dữ liệu JSON hợp lệ.`);
    return values;
  }

  /** Keeps [primary key…, deferred values…] of rows whose deferred references are set. */
  private rememberDeferred(row: NumberedLine): void {
    const values = this.parsed(row);
    const indexes = this.deferred.columns.map((c) => this.table.columns.indexOf(c));
    if (indexes.every((i) => values[i] === null)) return;
    this.deferred.rows.push(JSON.stringify([...this.keyColumns, ...indexes].map((i) => values[i])));
  }

  /** Orders a self-referencing table's rows so every referenced row comes before the rows pointing to it. */
  private parentsFirst(): NumberedLine[] {
    const { table, selfReferences: references, batch: lines } = this;
    const rows = lines.map((line) => this.parsed(line));
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
    const ordered: NumberedLine[] = [];
    const state = new Uint8Array(rows.length); // 0 new, 1 visiting, 2 done
    const visit = (i: number) => {
      if (state[i]) return; // done, or a cycle in the data: its rows then share a statement
      state[i] = 1;
      for (const parent of parents[i] ?? []) {
        const j = byKey.get(`${parent.fk.refColumns}:${parent.key}`);
        if (j !== undefined) visit(j);
      }
      state[i] = 2;
      ordered.push(lines[i] as NumberedLine);
    };
    for (let i = 0; i < rows.length; i++) visit(i);
    return ordered;
  }
}

function parseLine(line: string): unknown[] | undefined {
  try {
    const values: unknown = JSON.parse(line);
    return Array.isArray(values) ? values : undefined;
  } catch {
    return undefined;
  }
}

async function withSavepoint(db: Kysely<unknown>, work: () => Promise<void>): Promise<void> {
  await sql`savepoint backup_rows`.execute(db);
  try {
    await work();
  } catch (error) {
    await sql`rollback to savepoint backup_rows`.execute(db);
    throw error;
  }
  await sql`release savepoint backup_rows`.execute(db);
}

async function setDeferred(db: Kysely<unknown>, update: DeferredUpdate): Promise<void> {
  const { table, columns } = update;
  if (update.rows.length === 0) return;
  const keys = table.primaryKey.map((name) => table.columns.find((c) => c.name === name) as ColumnInfo);
  const k = keys.length;
  const assignments = columns.map((c, i) => sql`${sql.ref(c.name)} = ${loadValue(c, k + i)}`);
  const matches = keys.map((c, i) => sql`${sql.ref(`t.${c.name}`)} = ${loadValue(c, i)}`);
  try {
    for (let i = 0; i < update.rows.length; i += INSERT_ROWS) {
      const batch = `[${update.rows.slice(i, i + INSERT_ROWS).join(',')}]`;
      await sql`update ${sql.table(table.name)} as t set ${sql.join(assignments)}
        from jsonb_array_elements(${batch}::jsonb) as r where ${sql.join(matches, sql` and `)}`.execute(db);
    }
  } catch (error) {
    const names = columns.map((c) => c.name).join(', ');
    throw new Error(`Bảng ${table.name}, cột ${names}: ${messageOf(error)}.`, { cause: error });
  }
}
