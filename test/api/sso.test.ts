/**
 * Single sign-on with OpenID Connect against a real provider (node-oidc-provider on loopback):
 * the whole code flow over HTTP, the account and memberships it makes, and the refusals.
 * certkeeper is called in-process; the provider over HTTP, by the test (as a browser would,
 * following redirects by hand with a cookie jar) and by certkeeper (discovery, token, userinfo).
 */
import { createHash, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../src/services/sso-service.js';
import { FakeClock } from '../support/fake-clock.js';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc-provider.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { cookieOf, createUser, GOOD_PASSWORD, withCookie } from '../support/console-session.js';
import { twoServers } from '../support/two-servers.js';

const REDIRECT = 'http://127.0.0.1:1/api/v1/auth/oidc/callback';

/** A browser's cookies for the provider's origin: name → value. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

/** Follows the provider's redirects from its authorization URL until it sends the browser to the callback; returns that URL. */
async function throughProvider(authorizationUrl: string, jar = new Jar()): Promise<URL> {
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(REDIRECT)) return new URL(url);
    const res = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(res);
    const location = res.headers.get('location');
    if (!location) throw new Error(`the provider answered ${res.status} at ${url}: ${(await res.text()).slice(0, 500)}`);
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}

describe.each(dialects)('single sign-on with OpenID Connect on %s', { timeout: 90_000 }, (dialect) => {
  let idp: TestOidcProvider;
  let t: TestApp;
  let otherProject: { orgId: string; projectId: string };

  beforeAll(async () => {
    idp = await startOidcProvider({ redirectUris: [REDIRECT] });
  });
  afterAll(async () => idp?.close());

  const env = (more: Record<string, string> = {}) => ({
    CERTKEEPER_OIDC_ISSUER: idp.issuer,
    CERTKEEPER_OIDC_CLIENT_ID: idp.clientId,
    CERTKEEPER_OIDC_CLIENT_SECRET: idp.clientSecret,
    CERTKEEPER_OIDC_REDIRECT_URL: REDIRECT,
    CERTKEEPER_OIDC_SCOPES: 'openid email profile groups',
    CERTKEEPER_OIDC_ROLES_CLAIM: 'groups',
    ...more,
  });

  beforeEach(async () => {
    // The provider stamps its tokens with the real time: the server's clock starts there too.
    t = await createTestApp({ dialect, clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)), env: env() });
    otherProject = await t.otherTenant(true);
    idp.accounts.clear();
    // The first administrator exists (SSO makes no account before it: tested below).
    await createUser(t, 'root@example.com', { superuser: true });
    idp.autoLogin = 'alice-sub';
  });
  afterEach(async () => t?.close());

  const start = async (query = '') => {
    const res = await t.call('GET', `/api/v1/auth/oidc/start${query}`, { key: null });
    expect(res.statusCode, res.body).toBe(302);
    return { location: res.headers.location as string, cookie: cookieOf(res), setCookie: res.headers['set-cookie'] as string };
  };
  const callback = (url: URL, cookie?: string): Promise<LightMyRequestResponse> =>
    t.call('GET', `/api/v1/auth/oidc/callback${url.search}`, { key: null, headers: cookie ? { cookie } : {} });
  /** A whole sign-in; the callback's answer. */
  const signInWithSso = async (query = '') => {
    const s = await start(query);
    return callback(await throughProvider(s.location), s.cookie);
  };
  const sessionOf = async (res: LightMyRequestResponse) => {
    const cookie = cookieOf(res);
    const me = await t.call('GET', '/api/v1/auth/me', { key: null, headers: { cookie } });
    expect(me.statusCode, me.body).toBe(200);
    return { cookie, me: me.json().result };
  };
  const failures = async () => (await t.call('GET', '/api/v1/events?type=auth.sign_in_failed')).json().result.map((e: { data: Record<string, unknown> }) => e.data);

  it('says SSO is offered, and sends the browser to the provider with state, nonce and PKCE (S256)', async () => {
    expect((await t.call('GET', '/api/v1/auth/options', { key: null })).json().result).toEqual({ setupRequired: false, sso: true });
    const s = await start();
    const url = new URL(s.location);
    expect(url.origin).toBe(idp.issuer);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      client_id: idp.clientId,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid email profile groups',
      code_challenge_method: 'S256',
      state: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      code_challenge: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });
    expect(s.setCookie).toMatch(/^certkeeper_sso=[A-Za-z0-9_-]{43}; Path=\/api\/v1\/auth\/oidc; Max-Age=600; HttpOnly; SameSite=Lax$/);
    // The sign-in is stored under the SHA-256 of the browser's token, never the token itself.
    const cookieToken = s.cookie.split('=')[1];
    expect((await t.services.store.oidcLogins.take(cookieToken, t.clock.now())).kind).toBe('unknown');
    expect((await t.services.store.oidcLogins.take(createHash('sha256').update(cookieToken).digest('hex'), t.clock.now())).kind).toBe('taken');
  });

  it('the full code flow makes the account and a session as password sign-in does, with memberships from the groups claim', async () => {
    idp.accounts.set('alice-sub', {
      email: 'Alice@Example.com',
      email_verified: true,
      groups: ['staff', `certkeeper:${t.org.id}/${t.project.id}:editor`, `certkeeper:${otherProject.orgId}/${otherProject.projectId}:viewer`],
    });
    const res = await signInWithSso(`?returnTo=${encodeURIComponent(`/projects/${t.project.id}/certificates?status=expired`)}`);
    expect(res.statusCode, res.body).toBe(302);
    expect(res.headers.location).toBe(`/projects/${t.project.id}/certificates?status=expired`);
    const setCookie = res.headers['set-cookie'] as string[];
    expect(setCookie[0]).toMatch(/^certkeeper_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=604800; HttpOnly; SameSite=Strict$/);
    expect(setCookie[1]).toMatch(/^certkeeper_sso=; Path=\/api\/v1\/auth\/oidc; Max-Age=0/);
    const { cookie, me } = await sessionOf(res);
    expect(me.user).toEqual({ id: expect.any(String), email: 'alice@example.com', superuser: false });
    expect(me.memberships.map((m: { projectId: string; role: string }) => [m.projectId, m.role]).sort()).toEqual([[otherProject.projectId, 'viewer'], [t.project.id, 'editor']].sort());
    // The session works on the API like a password one: an editor imports, with the CSRF token.
    const call = withCookie(t, cookie, me.csrfToken);
    expect((await call('GET', `/api/v1/projects/${t.project.id}/certificates`)).statusCode).toBe(200);
    // The account has no password; the sign-in is audited with its method.
    const pw = await t.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email: 'alice@example.com', password: GOOD_PASSWORD } });
    expect(pw.statusCode).toBe(401);
    const signedIn = (await t.call('GET', '/api/v1/events?type=auth.signed_in')).json().result;
    expect(signedIn[0]).toMatchObject({ actor: `user:${me.user.id}`, data: { method: 'sso', issuer: idp.issuer } });
    const created = (await t.call('GET', '/api/v1/events?type=user.created')).json().result;
    expect(created[0].data).toMatchObject({ email: 'alice@example.com', sso: true });
  });

  it('a second sign-in brings the SSO memberships up to date and keeps the ones given by hand', async () => {
    const third = await t.otherTenant(true);
    idp.accounts.set('alice-sub', { email: 'alice@example.com', email_verified: true, groups: [`certkeeper:${t.org.id}/${t.project.id}:editor`, `certkeeper:${otherProject.orgId}/${otherProject.projectId}:viewer`] });
    const first = await sessionOf(await signInWithSso());
    const userId = first.me.user.id;
    // An admin gives a role by hand in a third project, and takes over the one in the other project.
    await t.services.store.memberships.insert({ userId, organizationId: third.orgId, projectId: third.projectId, role: 'admin', createdAt: t.clock.now() });
    const patched = await t.call('PATCH', `/api/v1/projects/${otherProject.projectId}/members/${userId}`, { body: { role: 'editor' } });
    expect(patched.statusCode, patched.body).toBe(200);

    // The provider now says: admin of the first project, nothing about the others, and an organization-wide viewer role by a mapped group.
    idp.accounts.set('alice-sub', { email: 'alice@example.com', email_verified: true, groups: [`certkeeper:${t.org.id}/${t.project.id}:admin`, `certkeeper:${t.org.id}:viewer`] });
    const second = await sessionOf(await signInWithSso());
    expect(second.me.user.id).toBe(userId);
    const roles = Object.fromEntries(second.me.memberships.map((m: { projectId: string | null; role: string }) => [m.projectId ?? 'organization', m.role]));
    expect(roles).toEqual({ [t.project.id]: 'admin', organization: 'viewer', [otherProject.projectId]: 'editor', [third.projectId]: 'admin' });
    const sources = (await t.services.store.memberships.listForUser(userId)).map((m) => [m.projectId ?? 'organization', m.source]);
    expect(Object.fromEntries(sources)).toEqual({ [t.project.id]: 'sso', organization: 'sso', [otherProject.projectId]: 'manual', [third.projectId]: 'manual' });

    // Nothing granted any more: the SSO roles go, the ones given by hand stay.
    idp.accounts.set('alice-sub', { email: 'alice@example.com', email_verified: true, groups: [] });
    const third3 = await sessionOf(await signInWithSso());
    expect(third3.me.memberships.map((m: { projectId: string }) => m.projectId).sort()).toEqual([otherProject.projectId, third.projectId].sort());
    const updates = (await t.call('GET', '/api/v1/events?type=user.sso_memberships_updated')).json().result;
    expect(updates[0].data.removed.sort()).toEqual([`${t.org.id}/:viewer`, `${t.org.id}/${t.project.id}:admin`].sort());
  });

  it('maps groups through CERTKEEPER_OIDC_ROLE_MAP and gives every SSO user the default role, ignoring scopes that do not exist', async () => {
    await t.close();
    // The settings name an organization and a project: made in the store before the server starts.
    const store = await createTestStore(dialect);
    const orgId = randomUUID();
    const projectId = randomUUID();
    const missing = randomUUID();
    await store.organizations.insert({ id: orgId, name: 'sso-org', createdAt: new Date() });
    await store.projects.insert({ id: projectId, organizationId: orgId, name: 'sso-project', createdAt: new Date() });
    const roleMap = { 'cert-admins': { organizationId: orgId, projectId, role: 'admin' }, 'ghosts': [{ organizationId: missing, role: 'admin' }] };
    t = await createTestApp({
      store,
      clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)),
      env: env({ CERTKEEPER_OIDC_ROLE_MAP: JSON.stringify(roleMap), CERTKEEPER_OIDC_DEFAULT_ROLE: 'viewer', CERTKEEPER_OIDC_DEFAULT_ORGANIZATION: orgId }),
    });
    await createUser(t, 'root@example.com', { superuser: true });
    idp.accounts.set('alice-sub', { email: 'alice@example.com', email_verified: true, groups: ['cert-admins', 'ghosts', `certkeeper:${missing}:editor`, 'certkeeper:not-an-id:admin'] });
    const { me } = await sessionOf(await signInWithSso());
    const roles = Object.fromEntries(me.memberships.map((m: { projectId: string | null; role: string }) => [m.projectId ?? 'organization', m.role]));
    expect(roles).toEqual({ organization: 'viewer', [projectId]: 'admin' });
    const update = (await t.call('GET', '/api/v1/events?type=user.sso_memberships_updated')).json().result[0].data;
    expect(update.ignored).toEqual([`${missing}/`]);
  });

  it('links a verified email to the existing account, and refuses an unverified one', async () => {
    const bobId = await createUser(t, 'bob@example.com');
    idp.autoLogin = 'bob-sub';
    idp.accounts.set('bob-sub', { email: 'bob@example.com', email_verified: false });
    const refused = await signInWithSso();
    expect(refused.statusCode).toBe(302);
    expect(refused.headers.location).toBe('/?sso_error=email_unverified');
    expect(refused.headers['set-cookie']).toMatch(/^certkeeper_sso=; /);

    idp.accounts.set('bob-sub', { email: 'BOB@example.com', email_verified: true });
    const { me } = await sessionOf(await signInWithSso());
    expect(me.user.id).toBe(bobId);
    // Linked: the provider may change the email now, the identity still finds Bob.
    idp.accounts.set('bob-sub', { email: 'robert@example.org', email_verified: false });
    expect((await sessionOf(await signInWithSso())).me.user.id).toBe(bobId);
    // And the password still works for him.
    expect((await t.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email: 'bob@example.com', password: GOOD_PASSWORD } })).statusCode).toBe(200);
  });

  it('refuses a state that is not the one sent, a replayed callback, a callback without the browser\'s cookie, and says so on the sign-in page', async () => {
    idp.accounts.set('alice-sub', { email: 'alice@example.com', email_verified: true });
    // State mismatch: the provider's answer, with another state.
    const s1 = await start();
    const back = await throughProvider(s1.location);
    const forged = new URL(back);
    forged.searchParams.set('state', 'x'.repeat(43));
    const mismatch = await callback(forged, s1.cookie);
    expect(mismatch.statusCode).toBe(302);
    expect(mismatch.headers.location).toBe('/?sso_error=state_mismatch');
    expect((mismatch.headers['set-cookie'] as string).startsWith('certkeeper_session=')).toBe(false);

    // Replay: a callback that worked, sent again.
    const s2 = await start();
    const good = await throughProvider(s2.location);
    const ok = await callback(good, s2.cookie);
    expect(ok.headers.location).toBe('/');
    const replay = await callback(good, s2.cookie);
    expect(replay.headers.location).toBe('/?sso_error=replayed');
    // The same code in another browser (no cookie) is refused too.
    const s3 = await start();
    const noCookie = await callback(await throughProvider(s3.location));
    expect(noCookie.headers.location).toBe('/?sso_error=login_not_found');

    // Too slow: the sign-in ends after 10 minutes.
    const s4 = await start();
    const late = await throughProvider(s4.location);
    t.clock.advance(10 * 60_000 + 1);
    expect((await callback(late, s4.cookie)).headers.location).toBe('/?sso_error=login_expired');

    const reasons = (await failures()).map((d: { method: string; reason: string }) => `${d.method}:${d.reason}`);
    expect(reasons).toEqual(['sso:login_expired', 'sso:login_not_found', 'sso:replayed', 'sso:state_mismatch']);
  });

  it('turns the provider\'s refusal, a missing email and an unreachable provider into words for the sign-in page, never a 5xx', async () => {
    // The provider says no (the person cancelled): it sends error=access_denied with the state.
    const s1 = await start();
    const state = new URL(s1.location).searchParams.get('state')!;
    const denied = await callback(new URL(`${REDIRECT}?error=access_denied&state=${state}`), s1.cookie);
    expect(denied.headers.location).toBe('/?sso_error=access_denied');

    idp.accounts.set('alice-sub', { name: 'Alice' });
    expect((await signInWithSso()).headers.location).toBe('/?sso_error=email_missing');

    // A code the provider never gave.
    const s2 = await start();
    const st2 = new URL(s2.location).searchParams.get('state')!;
    const bogus = await callback(new URL(`${REDIRECT}?code=not-a-code&state=${st2}&iss=${encodeURIComponent(idp.issuer)}`), s2.cookie);
    expect(bogus.headers.location).toBe('/?sso_error=token_invalid');

    // A provider that is down.
    const down = await createTestApp({ dialect, env: env({ CERTKEEPER_OIDC_ISSUER: 'http://127.0.0.1:1' }) });
    try {
      const res = await down.call('GET', '/api/v1/auth/oidc/start', { key: null });
      expect(res.statusCode).toBe(302);
      expect(res.headers.location).toBe('/?sso_error=provider_unreachable');
    } finally {
      await down.close();
    }
  });

  it('answers hostile callbacks and starts with a redirect or a precise 400, never a 5xx', async () => {
    const s = await start();
    const state = new URL(s.location).searchParams.get('state')!;
    const queries = [
      '',
      '?code=',
      `?state=${state}`,
      `?state=${state}&state=${state}&code=a&code=b`,
      `?code=${'a'.repeat(5000)}&state=${state}`,
      `?code=%00%ff&state=${state}`,
      `?code=x&state=${encodeURIComponent('<script>')}`,
      `?error=${encodeURIComponent('"><img src=x>')}&state=${state}`,
      `?error=server_error&error_description=${encodeURIComponent('line\nbreak')}&state=${state}`,
      `?code=x&state=${state}&iss=${encodeURIComponent('https://evil.example')}`,
      '?__proto__[x]=1&constructor=1',
    ];
    for (const q of queries) {
      for (const cookie of [s.cookie, 'certkeeper_sso=' + 'A'.repeat(43), 'certkeeper_sso=../../etc', undefined]) {
        const res = await t.call('GET', `/api/v1/auth/oidc/callback${q}`, { key: null, headers: cookie ? { cookie } : {} });
        expect([302, 400], `${q} ${cookie} → ${res.statusCode} ${res.body}`).toContain(res.statusCode);
        if (res.statusCode === 302) expect(res.headers.location).toMatch(/^\/\?sso_error=[a-z_]+$/);
        else expect(res.json().code).toBe('validation_failed');
      }
    }
    for (const q of ['?returnTo=https://evil.example/', '?returnTo=//evil.example', `?returnTo=${'/a'.repeat(1500)}`, '?returnTo=%00']) {
      const res = await t.call('GET', `/api/v1/auth/oidc/start${q}`, { key: null });
      expect([302, 400], `${q} → ${res.statusCode}`).toContain(res.statusCode);
      if (res.statusCode === 302) expect(new URL(res.headers.location as string).origin).toBe(idp.issuer);
    }
  });

  it('the sessions job deletes sign-ins that never came back, an hour after their end', async () => {
    idp.accounts.set('alice-sub', { email: 'alice@example.com', email_verified: true });
    const s = await start();
    const back = await throughProvider(s.location);
    t.clock.advance(10 * 60_000 + 30 * 60_000);
    await t.services.sessions.purge();
    expect((await callback(back, s.cookie)).headers.location).toBe('/?sso_error=login_expired');
    const s2 = await start();
    const back2 = await throughProvider(s2.location);
    t.clock.advance(10 * 60_000 + 60 * 60_000 + 1);
    await t.services.sessions.purge();
    expect((await callback(back2, s2.cookie)).headers.location).toBe('/?sso_error=login_not_found');
  });

  it('makes no account before the first administrator exists, so that the setup code keeps working', async () => {
    await t.close();
    t = await createTestApp({ dialect, clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)), env: env() });
    idp.accounts.set('alice-sub', { email: 'alice@example.com', email_verified: true });
    expect((await signInWithSso()).headers.location).toBe('/?sso_error=setup_required');
    expect((await t.call('GET', '/api/v1/auth/options', { key: null })).json().result.setupRequired).toBe(true);
  });

  it('does not make accounts when told not to', async () => {
    await t.close();
    t = await createTestApp({ dialect, clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)), env: env({ CERTKEEPER_OIDC_CREATE_USERS: 'false' }) });
    await createUser(t, 'root@example.com', { superuser: true });
    idp.accounts.set('alice-sub', { email: 'alice@example.com', email_verified: true });
    expect((await signInWithSso()).headers.location).toBe('/?sso_error=account_not_found');
    await createUser(t, 'alice@example.com');
    expect((await signInWithSso()).headers.location).toBe('/');
  });
});

