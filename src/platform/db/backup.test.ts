import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/databases.ts';
import { seedDemo } from '../../demo/index.ts';
import {
  readBackupHeader,
  restoreBackup,
  restoreIntoDatabase,
  tableChecksums,
  writeBackup,
} from './backup.ts';
import { loadPlan, readCatalog } from './backup-catalog.ts';
import { openBackupLines } from './backup-format.ts';
import { type Database, openDatabase } from './database.ts';
import { createMigrator } from './migrator.ts';

/**
 * Tables beyond today's schema that a later migration could bring: every awkward type, a self-reference whose
 * children were inserted before their parents, and two tables referencing each other.
 */
async function addProbeTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table probe_a (id uuid primary key, b_id uuid, parent_id uuid references probe_a(id), payload jsonb,
      tags text[], blob bytea, amount numeric(20, 6), ratio double precision, at timestamptz, day date, note text);
    create table probe_b (id uuid primary key, a_id uuid not null references probe_a(id));
    alter table probe_a add foreign key (b_id) references probe_b(id);
  `.execute(db);
}

async function fillProbeTables(db: Kysely<unknown>): Promise<void> {
  await sql`
    insert into probe_a (id, parent_id, payload, tags, blob, amount, ratio, at, day, note) values
      ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002',
        '{"tên": "Nguyễn Văn An", "điểm": [8.25, null], "ok": true}', '{"a,b","c\\"d","e\\\\f",NULL,""}',
        '\\x00ff10', 12345678901234.123456, 0.1, '2025-09-05 07:30:00.123456+07', '2025-09-05',
        e'dòng 1\\ndòng 2\\t\\\\ 🎓'),
      ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'null', '{}', '', -0.000001,
        'NaN', '1999-12-31 23:59:59.999999+00', '2000-02-29', ''),
      ('00000000-0000-4000-8000-000000000001', null, null, null, null, null, null, null, null, null);
    insert into probe_b (id, a_id) values ('00000000-0000-4000-8000-0000000000b1', '00000000-0000-4000-8000-000000000001');
    update probe_a set b_id = '00000000-0000-4000-8000-0000000000b1' where id = '00000000-0000-4000-8000-000000000003';
  `.execute(db);
}

async function migratedWithProbes(kind: 'pglite' | 'postgres'): Promise<Database> {
  const database = await openTestDatabase(kind);
  await addProbeTables(database.db as never);
  return database;
}

const checksumsOf = async (database: Database) =>
  Object.fromEntries(await tableChecksums(database.db as never));

describe('sao lưu và khôi phục di động', () => {
  let dir: string;
  let source: Database;
  let file: string;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'truongso-backup-'));
    file = path.join(dir, 'demo.jsonl.gz');
    source = await migratedWithProbes('pglite');
    await seedDemo(source.db, { seed: 2 });
    await fillProbeTables(source.db as never);
    await writeBackup(source.db as never, file);
  });
  afterAll(async () => {
    await source.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('PGlite → PGlite: mọi bảng khôi phục đủ dòng và cùng tổng kiểm', async () => {
    const target = await migratedWithProbes('pglite');
    try {
      const tables = await restoreBackup(target.db as never, file);
      const expected = await checksumsOf(source);
      expect(await checksumsOf(target)).toEqual(expected);
      expect(Object.fromEntries(tables.map((t) => [t.table, t.rows]))).toEqual(
        Object.fromEntries(Object.entries(expected).map(([name, sum]) => [name, sum.rows])),
      );
      expect(expected.students?.rows).toBeGreaterThan(1000);
    } finally {
      await target.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)(
    'PGlite → PostgreSQL → PGlite: dữ liệu giữ nguyên qua hai hệ quản trị',
    async () => {
      const server = await migratedWithProbes('postgres');
      const back = await migratedWithProbes('pglite');
      try {
        await restoreBackup(server.db as never, file);
        const expected = await checksumsOf(source);
        expect(await checksumsOf(server)).toEqual(expected);
        const again = path.join(dir, 'from-postgres.jsonl.gz');
        await writeBackup(server.db as never, again);
        await restoreBackup(back.db as never, again);
        expect(await checksumsOf(back)).toEqual(expected);
      } finally {
        await server.close();
        await back.close();
      }
    },
  );

  it('giá trị khó giữ nguyên: jsonb, mảng, bytea, số thập phân, thời điểm đến micro giây', async () => {
    const target = await migratedWithProbes('pglite');
    try {
      await restoreBackup(target.db as never, file);
      const rows = await sql<Record<string, string | null>>`
        select id::text, b_id::text, payload::text, tags::text, encode(blob, 'hex') as blob, amount::text,
          ratio::text, to_char(at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') as at, day::text, note
        from probe_a order by id`.execute(target.db);
      expect(rows.rows[2]).toEqual({
        id: '00000000-0000-4000-8000-000000000003',
        b_id: '00000000-0000-4000-8000-0000000000b1',
        payload: '{"ok": true, "tên": "Nguyễn Văn An", "điểm": [8.25, null]}',
        tags: '{"a,b","c\\"d","e\\\\f",NULL,""}',
        blob: '00ff10',
        amount: '12345678901234.123456',
        ratio: '0.1',
        at: '2025-09-05 00:30:00.123456',
        day: '2025-09-05',
        note: 'dòng 1\ndòng 2\t\\ 🎓',
      });
      expect(rows.rows[1]).toMatchObject({ payload: 'null', tags: '{}', blob: '', ratio: 'NaN' });
      expect(rows.rows[0]).toMatchObject({ payload: null, tags: null, blob: null, note: null });
    } finally {
      await target.close();
    }
  });

  it('từ chối khôi phục đè lên dữ liệu đang có, trừ khi --force', async () => {
    const target = await migratedWithProbes('pglite');
    try {
      await seedDemo(target.db, { seed: 9 });
      await expect(restoreBackup(target.db as never, file)).rejects.toThrow(/đã có dữ liệu/);
      await restoreBackup(target.db as never, file, { force: true });
      expect(await checksumsOf(target)).toEqual(await checksumsOf(source));
    } finally {
      await target.close();
    }
  });

  it('từ chối cơ sở dữ liệu đích khác phiên bản migration', async () => {
    const target = await openDatabase({});
    try {
      await createMigrator(target.db as never).migrateTo('0001-foundation');
      await expect(restoreBackup(target.db as never, file)).rejects.toThrow(/migration/);
    } finally {
      await target.close();
    }
  });

  it('tệp bị cắt cụt: báo lỗi và không ghi gì', async () => {
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    const cut = path.join(dir, 'cut.jsonl.gz');
    writeFileSync(cut, gzipSync(lines.slice(0, Math.floor(lines.length / 2)).join('\n')));
    const target = await migratedWithProbes('pglite');
    try {
      await expect(restoreBackup(target.db as never, cut)).rejects.toThrow(/cắt cụt|đọc được/);
      const units = await sql<{ n: number }>`select count(*)::int as n from units`.execute(target.db);
      expect(units.rows[0]?.n).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('bản sao lưu từ phiên bản cũ vào cơ sở dữ liệu mới: đưa về đúng phiên bản, khôi phục, rồi nâng cấp', async () => {
    const old = await openDatabase({});
    const fresh = await openDatabase({});
    try {
      await createMigrator(old.db as never).migrateTo('0001-foundation');
      await sql`insert into units (kind, code, name, path) values ('ministry', 'BGDDT', 'Bộ GD&ĐT', '/')`.execute(
        old.db,
      );
      const oldFile = path.join(dir, 'old.jsonl.gz');
      await writeBackup(old.db as never, oldFile);
      expect((await readBackupHeader(oldFile)).migrations).toEqual(['0001-foundation']);
      const { tables, migratedAfter } = await restoreIntoDatabase(fresh.db as never, oldFile);
      expect(tables.find((t) => t.table === 'units')?.rows).toBe(1);
      expect(migratedAfter).toContain('0002-people');
    } finally {
      await old.close();
      await fresh.close();
    }
  });

  it('không mất dòng nào khi bắt đầu đọc muộn (chờ kết nối máy chủ trong lúc tệp đã được đọc)', async () => {
    const { lines, close } = openBackupLines(file);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      let count = 0;
      let first = '';
      for await (const line of lines) {
        if (count++ === 0) first = line;
      }
      expect(JSON.parse(first).format).toBe('truongso-backup');
      expect(count).toBe(gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n').length);
    } finally {
      close();
    }
  });

  it('thứ tự nạp: bảng được tham chiếu trước; tham chiếu vòng giữa hai bảng được đặt sau', async () => {
    const plan = loadPlan(await readCatalog(source.db as never));
    const loadedBefore = (a: string, b: string) => plan.order.indexOf(a) < plan.order.indexOf(b);
    expect(loadedBefore('units', 'students')).toBe(true);
    expect(loadedBefore('students', 'enrolments')).toBe(true);
    expect(loadedBefore('classes', 'enrolments')).toBe(true);
    expect(plan.order).not.toContain('sessions');
    expect(plan.deferred.get('probe_a')).toEqual(['b_id']);
    expect(plan.deferred.has('units')).toBe(false);
  });
});
