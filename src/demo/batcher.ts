import { SEED_TABLES, type SeedRow, type SeedTable } from './tables.ts';

/** Where generated rows go: one call per table per batch, tables in foreign-key order. */
export interface RowWriter {
  write<T extends SeedTable>(table: T, rows: SeedRow<T>[]): Promise<void>;
}

type Buffers = { [T in SeedTable]?: SeedRow<T>[] };

/**
 * Collects generated rows per table and writes them in large batches, so a province of 300,000 students streams
 * through a bounded buffer. One batch may be written while the next is generated (the database works while
 * JavaScript builds rows); writes stay in order, so a row's references were always written before it.
 */
export class RowBatcher {
  readonly counts = Object.fromEntries(SEED_TABLES.map((t) => [t, 0])) as Record<SeedTable, number>;
  private buffers: Buffers = {};
  private buffered = 0;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly writer: RowWriter,
    private readonly batchRows = 20_000,
  ) {}

  add<T extends SeedTable>(table: T, row: SeedRow<T>): void {
    const buffer: SeedRow<T>[] = this.buffers[table] ?? [];
    buffer.push(row);
    (this.buffers as Record<T, SeedRow<T>[]>)[table] = buffer;
    this.buffered++;
    this.counts[table]++;
  }

  get totalRows(): number {
    return SEED_TABLES.reduce((sum, t) => sum + this.counts[t], 0);
  }

  /** Call at a consistent point (every referenced row already added): starts a write once enough rows wait. */
  async checkpoint(): Promise<void> {
    if (this.buffered >= this.batchRows) await this.startWrite();
  }

  /** Writes everything still buffered and waits for it. */
  async finish(): Promise<void> {
    await this.startWrite();
    await this.inFlight;
  }

  private async startWrite(): Promise<void> {
    const buffers = this.buffers;
    this.buffers = {};
    this.buffered = 0;
    // At most one batch in flight; awaiting it here also surfaces its error.
    await this.inFlight;
    const write = this.writeAll(buffers);
    // Observed by the next startWrite/finish; this only keeps Node from reporting it as unhandled meanwhile.
    write.catch(() => {});
    this.inFlight = write;
  }

  private async writeAll(buffers: Buffers): Promise<void> {
    for (const table of SEED_TABLES) {
      const rows = buffers[table];
      if (rows?.length) await this.writer.write(table, rows);
    }
  }
}
