import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { demoLogins, hasAnyUnit, seedDemo } from '../../src/demo/index.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { webDeliveryFromEnv } from '../../src/platform/http/web-delivery.ts';
import { notificationLoopFromEnv } from '../../src/platform/notifications/delivery-loop.ts';
import { buildServer, notificationSources } from '../../src/server.ts';
import { cliLogger, openConfiguredDatabase } from '../runtime.ts';
import { buildWebApp, startViteDevServer, WEB_DIST } from '../web.ts';

export function startCommand(program: Command): void {
  program
    .command('start')
    .description('Chạy nền tảng (tự tạo dữ liệu mẫu ở lần chạy đầu)')
    .option('--port <port>', 'cổng HTTP', (v) => Number(v))
    .option('--host <host>', 'địa chỉ lắng nghe')
    .option('--dev', 'chế độ phát triển: giao diện qua Vite, tự nạp lại')
    .option('--no-seed', 'không tạo dữ liệu mẫu khi cơ sở dữ liệu trống')
    .action(async (options: { port?: number; host?: string; dev?: boolean; seed: boolean }) => {
      const config = loadConfig();
      const log = cliLogger(config.logLevel);
      const database = await openConfiguredDatabase(config, { log });
      if (options.seed && !(await hasAnyUnit(database.db))) {
        console.log('Cơ sở dữ liệu trống: đang tạo dữ liệu mẫu (một sở, hai phòng, các trường)…');
        await seedDemo(database.db, { seed: 1 });
      }
      if (!options.dev && !fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
        console.log('Đang dựng giao diện web lần đầu (vite build)…');
        await buildWebApp();
      }
      const { app, jobs } = await buildServer({
        db: database.db,
        databaseHealth: database.engineHealth,
        log,
        jobWorkers: database.kind === 'postgres' ? config.jobWorkers : 1,
        logger: { level: config.logLevel },
        webDist: options.dev ? undefined : WEB_DIST,
        secureCookies: config.secureCookies,
        trustProxy: config.trustProxy,
        delivery: webDeliveryFromEnv(),
      });
      await jobs.recover();
      jobs.startDaily();
      // E-mail, Web Push, ZNS and SMS as the environment configures them; none configured = the bell only.
      const notifications = await notificationLoopFromEnv(database.db, log, notificationSources());
      notifications.start();
      const port = options.port ?? config.port;
      const host = options.host ?? config.host;
      await app.listen({ port, host });
      const vite = options.dev ? await startViteDevServer(port) : undefined;
      const url = vite ? vite.url : `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
      printBanner(
        url,
        database.kind === 'pglite'
          ? `PGlite nhúng (${path.join(config.dataDir, 'pglite')})`
          : 'PostgreSQL (DATABASE_URL)',
        await demoLogins(database.db),
      );

      const shutdown = async () => {
        await vite?.close();
        await app.close();
        await notifications.stop();
        await jobs.stop();
        await database.close();
        process.exit(0);
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    });
}

function printBanner(url: string, storage: string, logins: { role: string; username: string }[]) {
  const lines = [
    '',
    `  Trường Số đang chạy tại ${url}`,
    `  Cơ sở dữ liệu: ${storage}`,
    `  Tài liệu API: ${url}/api/docs`,
  ];
  if (logins.length) {
    lines.push('', '  Tài khoản mẫu (mật khẩu: truongso-demo):');
    for (const l of logins) lines.push(`    ${l.role.padEnd(34)} ${l.username}`);
  }
  console.log(lines.join('\n'));
}
