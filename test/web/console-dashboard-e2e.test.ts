/**
 * The project dashboard in Chromium: its figures are the inventory's, a bar of the expiry
 * timeline opens the list of exactly the certificates it counts, what needs a person shows,
 * the bars are reachable by keyboard, and axe-core finds nothing serious in light and dark.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, seriousAccessibilityViolations, type OpenPage } from '../support/browser.js';
import { FakeClock } from '../support/fake-clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { aCertificate, aManagedState } from '../storage/certificate-builder.js';
import type { NewCertificate } from '../../src/ports/certificate-repository.js';
import { isoWeekStart } from '../../src/domain/expiry-weeks.js';

const DAY = 86_400_000;
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const PASSWORD = 'correct horse battery staple';
const VIEWER = 'dash-viewer@example.com';

describe('the project dashboard in Chromium', { timeout: 120_000 }, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const opened: OpenPage[] = [];
  const week2: string[] = [];
  let failedId: number;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)) });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const now = t.clock.now().getTime();
    const store = t.services.store;
    const put = async (o: Partial<NewCertificate>) => {
      const { cert, material } = aCertificate({ projectId: t.project.id, organizationId: t.org.id, ...o });
      return store.certificates.insert(cert, material);
    };
    // Three in the week after next (two TLS, one client), one later, two expired, one revoked.
    const inWeek2 = isoWeekStart(new Date(now)) + 14 * DAY;
    for (const [i, kind] of (['tls', 'tls', 'client'] as const).entries()) {
      const domainName = `week2-${i}.example.com`;
      week2.push(domainName);
      await put({ kind, domainName, sans: [domainName], notAfter: new Date(inWeek2 + (i + 1) * DAY + 3_600_000) });
    }
    await put({ kind: 'tls', domainName: 'later.example.com', sans: ['later.example.com'], notAfter: new Date(now + 120 * DAY) });
    await put({ kind: 'apns', domainName: 'com.example.push', sans: [], notAfter: new Date(now - 3 * DAY) });
    await put({ kind: 'tls', domainName: 'gone.example.com', sans: ['gone.example.com'], notAfter: new Date(now - 40 * DAY) });
    await put({ kind: 'tls', status: 'revoked', domainName: 'revoked.example.com', sans: ['revoked.example.com'], notAfter: new Date(now + 200 * DAY) });
    // A managed certificate whose issuance failed: needs a person.
    const failed = aCertificate({ projectId: t.project.id, organizationId: t.org.id, source: 'acme', status: 'pending_validation', domainName: 'failed.example.com', sans: ['failed.example.com'], notBefore: new Date(0), notAfter: new Date(0), fingerprintSha256: '' }).cert;
    failedId = (await store.certificates.insertPending(failed)).id;
    await store.managed.insert(aManagedState(failedId, { failureCount: 1, lastProblem: { type: 'urn:ietf:params:acme:error:unauthorized', detail: 'the CA refused the order' }, updatedAt: new Date(now - 3_600_000) }));
    await store.certificates.updateStatus(failedId, 'failed', new Date(now - 3_600_000));

    const made = await t.call('POST', '/api/v1/users', { body: { email: VIEWER, password: PASSWORD } });
    expect(made.statusCode, made.body).toBe(200);
    const member = await t.call('POST', `/api/v1/projects/${t.project.id}/members`, { body: { email: VIEWER, role: 'viewer' } });
    expect(member.statusCode, member.body).toBe(200);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await Promise.all(opened.map((o) => o.context.close().catch(() => undefined)));
    await browser?.close();
    await t?.close();
  });

  const open = async (colorScheme: 'light' | 'dark' = 'light') => {
    const o = await openPage(browser, base, { now: t.clock.now(), colorScheme });
    opened.push(o);
    return o;
  };
  const noTrouble = (o: OpenPage) => {
    expect(o.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    expect(o.errors.filter((e) => !/401|Failed to load resource/.test(e)), 'page errors').toEqual([]);
  };
  const signInToDashboard = async (page: Page) => {
    await page.goto('/');
    await page.getByLabel('Email').fill(VIEWER);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('heading', { name: 'Expiry timeline' }).waitFor();
  };
  const listTotal = async (query: string) => (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates?${query}`, { key: t.keys.viewer })).json().resultInfo.totalCount as number;

  it('shows the inventory’s figures; a bar opens the list of exactly its certificates', async () => {
    const o = await open();
    const { page } = o;
    await signInToDashboard(page);
    expect(new URL(page.url()).pathname).toBe(`/projects/${t.project.id}`);

    // Counts, as the list API counts them.
    const tile = (attr: string, value: string) => page.locator(`.tiles [data-${attr}="${value}"]`).textContent();
    for (const status of ['Active', 'Expired', 'Revoked', 'Failed']) expect(Number(await tile('status', status)), status).toBe(await listTotal(`status=${status}`));
    for (const kind of ['tls', 'apns', 'client']) expect(Number(await tile('kind', kind)), kind).toBe(await listTotal(`kind=${kind}`));
    expect(Number(await tile('status', 'Active'))).toBe(4);
    expect(Number(await tile('status', 'Expired'))).toBe(2);

    // The bars: 53, the expired one first.
    const bars = page.locator('svg.chart a');
    expect(await bars.count()).toBe(53);
    expect(await bars.first().getAttribute('aria-label')).toBe('2 certificates have expired: 1 TLS, 1 APNs');
    const weekStart = new Date(isoWeekStart(t.clock.now()) + 14 * 86_400_000);
    const weekText = weekStart.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    const bar = page.getByRole('link', { name: `3 certificates expire in the week of ${weekText}: 2 TLS, 1 Client` });
    expect(await bar.getAttribute('data-total')).toBe('3');

    await bar.click();
    await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
    expect(page.url()).toContain('expiringAfter=');
    await poll(async () => (await page.locator('table.grid tbody tr td.domain').allTextContents()).sort()).toEqual([...week2].sort());
    await page.getByText(/Expiring from .* to .* \(UTC\)/).waitFor();

    // The expired bar opens status=Expired.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.locator('svg.chart a').first().click();
    await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
    expect(new URL(page.url()).searchParams.get('status')).toBe('Expired');
    await poll(async () => (await page.locator('table.grid tbody tr td.domain').allTextContents()).length).toBe(2);
    noTrouble(o);
  });

  it('lists what needs a person and what expires next, each linking to it', async () => {
    const o = await open();
    const { page } = o;
    await signInToDashboard(page);
    const needs = page.locator('section', { has: page.getByRole('heading', { name: /Needs a person now/ }) });
    await needs.getByText('Issuance failed: the CA refused the order').waitFor();
    await needs.getByRole('link', { name: 'failed.example.com' }).click();
    await poll(() => new URL(page.url()).pathname).toBe(`/projects/${t.project.id}/certificates/${failedId}`);
    await page.goBack();
    const next = page.locator('ol.next li a');
    await poll(() => next.allTextContents()).toEqual(['week2-0.example.com', 'week2-1.example.com', 'week2-2.example.com', 'later.example.com']);
    noTrouble(o);
  });

  it('stacks by kind or by status, reaches every bar by Tab, and passes axe-core in light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const o = await open(scheme);
      const { page } = o;
      await signInToDashboard(page);
      expect(await seriousAccessibilityViolations(page), `axe-core, ${scheme}`).toEqual([]);
      await page.screenshot({ path: `/tmp/certkeeper-dashboard-${scheme}.png`, fullPage: true });

      await page.getByRole('radio', { name: 'by status' }).check();
      await poll(() => page.locator('svg.chart a').first().getAttribute('aria-label')).toBe('2 certificates have expired (Expired)');
      expect(await seriousAccessibilityViolations(page), `axe-core by status, ${scheme}`).toEqual([]);

      // From the toggle, Tab goes through the bars in order.
      await page.getByRole('radio', { name: 'by status' }).focus();
      const labels: string[] = [];
      for (let i = 0; i < 53; i++) {
        await page.keyboard.press('Tab');
        labels.push(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent ?? ''));
      }
      expect(labels[0]).toMatch(/have expired/);
      expect(labels.slice(1).every((l) => / expires? in the week of /.test(l))).toBe(true);
      // Enter on a focused bar opens its list.
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
      expect(page.url()).toContain('expiringBefore=');
      noTrouble(o);
    }
  });
});
