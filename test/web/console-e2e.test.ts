/**
 * The web console end to end, in Chromium, as a person uses it: found by role and label,
 * signed in with a real account and its session cookie, on the real server with the built
 * console (dist/web), under its real Content-Security-Policy, checked with axe-core.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, seriousAccessibilityViolations, type OpenPage } from '../support/browser.js';
import { FakeClock } from '../support/fake-clock.js';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { startServerProcess, type ServerProcess } from '../support/server-process.js';

const DAY = 86_400_000;
/** Waits for what the page shows: under a loaded machine a page may take seconds, not the default second. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const PASSWORD = 'correct horse battery staple';
const HOSTILE_CN = '<img src=x onerror="window.__xss=1">';
const HOSTILE_O = '<script>window.__xss=2</script>';

// A browser, a server and a loaded machine: more than the suite's 30 s per test.
describe('the web console in Chromium', { timeout: 90_000 }, () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const opened: OpenPage[] = [];
  const ids: Record<string, number> = {};
  let emptyProjectId: string;

  const users = { admin: 'admin@example.com', viewer: 'viewer@example.com' };

  beforeAll(async () => {
    // The server's clock at the real time: the browser's cookie jar judges expiry by it.
    t = await createTestApp({ clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)) });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const now = t.clock.now().getTime();
    const imp = async (name: string, o: Parameters<typeof aCertificate>[0]) => {
      const c = aCertificate({ notBefore: new Date(now - 30 * DAY), ...o });
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { key: t.keys.editor, body: { certificateBody: c.certPem, certificateChain: c.chainPem, scopeId: 0 } });
      expect(res.statusCode, res.body).toBe(200);
      ids[name] = res.json().result.id;
    };
    await imp('api', { sans: ['api.example.com', 'www.example.com'], notAfter: new Date(now + 12 * DAY + 3_600_000) });
    await imp('shop', { sans: ['shop.example.com'], notAfter: new Date(now + 3 * DAY + 3_600_000) });
    await imp('old', { sans: ['old.example.com'], notAfter: new Date(now - 2 * DAY), notBefore: new Date(now - 100 * DAY) });
    await imp('hostile', { commonName: HOSTILE_CN, subject: { O: HOSTILE_O }, sans: ['hostile.example.com'], notAfter: new Date(now + 200 * DAY) });
    // Accounts: a project admin and a viewer of the project.
    const empty = await t.otherTenant(true);
    emptyProjectId = empty.projectId;
    const member = async (email: string, projectId: string, role: 'admin' | 'viewer') => {
      const res = await t.call('POST', `/api/v1/projects/${projectId}/members`, { body: { email, role } });
      expect(res.statusCode, res.body).toBe(200);
    };
    for (const [role, email] of Object.entries(users) as ['admin' | 'viewer', string][]) {
      const made = await t.call('POST', '/api/v1/users', { body: { email, password: PASSWORD } });
      expect(made.statusCode, made.body).toBe(200);
      await member(email, t.project.id, role);
      if (role === 'admin') await member(email, emptyProjectId, 'admin');
    }
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const open = async (options: { colorScheme?: 'light' | 'dark' } = {}) => {
    const o = await openPage(browser, base, { now: t.clock.now(), ...options });
    opened.push(o);
    return o;
  };

  /** Fails with the page's own errors and CSP reports in the message. */
  const noTrouble = (o: OpenPage) => {
    expect(o.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    expect(o.errors.filter((e) => !/401|Failed to load resource/.test(e)), 'page errors').toEqual([]);
  };

  const accessible = async (page: Page, what: string) => {
    expect(await seriousAccessibilityViolations(page), `axe-core on ${what}`).toEqual([]);
  };

  const signIn = async (page: Page, email: string) => {
    await page.goto('/');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
  };

  it('signs in, lands on the project, signs out; a wrong password is told', async () => {
    const o = await open();
    const { page } = o;
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await accessible(page, 'the sign-in page');
    await page.getByLabel('Email').fill(users.admin);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain('wrong');

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
    expect(page.url()).toMatch(/\/projects\/[0-9a-f-]{36}\/certificates$/);
    const cookies = await o.context.cookies();
    expect(cookies.find((c) => c.name === 'certkeeper_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => JSON.stringify(localStorage))).not.toContain(cookies.find((c) => c.name === 'certkeeper_session')!.value);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    noTrouble(o);
  });

  it('the list shows the imported certificates soonest first, each expiry as a countdown and a date', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.admin);
    await page.goto(`/projects/${t.project.id}/certificates`);
    const rows = page.getByRole('row');
    await poll(() => rows.count()).toBe(5);
    const names = await page.locator('tbody td.domain a').allTextContents();
    expect(names).toEqual(['old.example.com', 'shop.example.com', 'api.example.com', 'hostile.example.com']);
    const api = page.getByRole('row', { name: /api\.example\.com/ });
    await poll(() => api.textContent()).toContain('in 12 days');
    expect(await api.locator('time').getAttribute('title')).toMatch(/UTC$/);
    expect(await page.getByRole('row', { name: /old\.example\.com/ }).textContent()).toContain('Expired');
    await accessible(page, 'the certificates list');
    noTrouble(o);
  });

  it('filters live in the URL: a shared link opens filtered, a change is written back, Back undoes it', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.admin);
    const list = `/projects/${t.project.id}/certificates`;
    await page.goto(`${list}?search=shop`);
    await poll(() => page.locator('tbody td.domain a').allTextContents()).toEqual(['shop.example.com']);
    expect(await page.getByLabel('Search').inputValue()).toBe('shop');

    await page.goto(list);
    await poll(() => page.locator('tbody tr').count()).toBe(4);
    await page.getByLabel('Status').selectOption('Expired');
    await poll(() => page.url()).toContain('status=Expired');
    await poll(() => page.locator('tbody td.domain a').allTextContents()).toEqual(['old.example.com']);
    await page.getByLabel('Expiring within').selectOption('30');
    await poll(() => page.url()).toContain('expiringWithinDays=30');
    await page.getByText('No certificate matches these filters.').waitFor();
    await page.goBack();
    await poll(() => page.locator('tbody td.domain a').allTextContents()).toEqual(['old.example.com']);
    expect(await page.getByLabel('Status').inputValue()).toBe('Expired');

    await page.goto(list);
    await page.getByRole('button', { name: /Expires/ }).click();
    await poll(() => page.url()).toContain('order=desc');
    await poll(async () => (await page.locator('tbody td.domain a').allTextContents())[0]).toBe('hostile.example.com');
    noTrouble(o);
  });

  it('an empty project teaches how to bring certificates in', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.admin);
    await page.goto(`/projects/${emptyProjectId}/certificates`);
    await page.getByRole('heading', { name: 'No certificates in this project yet' }).waitFor();
    expect(await page.locator('.teach').textContent()).toContain(`certkeeper import ./certs`);
    await accessible(page, 'an empty project');
    noTrouble(o);
  });

  it('the certificate page shows a hostile subject as text, never as markup', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.admin);
    await page.goto(`/projects/${t.project.id}/certificates/${ids.hostile}`);
    await page.getByRole('heading', { level: 1, name: 'hostile.example.com' }).waitFor();
    const subject = page.locator('.field', { hasText: 'Subject' }).locator('dd');
    await poll(() => subject.textContent()).toContain('<img src=x onerror=');
    // The API shows the subject as an RFC 4514 string, which escapes < and >: the characters arrive as text.
    expect(await subject.textContent()).toContain('<script\\>window.__xss=2');
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('main script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    await accessible(page, 'the certificate page');
    noTrouble(o);
  });

  it('a viewer sees no action it may not take; an admin sees them, and delete asks first', async () => {
    const viewer = await open();
    await signIn(viewer.page, users.viewer);
    await viewer.page.goto(`/projects/${t.project.id}/certificates/${ids.api}`);
    await viewer.page.getByRole('heading', { level: 1, name: 'api.example.com' }).waitFor();
    await viewer.page.getByRole('heading', { name: 'Versions' }).waitFor();
    const actions = viewer.page.getByRole('group', { name: 'Actions' });
    expect(await actions.getByRole('button').allTextContents()).toEqual([]);
    await accessible(viewer.page, 'the certificate page (viewer)');
    noTrouble(viewer);

    const admin = await open({ colorScheme: 'dark' });
    const { page } = admin;
    await signIn(page, users.admin);
    await page.goto(`/projects/${t.project.id}/certificates/${ids.api}`);
    const adminActions = page.getByRole('group', { name: 'Actions' });
    await poll(() => adminActions.getByRole('button').allTextContents()).toEqual(['Check revocation', 'Change scope', 'Mute alerts', 'Export', 'Delete']);
    await accessible(page, 'the certificate page (admin, dark)');

    await adminActions.getByRole('button', { name: 'Mute alerts' }).click();
    await adminActions.getByRole('button', { name: 'Unmute alerts' }).waitFor();

    await adminActions.getByRole('button', { name: 'Delete' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete this certificate?' });
    await dialog.waitFor();
    await accessible(page, 'the delete confirmation');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${ids.api}`)).statusCode).toBe(200);
    noTrouble(admin);
  });

  it('an admin adds a member by email; the invitation link lets them choose a password and sign in; a viewer has no Members page', async () => {
    const admin = await open();
    const { page } = admin;
    await signIn(page, users.admin);
    // The admin has two projects: open this one's list, then its Members page from the navigation.
    await page.goto(`/projects/${t.project.id}/certificates`);
    await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { level: 1, name: 'Members' }).waitFor();
    await poll(() => page.getByRole('row').count()).toBe(3);
    await accessible(page, 'the members page');
    const add = page.getByRole('form', { name: 'Add a member' });
    await add.getByLabel('Email').fill('newcomer@example.com');
    await add.getByLabel('Role').selectOption('editor');
    await add.getByRole('button', { name: 'Add member' }).click();
    const status = page.getByRole('status');
    await poll(() => status.textContent()).toContain('has no account yet');
    const link = (await status.locator('.mono').textContent())!.replace(/\s*Cop(y|ied)$/, '').trim();
    expect(link).toMatch(new RegExp(`^${base}/invite#`));
    await poll(() => page.getByRole('row', { name: /newcomer@example\.com/ }).textContent()).toContain('invited');
    await accessible(page, 'the members page with an invitation');
    noTrouble(admin);

    const newcomer = await open();
    await newcomer.page.goto(link);
    await newcomer.page.getByRole('heading', { name: 'Join certkeeper' }).waitFor();
    await poll(() => newcomer.page.locator('main').textContent()).toContain('newcomer@example.com');
    await accessible(newcomer.page, 'the invitation page');
    await newcomer.page.getByLabel('Password').fill(PASSWORD);
    await newcomer.page.getByRole('button', { name: 'Create account' }).click();
    await newcomer.page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
    expect(new URL(newcomer.page.url()).hash).toBe('');
    expect(await newcomer.page.getByRole('navigation', { name: 'Project' }).getByRole('link').allTextContents()).toEqual(['Dashboard', 'Certificates', 'Import', 'New certificate', 'Apps', 'Endpoints', 'Deployments', 'Notifications', 'Audit log', 'Settings']);
    noTrouble(newcomer);

    const viewer = await open();
    await signIn(viewer.page, users.viewer);
    expect(await viewer.page.getByRole('navigation', { name: 'Project' }).getByRole('link').allTextContents()).toEqual(['Dashboard', 'Certificates', 'Apps', 'Endpoints', 'Deployments', 'Notifications', 'Audit log', 'Settings']);
  });
});

