/**
 * Headless Chromium for the console's end-to-end tests: Debian's /usr/bin/chromium driven by
 * playwright-core (scripts/ensure-test-deps.sh installs it; no browser is ever downloaded).
 * Launch once per test file:
 *
 *   const browser = await launchBrowser();
 *   const { page, cspViolations } = await openPage(browser, baseUrl, { now: t.clock.now() });
 *   expect(await seriousAccessibilityViolations(page)).toEqual([]);
 *   await browser.close();
 *
 * Pages run under the server's real Content-Security-Policy; every violation is collected, so
 * a test can say there was none. axe-core is injected with page.addScriptTag from a same-origin
 * URL the test itself answers (an inline script would be refused by that very policy).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CERTKEEPER_CHROMIUM ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface OpenPage {
  context: BrowserContext;
  page: Page;
  /** Every Content-Security-Policy violation the page reported (directive and blocked URI). */
  cspViolations: string[];
  /** Page errors and console errors, for failure messages. */
  errors: string[];
}

/**
 * A fresh context (its own cookies) and page on the server at `baseUrl`; with `now`, the
 * browser's clock stands at the server's fake clock, so countdowns agree with `daysLeft`.
 */
export async function openPage(browser: Browser, baseUrl: string, options: { now?: Date; colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}): Promise<OpenPage> {
  const context = await browser.newContext({ baseURL: baseUrl, colorScheme: options.colorScheme ?? 'light', viewport: options.viewport ?? { width: 1280, height: 800 }, locale: 'en-GB', timezoneId: 'UTC' });
  if (options.now) await context.clock.setFixedTime(options.now);
  const page = await context.newPage();
  const cspViolations: string[] = [];
  const errors: string[] = [];
  await page.exposeFunction('__reportCsp', (text: string) => cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { __reportCsp(t: string): void }).__reportCsp(`${e.violatedDirective} ${e.blockedURI}`));
  });
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await installAxeRoute(page);
  return { context, page, cspViolations, errors };
}

const AXE_PATH = '/__test-only/axe.min.js';
let axeSource: string | undefined;

async function installAxeRoute(page: Page): Promise<void> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.route(`**${AXE_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: axeSource }));
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** The serious and critical accessibility violations axe-core finds on the page as it stands (WCAG 2.x A and AA rules, and best practices). */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_PATH });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
