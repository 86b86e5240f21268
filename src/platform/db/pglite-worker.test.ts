import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/databases.ts';
import { isUniqueViolation } from './constraint-errors.ts';
import { type Database, openDatabase } from './database.ts';

// PGlite runs in a worker thread by default (TRUONGSO_PGLITE_WORKER): the same values, errors and transactions as
// on the HTTP thread, while the HTTP thread's event loop stays free.

const VALUES = sql`select 1::int8 as big, 2.5::numeric as num, '2025-09-05'::date as day,
  '2025-09-05T01:02:03.456Z'::timestamptz as at, '{1.5,null}'::numeric[] as nums, '\\x0102'::bytea as bytes,
  '{"a":[1,"x"]}'::jsonb as doc, array['a','b'] as texts, null::text as nothing`;

describe('PGlite trong luồng riêng (worker thread)', () => {
  let worker: Database;
  let thread: Database;

  beforeAll(async () => {
    worker = await openTestDatabase('pglite');
    thread = await openDatabase({ pgliteWorker: false });
  });
  afterAll(async () => {
    await worker.close();
    await thread.close();
  });

  it('giá trị về cùng kiểu như khi chạy trên luồng HTTP (int8, numeric, date, timestamptz, mảng, bytea, jsonb)', async () => {
    const [fromWorker] = (await VALUES.execute(worker.db)).rows;
    const [inThread] = (await VALUES.execute(thread.db)).rows;
    expect(fromWorker).toEqual(inThread);
    expect(fromWorker).toEqual({
      big: 1,
      num: 2.5,
      day: '2025-09-05',
      at: new Date('2025-09-05T01:02:03.456Z'),
      nums: [1.5, null],
      bytes: new Uint8Array([1, 2]),
      doc: { a: [1, 'x'] },
      texts: ['a', 'b'],
      nothing: null,
    });
  });

  it('lỗi giữ mã SQLSTATE và tên ràng buộc; kết nối vẫn dùng được sau lỗi', async () => {
    await sql`create table worker_probe (id int primary key)`.execute(worker.db);
    await sql`insert into worker_probe values (1)`.execute(worker.db);
    const error = await sql`insert into worker_probe values (${1})`
      .execute(worker.db)
      .catch((e: unknown) => e);
    expect(isUniqueViolation(error, 'worker_probe_pkey')).toBe(true);
    expect((error as Error).message).toContain('duplicate key');
    expect(
      (await sql<{ n: number }>`select count(*) as n from worker_probe`.execute(worker.db)).rows,
    ).toEqual([{ n: 1 }]);
  });

  it('một giao dịch giữ kết nối: truy vấn khác chờ đến khi nó xong; rollback không để lại gì', async () => {
    const seen: string[] = [];
    const inside = worker.db.transaction().execute(async (trx) => {
      await sql`insert into worker_probe values (2)`.execute(trx);
      await new Promise((resolve) => setTimeout(resolve, 50));
      seen.push('transaction');
      await sql`insert into worker_probe values (3)`.execute(trx);
      throw new Error('roll back');
    });
    const outside = sql<{ n: number }>`select count(*) as n from worker_probe`
      .execute(worker.db)
      .then((r) => seen.push(`outside saw ${r.rows[0]?.n}`));
    await expect(inside).rejects.toThrow('roll back');
    await outside;
    expect(seen).toEqual(['transaction', 'outside saw 1']);
  });

  it('vòng lặp sự kiện không bị chặn khi PGlite đang tính (còn trên luồng HTTP thì bị chặn)', async () => {
    const heavy = sql`select count(*) from generate_series(1, 1500000) g where g % 7 = 3`;
    const lag = async (database: Database) => {
      let worst = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        worst = Math.max(worst, now - last);
        last = now;
      }, 5);
      const started = performance.now();
      await heavy.execute(database.db);
      const took = performance.now() - started;
      clearInterval(timer);
      worst = Math.max(worst, performance.now() - last); // a timer that never fired waited all along
      return { worst, took };
    };
    const offThread = await lag(worker);
    const onThread = await lag(thread);
    // Generous for a loaded machine: the timer keeps ticking with the worker, and stalls for the query without it.
    expect(offThread.worst).toBeLessThan(Math.max(100, offThread.took / 4));
    expect(onThread.worst).toBeGreaterThan(onThread.took / 2);
  });

  it('close() đóng PGlite và kết thúc luồng; truy vấn sau đó báo lỗi thay vì treo', async () => {
    const database = await openDatabase({ pgliteWorker: true });
    await sql`select 1`.execute(database.db);
    await database.close();
    await database.close(); // twice is harmless
    await expect(sql`select 1`.execute(database.db)).rejects.toThrow();
  });
});
