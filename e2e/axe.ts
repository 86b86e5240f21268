/// <reference lib="dom" />
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

/**
 * axe-core (WCAG 2 A/AA) inside every E2E page visit (issue 13 §5). Each page of a context made by `newPage` carries
 * a small watcher: after a document load or an SPA route change it waits for the page to settle (no fetch in flight,
 * no loader shown, no DOM change for a moment) and runs axe once per distinct route and width of the test file.
 * Serious and critical violations are collected per test; `afterEach` (harness.ts) fails the test with their list.
 * Before a `page.goto` and a `context.close` the pending check runs first, so a route left quickly is still checked.
 * `E2E_AXE=0` switches it off (README); it is on by default and in CI.
 */

export const AXE_ENABLED = process.env.E2E_AXE !== '0';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const REPORTED_IMPACTS = new Set(['serious', 'critical']);

export interface AxeViolation {
  rule: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

export interface AxeFinding {
  /** `<width>px <route>`, the route with ids replaced by `:id`. */
  key: string;
  url: string;
  violations: AxeViolation[];
}

const axeSource: string = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** The watcher, run in every document before the app's scripts. `__axeClaim` and `__axeReport` are bindings. */
function watcher(options: { tags: string[]; impacts: string[] }) {
  type Win = Window &
    typeof globalThis & {
      __axeIdle?: () => Promise<void>;
      __axeClaim: (key: string) => Promise<boolean>;
      __axeReport: (finding: unknown) => Promise<void>;
      axe: {
        run: (
          context: Document,
          options: object,
        ) => Promise<{
          violations: {
            id: string;
            impact: string | null;
            help: string;
            nodes: { target: unknown[]; failureSummary?: string }[];
          }[];
        }>;
      };
    };
  const w = window as Win;
  if (w.top !== w || w.__axeIdle) return;
  const QUIET_MS = 250;
  const MAX_WAIT_MS = 4000;
  let inFlight = 0;
  let lastChange = performance.now();
  let dirtySince: number | null = performance.now();
  let running: Promise<void> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const originalFetch = w.fetch.bind(w);
  w.fetch = (...args: Parameters<typeof fetch>) => {
    inFlight++;
    return originalFetch(...args).finally(() => {
      inFlight--;
      lastChange = performance.now();
    });
  };
  const routeKey = () =>
    `${w.innerWidth}px ${location.pathname
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, ':id')
      .replace(/\/\d+(?=\/|$)/g, '/:n')}`;
  const busy = () =>
    inFlight > 0 ||
    document.readyState !== 'complete' ||
    !document.body ||
    document.querySelector('[aria-busy="true"], .mantine-Loader-root') !== null;

  async function scan() {
    dirtySince = null;
    if (!location.protocol.startsWith('http')) return;
    const key = routeKey();
    if (!(await w.__axeClaim(key))) return;
    const url = location.href;
    const result = await w.axe.run(document, {
      runOnly: { type: 'tag', values: options.tags },
      resultTypes: ['violations'],
    });
    const violations = result.violations
      .filter((v) => v.impact !== null && options.impacts.includes(v.impact))
      .map((v) => ({
        rule: v.id,
        impact: v.impact,
        help: v.help,
        nodes: v.nodes.map((n) => ({
          target: n.target.map(String).join(' '),
          summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim(),
        })),
      }));
    await w.__axeReport({ key, url, violations });
  }
  function tick(force = false) {
    clearTimeout(timer);
    if (dirtySince === null || running) return;
    const now = performance.now();
    const settled = !busy() && now - lastChange >= QUIET_MS;
    if (!settled && !force && now - dirtySince < MAX_WAIT_MS) {
      timer = setTimeout(tick, QUIET_MS);
      return;
    }
    running = scan()
      .catch((e: unknown) => {
        // A scan cut short by the page going away is retried on the next visit; anything else is said.
        if (!/destroyed|closed|detached/i.test(String(e))) console.error(`axe: ${String(e)}`);
      })
      .finally(() => {
        running = null;
        if (dirtySince !== null) tick();
      });
  }
  function routeChanged() {
    dirtySince ??= performance.now();
    lastChange = performance.now();
    tick();
  }
  for (const name of ['pushState', 'replaceState'] as const) {
    const original = history[name].bind(history);
    history[name] = (...args: Parameters<History['pushState']>) => {
      const before = location.pathname;
      original(...args);
      if (location.pathname !== before) routeChanged();
    };
  }
  w.addEventListener('popstate', routeChanged);
  w.addEventListener('load', routeChanged);
  new MutationObserver(() => {
    lastChange = performance.now();
    if (dirtySince !== null && !running) {
      clearTimeout(timer);
      timer = setTimeout(tick, QUIET_MS);
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

  /** Resolves once the current route is checked: waits for the page to settle, at most MAX_WAIT_MS. */
  w.__axeIdle = async () => {
    const start = performance.now();
    while (dirtySince !== null || running) {
      if (running) await running;
      else {
        tick(performance.now() - start > MAX_WAIT_MS);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  };
}

/** What the axe checks of one test file found, and the routes they covered. */
export class AxeCollector {
  private readonly claimed = new Set<string>();
  private findings: AxeFinding[] = [];
  readonly checked: string[] = [];

  async attach(context: BrowserContext) {
    if (!AXE_ENABLED) return;
    await context.exposeBinding('__axeClaim', (_source, key: string) => {
      if (this.claimed.has(key)) return false;
      this.claimed.add(key);
      return true;
    });
    await context.exposeBinding('__axeReport', (_source, finding: AxeFinding) => {
      this.checked.push(finding.key);
      if (finding.violations.length > 0) this.findings.push(finding);
    });
    await context.addInitScript({
      content: `var __name = (f) => f;\n${axeSource}\n;(${watcher.toString()})(${JSON.stringify({ tags: AXE_TAGS, impacts: [...REPORTED_IMPACTS] })});`,
    });
    for (const page of context.pages()) wrapGoto(page);
    context.on('page', wrapGoto);
    const close = context.close.bind(context);
    context.close = async (...args: Parameters<BrowserContext['close']>) => {
      await flushContext(context);
      return close(...args);
    };
  }

  /** The findings since the last call, emptied. */
  take(): AxeFinding[] {
    const taken = this.findings;
    this.findings = [];
    return taken;
  }
}

/** Runs the pending check of a page, if any; a page gone or navigating is skipped. */
export async function flushPage(page: Page) {
  if (!AXE_ENABLED || page.isClosed()) return;
  await page
    .evaluate(() => (window as { __axeIdle?: () => Promise<void> }).__axeIdle?.())
    .catch(() => undefined);
}

export async function flushContext(context: BrowserContext) {
  await Promise.all(context.pages().map(flushPage));
}

function wrapGoto(page: Page) {
  const goto = page.goto.bind(page);
  page.goto = async (...args: Parameters<Page['goto']>) => {
    await flushPage(page);
    return goto(...args);
  };
  wrapLocatorActions(page);
}

const WRAPPED = Symbol('axe-wrapped');

/**
 * A click or tap may leave the route (an SPA link): the route shown is checked first, so a page the test passes
 * through quickly is checked too. Costs one round trip when the route is already checked.
 */
function wrapLocatorActions(page: Page) {
  const proto = Object.getPrototypeOf(page.locator('body')) as Record<string | symbol, unknown>;
  if (proto[WRAPPED]) return;
  proto[WRAPPED] = true;
  for (const name of ['click', 'tap', 'dblclick']) {
    const action = proto[name] as (this: { page(): Page }, ...args: unknown[]) => Promise<unknown>;
    proto[name] = async function (this: { page(): Page }, ...args: unknown[]) {
      await flushPage(this.page());
      return action.apply(this, args);
    };
  }
}

/** A readable list: per route and width, each rule with its impact, summary and the elements that fail it. */
export function formatFindings(findings: AxeFinding[]): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.key} (${f.url}):`);
    for (const v of f.violations) {
      lines.push(`  [${v.impact}] ${v.rule}: ${v.help} — ${v.nodes.length} element(s)`);
      for (const n of v.nodes.slice(0, 8)) lines.push(`    ${n.target}\n      ${n.summary}`);
      if (v.nodes.length > 8) lines.push(`    … ${v.nodes.length - 8} more`);
    }
  }
  return lines.join('\n');
}

export function countViolations(findings: AxeFinding[]): number {
  return findings.reduce((n, f) => n + f.violations.reduce((m, v) => m + v.nodes.length, 0), 0);
}
