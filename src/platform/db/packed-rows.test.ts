import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, STORAGES } from '../../../test/databases.ts';
import type { Database } from './database.ts';
import { packedList, packedNumber, unpackRows } from './packed-rows.ts';

describe.each(STORAGES)('dòng đóng gói (%s)', (storage) => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase(storage);
  });
  afterAll(() => database.close());

  it('string_agg(concat(…)) trở về đúng từng trường, kể cả NULL và danh sách rỗng', async () => {
    const { rows } = await sql<{ packed: string }>`
      select string_agg(concat(code, '|', score, '|', array_to_string(list, ','), '|', result), ';') as packed
      from (values
        ('toan', 7.5::numeric(3,1), array[8.0, null, 6.5]::numeric[], null::text),
        ('gdtc', null, array[]::numeric[], 'pass')
      ) as t(code, score, list, result)`.execute(database.db);
    const unpacked = unpackRows(rows[0]?.packed ?? null);
    expect(
      unpacked.map((f) => [f[0], packedNumber(f[1]), packedList(f[2]).map(Number), f[3] || null]),
    ).toEqual([
      ['toan', 7.5, [8, 6.5], null],
      ['gdtc', null, [], 'pass'],
    ]);
    expect(unpackRows(null)).toEqual([]);
  });
});
