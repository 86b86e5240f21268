import path from 'node:path';

/** Runtime settings, read once from the environment. */
export interface AppConfig {
  /** PostgreSQL connection string; absent means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder for the embedded database and uploaded files. */
  dataDir: string;
  host: string;
  port: number;
  /** Set the Secure flag on cookies (behind HTTPS). */
  secureCookies: boolean;
  logLevel: string;
  /** Jobs run at once on PostgreSQL (TRUONGSO_JOB_WORKERS, default 3); the embedded database runs one. */
  jobWorkers: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: path.resolve(env.TRUONGSO_DATA_DIR ?? 'data'),
    host: env.HOST ?? '127.0.0.1',
    port: Number(env.PORT ?? 3000),
    secureCookies: env.TRUONGSO_SECURE_COOKIES === '1',
    logLevel: env.LOG_LEVEL ?? 'info',
    jobWorkers: Math.max(1, Number(env.TRUONGSO_JOB_WORKERS ?? 3) || 1),
  };
}