describe('first-run setup in Chromium, on a real server process with no account yet', { timeout: 90_000 }, () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'certkeeper-console-setup-'));
    [server, browser] = await Promise.all([startServerProcess({ name: 'setup', env: { CERTKEEPER_DATA_DIR: dataDir } }), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('asks for the printed setup code, an email and a password, then signs the first superuser in', async () => {
    // As the server prints it: the announcement, then the code alone on an indented line.
    const code = /with this setup code\n[^\n]*\n\n {2}(\S+)\n/.exec(server.stdout())?.[1];
    expect(code, server.describe()).toBeDefined();
    const o = await openPage(browser, server.url);
    const { page } = o;
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Set up certkeeper' }).waitFor();
    expect(await seriousAccessibilityViolations(page), 'axe-core on the setup page').toEqual([]);

    await page.getByLabel('Setup code').fill('not-the-code');
    await page.getByLabel('Email').fill('first@example.com');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain('setup code');

    await page.getByLabel('Setup code').fill(code!);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { level: 1, name: 'No project yet' }).waitFor();
    expect(await page.getByText('first@example.com').count()).toBeGreaterThan(0);
    expect(await seriousAccessibilityViolations(page), 'axe-core on the first page after setup').toEqual([]);

    // The superuser makes the first organization and project from there.
    await page.getByLabel('Organization name').fill('Acme');
    await page.getByLabel('Project name').fill('web');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
    await page.getByRole('heading', { name: 'No certificates in this project yet' }).waitFor();
    expect(await page.getByLabel('Project').locator('option:checked').textContent()).toBe('web');

    // /setup once set up is the sign-in page (after signing out).
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.goto('/setup');
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(o.cspViolations).toEqual([]);
  });
});
