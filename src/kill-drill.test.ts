import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Kysely, sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { XLSX_MIME } from '#contracts/common.ts';
import { TestClient } from '../test/app.ts';
import { startChildProcess } from '../test/child-process.ts';
import { openScratchPostgres, STORAGES } from '../test/databases.ts';
import {
  buildClass,
  buildHomeroomTeacher,
  buildSchoolAccounts,
  fillClass,
  TEST_PASSWORD,
} from '../test/factories.ts';
import { buildWorkbook, childNationalId, studentName } from '../test/factories-imports.ts';
import { buildAssignments, GRADE6_SUBJECTS } from '../test/factories-results.ts';
import { regularAssessmentCount } from './domain/grading/index.ts';
import { studentsImportKind } from './features/students/import-kind.ts';
import { type Database, openDatabase, type StorageKind } from './platform/db/database.ts';
import { migrateToLatest } from './platform/db/migrator.ts';
import type { DB } from './platform/db/schema.ts';
import { INTERRUPTED } from './platform/jobs/leases.ts';
import type { JobRunner } from './platform/jobs/runner.ts';
import { buildServer } from './server.ts';

// The kill -9 drill (Hardening §8): a web process is killed in the middle of a real job — an import commit, a year
// close — and the next process must find the job marked, nothing half-written, and the job runnable again.

/** Short, so the dead process's claim passes within seconds (on PostgreSQL its heartbeat renewed it until the kill). */
const LEASE_MS = 3000;
const HEARTBEAT_MS = 600;
const IMPORT_ROWS = 1500;
/** Four batches of the close (40 classes a batch): the kill comes after the first, with three still to write. */
const CLOSE_CLASSES = 160;
const CLOSE_CLASS_SIZE = 10;
const SCHOOL_YEAR = '2025-2026';

const HEADERS = studentsImportKind.columns.map((c) => c.header);
const importRow = (i: number) =>
  studentsImportKind.columns.map(
    (c) =>
      ({
        fullName: studentName(i),
        birthDate: `${String((i % 28) + 1).padStart(2, '0')}/0${(i % 9) + 1}/2013`,
        gender: i % 2 ? 'Nữ' : 'Nam',
        className: `6A${(i % 8) + 1}`,
        nationalId: childNationalId(i + 200_000, 2013, i % 2 === 1),
      })[c.key] ?? null,
  );

/**
 * Where the database lives, so that another process can open it: a scratch PostgreSQL database (kept open here
 * throughout), or a PGlite data folder on disk, which one process at a time may hold (its lock file).
 */
interface Storage {
  childEnv: Record<string, string | undefined>;
  open(): Promise<Database>;
  /** Before the child starts: PGlite's folder must be let go; PostgreSQL's connection may stay. */
  handOver(database: Database): Promise<void>;
  dispose(): Promise<void>;
}

async function storageOf(kind: StorageKind): Promise<Storage> {
  if (kind === 'postgres') {
    const scratch = await openScratchPostgres();
    await migrateToLatest(scratch.db as never);
    return {
      childEnv: { DATABASE_URL: scratch.url, PGLITE_DIR: undefined },
      open: async () => ({ ...scratch, close: async () => {} }),
      handOver: async () => {},
      dispose: () => scratch.close(),
    };
  }
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-kill-drill-'));
  const pgliteDir = path.join(folder, 'pglite');
  const template = inject('pgliteTemplate');
  let first = true;
  return {
    childEnv: { DATABASE_URL: undefined, PGLITE_DIR: pgliteDir },
    open: async () => {
      // The migrated template of test/global-setup.ts, written into the empty folder the first time.
      const pgliteTemplate = first && template ? new Blob([fs.readFileSync(template)]) : undefined;
      first = false;
      const database = await openDatabase({ pgliteDir, pgliteTemplate });
      await migrateToLatest(database.db as never);
      return database;
    },
    handOver: (database) => database.close(),
    dispose: async () => fs.rmSync(folder, { recursive: true, force: true }),
  };
}

