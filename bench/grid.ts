import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { type Browser, chromium, type Page } from 'playwright-core';
import { buildWebApp, WEB_DIST } from '../cli/web.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrator.ts';
import { buildServer } from '../src/server.ts';
import { buildClass, TEST_PASSWORD } from '../test/factories.ts';
import { buildGradebookSchool } from '../test/factories-grades.ts';

const CPU_SLOWDOWN = 4;
const PHONE = { width: 390, height: 844 };
const STUDENTS = 45;

/**
 * `npm run bench -- grid [--runs 3] [--no-build] [--baseline-dist DIR]`: a teacher's score grid of a 45-student class
 * on a 390 px phone with a 4× slower CPU (CDP Emulation.setCPUThrottlingRate 4, no network throttling: this is the
 * page's own work), issue 13 §2. Against a server this bench starts on an in-memory-like PGlite (temporary folder)
 * seeded with the gradebook test school (class 6A1 with 45 students, and an empty class 6A9 taught by the same
 * teacher), for each run:
 * - grid shown: from the in-app navigation (as the menu makes it) until the grid's rows are on screen; the same for
 *   the empty class is the same-run baseline (page chunk, API, header: everything but the 45 rows);
 * - scroll frames: requestAnimationFrame deltas while a script scrolls the grid down (40 px a frame) to its end and
 *   sideways to its end: p50, p95, max and the long tasks (> 50 ms, PerformanceObserver) meanwhile; the same number
 *   of frames on the same page without scrolling is the baseline (what the throttled page costs when idle);
 * - typing: a score typed in 10 cells, from the keypress to the next frame that shows the cell's average, p50/max;
 * - conduct page height: the 45-student conduct page's scrollHeight at 390 px (a layout figure, not a time).
 * `--baseline-dist DIR` also serves another build of the web app (e.g. one made from the commit before) from the
 * same server, in the same run, so before/after are measured side by side.
 */
export async function run(args: string[]): Promise<void> {
  const runs = Number(args[args.indexOf('--runs') + 1] ?? 3) || 3;
  const baselineDist = args.includes('--baseline-dist')
    ? args[args.indexOf('--baseline-dist') + 1]
    : undefined;
  if (!args.includes('--no-build') || !fs.existsSync(path.join(WEB_DIST, 'index.html'))) await buildWebApp();

  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'truongso-bench-grid-'));
  const database = await openDatabase({ pgliteDir: path.join(dir, 'pglite') });
  const servers: { label: string; app: FastifyInstance; url: string }[] = [];
  let browser: Browser | undefined;
  try {
    await migrateToLatest(database.db as never);
    const school = await buildGradebookSchool(database.db, { students: STUDENTS });
    const empty = await buildClass(database.db, { unit: school.schoolA, name: '6A9', grade: 6 });
    await database.db
      .insertInto('teaching_assignments')
      .values({
        unit_id: empty.unit_id,
        school_year: '2025-2026',
        class_id: empty.id,
        subject_code: 'math',
        teacher_id: school.math.staff.id,
        periods_per_year: 140,
      })
      .execute();
    const builds: [string, string][] = [['this build', WEB_DIST]];
    if (baselineDist)
      builds.push([`${path.basename(path.resolve(baselineDist, '../..'))} build`, baselineDist]);
    for (const [label, webDist] of builds) {
      const { app } = await buildServer({
        db: database.db,
        log: pino({ level: 'silent' }),
        webDist,
        loginRateLimit: 10_000,
      });
      servers.push({ label, app, url: await app.listen({ port: 0, host: '127.0.0.1' }) });
    }
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
      ],
    });
    const results: Record<string, Visit[]> = {};
    for (let i = 0; i < runs; i++) {
      for (const server of servers) {
        const visits = results[server.label] ?? [];
        visits.push(await visit(browser, server.url, { full: school.cls.id, empty: empty.id }));
        results[server.label] = visits;
      }
    }
    print(results, runs);
  } finally {
    await browser?.close();
    for (const server of servers) await server.app.close();
    await database.close();
    await fsp.rm(dir, { recursive: true, force: true });
  }
}

interface Frames {
  p50: number;
  p95: number;
  max: number;
  frames: number;
  longTasks: number;
  longTaskMs: number;
}

interface Visit {
  gridShown: number;
  emptyGridShown: number;
  scroll: Frames;
  idle: Frames;
  typing: { p50: number; max: number };
  conductHeight: number;
}

async function visit(
  browser: Browser,
  baseUrl: string,
  classes: { full: string; empty: string },
): Promise<Visit> {
  const context = await browser.newContext({
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'vi-VN',
  });
  try {
    const page = await context.newPage();
    // tsx names the functions it compiles with a `__name` helper that the page does not have.
    await page.addInitScript('globalThis.__name = (f) => f;');
    await logIn(page, baseUrl, 'gv.toan');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

    const rows = page.locator('[data-testid="score-grid"] .dsg-row:not(.dsg-row-header)');
    // The empty class first (its chunk is then cached for both: the page code is not what is compared).
    const emptyGridShown = await timed(async () => {
      await navigate(page, `/gradebook/classes/${classes.empty}/subjects/math`);
      await page.locator('[data-testid="score-grid"] .dsg-row-header').waitFor({ timeout: 60_000 });
    });
    await navigate(page, '/');
    await page.getByTestId('user-menu').waitFor();
    const gridShown = await timed(async () => {
      await navigate(page, `/gradebook/classes/${classes.full}/subjects/math`);
      await rows.nth(9).waitFor({ timeout: 60_000 });
    });
    await page.waitForTimeout(500);
    const idle = await frames(page, false);
    const scroll = await frames(page, true);
    const typing = await typingDelays(page);

    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // The homeroom teacher's conduct page (editable, with its save action).
    await context.clearCookies();
    await logIn(page, baseUrl, 'gv.cn');
    await navigate(page, `/gradebook/classes/${classes.full}/conduct`);
    await page.getByText(/^45\. /).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(300);
    const conductHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    return { gridShown, emptyGridShown, scroll, idle, typing, conductHeight };
  } finally {
    await context.close();
  }
}

