import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openTestDatabase, STORAGES } from '../../../test/databases.ts';
import { createMigrator, migrateToLatest } from './migrator.ts';

interface ColumnInfo {
  table_name: string;
  column_name: string;
  data_type: string;
  is_nullable: string;
}

async function schemaOf(db: Parameters<typeof migrateToLatest>[0]) {
  const { rows } = await sql<ColumnInfo>`
    select table_name, column_name, data_type, is_nullable from information_schema.columns
    where table_schema = 'public' order by table_name, column_name`.execute(db);
  return rows.map((r) => `${r.table_name}.${r.column_name} ${r.data_type} ${r.is_nullable}`);
}

describe('migrations', () => {
  it.each(STORAGES)('áp dụng từ cơ sở dữ liệu trống, chạy lại không đổi gì (%s)', async (storage) => {
    const database = await openTestDatabase(storage, { migrate: false });
    try {
      const db = database.db as never;
      const applied = await migrateToLatest(db);
      const all = await createMigrator(db).getMigrations();
      expect(applied).toEqual(all.map((m) => m.name));
      expect(await migrateToLatest(db)).toEqual([]);
      expect((await schemaOf(db)).length).toBeGreaterThan(100);
    } finally {
      await database.close();
    }
  });

  it.skipIf(STORAGES.length < 2)('PGlite và PostgreSQL có cùng lược đồ sau migration', async () => {
    const [a, b] = await Promise.all(STORAGES.map((s) => openTestDatabase(s)));
    try {
      expect(await schemaOf(a?.db as never)).toEqual(await schemaOf(b?.db as never));
    } finally {
      await Promise.all([a?.close(), b?.close()]);
    }
  });
});
