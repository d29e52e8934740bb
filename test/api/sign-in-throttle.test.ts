import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../src/domain/audit-event.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { createUser, GOOD_PASSWORD, signIn } from '../support/console-session.js';
import { twoServers } from '../support/two-servers.js';

const WRONG = 'this is not the password';

describe.each(dialects)('failed sign-ins on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ ...(dialect === 'sqlite' ? {} : { store: await createTestStore('postgres') }), env: { CERTKEEPER_TRUST_PROXY: 'true' } });
  });
  afterEach(async () => t.close());

  const attempt = (email: string, password: string, address = '198.51.100.1') =>
    t.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email, password }, headers: { 'x-forwarded-for': address } });
  const events = async (type: string): Promise<AuditEvent[]> => {
    const res = await t.call('GET', `/api/v1/events?type=${type}&pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result;
  };

  it('lock an account after 5 failures, for a minute, then twice as long after each further failure; a success clears the count', async () => {
    const userId = await createUser(t, 'target@example.com');
    for (let i = 1; i <= 5; i++) expect((await attempt('target@example.com', WRONG)).statusCode, `attempt ${i}`).toBe(401);
    const locked = await attempt('target@example.com', GOOD_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('sign_in_locked');
    expect(locked.headers['retry-after']).toBe('60');
    t.clock.advance(30_000);
    expect((await attempt('target@example.com', GOOD_PASSWORD)).headers['retry-after']).toBe('30');

    t.clock.advance(30_000);
    expect((await attempt('target@example.com', WRONG)).statusCode).toBe(401);
    expect((await attempt('target@example.com', GOOD_PASSWORD)).headers['retry-after']).toBe('120');
    t.clock.advance(120_000);
    expect((await attempt('target@example.com', GOOD_PASSWORD)).statusCode).toBe(200);
    // Cleared: four failures again before a lock.
    for (let i = 1; i <= 4; i++) expect((await attempt('target@example.com', WRONG)).statusCode).toBe(401);
    expect((await attempt('target@example.com', GOOD_PASSWORD)).statusCode).toBe(200);

    const locks = await events('auth.locked');
    expect(locks.map((e) => [e.objectType, e.objectId, e.data.scope, e.data.failures, e.data.until])).toEqual([
      ['user', userId, 'account', 6, '2026-06-01T00:03:00.000Z'],
      ['user', userId, 'account', 5, '2026-06-01T00:01:00.000Z'],
    ]);
    const failures = await events('auth.sign_in_failed');
    expect(failures).toHaveLength(10);
    expect(failures[0]).toMatchObject({ actor: 'anonymous', objectType: 'user', objectId: userId, data: { address: '198.51.100.1', knownAccount: true } });
    expect((await events('auth.signed_in')).map((e) => e.actor)).toEqual([`user:${userId}`, `user:${userId}`]);
  });

  it('locks an unknown email as it locks an account, and records no email that has no account', async () => {
    for (let i = 1; i <= 5; i++) expect((await attempt('Ghost@example.com', WRONG)).statusCode).toBe(401);
    expect((await attempt('ghost@example.com', WRONG)).statusCode).toBe(429);
    const failures = await events('auth.sign_in_failed');
    expect(failures[0]).toMatchObject({ objectId: 'unknown', data: { knownAccount: false } });
    expect(JSON.stringify(failures)).not.toContain('ghost');
  });

  it('locks an address after 20 failures whatever the accounts; its own success does not reset that count; other addresses go on', async () => {
    await createUser(t, 'mine@example.com');
    await createUser(t, 'victim@example.com');
    for (let i = 1; i <= 19; i++) expect((await attempt(`guess${i % 4}@example.com`, WRONG, '203.0.113.9')).statusCode).toBe(401);
    expect((await attempt('mine@example.com', GOOD_PASSWORD, '203.0.113.9')).statusCode).toBe(200);
    expect((await attempt('victim@example.com', WRONG, '203.0.113.9')).statusCode).toBe(401);
    const refused = await attempt('victim@example.com', GOOD_PASSWORD, '203.0.113.9');
    expect(refused.statusCode).toBe(429);
    expect((await attempt('victim@example.com', GOOD_PASSWORD, '203.0.113.10')).statusCode).toBe(200);
    const lock = (await events('auth.locked')).find((e) => e.data.scope === 'address');
    expect(lock).toMatchObject({ objectType: 'address', objectId: '203.0.113.9', data: { failures: 20 } });
  });

  it('checks at most the threshold of a burst of attempts at once; the rest wait for the lock', async () => {
    await createUser(t, 'burst@example.com');
    const answers = await Promise.all(Array.from({ length: 12 }, () => attempt('burst@example.com', WRONG)));
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s !== 401).every((s) => s === 429)).toBe(true);
    expect((await attempt('burst@example.com', GOOD_PASSWORD)).statusCode).toBe(429);
  });

  it('lists and revokes one\'s own sessions; another user\'s session is not found', async () => {
    const aliceId = await createUser(t, 'alice@example.com');
    await createUser(t, 'bob@example.com');
    const laptop = await signIn(t, 'alice@example.com', GOOD_PASSWORD, { 'user-agent': 'laptop', 'x-forwarded-for': '192.0.2.1' });
    t.clock.advance(1000);
    const phone = await signIn(t, 'alice@example.com', GOOD_PASSWORD, { 'user-agent': 'phone', 'x-forwarded-for': '192.0.2.2' });
    const bob = await signIn(t, 'bob@example.com');
    const list = (await laptop.call('GET', '/api/v1/auth/sessions')).json().result;
    expect(list.map((s: { userAgent: string; address: string; current: boolean }) => [s.userAgent, s.address, s.current])).toEqual([
      ['phone', '192.0.2.2', false],
      ['laptop', '192.0.2.1', true],
    ]);
    expect(list[0]).toMatchObject({ createdAt: '2026-06-01T00:00:01.000Z', expiresAt: '2026-06-01T12:00:01.000Z' });
    const bobsId = (await bob.call('GET', '/api/v1/auth/sessions')).json().result[0].id;
    const notMine = await laptop.call('DELETE', `/api/v1/auth/sessions/${bobsId}`);
    expect(notMine.statusCode).toBe(404);
    expect(notMine.json().code).toBe('session_not_found');
    expect((await laptop.call('DELETE', `/api/v1/auth/sessions/${list[0].id}`, { csrf: false })).json().code).toBe('csrf_token_invalid');
    const revoked = await laptop.call('DELETE', `/api/v1/auth/sessions/${list[0].id}`);
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.headers['set-cookie']).toBeUndefined();
    expect((await phone.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const own = await laptop.call('DELETE', `/api/v1/auth/sessions/${list[1].id}`);
    expect(own.headers['set-cookie']).toMatch(/^certkeeper_session=; /);
    expect((await laptop.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await bob.call('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await events('auth.session_revoked')).map((e) => [e.actor, e.objectId])).toEqual([
      [`user:${aliceId}`, list[1].id],
      [`user:${aliceId}`, list[0].id],
    ]);
    // An API key has no sessions.
    expect((await t.call('GET', '/api/v1/auth/sessions')).json().code).toBe('forbidden');
  });

  it('changes one\'s own password: the current one is checked, the other sessions end', async () => {
    await createUser(t, 'hal@example.com');
    const here = await signIn(t, 'hal@example.com');
    const there = await signIn(t, 'hal@example.com');
    const change = (currentPassword: string, newPassword: string) => here.call('POST', '/api/v1/auth/password', { body: { currentPassword, newPassword } });
    expect((await change(WRONG, 'a new password for hal')).json().code).toBe('sign_in_failed');
    expect((await change(GOOD_PASSWORD, 'password1234')).json().code).toBe('password_too_weak');
    const ok = await change(GOOD_PASSWORD, 'a new password for hal');
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await here.call('GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await there.call('GET', '/api/v1/auth/me')).statusCode).toBe(401);
    expect((await attempt('hal@example.com', GOOD_PASSWORD)).statusCode).toBe(401);
    expect((await attempt('hal@example.com', 'a new password for hal')).statusCode).toBe(200);
  });

  it('purges ended sessions and stale counts; the deployment\'s events are for superusers', async () => {
    await createUser(t, 'ivy@example.com');
    await signIn(t, 'ivy@example.com');
    await attempt('ivy@example.com', WRONG);
    expect(await t.services.sessions.purge()).toEqual({ sessions: 0, throttles: 0 });
    t.clock.advance(24 * 3_600_000 + 1);
    // The account's count, and the two addresses' (the sign-in's own attempt was taken back, leaving a count of 0).
    expect(await t.services.sessions.purge()).toEqual({ sessions: 1, throttles: 3 });
    const s = await signIn(t, 'ivy@example.com');
    expect((await s.call('GET', '/api/v1/events')).statusCode).toBe(403);
    expect((await t.call('GET', '/api/v1/events', { key: t.keys.admin })).statusCode).toBe(403);
  });
});

describe.each(dialects)('a lock across servers on %s', (dialect) => {
  it('holds on the other server', async () => {
    const { t, app2, close } = await twoServers(dialect);
    try {
      await createUser(t, 'shared@example.com');
      for (let i = 0; i < 5; i++) await t.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email: 'shared@example.com', password: WRONG } });
      const res = await app2.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email: 'shared@example.com', password: GOOD_PASSWORD } });
      expect(res.statusCode).toBe(429);
    } finally {
      await close();
    }
  });
});