// Servers share a database only on PostgreSQL.
describe('single sign-on across two servers on one PostgreSQL', { timeout: 90_000 }, () => {
  it('a sign-in started on one server finishes on the other, and its replay is refused by the first', async () => {
    const idp = await startOidcProvider({ redirectUris: [REDIRECT] });
    const env = {
      CERTKEEPER_OIDC_ISSUER: idp.issuer,
      CERTKEEPER_OIDC_CLIENT_ID: idp.clientId,
      CERTKEEPER_OIDC_CLIENT_SECRET: idp.clientSecret,
      CERTKEEPER_OIDC_REDIRECT_URL: REDIRECT,
    };
    const { t, app2, close } = await twoServers('postgres', env, { clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)) });
    try {
      await createUser(t, 'root@example.com', { superuser: true });
      idp.autoLogin = 'erin';
      idp.accounts.set('erin', { email: 'erin@example.com', email_verified: true });
      const started = await t.call('GET', '/api/v1/auth/oidc/start', { key: null });
      const cookie = cookieOf(started);
      const back = await throughProvider(started.headers.location as string);
      const finished = await app2.inject({ method: 'GET', url: `/api/v1/auth/oidc/callback${back.search}`, headers: { cookie } });
      expect(finished.statusCode, finished.body).toBe(302);
      expect(finished.headers.location).toBe('/');
      const me = await t.call('GET', '/api/v1/auth/me', { key: null, headers: { cookie: cookieOf(finished) } });
      expect(me.json().result.user.email).toBe('erin@example.com');
      const replay = await t.call('GET', `/api/v1/auth/oidc/callback${back.search}`, { key: null, headers: { cookie } });
      expect(replay.headers.location).toBe('/?sso_error=replayed');
    } finally {
      await close();
      await idp.close();
    }
  });
});

describe('without single sign-on', () => {
  it('offers none, and its routes answer sso_not_configured', async () => {
    const t = await createTestApp();
    try {
      expect((await t.call('GET', '/api/v1/auth/options', { key: null })).json().result.sso).toBe(false);
      for (const path of ['/api/v1/auth/oidc/start', '/api/v1/auth/oidc/callback?code=x&state=y']) {
        const res = await t.call('GET', path, { key: null });
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('sso_not_configured');
      }
    } finally {
      await t.close();
    }
  });
});

describe('the return path after sign-in', () => {
  it('keeps paths of this site and turns anything else into /', () => {
    expect(safeReturnPath('/projects/1/certificates?status=expired#x')).toBe('/projects/1/certificates?status=expired#x');
    for (const bad of ['https://evil.example/', '//evil.example/', '/\\evil.example', '\\\\evil', 'javascript:alert(1)', '/api/v1/users', '/\n/evil', '', undefined, '/'.padEnd(600, 'a')]) {
      expect(safeReturnPath(bad as string | undefined), String(bad)).toBe('/');
    }
  });
});
