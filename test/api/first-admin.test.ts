import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { cookieOf, GOOD_PASSWORD, signIn, withCookie } from '../support/console-session.js';

describe.each(dialects)('the first administrator on %s', (dialect) => {
  let t: TestApp | undefined;
  const start = async (env: Record<string, string> = {}) => (t = await createTestApp({ ...(dialect === 'sqlite' ? {} : { store: await createTestStore('postgres') }), env }));
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('without a bootstrap admin: a setup code (only its hash stored) creates the first superuser once, and signs it in', async () => {
    const app = await start();
    expect(app.setupCode).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await app.services.store.settings.get('accounts.setup_code_sha256')).toBe(createHash('sha256').update(app.setupCode!).digest('hex'));
    expect((await app.call('GET', '/api/v1/auth/options', { key: null })).json().result).toEqual({ setupRequired: true, sso: false });

    const setup = (setupCode: string, password = GOOD_PASSWORD) => app.call('POST', '/api/v1/auth/setup', { key: null, body: { setupCode, email: 'Admin@Example.com', password } });
    const wrong = await setup('not-the-code');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('setup_code_invalid');
    const weak = await setup(app.setupCode!, 'password1234');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().code).toBe('password_too_weak');

    const done = await setup(app.setupCode!);
    expect(done.statusCode, done.body).toBe(200);
    const result = done.json().result;
    expect(result.user).toEqual({ id: expect.any(String), email: 'admin@example.com', superuser: true });
    const me = await withCookie(app, cookieOf(done), result.csrfToken)('GET', '/api/v1/auth/me');
    expect(me.json().result.user.superuser).toBe(true);

    expect((await app.call('GET', '/api/v1/auth/options', { key: null })).json().result.setupRequired).toBe(false);
    const again = await setup(app.setupCode!);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('setup_done');
    expect(await app.services.store.settings.get('accounts.setup_code_sha256')).toBeUndefined();
    // A later start makes no code any more.
    expect(await app.services.accounts.ensureFirstAdmin()).toEqual({});
    const events = await app.services.store.events.listUnscoped({ pageIndex: 1, pageSize: 10 });
    expect(events.items.slice(0, 2).map((e) => [e.type, e.actor])).toEqual([['auth.signed_in', `user:${result.user.id}`], ['user.created', 'anonymous']]);
  });

  it('each start while no user exists makes a new code and the earlier one stops working', async () => {
    const app = await start();
    const first = app.setupCode!;
    const { setupCode: second } = await app.services.accounts.ensureFirstAdmin();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const old = await app.call('POST', '/api/v1/auth/setup', { key: null, body: { setupCode: first, email: 'a@example.com', password: GOOD_PASSWORD } });
    expect(old.json().code).toBe('setup_code_invalid');
    const ok = await app.call('POST', '/api/v1/auth/setup', { key: null, body: { setupCode: second, email: 'a@example.com', password: GOOD_PASSWORD } });
    expect(ok.statusCode).toBe(200);
  });

  it('with CERTKEEPER_BOOTSTRAP_ADMIN_*: that superuser exists with exactly these credentials, and there is no setup code', async () => {
    const env = { CERTKEEPER_BOOTSTRAP_ADMIN_EMAIL: 'ops@example.com', CERTKEEPER_BOOTSTRAP_ADMIN_PASSWORD: 'first bootstrap password' };
    const app = await start(env);
    expect(app.setupCode).toBeUndefined();
    expect((await app.call('GET', '/api/v1/auth/options', { key: null })).json().result.setupRequired).toBe(false);
    const s = await signIn(app, 'ops@example.com', 'first bootstrap password');
    expect((await s.call('GET', '/api/v1/auth/me')).json().result.user.superuser).toBe(true);

    // The next start with the same settings changes nothing: the session stays.
    await app.services.accounts.ensureFirstAdmin({ email: 'ops@example.com', password: 'first bootstrap password' });
    expect((await s.call('GET', '/api/v1/auth/me')).statusCode).toBe(200);

    // A start with another password: only the new one works, and sessions made with the old one end.
    await app.services.accounts.ensureFirstAdmin({ email: 'OPS@example.com', password: 'second bootstrap password' });
    expect((await s.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await app.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email: 'ops@example.com', password: 'first bootstrap password' } })).statusCode).toBe(401);
    await signIn(app, 'ops@example.com', 'second bootstrap password');

    // An existing account of that email is made a superuser.
    const plain = await app.call('POST', '/api/v1/users', { body: { email: 'later@example.com', password: GOOD_PASSWORD } });
    expect(plain.json().result.user.superuser).toBe(false);
    await app.services.accounts.ensureFirstAdmin({ email: 'later@example.com', password: GOOD_PASSWORD });
    expect((await app.services.store.users.findByEmail('later@example.com'))?.superuser).toBe(true);

    await expect(app.services.accounts.ensureFirstAdmin({ email: 'weak@example.com', password: 'password1234' })).rejects.toMatchObject({ code: 'config_invalid' });
    await expect(app.services.accounts.ensureFirstAdmin({ email: 'not an email', password: GOOD_PASSWORD })).rejects.toMatchObject({ code: 'config_invalid' });
  });
});

describe('the bootstrap admin settings', () => {
  it('go together', async () => {
    await expect(createTestApp({ env: { CERTKEEPER_BOOTSTRAP_ADMIN_EMAIL: 'ops@example.com' } })).rejects.toMatchObject({ code: 'config_invalid' });
  });
});
