import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { twoServers } from '../support/two-servers.js';
import { cookieOf, createUser, GOOD_PASSWORD, signIn, withCookie } from '../support/console-session.js';
import { aCertificate } from '../support/test-ca.js';

describe.each(dialects)('console sessions on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp(dialect === 'sqlite' ? {} : { store: await createTestStore('postgres') });
  });
  afterEach(async () => t.close());

  it('signs in with a cookie that is HttpOnly, SameSite=Strict, for the whole site, and not Secure over plain HTTP', async () => {
    await createUser(t, 'Alice@Example.com');
    const res = await t.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email: 'alice@example.COM', password: GOOD_PASSWORD } });
    expect(res.statusCode, res.body).toBe(200);
    const setCookie = res.headers['set-cookie'] as string;
    expect(setCookie).toMatch(/^certkeeper_session=[A-Za-z0-9_-]{43}; Path=\/; Max-Age=604800; HttpOnly; SameSite=Strict$/);
    const body = res.json().result;
    expect(body.user).toEqual({ id: expect.any(String), email: 'alice@example.com', superuser: false });
    expect(body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.expiresAt).toBe('2026-06-01T12:00:00.000Z');
    expect(res.headers['cache-control']).toBe('no-store');

    const me = await withCookie(t, cookieOf(res), body.csrfToken)('GET', '/api/v1/auth/me');
    expect(me.statusCode, me.body).toBe(200);
    expect(me.json().result).toEqual({ user: body.user, csrfToken: body.csrfToken, memberships: [] });
  });

  it('answers an unknown email and a wrong password alike', async () => {
    await createUser(t, 'bob@example.com');
    for (const body of [{ email: 'bob@example.com', password: 'not the password at all' }, { email: 'nobody@example.com', password: GOOD_PASSWORD }]) {
      const res = await t.call('POST', '/api/v1/auth/sign-in', { key: null, body });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'sign_in_failed', errors: ['the email or the password is wrong'] });
      expect(res.headers['set-cookie']).toBeUndefined();
    }
  });

  it('accepts the session on every route, and refuses a change without the CSRF token', async () => {
    const userId = await createUser(t, 'editor@example.com');
    await t.services.store.memberships.insert({ userId, organizationId: t.org.id, projectId: t.project.id, role: 'editor', createdAt: t.clock.now() });
    const s = await signIn(t, 'editor@example.com');
    const projects = await s.call('GET', '/api/v1/projects');
    expect(projects.json().result.map((p: { id: string }) => p.id)).toEqual([t.project.id]);
    const url = `/api/v1/projects/${t.project.id}/certificates/import`;
    const body = { certificateBody: aCertificate({ commonName: 'session.example.com' }).certPem };
    const without = await s.call('POST', url, { body, csrf: false });
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('csrf_token_invalid');
    const wrong = await s.call('POST', url, { body, headers: { 'x-csrf-token': 'x'.repeat(43) } });
    expect(wrong.json().code).toBe('csrf_token_invalid');
    const imported = await s.call('POST', url, { body });
    expect(imported.statusCode, imported.body).toBe(200);
    const events = await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.imported`);
    expect(events.json().result[0].actor).toBe(`user:${userId}`);
  });

  it('a membership grants exactly its role: a viewer reads and is refused changes, other projects are not found', async () => {
    const other = await t.otherTenant(true);
    const viewerId = await createUser(t, 'viewer@example.com');
    const memberships = t.services.store.memberships;
    await memberships.insert({ userId: viewerId, organizationId: t.org.id, projectId: t.project.id, role: 'viewer', createdAt: t.clock.now() });
    const s = await signIn(t, 'viewer@example.com');
    const base = `/api/v1/projects/${t.project.id}`;
    expect((await s.call('GET', `${base}/certificates`)).statusCode).toBe(200);
    const change = await s.call('POST', `${base}/certificates/import`, { body: { certificateBody: aCertificate({ commonName: 'v.example.com' }).certPem } });
    expect(change.statusCode).toBe(403);
    expect(change.json()).toMatchObject({ code: 'forbidden', errors: ['this action needs the editor role; your account has viewer'] });
    const elsewhere = await s.call('GET', `/api/v1/projects/${other.projectId}/certificates`);
    expect(elsewhere.statusCode).toBe(404);
    expect(elsewhere.json().code).toBe('project_not_found');
    expect((await s.call('POST', '/api/v1/projects', { body: { organizationId: t.org.id, name: 'nope' } })).statusCode).toBe(403);
    expect((await s.call('POST', '/api/v1/organizations', { body: { name: 'nope' } })).statusCode).toBe(403);
    expect((await s.call('GET', '/api/v1/users')).statusCode).toBe(403);

    // Organization-wide admin: every project of the organization, and creating projects; memberships are read on each request.
    await memberships.insert({ userId: viewerId, organizationId: t.org.id, projectId: null, role: 'admin', createdAt: t.clock.now() });
    expect((await s.call('GET', `/api/v1/projects/${other.projectId}/certificates`)).statusCode).toBe(200);
    const created = await s.call('POST', '/api/v1/projects', { body: { organizationId: t.org.id, name: 'made by a member' } });
    expect(created.statusCode, created.body).toBe(200);
    const listed = await s.call('GET', '/api/v1/projects?pageSize=10');
    expect(listed.json().resultInfo.totalCount).toBe(3);
    expect((await s.call('GET', '/api/v1/organizations')).json().result.map((o: { id: string }) => o.id)).toEqual([t.org.id]);
    const me = (await s.call('GET', '/api/v1/auth/me')).json().result;
    expect(me.memberships.map((m: { projectId: string | null; role: string }) => [m.projectId, m.role])).toEqual(
      expect.arrayContaining([[null, 'admin'], [t.project.id, 'viewer']]),
    );

    // A disabled organization's memberships do nothing.
    await t.call('PATCH', `/api/v1/organizations/${t.org.id}`, { body: { disabled: true } });
    t.clock.advance(6_000);
    expect((await s.call('GET', `${base}/certificates`)).statusCode).toBe(404);
  });

  it('a superuser account may do what a superuser key may', async () => {
    await createUser(t, 'root@example.com', { superuser: true });
    const s = await signIn(t, 'root@example.com');
    const org = await s.call('POST', '/api/v1/organizations', { body: { name: 'by a superuser account' } });
    expect(org.statusCode, org.body).toBe(200);
    expect((await s.call('GET', '/api/v1/users')).json().resultInfo.totalCount).toBe(1);
    expect((await s.call('GET', `/api/v1/projects/${t.project.id}/api-keys`)).statusCode).toBe(200);
  });

  it('a session ends after the idle time without use, and at the absolute end however much it is used', async () => {
    await createUser(t, 'gina@example.com');
    const idle = await signIn(t, 'gina@example.com');
    t.clock.advance(11 * 3_600_000);
    expect((await idle.call('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    // Used 11 h in: idle again from there.
    t.clock.advance(11 * 3_600_000);
    expect((await idle.call('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    t.clock.advance(12 * 3_600_000 + 1000);
    expect((await idle.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);

    const busy = await signIn(t, 'gina@example.com');
    for (let hour = 10; hour <= 160; hour += 10) {
      t.clock.advance(10 * 3_600_000);
      expect((await busy.call('GET', '/api/v1/auth/me')).statusCode, `hour ${hour}`).toBe(200);
    }
    t.clock.advance(8 * 3_600_000);
    expect((await busy.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
  });

  it('signs out: the session is refused afterwards, and the cookie removed', async () => {
    await createUser(t, 'carol@example.com');
    const s = await signIn(t, 'carol@example.com');
    const refused = await s.call('POST', '/api/v1/auth/sign-out', { csrf: false });
    expect(refused.json().code).toBe('csrf_token_invalid');
    const out = await s.call('POST', '/api/v1/auth/sign-out');
    expect(out.statusCode, out.body).toBe(200);
    expect(out.headers['set-cookie']).toBe('certkeeper_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict');
    const after = await s.call('GET', '/api/v1/auth/me');
    expect(after.statusCode).toBe(401);
    expect(after.json().code).toBe('unauthorized');
  });
});

describe.each(dialects)('console sessions across servers on %s', (dialect) => {
  it('a session made on one server works on the other; signed out on one, it is refused by both at once', async () => {
    const { t, app2, close } = await twoServers(dialect);
    try {
      await createUser(t, 'dave@example.com');
      const s = await signIn(t, 'dave@example.com');
      const me2 = () => app2.inject({ method: 'GET', url: '/api/v1/auth/me', headers: { cookie: s.cookie } });
      expect((await me2()).statusCode).toBe(200);
      const out = await app2.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken } });
      expect(out.statusCode, out.body).toBe(200);
      expect((await s.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
      expect((await me2()).statusCode).toBe(401);
    } finally {
      await close();
    }
  });
});

describe('the session cookie behind a proxy', () => {
  it('is Secure when the request came over HTTPS through a trusted proxy, and not when the proxy is not trusted', async () => {
    for (const [trust, secure] of [['true', true], ['false', false]] as const) {
      const t = await createTestApp({ env: { CERTKEEPER_TRUST_PROXY: trust } });
      try {
        await createUser(t, 'erin@example.com');
        const res = await t.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email: 'erin@example.com', password: GOOD_PASSWORD }, headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' } });
        expect(res.statusCode).toBe(200);
        expect((res.headers['set-cookie'] as string).endsWith('; Secure'), trust).toBe(secure);
        const s = await signIn(t, 'erin@example.com', GOOD_PASSWORD, { 'x-forwarded-for': '203.0.113.7' });
        const sessions = await s.call('GET', '/api/v1/auth/sessions');
        expect(sessions.json().result[0].address).toBe(secure ? '203.0.113.7' : '127.0.0.1');
      } finally {
        await t.close();
      }
    }
  });
});

describe('secrets in the log', () => {
  it('never logs a password, a session token or a CSRF token', async () => {
    const logs: Buffer[] = [];
    const logStream = new Writable({ write: (chunk, _enc, cb) => (logs.push(Buffer.from(chunk)), cb()) });
    const t = await createTestApp({ logStream, logRequests: true });
    try {
      await createUser(t, 'frank@example.com');
      const wrong = await t.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email: 'frank@example.com', password: 'a wrong password 12345' } });
      expect(wrong.statusCode).toBe(401);
      const s = await signIn(t, 'frank@example.com');
      expect((await s.call('GET', '/api/v1/auth/me')).statusCode).toBe(200);
      expect((await s.call('POST', '/api/v1/auth/sign-out')).statusCode).toBe(200);
      const text = Buffer.concat(logs).toString('utf8');
      expect(text).toContain('/api/v1/auth/sign-in');
      for (const secret of [GOOD_PASSWORD, 'a wrong password 12345', s.cookie.split('=')[1], s.csrfToken]) expect(text).not.toContain(secret);
    } finally {
      await t.close();
    }
  });
});
