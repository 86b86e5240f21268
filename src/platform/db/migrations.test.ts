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

describe('0082: a finished year gets back the enrolments that a summer graduation or transfer ended', () => {
  it.each(STORAGES)('reopened and audited; a move during the year stays ended (%s)', async (storage) => {
    const database = await openTestDatabase(storage, { migrate: false });
    try {
      const db = database.db as never;
      await createMigrator(db).migrateTo('0070-import-commit-once');
      const { rows } = await sql<{ unit: string; cls: string; other: string; a: string; b: string }>`
        with u as (
          insert into units (kind, code, name, path, level, grade_from, grade_to)
          values ('school', 'M0082', 'Trường THCS Thử', 'pending', 'lower_secondary', 6, 9) returning id),
        c as (insert into classes (unit_id, school_year, grade, name) select id, '2025-2026', 9, '9A1' from u
              returning id),
        c2 as (insert into classes (unit_id, school_year, grade, name) select id, '2025-2026', 9, '9A2' from u
               returning id),
        s as (insert into students (unit_id, full_name, search_text, status)
              select id, n, n, 'graduated' from u, (values ('An'), ('Bình')) v(n) returning id, full_name)
        select (select id from u) as unit, (select id from c) as cls, (select id from c2) as other,
          (select id from s where full_name = 'An') as a, (select id from s where full_name = 'Bình') as b
      `.execute(db);
      const r = rows[0] as { unit: string; cls: string; other: string; a: string; b: string };
      await sql`update units set path = '/' || id || '/' where id = ${r.unit}`.execute(db);
      // An graduated on 20/6/2026, after the year's last day: the enrolment must come back. Bình moved to 9A2 in
      // March (that enrolment ended during the year and stays ended) and graduated in June too.
      await sql`
        insert into enrolments (unit_id, class_id, student_id, school_year, enrolled_on, left_on) values
          (${r.unit}, ${r.cls}, ${r.a}, '2025-2026', '2025-09-05', '2026-06-20'),
          (${r.unit}, ${r.cls}, ${r.b}, '2025-2026', '2025-09-05', '2026-03-02'),
          (${r.unit}, ${r.other}, ${r.b}, '2025-2026', '2026-03-02', '2026-06-20')
      `.execute(db);
      await sql`
        insert into student_status_history (unit_id, student_id, status, effective_on) values
          (${r.unit}, ${r.a}, 'graduated', '2026-06-20'), (${r.unit}, ${r.b}, 'graduated', '2026-06-20');
      `.execute(db);
      await migrateToLatest(db);
      const after = await sql<{ name: string; left_on: string | null; class_id: string }>`
        select s.full_name as name, e.left_on::text, e.class_id from enrolments e join students s on s.id = e.student_id
        order by s.full_name, e.enrolled_on`.execute(db);
      expect(after.rows).toEqual([
        { name: 'An', left_on: null, class_id: r.cls },
        { name: 'Bình', left_on: '2026-03-02', class_id: r.cls },
        { name: 'Bình', left_on: null, class_id: r.other },
      ]);
      const audited = await sql<{ n: number }>`
        select count(*)::int as n from audit_log where action = 'reopen_finished_year'`.execute(db);
      expect(audited.rows[0]?.n).toBe(2);
    } finally {
      await database.close();
    }
  });
});

describe('0087: a record erased while "Đang học" is withdrawn (an erasure is a withdrawal first)', () => {
  it.each(STORAGES)(
    'dropped out on the erasure day, its running enrolment ended, audited (%s)',
    async (storage) => {
      const database = await openTestDatabase(storage, { migrate: false });
      try {
        const db = database.db as never;
        await createMigrator(db).migrateTo('0086-assignment-learning-topics');
        const { rows } = await sql<{ unit: string; erased: string; kept: string }>`
        with u as (
          insert into units (kind, code, name, path, level, grade_from, grade_to)
          values ('school', 'M0087', 'Trường THCS Thử', 'pending', 'lower_secondary', 6, 9) returning id),
        c as (insert into classes (unit_id, school_year, grade, name) select id, '2026-2027', 7, '7A1' from u
              returning id),
        s as (insert into students (unit_id, full_name, search_text, status, status_since, erased_at)
              select id, n, '', 'enrolled', '2025-09-05', e from u,
                (values ('Đã xoá dữ liệu cá nhân', timestamptz '2026-10-02 09:00+07'), ('Còn học', null)) v(n, e)
              returning id, full_name),
        en as (insert into enrolments (unit_id, class_id, student_id, school_year, enrolled_on)
               select (select id from u), (select id from c), id, '2026-2027', '2026-09-05' from s)
        select (select id from u) as unit, (select id from s where full_name <> 'Còn học') as erased,
          (select id from s where full_name = 'Còn học') as kept
      `.execute(db);
        const r = rows[0] as { unit: string; erased: string; kept: string };
        await migrateToLatest(db);
        const students = await sql<{
          id: string;
          status: string;
          status_since: string;
          left_on: string | null;
        }>`
        select s.id, s.status, s.status_since::text, e.left_on::text from students s
        join enrolments e on e.student_id = s.id order by s.full_name`.execute(db);
        expect(students.rows).toEqual([
          { id: r.kept, status: 'enrolled', status_since: '2025-09-05', left_on: null },
          { id: r.erased, status: 'dropped_out', status_since: '2026-10-02', left_on: '2026-10-02' },
        ]);
        const history = await sql<{ n: number }>`
        select count(*)::int as n from student_status_history where student_id = ${r.erased}
          and status = 'dropped_out'`.execute(db);
        expect(history.rows[0]?.n).toBe(1);
        const audited = await sql<{ n: number }>`
        select count(*)::int as n from audit_log where entity_id = ${r.erased} and action = 'change_status'`.execute(
          db,
        );
        expect(audited.rows[0]?.n).toBe(1);
      } finally {
        await database.close();
      }
    },
  );
});
