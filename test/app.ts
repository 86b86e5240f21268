import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { StorageKind } from '../src/platform/db/database.ts';
import type { DB } from '../src/platform/db/schema.ts';
import type { AppOptions } from '../src/platform/http/app.ts';
import type { JobRunner } from '../src/platform/jobs/runner.ts';
import { buildServer } from '../src/server.ts';
import { openTestDatabase } from './databases.ts';
import { TEST_PASSWORD } from './factories.ts';

export interface TestApp {
  app: FastifyInstance;
  db: Kysely<DB>;
  jobs: JobRunner;
  close(): Promise<void>;
  /** A client logged in as this user (factory password). */
  as(username: string): Promise<TestClient>;
  anonymous(): TestClient;
  /** On PGlite: turns the one connection has given so far (see Database.connectionTurns). */
  connectionTurns?: () => number;
}

/**
 * `options` overrides app settings (proxy trust, login limit) for the tests of those settings. The session cache is
 * off unless a test asks for it (`sessionCacheMs`): many tests change accounts and roles straight in the database,
 * which a running server learns of only when its cache entry ages out (src/platform/auth/sessions.ts).
 */
export async function startTestApp(
  kind: StorageKind,
  options: Partial<
    Pick<
      AppOptions,
      'trustProxy' | 'loginRateLimit' | 'secureCookies' | 'webDist' | 'delivery' | 'sessionCacheMs'
    >
  > = {},
): Promise<TestApp> {
  const database = await openTestDatabase(kind);
  const { app, jobs } = await buildServer({
    db: database.db,
    log: pino({ level: 'silent' }),
    loginRateLimit: 10_000,
    sessionCacheMs: 0,
    ...options,
  });
  await app.ready();
  return {
    app,
    db: database.db,
    jobs,
    close: async () => {
      await jobs.stop();
      await app.close();
      await database.close();
    },
    as: async (username) => {
      const client = new TestClient(app);
      const res = await client.post('/api/v1/auth/login', { login: username, password: TEST_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username} failed: ${JSON.stringify(res.body)}`);
      return client;
    },
    anonymous: () => new TestClient(app),
    connectionTurns: database.connectionTurns,
  };
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
  raw: Buffer;
}

/** An HTTP client over app.inject that keeps cookies and sends the CSRF header like the web app. */
export class TestClient {
  private cookies = new Map<string, string>();
  constructor(private readonly app: FastifyInstance) {}

  get = (url: string) => this.request('GET', url);
  post = (url: string, body?: unknown) => this.request('POST', url, body);
  put = (url: string, body?: unknown) => this.request('PUT', url, body);
  patch = (url: string, body?: unknown) => this.request('PATCH', url, body);
  delete = (url: string) => this.request('DELETE', url);

  async upload(
    url: string,
    field: string,
    file: { name: string; content: Buffer; type?: string },
    extra: Record<string, string> = {},
  ) {
    const boundary = `----truongso${Date.now()}`;
    const parts: Buffer[] = [];
    for (const [k, v] of Object.entries(extra)) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
    }
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      file.content,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    return this.send('POST', url, Buffer.concat(parts), `multipart/form-data; boundary=${boundary}`);
  }

  async request(method: string, url: string, body?: unknown): Promise<TestResponse> {
    return this.send(method, url, body === undefined ? undefined : JSON.stringify(body), 'application/json');
  }

  private async send(method: string, url: string, payload: string | Buffer | undefined, contentType: string) {
    const headers: Record<string, string> = {};
    if (payload !== undefined) headers['content-type'] = contentType;
    const csrf = this.cookies.get('ts_csrf');
    if (csrf) headers['x-csrf-token'] = csrf;
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await this.app.inject({ method: method as 'GET', url, payload, headers });
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const isJson = String(res.headers['content-type'] ?? '').includes('json');
    return {
      status: res.statusCode,
      body: isJson && res.body ? res.json() : res.body,
      headers: res.headers,
      raw: res.rawPayload,
    };
  }
}

/** The number of audit rows: a refused write leaves it unchanged. */
export async function auditRowCount(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
