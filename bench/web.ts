import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildWebApp, WEB_DIST } from '../cli/web.ts';
import { DEMO_PASSWORD, seedDemo } from '../src/demo/index.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { webDeliveryFromEnv } from '../src/platform/http/web-delivery.ts';
import { buildServer } from '../src/server.ts';
import { bundleSizes, formatSizes } from './lib/bundle-sizes.ts';

/**
 * Chrome DevTools' "Fast 3G" preset, which Lighthouse calls mobileSlow4G (Lighthouse's config/constants.js; DevTools now labels the same preset "Slow 4G"):
 * 150 ms RTT and 1.6 Mbps down / 750 kbps up, adjusted for DevTools' request-level throttling by ×3.75 on latency
 * and ×0.9 on throughput = 562.5 ms, 1,474.56 kbps down, 675 kbps up. Plus Lighthouse's 4× CPU slowdown.
 */
const FAST_3G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: ((1.6 * 1024 * 1024) / 8) * 0.9,
  uploadThroughput: ((750 * 1024) / 8) * 0.9,
};
const CPU_SLOWDOWN = 4;
const PHONE = { width: 390, height: 844 };
const LOGIN = 'hieutruong';

type Step =
  | 'login page (cold)'
  | 'signed in, home shown'
  | 'first page after login'
  | 'navigation'
  | 'return visit';
const STEPS: Step[] = [
  'login page (cold)',
  'signed in, home shown',
  'first page after login',
  'navigation',
  'return visit',
];
const GOALS: Partial<Record<Step, number>> = {
  'login page (cold)': 2500,
  'first page after login': 1000,
  navigation: 1000,
};

/**
 * `npm run bench -- web [--runs 3] [--no-build] [--desktop] [--baseline-dist DIR]`: a principal on a cheap phone (4× CPU, Fast 3G) through Chromium's DevTools
 * protocol, against a server this bench starts on the demo province (PGlite in a temporary folder), over loopback:
 * - login page (cold): empty cache, /login opened until the form can be used;
 * - signed in, home shown: the form filled and sent, until the home page has its data;
 * - first page after login: "Phân công giảng dạy" (teaching assignments) opened from the menu, until its matrix shows;
 * - navigation: then the student list, until its rows show;
 * - return visit: a new tab on the same browser profile (cache kept), the app opened, until the home page shows.
 * Each is measured on the server as it ships and on the same server with TRUONGSO_HTTP_OPTIMISATIONS=0 (no
 * compression, max-age=0), in the same run, alternating; the median of `--runs` is printed.
 */
export async function run(args: string[]): Promise<void> {
  const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;
  // --baseline-dist DIR: also serve an older build (e.g. one made from main) as it was served then, in the same run.
  const baselineDist = args.includes('--baseline-dist')
    ? args[args.indexOf('--baseline-dist') + 1]
    : undefined;
  // --desktop: no CPU or network throttling (how the teaching-assignments page was first timed, 1.3–2.8 s).
  desktop = args.includes('--desktop');
  // Built here every time: a build made inside vitest (the e2e global setup) carries React's development build.
  if (!args.includes('--no-build') || !fs.existsSync(path.join(WEB_DIST, 'index.html'))) await buildWebApp();
  console.log(formatSizes('Built web app (web/dist):', bundleSizes(WEB_DIST)).join('\n'));

  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'truongso-bench-web-'));
  const database = await openDatabase({ pgliteDir: path.join(dir, 'pglite') });
  const servers: { label: string; app: FastifyInstance; url: string }[] = [];
  let browser: Browser | undefined;
  try {
    await migrateToLatest(database.db as never);
    await seedDemo(database.db, { seed: 1 });
    const modes: [string, NodeJS.ProcessEnv, string][] = [
      ['as shipped', {}, WEB_DIST],
      ['TRUONGSO_HTTP_OPTIMISATIONS=0', { TRUONGSO_HTTP_OPTIMISATIONS: '0' }, WEB_DIST],
    ];
    if (baselineDist)
      modes.push([
        `${path.basename(path.dirname(baselineDist))} build, =0`,
        modes[1]?.[1] ?? {},
        baselineDist,
      ]);
    for (const [label, env, webDist] of modes) {
      const { app } = await buildServer({
        db: database.db,
        log: pino({ level: 'silent' }),
        webDist,
        delivery: webDeliveryFromEnv(env),
        loginRateLimit: 10_000,
      });
      servers.push({ label, app, url: await app.listen({ port: 0, host: '127.0.0.1' }) });
    }
    browser = await launch();
    const times: Record<string, Record<Step, number[]>> = {};
    for (let i = 0; i < runs; i++) {
      for (const server of servers) {
        const run = await visit(browser, server.url);
        times[server.label] ??= Object.fromEntries(STEPS.map((s) => [s, []])) as never;
        for (const step of STEPS) times[server.label]?.[step].push(run[step]);
      }
    }
    print(times, runs);
  } finally {
    await browser?.close();
    for (const server of servers) await server.app.close();
    await database.close();
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
    ],
  });
}

