import { createReadStream } from 'node:fs';
import readline from 'node:readline';
import { createGunzip } from 'node:zlib';
import { type RawBuilder, sql } from 'kysely';
import type { ColumnInfo } from './backup-catalog.ts';

/**
 * The portable backup file: gzip-compressed JSON lines, the same on PGlite and PostgreSQL.
 *
 *   {"format":"truongso-backup","formatVersion":1, …header}
 *   {"table":"units","columns":[{"name":"id","type":"uuid"}, …]}
 *   ["7f0c…", null, "ministry", …]            one JSON array per row, values in column order
 *   {"end":"units","rows":15}
 *   …
 *   {"end":true,"tables":14,"rows":18150}
 *
 * Values are what PostgreSQL's to_json gives (strings, numbers exactly as stored, ISO 8601 dates and UTC
 * timestamps), except: arrays as their text literal ("{a,b}"), json/jsonb as their text, bytea as base64 — so
 * restoring casts each value back from text and nothing is reinterpreted by JavaScript.
 */
export const BACKUP_FORMAT = 'truongso-backup';
export const BACKUP_FORMAT_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  appVersion: string;
  serverVersion: string;
  createdAt: string;
  /** Applied migrations of the source: a backup restores only into a database with exactly these. */
  migrations: string[];
  /** Tables in load order. */
  tables: string[];
}

export interface TableStart {
  table: string;
  columns: { name: string; type: string }[];
}

export interface TableEnd {
  end: string;
  rows: number;
}

export interface BackupEnd {
  end: true;
  tables: number;
  rows: number;
}

/** SQL of one column's value as written to the file. */
function dumpValue(column: ColumnInfo): RawBuilder<unknown> {
  const ref = sql.ref(column.name);
  if (column.kind === 'bytea') return sql`encode(${ref}, 'base64')`;
  if (column.kind === 'array' || column.kind === 'json') return sql`${ref}::text`;
  return sql`${ref}`;
}

/** json_build_array takes at most 100 arguments; wider rows are built in parts and joined as jsonb. */
const MAX_FUNCTION_ARGS = 100;

/** SQL giving a row's JSON line (as text). */
export function dumpLine(columns: readonly ColumnInfo[]): RawBuilder<string> {
  const values = columns.map(dumpValue);
  if (values.length <= MAX_FUNCTION_ARGS) return sql<string>`json_build_array(${sql.join(values)})::text`;
  const parts: RawBuilder<unknown>[] = [];
  for (let i = 0; i < values.length; i += MAX_FUNCTION_ARGS) {
    parts.push(sql`jsonb_build_array(${sql.join(values.slice(i, i + MAX_FUNCTION_ARGS))})`);
  }
  return sql<string>`(${sql.join(parts, sql` || `)})::text`;
}

/** SQL turning element `index` of the jsonb row array `r` back into the column's type. */
export function loadValue(column: ColumnInfo, index: number): RawBuilder<unknown> {
  const text = sql`(r ->> ${sql.lit(index)})`;
  if (column.kind === 'bytea') return sql`decode(${text}, 'base64')`;
  return sql`${text}::${sql.raw(column.type)}`;
}

/** The lines of a backup file, decompressed, one at a time; `close` releases the file when stopping early. */
export function openBackupLines(file: string): { lines: AsyncIterable<string>; close(): void } {
  const source = createReadStream(file);
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  const reader = readline.createInterface({
    input: source.pipe(gunzip),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  // The iterator is taken now: readline drops lines read before anyone iterates, and the caller may first wait
  // for a database connection while the file is already flowing.
  const iterator = reader[Symbol.asyncIterator]();
  return {
    lines: { [Symbol.asyncIterator]: () => iterator },
    close: () => {
      reader.close();
      gunzip.destroy();
      source.destroy();
    },
  };
}

export async function readBackupHeader(file: string): Promise<BackupHeader> {
  const { lines, close } = openBackupLines(file);
  try {
    for await (const line of lines) return parseHeader(line);
    throw new Error('Tệp sao lưu trống.');
  } finally {
    close();
  }
}

export function parseHeader(line: string): BackupHeader {
  const header = JSON.parse(line) as Partial<BackupHeader>;
  if (header.format !== BACKUP_FORMAT) throw new Error('Tệp này không phải bản sao lưu của Trường Số.');
  if (header.formatVersion !== BACKUP_FORMAT_VERSION) {
    throw new Error(
      `Bản sao lưu có định dạng phiên bản ${header.formatVersion}, phiên bản này của Trường Số đọc được định dạng ${BACKUP_FORMAT_VERSION}.`,
    );
  }
  return header as BackupHeader;
}
