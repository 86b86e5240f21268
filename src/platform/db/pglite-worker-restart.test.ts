import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestClient } from '../../../test/app.ts';
import { buildSchoolAccounts, TEST_PASSWORD } from '../../../test/factories.ts';
import { buildServer } from '../../server.ts';
import type { JobRunner } from '../jobs/runner.ts';
import { type Database, openDatabase } from './database.ts';
import { migrateToLatest } from './migrator.ts';

// Issue 10 §3: a crashed PGlite worker thread is restarted on the same data folder while the server keeps serving.
describe('luồng PGlite bị dừng giữa lúc đang phục vụ: khởi động lại, không mất dữ liệu đã xác nhận', () => {
  let dir: string;
  let database: Database;
  let app: FastifyInstance;
  let jobs: JobRunner;
  let principal: TestClient;
  let schoolId: string;
  const logged: { level: string; message: string }[] = [];

  // The first open starts from the migrated template; a later one opens what the folder holds.
  const open = (fromTemplate: boolean) =>
    openDatabase({
      pgliteDir: path.join(dir, 'pglite'),
      pgliteTemplate: fromTemplate ? new Blob([fs.readFileSync(inject('pgliteTemplate'))]) : undefined,
      pgliteWorker: true,
      log: {
        warn: (_, message) => logged.push({ level: 'warn', message }),
        error: (_, message) => logged.push({ level: 'error', message }),
      },
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-worker-restart-'));
    database = await open(true);
    await migrateToLatest(database.db as never);
    ({ app, jobs } = await buildServer({
      db: database.db,
      databaseHealth: database.engineHealth,
      log: pino({ level: 'silent' }),
      loginRateLimit: 10_000,
    }));
    await app.ready();
    const units = await buildSchoolAccounts(database.db);
    schoolId = units.schoolA.id;
    principal = new TestClient(app);
    const login = await principal.post('/api/v1/auth/login', { login: 'ht.a', password: TEST_PASSWORD });
    expect(login.status).toBe(200);
  }, 120_000);
  afterAll(async () => {
    await jobs?.stop();
    await app?.close();
    await database?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const createClass = (name: string) =>
    principal.post('/api/v1/classes', { unitId: schoolId, schoolYear: '2025-2026', grade: 6, name });
  const classNames = async (db: Database) =>
    (await db.db.selectFrom('classes').select('name').where('unit_id', '=', schoolId).execute()).map(
      (c) => c.name,
    );

  it('yêu cầu đang chạy nhận 503 tiếng Việt, yêu cầu sau thành công, mọi lần ghi đã xác nhận còn nguyên', async () => {
    expect(database.engineHealth?.()).toMatchObject({ state: 'ok', restarts: 0 });
    const acknowledged: string[] = [];
    // Warm up: a few writes acknowledged before the crash.
    for (const name of ['6T1', '6T2', '6T3']) {
      const res = await createClass(name);
      expect(res.status).toBe(201);
      acknowledged.push(name);
    }

    // Traffic: twenty writes queued on the one connection; the worker is ended as soon as the first is answered,
    // so the others are in flight or waiting.
    const names = Array.from({ length: 20 }, (_, i) => `6C${i + 1}`);
    let crashed: Promise<void> | undefined;
    const answers = await Promise.all(
      names.map(async (name) => {
        const res = await createClass(name);
        crashed ??= database.terminateWorker?.();
        return { name, res };
      }),
    );
    await crashed;
    const refused = answers.filter((a) => a.res.status === 503);
    for (const a of answers) expect([201, 503]).toContain(a.res.status);
    for (const a of answers) if (a.res.status === 201) acknowledged.push(a.name);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]?.res.body.error).toMatchObject({
      code: 'unavailable',
      message: expect.stringContaining('Cơ sở dữ liệu đang khởi động lại'),
    });

    // Later requests succeed on the restarted worker, and the health endpoint says what happened.
    for (const name of ['6S1', '6S2']) {
      const res = await createClass(name);
      expect(res.status).toBe(201);
      acknowledged.push(name);
    }
    const health = await principal.get('/api/v1/health');
    expect(health.status).toBe(200);
    expect(health.body.engine).toMatchObject({ state: 'ok', restarts: 1 });
    expect(logged.map((l) => l.message)).toEqual([
      expect.stringContaining('PGlite worker thread ended unexpectedly'),
      expect.stringContaining('PGlite worker thread restarted'),
    ]);

    // Every acknowledged write is there; a refused one is all there or not at all (class and its audit row).
    const stored = await classNames(database);
    for (const name of acknowledged) expect(stored).toContain(name);
    const audited = await database.db
      .selectFrom('audit_log')
      .select('entity_id')
      .where('unit_id', '=', schoolId)
      .where('entity', '=', 'class')
      .where('action', '=', 'create')
      .execute();
    expect(audited).toHaveLength(stored.length);

    // The process kept its lock on the data folder through the restart.
    const lock = JSON.parse(fs.readFileSync(path.join(dir, 'pglite.lock'), 'utf8'));
    expect(lock.pid).toBe(process.pid);

    // And the writes outlive the process's database: closed and opened again, the same classes.
    await jobs.stop();
    await app.close();
    await database.close();
    database = await open(false);
    expect((await classNames(database)).sort()).toEqual([...stored].sort());
  }, 180_000);
});
