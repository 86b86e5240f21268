import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireDataLock, DataLockedError, type LockEnvironment, readHolder } from './data-lock.ts';
import { openDatabase } from './database.ts';

const environment = (overrides: Partial<LockEnvironment> = {}) => {
  const warnings: string[] = [];
  const env: LockEnvironment = {
    pid: 2000,
    host: 'may-chu-truong',
    now: () => new Date('2026-09-05T07:00:00Z'),
    isAlive: () => true,
    force: false,
    warn: (message) => warnings.push(message),
    ...overrides,
  };
  return { env, warnings };
};

describe('khoá thư mục dữ liệu: một tiến trình ghi cho mỗi cơ sở dữ liệu nhúng', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truongso-lock-'));
    file = path.join(dir, 'pglite.lock');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('ghi pid, máy và thời điểm bắt đầu; xoá khi đóng', () => {
    const lock = acquireDataLock(file, environment().env);
    expect(readHolder(file)).toMatchObject({
      pid: 2000,
      host: 'may-chu-truong',
      startedAt: '2026-09-05T07:00:00.000Z',
    });
    lock.release();
    expect(fs.existsSync(file)).toBe(false);
  });

  it('tiến trình còn sống trên cùng máy: từ chối, nói rõ tiến trình nào đang giữ', () => {
    const first = acquireDataLock(file, environment().env);
    const { env } = environment({ pid: 3000, isAlive: (pid) => pid === 2000 });
    expect(() => acquireDataLock(file, env)).toThrow(DataLockedError);
    expect(() => acquireDataLock(file, env)).toThrow(
      /đang được tiến trình 2000 trên máy may-chu-truong dùng/,
    );
    first.release();
    acquireDataLock(file, env).release();
  });

  it('tiến trình đã chết trên cùng máy: tiếp quản khoá và ghi log', () => {
    acquireDataLock(file, environment().env); // never released: the process "died"
    const { env, warnings } = environment({ pid: 3000, isAlive: () => false });
    const lock = acquireDataLock(file, env);
    expect(readHolder(file)?.pid).toBe(3000);
    expect(warnings).toEqual(['taking over a stale data lock']);
    lock.release();
  });

  it('máy khác: từ chối và chỉ cách ép (TRUONGSO_FORCE_DATA_LOCK=1); ép thì tiếp quản', () => {
    acquireDataLock(file, environment({ host: 'may-khac' }).env);
    const { env } = environment({ pid: 3000, isAlive: () => false });
    expect(() => acquireDataLock(file, env)).toThrow(/trên máy may-khac .*TRUONGSO_FORCE_DATA_LOCK=1/);
    const forced = environment({ pid: 3000, force: true });
    const lock = acquireDataLock(file, forced.env);
    expect(readHolder(file)).toMatchObject({ pid: 3000, host: 'may-chu-truong' });
    expect(forced.warnings).toEqual(['forcing a data lock held by another host']);
    lock.release();
  });

  it('tệp khoá hỏng không chặn mãi', () => {
    fs.writeFileSync(file, 'not json');
    acquireDataLock(file, environment().env).release();
  });

  it('không xoá khoá của người khác khi giải phóng lần hai', () => {
    const lock = acquireDataLock(file, environment().env);
    lock.release();
    const other = acquireDataLock(file, environment({ pid: 3000 }).env);
    lock.release();
    expect(readHolder(file)?.pid).toBe(3000);
    other.release();
  });

  it('`truongso migrate` lần hai trên cùng thư mục dữ liệu thoát với mã lỗi và tên tiến trình đang giữ', async () => {
    const pgliteDir = path.join(dir, 'pglite');
    const database = await openDatabase({ pgliteDir });
    try {
      const env = { ...process.env, TRUONGSO_DATA_DIR: dir, DATABASE_URL: '', TRUONGSO_FORCE_DATA_LOCK: '' };
      const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = execFile('node', ['bin/truongso.mjs', 'migrate'], { env }, (error, _stdout, stderr) =>
          resolve({ code: error ? (child.exitCode ?? 1) : 0, stderr }),
        );
      });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `Dữ liệu ở ${pgliteDir} đang được tiến trình ${process.pid} trên máy ${os.hostname()} dùng`,
      );
      expect(result.stderr).toContain('Dừng tiến trình đó trước.');
      expect(readHolder(`${pgliteDir}.lock`)?.pid).toBe(process.pid);
    } finally {
      await database.close();
    }
    expect(fs.existsSync(`${pgliteDir}.lock`)).toBe(false);
  });
});
