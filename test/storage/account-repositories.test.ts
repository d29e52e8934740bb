import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAppError } from '../../src/domain/app-error.js';
import type { Store } from '../../src/ports/store.js';
import type { UserRecord } from '../../src/ports/user-repository.js';
import { createTestStore, dialects } from '../support/test-store.js';

const T0 = new Date('2026-01-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

const aUser = (id: string, email: string, extra: Partial<UserRecord> = {}): UserRecord => ({
  id,
  email,
  superuser: false,
  passwordHash: '$scrypt$x',
  invitationHash: null,
  invitationExpiresAt: null,
  createdAt: T0,
  ...extra,
});

const codeOf = (err: unknown) => (isAppError(err) ? err.code : err);

describe.each(dialects)('account repositories on %s', (dialect) => {
  let store: Store;
  beforeEach(async () => {
    store = await createTestStore(dialect);
    await store.organizations.insert({ id: 'o1', name: 'One', createdAt: T0 });
    await store.organizations.insert({ id: 'o2', name: 'Two', createdAt: T0 });
    await store.projects.insert({ id: 'p1', organizationId: 'o1', name: 'P1', createdAt: T0 });
    await store.projects.insert({ id: 'p2', organizationId: 'o1', name: 'P2', createdAt: at(1) });
  });
  afterEach(async () => store.close());

  it('users: unique email, found by email, invitation and identity; password set ends the invitation; delete takes memberships and sessions along', async () => {
    expect(await store.users.any()).toBe(false);
    const invited = await store.users.insert(aUser('u1', 'a@example.com', { passwordHash: null, invitationHash: 'h1', invitationExpiresAt: at(1000) }));
    expect(await store.users.any()).toBe(true);
    expect(codeOf(await store.users.insert(aUser('u2', 'a@example.com')).catch((e: unknown) => e))).toBe('user_already_exists');
    expect(await store.users.findByEmail('a@example.com')).toEqual(invited);
    expect(await store.users.findByInvitationHash('h1')).toEqual(invited);
    expect(await store.users.setPassword('u1', '$scrypt$new')).toBe(true);
    expect(await store.users.get('u1')).toEqual({ ...invited, passwordHash: '$scrypt$new', invitationHash: null, invitationExpiresAt: null });
    expect(await store.users.findByInvitationHash('h1')).toBeUndefined();
    expect(await store.users.replacePasswordHash('u1', '$scrypt$old', '$scrypt$x')).toBe(false);
    expect(await store.users.replacePasswordHash('u1', '$scrypt$new', '$scrypt$newer')).toBe(true);
    await store.users.setSuperuser('u1', true);
    expect((await store.users.get('u1'))?.superuser).toBe(true);

    await store.users.linkIdentity('u1', 'https://issuer.example', 'subject-1', T0);
    expect((await store.users.findByIdentity('https://issuer.example', 'subject-1'))?.id).toBe('u1');
    expect(await store.users.findByIdentity('https://issuer.example', 'other')).toBeUndefined();

    await store.users.insert(aUser('u2', 'b@example.com', { createdAt: at(5) }));
    expect((await store.users.list({ pageIndex: 1, pageSize: 10 })).items.map((u) => u.id)).toEqual(['u1', 'u2']);

    await store.memberships.insert({ userId: 'u1', organizationId: 'o1', projectId: 'p1', role: 'viewer', createdAt: T0 });
    await store.sessions.insert({ id: 's1', tokenHash: 't1', userId: 'u1', createdAt: T0, lastSeenAt: T0, expiresAt: at(1000), userAgent: null, address: null });
    expect(await store.users.delete('u1')).toBe(true);
    expect(await store.users.delete('u1')).toBe(false);
    expect(await store.memberships.listForUser('u1')).toEqual([]);
    expect(await store.sessions.findByTokenHash('t1')).toBeUndefined();
    expect(await store.users.findByIdentity('https://issuer.example', 'subject-1')).toBeUndefined();
  });

  it('memberships: one per project and one organization-wide per organization, with names, by scope, role changes and removal', async () => {
    await store.users.insert(aUser('u1', 'a@example.com'));
    await store.users.insert(aUser('u2', 'b@example.com', { invitationHash: 'h2', passwordHash: null }));
    const project = { organizationId: 'o1', projectId: 'p1' };
    const org = { organizationId: 'o1', projectId: null };
    await store.memberships.insert({ userId: 'u1', ...project, role: 'viewer', createdAt: T0 });
    await store.memberships.insert({ userId: 'u1', ...org, role: 'admin', createdAt: T0 });
    await store.memberships.insert({ userId: 'u2', ...project, role: 'editor', createdAt: T0 });
    expect(codeOf(await store.memberships.insert({ userId: 'u1', ...project, role: 'admin', createdAt: T0 }).catch((e: unknown) => e))).toBe('member_already_exists');
    expect(codeOf(await store.memberships.insert({ userId: 'u1', ...org, role: 'viewer', createdAt: T0 }).catch((e: unknown) => e))).toBe('member_already_exists');
    expect(await store.memberships.countForUser('u1')).toBe(2);
    expect(await store.memberships.listViewsForUser('u1')).toEqual([
      { userId: 'u1', organizationId: 'o1', projectId: null, role: 'admin', createdAt: T0, organizationName: 'One', projectName: null, source: 'manual' },
      { userId: 'u1', organizationId: 'o1', projectId: 'p1', role: 'viewer', createdAt: T0, organizationName: 'One', projectName: 'P1', source: 'manual' },
    ]);
    // A membership the identity provider granted says so; a role changed by hand makes it the administrator's.
    await store.users.insert(aUser('u3', 'c@example.com'));
    await store.memberships.insert({ userId: 'u3', ...project, role: 'viewer', createdAt: T0, source: 'sso' });
    expect((await store.memberships.get('u3', project))?.source).toBe('sso');
    await store.memberships.setRole('u3', project, 'editor', 'sso');
    expect((await store.memberships.get('u3', project))?.source).toBe('sso');
    await store.memberships.setRole('u3', project, 'admin');
    expect(await store.memberships.get('u3', project)).toMatchObject({ role: 'admin', source: 'manual' });
    await store.memberships.delete('u3', project);
    expect((await store.memberships.listForScope(project)).map((m) => [m.email, m.role, m.pending])).toEqual([
      ['a@example.com', 'viewer', false],
      ['b@example.com', 'editor', true],
    ]);
    expect((await store.memberships.listForScope(org)).map((m) => m.userId)).toEqual(['u1']);
    expect(await store.memberships.setRole('u1', project, 'editor')).toBe(true);
    expect((await store.memberships.get('u1', project))?.role).toBe('editor');
    expect((await store.memberships.get('u1', org))?.role).toBe('admin');
    expect(await store.memberships.setRole('u1', { organizationId: 'o1', projectId: 'p2' }, 'editor')).toBe(false);
    expect(await store.memberships.delete('u1', org)).toBe(true);
    expect(await store.memberships.delete('u1', org)).toBe(false);
    expect((await store.memberships.listForUser('u1')).map((m) => m.projectId)).toEqual(['p1']);
  });

  it('sessions: found with their user by token hash, touched forward only, listed newest first, deleted one by one or per user, purged when ended', async () => {
    await store.users.insert(aUser('u1', 'a@example.com', { superuser: true }));
    const session = (id: string, created: number, lastSeen = created, expires = created + 10_000) => ({
      id,
      tokenHash: `hash-${id}`,
      userId: 'u1',
      createdAt: at(created),
      lastSeenAt: at(lastSeen),
      expiresAt: at(expires),
      userAgent: 'agent',
      address: '127.0.0.1',
    });
    await store.sessions.insert(session('s1', 0));
    await store.sessions.insert(session('s2', 100));
    await store.sessions.insert(session('s3', 200));
    const found = await store.sessions.findByTokenHash('hash-s1');
    expect(found?.session).toEqual(session('s1', 0));
    expect(found?.user).toMatchObject({ id: 'u1', email: 'a@example.com', superuser: true, createdAt: T0 });
    await store.sessions.touch('s1', at(50));
    await store.sessions.touch('s1', at(40));
    expect((await store.sessions.findByTokenHash('hash-s1'))?.session.lastSeenAt).toEqual(at(50));
    expect((await store.sessions.listForUser('u1')).map((s) => s.id)).toEqual(['s3', 's2', 's1']);
    expect(await store.sessions.delete('s3')).toBe(true);
    expect(await store.sessions.delete('s3')).toBe(false);
    // s1 expires at 10_000; s2 was last seen at 100.
    expect(await store.sessions.purgeExpired(at(10_000), at(101))).toBe(2);
    await store.sessions.insert(session('s4', 300));
    await store.sessions.insert(session('s5', 400));
    expect(await store.sessions.deleteForUser('u1', 's5')).toBe(1);
    expect((await store.sessions.listForUser('u1')).map((s) => s.id)).toEqual(['s5']);
  });

  it('sign-in throttle: compare-and-set lets one of two writers of the same version win; purge leaves locks in force', async () => {
    const first = { failures: 1, lockedUntil: null, updatedAt: T0 };
    expect(await store.signInThrottle.compareAndSet('k', undefined, first)).toBe(true);
    expect(await store.signInThrottle.compareAndSet('k', undefined, first)).toBe(false);
    const second = { failures: 2, lockedUntil: at(60_000), updatedAt: at(1) };
    const [a, b] = await Promise.all([store.signInThrottle.compareAndSet('k', first, second), store.signInThrottle.compareAndSet('k', first, { ...second, failures: 3 })]);
    expect([a, b].filter(Boolean)).toHaveLength(1);
    expect((await store.signInThrottle.get('k'))?.lockedUntil).toEqual(at(60_000));
    await store.signInThrottle.compareAndSet('old', undefined, first);
    expect(await store.signInThrottle.purge(at(10), at(30_000))).toBe(1);
    expect(await store.signInThrottle.get('k')).toBeDefined();
    expect(await store.signInThrottle.purge(at(10), at(60_000))).toBe(1);
    await store.signInThrottle.compareAndSet('d', undefined, first);
    await store.signInThrottle.delete('d');
    expect(await store.signInThrottle.get('d')).toBeUndefined();
  });

  it('projects covered by organizations and single projects; the events of no project', async () => {
    await store.organizations.insert({ id: 'o3', name: 'Three', createdAt: T0 });
    await store.projects.insert({ id: 'p3', organizationId: 'o3', name: 'P3', createdAt: at(2) });
    const page = { pageIndex: 1, pageSize: 10 };
    expect((await store.projects.listCovered(page, { organizationIds: ['o1'], projectIds: ['p3'] })).items.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
    expect((await store.projects.listCovered(page, { organizationIds: [], projectIds: ['p2'] })).totalCount).toBe(1);
    expect((await store.projects.listCovered(page, { organizationIds: [], projectIds: [] })).items).toEqual([]);

    const e = { actor: 'system', objectType: 'user', objectId: 'u', data: {}, createdAt: T0 };
    await store.events.append({ ...e, organizationId: null, projectId: null, type: 'auth.signed_in' });
    await store.events.append({ ...e, organizationId: 'o1', projectId: 'p1', type: 'certificate.imported' });
    await store.events.append({ ...e, organizationId: null, projectId: null, type: 'auth.sign_in_failed' });
    expect((await store.events.listUnscoped(page)).items.map((x) => x.type)).toEqual(['auth.sign_in_failed', 'auth.signed_in']);
    expect((await store.events.listUnscoped(page, 'auth.signed_in')).totalCount).toBe(1);
  });
});
