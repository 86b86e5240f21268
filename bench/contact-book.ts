import { spawn } from 'node:child_process';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/index.ts';
import { type Database, openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { buildServer } from '../src/server.ts';
import { createScratchDatabase } from './lib/scratch-database.ts';

const GUARDIAN = 'phuhuynh';
const AUTOCANNON = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

interface Load {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
  failures: number;
}

/**
 * `npm run bench -- contact-book [--connections 50] [--seconds 10] [--pg URL] [--pool 10]`: a guardian's contact-book
 * page (GET /api/v1/contact-book/students/:id, logged in, every read written to the personal-data log) under
 * autocannon's 50 connections, beside GET /api/v1/health on the same server in the same run; on PostgreSQL (a
 * scratch database beside DATABASE_URL/--pg, the demo province seeded) and on PGlite (a temporary folder); then the
 * same page on a second server without the session cache (sessionCacheMs 0).
 * autocannon runs in a child process so that it does not take the server's event loop.
 */
export async function run(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      connections: { type: 'string', default: '50' },
      seconds: { type: 'string', default: '10' },
      pool: { type: 'string', default: '10' },
      pg: { type: 'string' },
      only: { type: 'string' },
    },
  });
  const load = { connections: Number(values.connections), seconds: Number(values.seconds) };
  const pgUrl = values.pg ?? process.env.DATABASE_URL;
  if (pgUrl && values.only !== 'pglite') {
    const scratch = await createScratchDatabase(pgUrl, 'contact_book', Number(values.pool));
    try {
      await measureEngine(`PostgreSQL (pool ${values.pool})`, scratch.database, load);
    } finally {
      await scratch.drop();
    }
  } else if (values.only !== 'pglite') {
    console.log('PostgreSQL skipped: set DATABASE_URL or --pg.');
  }
  if (values.only === 'postgres') return;
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'truongso-bench-contact-book-'));
  const database = await openDatabase({ pgliteDir: path.join(dir, 'pglite') });
  try {
    await migrateToLatest(database.db as never);
    await measureEngine('PGlite (worker thread)', database, load);
  } finally {
    await database.close();
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

async function measureEngine(
  label: string,
  database: Database,
  load: { connections: number; seconds: number },
): Promise<void> {
  await seedDemo(database.db, { seed: 1 });
  // The same server twice on the same database: as shipped, and without the session cache (each request reads
  // its session, as before issue 13), so the cache's share is measured in the same run.
  const servers = await Promise.all(
    [undefined, 0].map((sessionCacheMs) =>
      buildServer({
        db: database.db,
        log: pino({ level: 'silent' }),
        logger: false,
        loginRateLimit: 10_000,
        sessionCacheMs,
      }),
    ),
  );
  try {
    const [base, uncached] = await Promise.all(
      servers.map(({ app }) => app.listen({ port: 0, host: '127.0.0.1' })),
    );
    const { cookie, studentId } = await guardianSession(base as string);
    const page = (server: string) => `${server}/api/v1/contact-book/students/${studentId}`;
    // One read first: the connections, prepared plans and caches warm up before the clock starts.
    await fetch(page(base as string), { headers: { cookie } });
    await fetch(page(uncached as string), { headers: { cookie } });
    const health = await autocannon(`${base}/api/v1/health`, undefined, load);
    const book = await autocannon(page(base as string), cookie, load);
    const bookUncached = await autocannon(page(uncached as string), cookie, load);
    print(label, load, [
      ['GET /health', health],
      ['GET contact-book (guardian)', book],
      ['  same, no session cache', bookUncached],
    ]);
  } finally {
    for (const { app, jobs } of servers) {
      await app.close();
      await jobs.stop();
    }
  }
}

async function guardianSession(base: string): Promise<{ cookie: string; studentId: string }> {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: GUARDIAN, password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${GUARDIAN}: ${login.status} ${await login.text()}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const children = (await (
    await fetch(`${base}/api/v1/contact-book/children`, { headers: { cookie } })
  ).json()) as {
    id: string;
  }[];
  const studentId = children[0]?.id;
  if (!studentId) throw new Error(`${GUARDIAN} has no child in the demo data`);
  return { cookie, studentId };
}

function autocannon(
  url: string,
  cookie: string | undefined,
  load: { connections: number; seconds: number },
): Promise<Load> {
  const argv = [AUTOCANNON, '-j', '-c', String(load.connections), '-d', String(load.seconds)];
  if (cookie) argv.push('-H', `cookie=${cookie}`);
  argv.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out);
      resolve({
        requests: r.requests.total,
        perSecond: r.requests.average,
        p50: r.latency.p50,
        p99: r.latency.p99,
        max: r.latency.max,
        failures: r.non2xx + r.errors + r.timeouts,
      });
    });
  });
}

function print(label: string, load: { connections: number; seconds: number }, rows: [string, Load][]): void {
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  console.log(`\n${label}: ${load.connections} connections, ${load.seconds} s each (autocannon)`);
  console.log(
    `  ${'route'.padEnd(30)}${'req/s'.padStart(8)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'max ms'.padStart(8)}${'requests'.padStart(10)}${'failed'.padStart(8)}`,
  );
  for (const [name, r] of rows) {
    console.log(
      `  ${name.padEnd(30)}${fmt(r.perSecond).padStart(8)}${fmt(r.p50).padStart(8)}${fmt(r.p99).padStart(8)}${fmt(r.max).padStart(8)}${fmt(r.requests).padStart(10)}${fmt(r.failures).padStart(8)}`,
    );
  }
}
