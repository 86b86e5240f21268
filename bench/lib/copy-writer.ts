import type pg from 'pg';
import type { RowWriter } from '../../src/demo/batcher.ts';
import { SEED_COLUMNS, type SeedRow, type SeedTable } from '../../src/demo/tables.ts';
import { arrayLiteral } from '../../src/platform/db/unnest-insert.ts';

/**
 * PostgreSQL's COPY FROM STDIN, the fastest way to load rows, as the baseline for the generator's INSERTs.
 * `pg-copy-streams` is not a dependency, so this drives the protocol through node-postgres's extension point:
 * `client.query()` accepts any object with `submit(connection)`, and the client forwards the server's CopyInResponse,
 * CommandComplete, ErrorResponse and ReadyForQuery messages to it. The connection's sendCopyFromChunk/endCopyFrom
 * (used by pg-copy-streams too) exist at runtime but are missing from @types/pg, hence the small interface below.
 */
interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyFromStdin {
  readonly done: Promise<number>;
  private settle!: { resolve: (rows: number) => void; reject: (error: Error) => void };
  private error: Error | undefined;
  private rows = 0;

  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  submit(connection: pg.Connection): void {
    (connection as unknown as CopyConnection).query(this.text);
  }

  handleCopyInResponse(connection: CopyConnection): void {
    connection.sendCopyFromChunk(this.data);
    connection.endCopyFrom();
  }

  handleCommandComplete(message: { text: string }): void {
    this.rows = Number(message.text.split(' ')[1]);
  }

  handleError(error: Error): void {
    this.error = error;
  }

  handleReadyForQuery(): void {
    if (this.error) this.settle.reject(this.error);
    else this.settle.resolve(this.rows);
  }
}

/** Runs one COPY … FROM STDIN with `data` in COPY text format; returns the rows copied. */
function copyFromStdin(client: pg.Client, text: string, data: string): Promise<number> {
  const copy = new CopyFromStdin(text, Buffer.from(data, 'utf8'));
  client.query(copy);
  return copy.done;
}

/** COPY text format: tab-separated, \N for null, backslash escapes for backslash, tab and line breaks. */
const escapeText = (value: string) =>
  value.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );

function copyValue(value: unknown, type: string): string {
  if (value === null || value === undefined) return '\\N';
  if (type.endsWith('[]')) return escapeText(arrayLiteral(value as readonly unknown[]));
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return escapeText(String(value));
}

/** A RowWriter that loads each batch with one COPY per table, on a client inside an open transaction. */
export function copyWriter(client: pg.Client): RowWriter {
  return {
    async write<T extends SeedTable>(table: T, rows: SeedRow<T>[]) {
      const columns = Object.entries(SEED_COLUMNS[table]);
      let data = '';
      for (const row of rows) {
        const values = row as Record<string, unknown>;
        data += `${columns.map(([name, type]) => copyValue(values[name], type)).join('\t')}\n`;
      }
      await copyFromStdin(
        client,
        `copy ${table} (${columns.map(([name]) => name).join(', ')}) from stdin`,
        data,
      );
    },
  };
}
