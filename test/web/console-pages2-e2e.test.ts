/**
 * The notifications, settings, API keys, audit log and account pages end to end, in Chromium
 * on the real server with the built console (dist/web): a real webhook receiver, keys used
 * by a program, sessions in two browsers, the sign-in lock, a viewer's view, axe-core on each.
 */
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, seriousAccessibilityViolations, type OpenPage } from '../support/browser.js';
import { FakeClock } from '../support/fake-clock.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

/** Waits for what the page shows: under a loaded machine a page may take seconds. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const PASSWORD = 'correct horse battery staple';

describe('notifications, settings, API keys, audit log and account in Chromium', { timeout: 120_000 }, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let receiver: WebhookReceiver;
  const users = { admin: 'admin2@example.com', viewer: 'viewer2@example.com', root: 'root@example.com', sessions: 'two-browsers@example.com', locked: 'locked@example.com' };

  beforeAll(async () => {
    t = await createTestApp({ clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)) });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    receiver = await WebhookReceiver.start();
    const user = async (email: string, superuser = false) => {
      const made = await t.call('POST', '/api/v1/users', { body: { email, password: PASSWORD, superuser } });
      expect(made.statusCode, made.body).toBe(200);
    };
    const member = async (email: string, role: 'admin' | 'viewer') => {
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/members`, { body: { email, role } });
      expect(res.statusCode, res.body).toBe(200);
    };
    await user(users.admin);
    await member(users.admin, 'admin');
    await user(users.viewer);
    await member(users.viewer, 'viewer');
    await user(users.root, true);
    await user(users.sessions);
    await member(users.sessions, 'viewer');
    await user(users.locked);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await receiver?.close();
    await t?.close();
  });

  const open = () => openPage(browser, base, { now: t.clock.now() });
  const noTrouble = (o: OpenPage) => {
    expect(o.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    expect(o.errors.filter((e) => !/401|Failed to load resource/.test(e)), 'page errors').toEqual([]);
  };
  const accessible = async (page: Page, what: string) => {
    expect(await seriousAccessibilityViolations(page), `axe-core on ${what}`).toEqual([]);
    // To look at the layout: CERTKEEPER_SCREENSHOTS=/tmp/shots npx vitest run this file.
    if (process.env.CERTKEEPER_SCREENSHOTS) await page.screenshot({ path: `${process.env.CERTKEEPER_SCREENSHOTS}/${what.replace(/[^a-z0-9]+/gi, '-')}.png`, fullPage: true });
  };
  const signIn = async (page: Page, email: string) => {
    await page.goto('/');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'certkeeper' }).first().waitFor();
  };
  const project = (rest: string) => `/projects/${t.project.id}/${rest}`;

  it('a webhook channel made in the page: a test reaches the receiver, a failed delivery shows, Redeliver sends it again', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.admin);
    await page.goto(project('certificates'));
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Notifications' }).click();
    await page.getByRole('heading', { level: 1, name: 'Notifications' }).waitFor();
    await page.getByText('No channel yet').waitFor();
    await accessible(page, 'the notifications page (empty)');

    // Every type the API has, each with its fields labelled.
    const form = page.getByRole('form', { name: 'Add a channel' });
    expect(await form.getByLabel('Channel type').locator('option').allTextContents()).toEqual(['Webhook', 'Email', 'Slack', 'Microsoft Teams']);
    await form.getByLabel('Channel type').selectOption('email');
    await form.getByLabel('Recipients').waitFor();
    await form.getByLabel('Channel type').selectOption('webhook');
    await form.getByLabel('Channel name').fill('ops hook');
    await form.getByRole('button', { name: 'Add channel' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('Webhook URL is required.');
    await form.getByLabel('Webhook URL').fill(receiver.url('/hook'));
    const secret = form.getByLabel('Signing secret');
    expect(await secret.getAttribute('type')).toBe('password');
    await secret.fill('a-long-random-signing-secret');
    await form.getByRole('button', { name: 'Add channel' }).click();
    const row = page.getByRole('row', { name: /ops hook/ });
    await poll(() => row.textContent()).toContain('secret set');
    expect(await page.locator('main').textContent()).not.toContain('a-long-random-signing-secret');

    await row.getByRole('button', { name: 'Send test to ops hook' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Test to' }).textContent()).toContain('delivered (HTTP 200)');
    expect(receiver.requests.map((r) => r.path)).toEqual(['/hook']);

    // The receiver fails the next one: the test says so, the log shows it failed, Redeliver succeeds.
    receiver.answer({ status: 503, body: 'down for maintenance' });
    await row.getByRole('button', { name: 'Send test to ops hook' }).click();
    await poll(() => page.getByRole('alert').filter({ hasText: 'Test to' }).textContent()).toContain('failed (HTTP 503)');
    const failed = page.locator('tr[data-status="failed"]');
    await poll(() => failed.count()).toBe(1);
    expect(await failed.textContent()).toContain('HTTP 503');
    expect(await failed.textContent()).toContain('Failed (1 of 1 attempts)');
    await accessible(page, 'the notifications page with deliveries');
    await failed.getByRole('button', { name: /^Redeliver/ }).click();
    await poll(() => receiver.requests.length).toBe(3);
    await poll(() => page.locator('tr[data-status="delivered"]').count()).toBe(2);
    expect(await page.locator('tr[data-status="delivered"]', { hasText: 'redelivery' }).count()).toBe(1);

    // The status filter narrows the log.
    await page.getByLabel('Delivery status').selectOption('failed');
    await poll(() => page.locator('tbody tr[data-status]').count()).toBe(1);
    noTrouble(o);
  });

  it('settings: a change persists across a reload; a bad value is refused in words', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.admin);
    await page.goto(project('settings'));
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const renew = page.getByLabel('Renew before expiry (days)');
    await renew.waitFor();
    await accessible(page, 'the settings page');

    await renew.fill('400');
    await page.getByRole('button', { name: 'Save issuance settings' }).click();
    await poll(() => page.locator('#renew-before-problem').textContent()).toBe('Renew before must be between 1 and 365 days.');
    expect(await renew.getAttribute('aria-invalid')).toBe('true');
    await accessible(page, 'the settings page with a problem');

    await renew.fill('45');
    await page.getByRole('button', { name: 'Save issuance settings' }).click();
    await poll(() => page.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);
    const thresholds = page.getByLabel('Thresholds (days before expiry)');
    await thresholds.fill('21, 3, x');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await poll(() => page.locator('#threshold-days-problem').textContent()).toContain('"x" is not one');
    await thresholds.fill('3, 21');
    await page.getByRole('button', { name: 'Save notification settings' }).click();
    await poll(async () => (await t.call('GET', `/api/v1/projects/${t.project.id}/notification-policy`)).json().result.thresholdDays).toEqual([21, 3]);

    await page.reload();
    await poll(() => page.getByLabel('Renew before expiry (days)').inputValue()).toBe('45');
    await poll(() => page.getByLabel('Thresholds (days before expiry)').inputValue()).toBe('21, 3');
    expect((await t.call('GET', `/api/v1/projects/${t.project.id}/settings`)).json().result.renewBeforeDays).toBe(45);
    noTrouble(o);
  });

  it('an API key made in the page is shown once, works for a program, and is refused once revoked', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.admin);
    await page.goto(project('api-keys'));
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    const form = page.getByRole('form', { name: 'Create an API key' });
    await form.getByLabel('Key name').fill('e2e-ci');
    await form.getByLabel('Key role').selectOption('viewer');
    await form.getByRole('button', { name: 'Create key' }).click();
    const shown = page.getByRole('status').filter({ hasText: 'you will not see it again' });
    await shown.waitFor();
    await shown.getByRole('button', { name: 'Copy the new API key' }).waitFor();
    const key = (await page.getByTestId('new-key').textContent())!.trim();
    expect(key.length).toBeGreaterThan(20);
    await accessible(page, 'the API keys page with a new key');

    const asProgram = () => fetch(`${base}/api/v1/projects/${t.project.id}/certificates`, { headers: { 'x-api-key': key } });
    expect((await asProgram()).status).toBe(200);

    // Once: a reload shows the key's name and prefix, never the key.
    await page.reload();
    const row = page.getByRole('row', { name: /e2e-ci/ });
    await row.waitFor();
    expect(await page.locator('body').textContent()).not.toContain(key);

    await row.getByRole('button', { name: 'Revoke e2e-ci' }).click();
    const dialog = page.getByRole('dialog', { name: 'Revoke this API key?' });
    await dialog.waitFor();
    await accessible(page, 'the revoke confirmation');
    await dialog.getByRole('button', { name: 'Revoke key' }).click();
    await poll(() => row.textContent()).toContain('revoked');
    expect((await asProgram()).status).toBe(401);
    noTrouble(o);
  });

  it('the audit logs show the sign-in and the key creation; filters narrow them and live in the URL', async () => {
    const made = await t.call('POST', `/api/v1/projects/${t.project.id}/api-keys`, { key: t.keys.admin, body: { name: 'audited-key', role: 'viewer' } });
    expect(made.statusCode, made.body).toBe(200);
    const o = await open();
    const { page } = o;
    await signIn(page, users.root);

    // The deployment's trail (superusers): this sign-in.
    await page.getByRole('link', { name: 'Deployment audit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deployment audit log' }).waitFor();
    await poll(() => page.locator('tbody').textContent()).toContain('auth.signed_in');
    await accessible(page, 'the deployment audit log');
    await page.getByLabel('Event type').fill('auth.signed_in');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await poll(() => page.url()).toContain('type=auth.signed_in');
    await poll(async () => new Set(await page.locator('tbody tr td:nth-child(2) .mono').allTextContents())).toEqual(new Set(['auth.signed_in']));

    // The project's trail: the key creation; the type filter narrows, the URL keeps it, Back undoes it.
    await page.goto(project('audit'));
    await page.getByRole('heading', { level: 1, name: 'Audit log' }).waitFor();
    const types = () => page.locator('tbody tr td:nth-child(2) .mono').allTextContents();
    await poll(types).toContain('api_key.created');
    expect(await page.locator('tbody').textContent()).toContain('audited-key');
    await accessible(page, 'the project audit log');
    const all = (await types()).length;
    await page.getByLabel('Event type').fill('api_key.created');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await poll(() => page.url()).toContain('type=api_key.created');
    await poll(async () => new Set(await types())).toEqual(new Set(['api_key.created']));
    expect((await types()).length).toBeLessThan(all);

    // A time window after everything: nothing; written to the URL as instants.
    await page.getByLabel('From').fill('2099-01-01T00:00');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await poll(() => decodeURIComponent(page.url())).toContain('since=2099-01-01T00:00:00.000Z');
    await page.getByText('No event matches these filters.').waitFor();
    await page.goBack();
    await poll(async () => new Set(await types())).toEqual(new Set(['api_key.created']));

    // One object's events, from a shared link.
    const keyId = made.json().result.id as string;
    await page.goto(project(`audit?objectType=api_key&objectId=${keyId}`));
    await poll(types).toEqual(['api_key.created']);
    expect(await page.getByLabel('Object id').inputValue()).toBe(keyId);
    noTrouble(o);
  });

  it('own sessions: two browsers show two sessions; revoking the other signs it out; a password change is checked', async () => {
    const a = await open();
    const b = await open();
    await signIn(a.page, users.sessions);
    await signIn(b.page, users.sessions);
    await a.page.getByRole('link', { name: 'Account' }).click();
    await a.page.getByRole('heading', { level: 1, name: 'Account' }).waitFor();
    const rows = a.page.locator('tbody tr');
    await poll(() => rows.count()).toBe(2);
    expect(await a.page.getByText('this browser').count()).toBe(1);
    await accessible(a.page, 'the account page');

    await a.page.locator('tbody tr', { hasNotText: 'this browser' }).getByRole('button', { name: /^Revoke the session/ }).click();
    await poll(() => rows.count()).toBe(1);
    await b.page.reload();
    await b.page.getByRole('button', { name: 'Sign in' }).waitFor();

    // Changing the password: a wrong current one is said so.
    await a.page.getByLabel('Current password').fill('not my password at all');
    await a.page.getByLabel('New password', { exact: true }).fill('another correct horse battery');
    await a.page.getByLabel('New password again').fill('another correct horse battery');
    await a.page.getByRole('button', { name: 'Change password' }).click();
    await poll(() => a.page.getByRole('alert').textContent()).toBe('The current password is wrong.');
    noTrouble(a);
  });

  it('the sign-in page tells a lock in words after five wrong passwords', async () => {
    const o = await open();
    const { page } = o;
    await page.goto('/');
    await page.getByLabel('Email').fill(users.locked);
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel('Password').fill(`wrong password number ${i}`);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await poll(() => page.getByRole('alert').textContent()).toBe('The email or the password is wrong.');
      // The same alert again: wait for the button to come back before the next try.
      await poll(() => page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    }
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.getByRole('alert').textContent()).toBe('Too many failed attempts. Try again in 1 minute.');
    await accessible(page, 'the sign-in page with a lock');
    noTrouble(o);
  });

  it('a viewer sees these pages without a single action', async () => {
    const channel = await t.call('POST', `/api/v1/projects/${t.project.id}/notification-channels`, { key: t.keys.admin, body: { name: 'viewer-visible', type: 'webhook', config: { url: receiver.url('/v'), secret: 'another-long-signing-secret' } } });
    expect(channel.statusCode, channel.body).toBe(200);
    // A failed delivery: an admin would see Redeliver on it.
    receiver.answer({ status: 500 });
    const test = await t.call('POST', `/api/v1/projects/${t.project.id}/notification-channels/${channel.json().result.id}/test`, { key: t.keys.admin });
    expect(test.json().result.status).toBe('failed');
    expect((await t.call('PUT', `/api/v1/projects/${t.project.id}/settings`, { key: t.keys.admin, body: { renewBeforeDays: 45 } })).statusCode).toBe(200);
    const o = await open();
    const { page } = o;
    await signIn(page, users.viewer);
    expect(await page.getByRole('navigation', { name: 'Project' }).getByRole('link').allTextContents()).toEqual(['Dashboard', 'Certificates', 'Apps', 'Endpoints', 'Deployments', 'Notifications', 'Audit log', 'Settings']);
    expect(await page.getByRole('link', { name: 'Deployment audit' }).count()).toBe(0);

    await page.goto(project('notifications'));
    await page.getByRole('row', { name: /viewer-visible/ }).first().waitFor();
    await poll(() => page.locator('tbody tr[data-status]').count()).toBeGreaterThan(0);
    expect(await page.locator('main button').allTextContents()).toEqual(['Refresh']);
    expect(await page.getByRole('form', { name: 'Add a channel' }).count()).toBe(0);
    await accessible(page, 'the notifications page (viewer)');

    await page.goto(project('settings'));
    await page.getByText('Renew before expiry').waitFor();
    await poll(() => page.locator('main').textContent()).toContain('45 days');
    expect(await page.locator('main button').count()).toBe(0);
    expect(await page.locator('main input').count()).toBe(0);
    await accessible(page, 'the settings page (viewer)');

    await page.goto(project('api-keys'));
    await page.getByText('Only an admin of this project sees and manages its API keys.').waitFor();
    expect(await page.locator('main button').count()).toBe(0);
    await accessible(page, 'the API keys page (viewer)');

    await page.goto(project('audit'));
    await poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('main button').allTextContents()).toEqual(['Apply filters']);
    await accessible(page, 'the audit log (viewer)');

    // The deployment's trail is a superuser's: a viewer gets no page.
    await page.goto('/audit');
    await page.getByRole('heading', { level: 1, name: 'Nothing here' }).waitFor();
    noTrouble(o);
  });
});