/**
 * rAF deltas over a scripted scroll of the grid (down 40 px a frame to the end, then sideways to the end) or, when
 * `scroll` is false, over as many frames of the page at rest.
 */
async function frames(page: Page, scroll: boolean): Promise<Frames> {
  return page.evaluate(async (scrolling) => {
    const grid = document.querySelector('[data-testid="score-grid"] .dsg-container') as HTMLElement;
    grid.scrollTop = 0;
    grid.scrollLeft = 0;
    let longTasks = 0;
    let longTaskMs = 0;
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTasks++;
        longTaskMs += entry.duration;
      }
    });
    observer.observe({ type: 'longtask' });
    const deltas: number[] = [];
    const steps =
      Math.ceil((grid.scrollHeight - grid.clientHeight) / 40) +
      Math.ceil((grid.scrollWidth - grid.clientWidth) / 40);
    await new Promise<void>((done) => {
      let last = performance.now();
      let step = 0;
      const tick = (now: number) => {
        deltas.push(now - last);
        last = now;
        if (scrolling) {
          if (grid.scrollTop + grid.clientHeight < grid.scrollHeight) grid.scrollTop += 40;
          else grid.scrollLeft += 40;
        }
        if (++step > Math.max(steps, 30)) done();
        else requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    observer.disconnect();
    deltas.shift();
    const sorted = [...deltas].sort((a, b) => a - b);
    const at = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
    return {
      p50: at(0.5),
      p95: at(0.95),
      max: sorted.at(-1) ?? Number.NaN,
      frames: deltas.length,
      longTasks,
      longTaskMs,
    };
  }, scroll);
}

/** A score typed in the first column of 10 rows: from the keypress, through Enter, to the next frame. */
async function typingDelays(page: Page): Promise<{ p50: number; max: number }> {
  const grid = page.locator('[data-testid="score-grid"] .dsg-container');
  await grid.evaluate((el) => {
    el.scrollTop = 0;
    el.scrollLeft = 0;
  });
  const firstRow = page.locator('[data-testid="score-grid"] .dsg-row:not(.dsg-row-header)').first();
  // The first editable cell (ĐĐGtx1): after the name, which an older build shows as a disabled column.
  await firstRow.locator('.dsg-cell:not(.dsg-cell-gutter):not(.dsg-cell-disabled)').first().click();
  const delays: number[] = [];
  for (let row = 0; row < 10; row++) {
    const started = await page.evaluate(() => performance.now());
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    const shown = await page.evaluate(
      () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))),
    );
    delays.push(shown - started);
  }
  const sorted = delays.sort((a, b) => a - b);
  return { p50: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN, max: sorted.at(-1) ?? Number.NaN };
}

async function logIn(page: Page, baseUrl: string, login: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel('Tên đăng nhập, e-mail hoặc số điện thoại').fill(login);
  await page.getByLabel('Mật khẩu').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('user-menu').waitFor({ timeout: 60_000 });
}

/** A navigation inside the app, as the menu's links make it (react-router listens to popstate). */
async function navigate(page: Page, to: string): Promise<void> {
  await page.evaluate((url) => {
    window.history.pushState({}, '', url);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, to);
}

async function timed(work: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

function print(results: Record<string, Visit[]>, runs: number): void {
  const labels = Object.keys(results);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const line = (name: string, value: (v: Visit) => number, unit = 'ms') => {
    const cells = labels.map((l) => {
      const all = (results[l] ?? []).map(value);
      return `${fmt(median(all))} (${all.map(fmt).join('/')})`.padStart(30);
    });
    console.log(`  ${`${name}, ${unit}`.padEnd(46)}${cells.join('')}`);
  };
  console.log(
    `\nScore grid of a ${STUDENTS}-student class, ${PHONE.width} px phone, ${CPU_SLOWDOWN}× CPU; median of ${runs} (every run); load ${os.loadavg()[0]?.toFixed(1)}`,
  );
  console.log(`  ${'measure'.padEnd(46)}${labels.map((l) => l.padStart(30)).join('')}`);
  line('grid shown (45 students)', (v) => v.gridShown);
  line('baseline: grid shown (empty class)', (v) => v.emptyGridShown);
  line('scroll frame p50', (v) => v.scroll.p50);
  line('scroll frame p95', (v) => v.scroll.p95);
  line('scroll frame max', (v) => v.scroll.max);
  line('scroll long tasks (> 50 ms)', (v) => v.scroll.longTasks, 'count');
  line('scroll long tasks, total', (v) => v.scroll.longTaskMs);
  line('scroll frames counted', (v) => v.scroll.frames, 'count');
  line('baseline: idle frame p50', (v) => v.idle.p50);
  line('baseline: idle frame p95', (v) => v.idle.p95);
  line('typing: key → next frame p50', (v) => v.typing.p50);
  line('typing: key → next frame max', (v) => v.typing.max);
  line('conduct page height at 390 px (45 students)', (v) => v.conductHeight, 'px');
}
