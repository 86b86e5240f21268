import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';

/**
 * One writer per embedded database. PGlite keeps its pages in memory and writes them back on close, so two
 * processes on one data folder each see only their own writes and the last to close wins: acknowledged writes are
 * lost. Opening the folder therefore takes a lock file beside it, holding who opened it; a second process refuses.
 *
 * A lock left by a process that died (same machine, pid no longer alive) is taken over with a warning. A lock from
 * another machine (a data folder on a network share) cannot be checked from here: the process refuses and says how
 * to force it (TRUONGSO_FORCE_DATA_LOCK=1), which the operator does only after stopping the other machine.
 */
export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder opened the database. */
  startedAt: string;
  /** Tells our own lock from a later one with the same pid and host (a restarted container reusing pid 1). */
  token: string;
}

export class DataLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly holder: LockHolder,
    otherHost: boolean,
  ) {
    const where = lockFile.replace(/\.lock$/, '');
    const since = new Date(holder.startedAt).toLocaleString('vi-VN');
    const force = otherHost
      ? ` Nếu chắc chắn máy ${holder.host} không còn dùng thư mục này, xoá tệp ${lockFile} hoặc chạy lại với TRUONGSO_FORCE_DATA_LOCK=1.`
      : '';
    super(
      `Dữ liệu ở ${where} đang được tiến trình ${holder.pid} trên máy ${holder.host} dùng (từ ${since}). Dừng tiến trình đó trước.${force}`,
    );
    this.name = 'DataLockedError';
  }
}

export interface LockEnvironment {
  pid: number;
  host: string;
  now: () => Date;
  isAlive: (pid: number) => boolean;
  /** Take the lock even when another machine seems to hold it. */
  force: boolean;
  warn: (message: string, details: object) => void;
}

/** Whether a process with this pid runs on this machine (EPERM: it runs, under another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export const defaultLockEnvironment = (): LockEnvironment => ({
  pid: process.pid,
  host: os.hostname(),
  now: () => new Date(),
  isAlive: isProcessAlive,
  force: process.env.TRUONGSO_FORCE_DATA_LOCK === '1',
  warn: (message, details) =>
    process.stderr.write(`${JSON.stringify({ level: 'warn', msg: message, ...details })}\n`),
});

export interface DataLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Removes the lock file if it is still ours. Safe to call twice. */
  release(): void;
}

/**
 * Takes the lock file, or throws DataLockedError naming the holder. The file appears with its full content at once
 * (written to a temporary name, then hard-linked: link fails if the name exists), so a reader never sees half.
 */
export function acquireDataLock(file: string, env: LockEnvironment = defaultLockEnvironment()): DataLock {
  const holder: LockHolder = {
    pid: env.pid,
    host: env.host,
    startedAt: env.now().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  // Two attempts: the second follows the removal of a stale lock.
  for (let attempt = 0; attempt < 2; attempt++) {
    if (tryCreate(file, holder)) return ownLock(file, holder);
    const current = readHolder(file);
    if (!current) continue; // removed meanwhile (its holder closed): try again
    const sameHost = current.host === env.host;
    // pid 0: a damaged file (a crash while it was written by an older version); nobody can hold it.
    const stale = current.pid <= 0 || (sameHost && current.pid !== env.pid && !env.isAlive(current.pid));
    if (!stale && !(env.force && !sameHost)) throw new DataLockedError(file, current, !sameHost);
    env.warn(stale ? 'taking over a stale data lock' : 'forcing a data lock held by another host', {
      lockFile: file,
      previous: current,
    });
    removeIfUnchanged(file, current);
  }
  const current = readHolder(file);
  if (current) throw new DataLockedError(file, current, current.host !== env.host);
  throw new Error(`Could not take the data lock ${file}`);
}

function tryCreate(file: string, holder: LockHolder): boolean {
  const temporary = `${file}.${holder.pid}.${holder.token}.tmp`;
  fs.writeFileSync(temporary, `${JSON.stringify(holder, null, 2)}\n`);
  try {
    fs.linkSync(temporary, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    fs.rmSync(temporary, { force: true });
  }
}

/** The holder written in the file; null if the file is gone; pid 0 if the file is damaged (held by nobody). */
export function readHolder(file: string): LockHolder | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    if (typeof parsed.pid === 'number' && typeof parsed.host === 'string') {
      return {
        pid: parsed.pid,
        host: parsed.host,
        startedAt: String(parsed.startedAt ?? ''),
        token: String(parsed.token ?? ''),
      };
    }
  } catch {
    // falls through: a damaged lock names no live process
  }
  return { pid: 0, host: '', startedAt: '', token: '' };
}

// Narrows the window in which two processes both see the same stale lock and one removes the other's new lock.
function removeIfUnchanged(file: string, seen: LockHolder): void {
  const now = readHolder(file);
  if (now && now.token === seen.token && now.pid === seen.pid && now.host === seen.host) {
    fs.rmSync(file, { force: true });
  }
}

function ownLock(file: string, holder: LockHolder): DataLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    const current = readHolder(file);
    if (current?.token === holder.token) fs.rmSync(file, { force: true });
  };
  // A process that ends without closing the database (an uncaught error in a CLI command) still frees the folder.
  process.on('exit', release);
  return { file, holder, release };
}
