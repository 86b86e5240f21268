import net from 'node:net';
import path from 'node:path';

/** Runtime settings, read once from the environment. */
export interface AppConfig {
  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder for the embedded database and uploaded files. */
  dataDir: string;
  host: string;
  port: number;
  /** Force the Secure flag on cookies; without it they get it when the request came over HTTPS. */
  secureCookies: boolean;
  /** Which proxies may set X-Forwarded-For/-Proto (TRUONGSO_TRUST_PROXY); false: none, the peer is the client. */
  trustProxy: TrustProxy;
  logLevel: string;
  /** Jobs run at once on PostgreSQL (TRUONGSO_JOB_WORKERS, default 3); the embedded database runs one. */
  jobWorkers: number;
  /** The embedded database runs in a worker thread (TRUONGSO_PGLITE_WORKER, default on; 0 runs it in this thread). */
  pgliteWorker: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TRUONGSO_DATA_DIR ?? 'data'),
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    secureCookies: env.TRUONGSO_SECURE_COOKIES === '1',
    trustProxy: parseTrustProxy(env.TRUONGSO_TRUST_PROXY),
    logLevel: env.LOG_LEVEL ?? 'info',
    jobWorkers: Math.max(1, Number(env.TRUONGSO_JOB_WORKERS ?? 3) || 1),
    pgliteWorker: pgliteWorkerSetting(env),
  };
}

/**
 * TRUONGSO_PGLITE_WORKER: PGlite runs in a worker thread unless this is 0, so its CPU time never blocks the HTTP
 * thread (accepting connections, sessions already checked, static files). 0 runs it on the HTTP thread as before.
 */
export function pgliteWorkerSetting(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.TRUONGSO_PGLITE_WORKER !== '0';
}

/** false, a number of proxy hops in front of the server, or the addresses/CIDR ranges of trusted proxies. */
export type TrustProxy = false | number | string[];

/**
 * TRUONGSO_TRUST_PROXY: unset, empty or 0 trusts no proxy (X-Forwarded-For is ignored, so it cannot forge the IP
 * that the login limit, sessions and the audit log record). A whole number is the count of proxies in front of
 * the server (1: one reverse proxy such as nginx); a comma-separated list names trusted proxies by address or CIDR
 * ("127.0.0.1,10.0.0.0/8"). Anything else stops the start with a message, so a typo does not silently trust all.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const text = value?.trim() ?? '';
  if (text === '' || text === '0') return false;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= 20) return hops;
  } else {
    const entries = text.split(',').map((entry) => entry.trim());
    if (entries.every(isAddressOrRange)) return entries;
  }
  throw new Error(
    `TRUONGSO_TRUST_PROXY="${value}" không hợp lệ: dùng số proxy phía trước (ví dụ 1) hoặc danh sách địa chỉ/CIDR cách nhau bởi dấu phẩy (ví dụ 127.0.0.1,10.0.0.0/8).`,
  );
}

function isAddressOrRange(entry: string): boolean {
  const [address = '', prefix, ...rest] = entry.split('/');
  const version = net.isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}

/** The form Fastify's trustProxy option takes (its types omit the hop count it accepts, so hops become a function). */
export function fastifyTrustProxy(
  trust: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}
