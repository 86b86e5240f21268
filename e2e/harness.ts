import { appendFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import pino from 'pino';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { WEB_DIST } from '../cli/web.ts';
import type { DB } from '../src/platform/db/schema.ts';
import { buildServer } from '../src/server.ts';
import { openTestDatabase } from '../test/databases.ts';
import { TEST_PASSWORD } from '../test/factories.ts';
import { AXE_ENABLED, AxeCollector, countViolations, flushContext, formatFindings } from './axe.ts';
import { DESKTOP, launchBrowser, logIn, PHONE } from './browser.ts';

export { DESKTOP, launchBrowser, logIn, PHONE, TEST_PASSWORD };

export interface E2EServer {
  url: string;
  db: Kysely<DB>;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** The real server (API + built web app) on an in-memory PGlite, listening on a free port. */
export async function startServer(): Promise<E2EServer> {
  const database = await openTestDatabase('pglite');
  const { app, jobs } = await buildServer({
    db: database.db,
    log: pino({ level: 'silent' }),
    webDist: WEB_DIST,
    loginRateLimit: 1000,
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    db: database.db,
    app,
    close: async () => {
      await jobs.stop();
      await app.close();
      await database.close();
    },
  };
}

export interface E2ESuite {
  server: E2EServer;
  browser: Browser;
}

/**
 * The server, seeded by `seed`, and the browser of one test file: started before its tests, closed after them.
 * The fields are set once `beforeAll` has run, so read them inside the tests.
 */
export function setUpSuite(seed: (db: Kysely<DB>) => Promise<unknown>): E2ESuite {
  const suite = {} as E2ESuite;
  beforeAll(async () => {
    suite.server = await startServer();
    await seed(suite.server.db);
    suite.browser = await launchBrowser();
  }, 180_000);
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.close();
  });
  return suite;
}

/** The uncaught errors of a page, collected for a final `expect(errors).toEqual([])`. */
export function pageErrorsOf(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The axe checks of this test file (the harness is evaluated once per file): see e2e/axe.ts. */
const axe = new AxeCollector();
const openContexts = new Set<BrowserContext>();

if (AXE_ENABLED) {
  // Every test fails with the serious/critical accessibility violations of the pages it opened.
  afterEach(async () => {
    await Promise.all([...openContexts].map(flushContext));
    const findings = axe.take();
    if (process.env.E2E_AXE_LOG) {
      appendFileSync(
        process.env.E2E_AXE_LOG,
        `${JSON.stringify({ file: expect.getState().testPath, test: expect.getState().currentTestName, checked: axe.checked.splice(0), violations: countViolations(findings), findings })}\n`,
      );
    }
    if (findings.length > 0) {
      throw new Error(
        `axe-core (WCAG 2 A/AA): ${countViolations(findings)} serious/critical violation(s)\n${formatFindings(findings)}`,
      );
    }
  }, 60_000);
}

/** A browser context (locale vi-VN) on the device, with the accessibility check of every page it shows. */
export async function newPage(browser: Browser, device: typeof PHONE | typeof DESKTOP = DESKTOP) {
  const context: BrowserContext = await browser.newContext({ ...device, locale: 'vi-VN' });
  await axe.attach(context);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  const page: Page = await context.newPage();
  return { context, page };
}

export async function logOut(page: Page) {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
}

/** The principal closes the school year from the results page; resolves to the finished job's report. */
export async function closeYear(page: Page, baseUrl: string): Promise<Locator> {
  await page.goto(`${baseUrl}/results`);
  await page.getByTestId('close-year').click();
  const done = page.getByTestId('job-done');
  await done.waitFor({ timeout: 60_000 });
  return done;
}