/** One process's server over the database; `queueOnly` stops its runner so that jobs queued here wait for another. */
async function startServer(database: Database, options: { queueOnly: boolean }) {
  const { app, jobs } = await buildServer({
    db: database.db,
    log: pino({ level: 'silent' }),
    loginRateLimit: 10_000,
  });
  await app.ready();
  if (options.queueOnly) await jobs.stop();
  const as = async (username: string) => {
    const client = new TestClient(app);
    const res = await client.post('/api/v1/auth/login', { login: username, password: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(res.body)}`);
    return client;
  };
  const close = async () => {
    await jobs.stop();
    await app.close();
  };
  return { app, jobs, db: database.db, as, close };
}

interface ChildEvent {
  event: string;
  kind?: string;
  done?: number;
  total?: number;
}

/** Another web process (test/kill-drill-child.ts) running the queued job; its progress lines are read as they come. */
function startChild(env: Record<string, string | undefined>) {
  return startChildProcess<ChildEvent>('test/kill-drill-child.ts', {
    ...env,
    LEASE_MS: String(LEASE_MS),
    HEARTBEAT_MS: String(HEARTBEAT_MS),
  });
}

/** Every table's row count and a digest of its rows, but for the jobs themselves and sign-in sessions. */
async function tableDigests(db: Kysely<DB>): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE'
      and table_name not in ('jobs', 'sessions', 'kysely_migration', 'kysely_migration_lock')
    order by 1`.execute(db);
  const parts = tables.rows.map(
    (r) =>
      `select '${r.name}' as name, count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest from "${r.name}" x`,
  );
  const rows = await sql<{ name: string; digest: string }>`${sql.raw(parts.join(' union all '))}`.execute(db);
  return Object.fromEntries(rows.rows.map((r) => [r.name, r.digest]));
}

const countOf = async (
  db: Kysely<DB>,
  table: 'students' | 'enrolments' | 'student_results',
  unitId: string,
) =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('unit_id', '=', unitId)
        .executeTakeFirstOrThrow()
    ).n,
  );

const jobRow = (db: Kysely<DB>, id: string) =>
  db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

/** A year of scores for every student enrolled in the school: 7,0 in each scored subject, comments Đạt, conduct Tốt. */
async function fillGradebook(db: Kysely<DB>, unitId: string) {
  for (const subject of GRADE6_SUBJECTS) {
    const values =
      subject.kind === 'score'
        ? sql`array_fill(7.0, array[${regularAssessmentCount(subject.periods)}::int])::numeric[], 7.0, 7.0, '{}'::text[], null, null`
        : sql`'{}'::numeric[], null, null, array['pass', 'pass'], 'pass', 'pass'`;
    await sql`
      insert into subject_scores (unit_id, school_year, term, class_id, student_id, subject_code,
        regular, midterm, final, regular_results, midterm_result, final_result)
      select e.unit_id, e.school_year, t.term, e.class_id, e.student_id, ${subject.code}, ${values}
      from enrolments e cross join (values (1), (2)) as t(term)
      where e.unit_id = ${unitId}`.execute(db);
  }
  await sql`
    insert into conduct_assessments (unit_id, school_year, term, class_id, student_id, level)
    select e.unit_id, e.school_year, t.term, e.class_id, e.student_id, 'excellent'
    from enrolments e cross join (values (1), (2)) as t(term)
    where e.unit_id = ${unitId}`.execute(db);
}

