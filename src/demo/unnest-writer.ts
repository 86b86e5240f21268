import type { Kysely } from 'kysely';
import type { DB } from '../platform/db/schema.ts';
import { unnestInsert } from '../platform/db/unnest-insert.ts';
import type { RowWriter } from './batcher.ts';
import { SEED_COLUMNS, type SeedRow, type SeedTable } from './tables.ts';

/** Writes each batch of generated rows as one `insert … select from unnest(…)` (platform/db/unnest-insert.ts). */
export function unnestWriter(db: Kysely<DB>): RowWriter {
  return {
    async write<T extends SeedTable>(table: T, rows: SeedRow<T>[]) {
      await unnestInsert(table, SEED_COLUMNS[table], rows).execute(db);
    },
  };
}
