/**
 * Single sign-on in Chromium, as a person does it: the sign-in page offers "Sign in with SSO",
 * the browser goes to a real OpenID provider (node-oidc-provider on loopback), the person signs
 * in there, and lands back in the console signed in, on the page they started from. A failure
 * comes back as words on the sign-in page. axe-core checks the sign-in page with SSO shown.
 */
import { createServer, type AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, seriousAccessibilityViolations, type OpenPage } from '../support/browser.js';
import { createUser } from '../support/console-session.js';
import { FakeClock } from '../support/fake-clock.js';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });

/** A port free at this moment, for a server whose own address must be in its settings before it starts. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('single sign-on in Chromium', { timeout: 90_000 }, () => {
  let idp: TestOidcProvider;
  let t: TestApp;
  let base: string;
  let browser: Browser;
  const opened: OpenPage[] = [];

  beforeAll(async () => {
    idp = await startOidcProvider();
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const redirect = `${base}/api/v1/auth/oidc/callback`;
    idp.setRedirectUris([redirect]);
    // The provider's tokens carry the real time: so does the server's clock.
    t = await createTestApp({
      clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)),
      env: {
        CERTKEEPER_OIDC_ISSUER: idp.issuer,
        CERTKEEPER_OIDC_CLIENT_ID: idp.clientId,
        CERTKEEPER_OIDC_CLIENT_SECRET: idp.clientSecret,
        CERTKEEPER_OIDC_REDIRECT_URL: redirect,
        CERTKEEPER_OIDC_SCOPES: 'openid email profile groups',
        CERTKEEPER_OIDC_ROLES_CLAIM: 'groups',
      },
    });
    await t.app.listen({ host: '127.0.0.1', port });
    await createUser(t, 'root@example.com', { superuser: true });
    idp.accounts.set('carol', { email: 'carol@example.com', email_verified: true, groups: [`certkeeper:${t.org.id}/${t.project.id}:viewer`] });
    idp.accounts.set('dave', { email: 'dave@example.com', email_verified: false });
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const o of opened) await o.context.close().catch(() => undefined);
    await browser?.close();
    await t?.close();
    await idp?.close();
  });

  const open = async (options: { colorScheme?: 'light' | 'dark' } = {}) => {
    const o = await openPage(browser, base, options);
    opened.push(o);
    return o;
  };
  const noTrouble = (o: OpenPage) => {
    expect(o.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    expect(o.errors.filter((e) => !/401|Failed to load resource/.test(e)), 'page errors').toEqual([]);
  };

  it('offers SSO on an accessible sign-in page, signs in at the provider and lands signed in where the person started', async () => {
    const o = await open();
    const { page } = o;
    const start = `/projects/${t.project.id}/certificates`;
    await page.goto(start);
    const sso = page.getByRole('link', { name: 'Sign in with SSO' });
    await sso.waitFor();
    expect(await sso.getAttribute('href')).toBe(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(start)}`);
    expect(await seriousAccessibilityViolations(page), 'axe-core on the sign-in page with SSO').toEqual([]);
    await page.screenshot({ path: '/tmp/certkeeper-sso-sign-in.png' });

    await sso.click();
    // At the provider: its own sign-in form.
    await page.getByLabel('Username').waitFor();
    expect(new URL(page.url()).origin).toBe(idp.issuer);
    await page.getByLabel('Username').fill('carol');
    await page.getByRole('button', { name: 'Continue' }).click();

    // Back in the console, signed in, on the page the sign-in started from.
    await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor({ timeout: 15_000 });
    expect(new URL(page.url()).pathname).toBe(start);
    await poll(() => page.getByRole('button', { name: 'Sign out' }).count()).toBe(1);
    const cookies = await o.context.cookies(base);
    expect(cookies.find((c) => c.name === 'certkeeper_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(cookies.find((c) => c.name === 'certkeeper_sso')).toBeUndefined();
    // A viewer by the provider's groups: no actions that need more.
    expect(await page.getByRole('button', { name: /Import/ }).count()).toBe(0);
    const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
    expect(me.result.user.email).toBe('carol@example.com');
    expect(me.result.memberships).toEqual([expect.objectContaining({ projectId: t.project.id, role: 'viewer' })]);
    await page.screenshot({ path: '/tmp/certkeeper-sso-signed-in.png' });
    noTrouble(o);
  });

  it('a refused sign-in comes back to the sign-in page in words, in the dark theme too', async () => {
    const o = await open({ colorScheme: 'dark' });
    const { page } = o;
    await page.goto('/');
    await page.getByRole('link', { name: 'Sign in with SSO' }).click();
    await page.getByLabel('Username').fill('dave');
    await page.getByRole('button', { name: 'Continue' }).click();
    const alert = page.getByRole('alert');
    await poll(() => alert.textContent()).toContain('does not say your email address is verified');
    // The failure is said once: the address no longer carries it.
    await poll(() => new URL(page.url()).search).toBe('');
    expect(await page.getByRole('link', { name: 'Sign in with SSO' }).getAttribute('href')).toBe('/api/v1/auth/oidc/start');
    expect(await seriousAccessibilityViolations(page), 'axe-core on the sign-in page with an SSO failure').toEqual([]);
    await page.screenshot({ path: '/tmp/certkeeper-sso-failed-dark.png' });
    noTrouble(o);
  });
});
