/**
 * axe-core (WCAG 2 A/AA, serious and critical) over every page of a running demo, for each demo role at 390 and
 * 1366 px (issue 13 §5). Not part of CI: run `npx tsx scripts/axe-pages.ts http://127.0.0.1:3000` against
 * `truongso start` with the demo data. Each role starts from its menu and the app's static routes, then follows the
 * links it finds to reach one page of each parameterised route (a class, a student, a grid…). Prints, per role and
 * width, the pages checked and the violations per rule; with `--details`, every element. Exits 1 on a violation.
 */
import type { Browser } from 'playwright-core';
import { AxeCollector, type AxeFinding, countViolations, flushPage, formatFindings } from '../e2e/axe.ts';
import { DESKTOP, launchBrowser, logIn, PHONE } from '../e2e/browser.ts';

const ROLES = ['hieutruong', 'giaovien', 'phuhuynh', 'phong.chuyenvien', 'admin', 'cntt'];
const PASSWORD = 'truongso-demo';
const STATIC_ROUTES = [
  '/',
  '/staff',
  '/quotas',
  '/departments',
  '/my-children',
  '/students',
  '/units',
  '/assessments',
  '/assessment-campaigns',
  '/assessment-catalogues',
  '/school-years',
  '/users',
  '/audit',
  '/students/new',
  '/national-id-duplicates',
  '/classes',
  '/imports',
  '/gradebook',
  '/gradebook/assignments',
  '/results',
  '/results/promotion-list',
  '/results/rollover',
  '/contact-book',
  '/class-notes',
  '/my-transcripts',
  '/transcripts',
  '/assessment-dashboard',
  '/notifications/settings',
];
const MAX_PAGES = 60;

/** One route pattern per path: ids and subject codes of the grid replaced. */
const pattern = (path: string) =>
  path
    .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
    .replace(/\/subjects\/[^/]+$/, '/subjects/:code');

async function crawl(browser: Browser, base: string, login: string, device: typeof PHONE | typeof DESKTOP) {
  const context = await browser.newContext({ ...device, locale: 'vi-VN' });
  const axe = new AxeCollector();
  await axe.attach(context);
  const page = await context.newPage();
  await logIn(page, base, login, PASSWORD);
  const queue = [...STATIC_ROUTES];
  const seen = new Set(queue.map(pattern));
  let visited = 0;
  while (queue.length > 0 && visited < MAX_PAGES) {
    const path = queue.shift() as string;
    const opened = await page.goto(`${base}${path}`).catch(() => null);
    if (!opened) continue;
    await page.waitForLoadState('networkidle').catch(() => undefined);
    await flushPage(page);
    visited++;
    const links = await page.$$eval('a[href^="/"]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const href of links) {
      const p = href.split(/[?#]/)[0] ?? '';
      if (p === '/logout' || p.startsWith('/api') || seen.has(pattern(p))) continue;
      seen.add(pattern(p));
      queue.push(p);
    }
  }
  await context.close();
  return { checked: axe.checked, findings: axe.take() };
}

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const details = process.argv.includes('--details');
const browser = await launchBrowser();
const all: AxeFinding[] = [];
try {
  for (const login of ROLES) {
    for (const [label, device] of [
      ['390', PHONE],
      ['1366', DESKTOP],
    ] as const) {
      const { checked, findings } = await crawl(browser, base, login, device);
      all.push(...findings);
      const rules = new Map<string, number>();
      for (const f of findings)
        for (const v of f.violations) rules.set(v.rule, (rules.get(v.rule) ?? 0) + v.nodes.length);
      console.log(
        `${login} ${label}px: ${checked.length} pages, ${countViolations(findings)} serious/critical` +
          (rules.size ? ` (${[...rules].map(([r, n]) => `${r} ${n}`).join(', ')})` : ''),
      );
      if (details && findings.length) console.log(formatFindings(findings));
    }
  }
} finally {
  await browser.close();
}
console.log(`total: ${countViolations(all)} serious/critical`);
process.exitCode = all.length > 0 ? 1 : 0;