describe.each(STORAGES)('kill -9 giữa tác vụ (%s)', (kind) => {
  let storage: Storage;
  let database: Database;
  let units: Awaited<ReturnType<typeof buildSchoolAccounts>>;
  let importFile: Buffer;

  beforeAll(async () => {
    storage = await storageOf(kind);
    database = await storage.open();
    units = await buildSchoolAccounts(database.db);
    // School A: eight classes for the imported students (1,500 of them, at most 200 a class).
    for (let n = 1; n <= 8; n++)
      await buildClass(database.db, { unit: units.schoolA, name: `6A${n}`, grade: 6 });
    importFile = await buildWorkbook(
      'Học sinh',
      HEADERS,
      Array.from({ length: IMPORT_ROWS }, (_, i) => importRow(i)),
    );
    // School B: a whole year of scores to close.
    const teacher = await buildHomeroomTeacher(database.db, { unit: units.schoolB });
    for (let n = 1; n <= CLOSE_CLASSES; n++) {
      const cls = await buildClass(database.db, { unit: units.schoolB, name: `6B${n}`, grade: 6 });
      await fillClass(database.db, cls, CLOSE_CLASS_SIZE);
      await buildAssignments(database.db, cls, teacher);
    }
    await fillGradebook(database.db, units.schoolB.id);
  });
  afterAll(async () => {
    await database?.close();
    await storage?.dispose();
  });

  /**
   * Queues a job in this process (its runner stopped), hands the database to a child process that runs it, kills
   * the child with SIGKILL once the job has reported `killAt` rows or classes done, then opens the database again
   * here and lets a new runner take the job over. Returns that server, the job, and the tables before and after.
   */
  async function killMidJob(
    queue: (server: Awaited<ReturnType<typeof startServer>>) => Promise<string>,
    killAt: number,
  ) {
    const queuing = await startServer(database, { queueOnly: true });
    const jobId = await queue(queuing);
    const before = await tableDigests(database.db);
    await queuing.close();
    await storage.handOver(database);

    const started = Date.now();
    const other = startChild(storage.childEnv);
    const midway = (e: ChildEvent) => e.event === 'progress' && (e.done ?? 0) >= killAt;
    await expect
      .poll(() => other.events.some(midway) || other.events.some((e) => e.event === 'exit'), {
        timeout: 120_000,
        interval: 20,
      })
      .toBe(true);
    other.child.kill('SIGKILL');
    expect(await other.exited, other.log()).toBe('SIGKILL');
    const last = other.events.filter((e) => e.event === 'progress').at(-1);
    // The kill came mid-way: the handler never returned, so its transaction never committed.
    expect(other.events.map((e) => e.event)).not.toContain('finished');
    expect(last?.done).toBeLessThan(last?.total ?? 0);
    const killedAfter = Date.now() - started;

    // A new process: PGlite's folder is reopened (the dead pid's lock taken over, WAL replayed).
    database = await storage.open();
    const server = await startServer(database, { queueOnly: false });
    // At start-up, and from then on, the runner takes over jobs whose lease has passed.
    await expect
      .poll(
        async () => {
          await server.jobs.recover();
          return (await jobRow(database.db, jobId)).status;
        },
        { timeout: 30_000, interval: 250 },
      )
      .toBe('failed');
    const recoveredAfter = Date.now() - started;
    console.log(
      `[kill drill ${kind}] killed at ${last?.done}/${last?.total} after ${killedAfter} ms; job failed as interrupted ${recoveredAfter - killedAfter} ms later`,
    );
    return { server, jobId, before, after: await tableDigests(database.db) };
  }

  async function finished(jobs: JobRunner, jobId: string) {
    await jobs.idle();
    return jobRow(database.db, jobId);
  }

  it('nhập 1.500 học sinh, tiến trình bị kill -9 giữa chừng: tác vụ ghi "bị gián đoạn", không có học sinh nào được ghi, ghi lại tệp thì đủ 1.500', async () => {
    const commit = async (client: TestClient, fileId: string) => {
      const res = await client.post('/api/v1/imports/commit', {
        unitId: units.schoolA.id,
        kind: 'students',
        fileId,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      return res.body.jobId as string;
    };
    let fileId = '';
    const studentsBefore = await countOf(database.db, 'students', units.schoolA.id);
    const { server, jobId, before, after } = await killMidJob(async (queuing) => {
      const principal = await queuing.as('ht.a');
      const preview = await principal.upload(
        `/api/v1/imports/preview?unitId=${units.schoolA.id}&kind=students`,
        'file',
        { name: 'hoc-sinh.xlsx', content: importFile, type: XLSX_MIME },
      );
      expect(preview.body.errors).toEqual([]);
      fileId = preview.body.fileId;
      return commit(principal, fileId);
    }, 300);
    try {
      expect(await jobRow(database.db, jobId)).toMatchObject({ error: INTERRUPTED, result: null });
      // Nothing half-written: every table (students, enrolments, guardians, audit log…) as before the job.
      expect(after).toEqual(before);

      // The file's first job failed, so it may be committed again; this time it runs to the end.
      const rerun = await commit(await server.as('ht.a'), fileId);
      expect(await finished(server.jobs, rerun)).toMatchObject({
        status: 'succeeded',
        result: { kind: 'students', created: IMPORT_ROWS },
        progress_done: IMPORT_ROWS,
      });
      expect(await countOf(database.db, 'students', units.schoolA.id)).toBe(studentsBefore + IMPORT_ROWS);
      expect(await countOf(database.db, 'enrolments', units.schoolA.id)).toBe(IMPORT_ROWS);
    } finally {
      await server.close();
    }
  }, 600_000);

  it('khoá sổ cả năm 1.600 học sinh, tiến trình bị kill -9 giữa chừng: tác vụ ghi "bị gián đoạn", không có kết quả nào được ghi, khoá lại thì đủ', async () => {
    const body = { unitId: units.schoolB.id, schoolYear: SCHOOL_YEAR, scope: 'year' };
    const close = async (client: TestClient) => {
      const res = await client.post('/api/v1/results/close', body);
      expect(res.status, JSON.stringify(res.body)).toBe(202);
      return res.body.jobId as string;
    };
    const { server, jobId, before, after } = await killMidJob(
      async (queuing) => close(await queuing.as('ht.b')),
      40,
    );
    try {
      expect(await jobRow(database.db, jobId)).toMatchObject({ error: INTERRUPTED, result: null });
      // No student or subject result of the first batches, no audit row of the close.
      expect(after).toEqual(before);

      const students = CLOSE_CLASSES * CLOSE_CLASS_SIZE;
      const rerun = await close(await server.as('ht.b'));
      expect(await finished(server.jobs, rerun)).toMatchObject({
        status: 'succeeded',
        result: { scope: 'year', classes: CLOSE_CLASSES, students, classified: students, incomplete: [] },
      });
      // One row per student for each term and for the year.
      expect(await countOf(database.db, 'student_results', units.schoolB.id)).toBe(3 * students);
    } finally {
      await server.close();
    }
  }, 600_000);
});