/** One phone, one fresh profile (empty cache): the four steps, in ms. */
async function visit(browser: Browser, baseUrl: string): Promise<Record<Step, number>> {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  });
  try {
    const page = await throttled(await context.newPage());
    const result = {} as Record<Step, number>;
    result['login page (cold)'] = await timed(async () => {
      await page.goto(`${baseUrl}/login`);
      await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    });
    result['signed in, home shown'] = await timed(async () => {
      await page.getByLabel('Tên đăng nhập, e-mail hoặc số điện thoại').fill(LOGIN);
      await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
      await page.getByRole('button', { name: 'Đăng nhập' }).click();
      await pageReady(page, page.getByTestId('user-menu'));
    });
    result['first page after login'] = await timed(async () => {
      await navigate(page, '/gradebook/assignments');
      await pageReady(page, page.getByTestId('assignment-matrix'));
    });
    result.navigation = await timed(async () => {
      await navigate(page, '/students');
      await pageReady(page, page.getByRole('row').nth(2));
    });
    const again = await throttled(await context.newPage());
    result['return visit'] = await timed(async () => {
      await again.goto(baseUrl);
      await pageReady(again, again.getByTestId('user-menu'));
    });
    return result;
  } finally {
    await context.close();
  }
}

let desktop = false;

async function throttled(page: Page): Promise<Page> {
  if (desktop) return page;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return page;
}

/** A navigation inside the app, as the menu's links make it (react-router listens to popstate). */
async function navigate(page: Page, to: string): Promise<void> {
  await page.evaluate((url) => {
    window.history.pushState({}, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, to);
}

/** The page's own element is shown and no spinner is left (its queries have answered). */
async function pageReady(page: Page, element: ReturnType<Page['getByTestId']>): Promise<void> {
  await element.waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, undefined, {
    timeout: 60_000,
  });
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function print(times: Record<string, Record<Step, number[]>>, runs: number): void {
  const labels = Object.keys(times);
  console.log(
    desktop
      ? `\nNo throttling (--desktop), ${PHONE.width} px; median of ${runs}, ms`
      : `\nPhone profile: ${CPU_SLOWDOWN}× CPU, Fast 3G (${FAST_3G.latency} ms RTT, ${Math.round((FAST_3G.downloadThroughput * 8) / 1024)} kbps down), ${PHONE.width} px; median of ${runs}, ms`,
  );
  console.log(`  ${'step'.padEnd(24)}${labels.map((l) => l.padStart(32)).join('')}${'goal'.padStart(8)}`);
  for (const step of STEPS) {
    const cells = labels.map((l) =>
      Math.round(median(times[l]?.[step] ?? []))
        .toLocaleString('en-US')
        .padStart(32),
    );
    const goal = GOALS[step] ? `< ${GOALS[step]}` : '';
    console.log(`  ${step.padEnd(24)}${cells.join('')}${goal.padStart(8)}`);
  }
  const all = labels.map(
    (l) => `${l}: ${STEPS.map((s) => times[l]?.[s].map(Math.round).join('/')).join(' | ')}`,
  );
  console.log(`  every run: ${all.join('; ')}`);
}
