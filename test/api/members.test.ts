import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { cookieOf, createUser, GOOD_PASSWORD, signIn, withCookie } from '../support/console-session.js';

describe.each(dialects)('members and invitations on %s', (dialect) => {
  let t: TestApp;
  let members: string;
  beforeEach(async () => {
    t = await createTestApp(dialect === 'sqlite' ? {} : { store: await createTestStore('postgres') });
    members = `/api/v1/projects/${t.project.id}/members`;
  });
  afterEach(async () => t.close());

  const importAs = (call: ReturnType<typeof withCookie>, name: string) =>
    call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { body: { certificateBody: aCertificate({ commonName: name }).certPem } });

  it('a project admin gives an existing account a role; the role is exactly what it grants, changed and removed at the next request', async () => {
    const userId = await createUser(t, 'kim@example.com');
    const s = await signIn(t, 'kim@example.com');
    expect((await s.call('GET', `/api/v1/projects/${t.project.id}`)).statusCode).toBe(404);

    const added = await t.call('POST', members, { key: t.keys.admin, body: { email: 'KIM@example.com', role: 'viewer' } });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().result).toEqual({ member: { userId, email: 'kim@example.com', role: 'viewer', pending: false, createdAt: '2026-06-01T00:00:00.000Z' }, invitation: null });
    expect((await t.call('POST', members, { key: t.keys.admin, body: { email: 'kim@example.com', role: 'admin' } })).json().code).toBe('member_already_exists');

    expect((await s.call('GET', `/api/v1/projects/${t.project.id}/certificates`)).statusCode).toBe(200);
    const refused = await importAs(s.call, 'kim.example.com');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('forbidden');
    expect((await s.call('GET', members)).statusCode).toBe(403);

    const patched = await t.call('PATCH', `${members}/${userId}`, { key: t.keys.admin, body: { role: 'editor' } });
    expect(patched.json().result.role).toBe('editor');
    expect((await importAs(s.call, 'kim.example.com')).statusCode).toBe(200);
    expect((await s.call('POST', members, { body: { email: 'x@example.com', role: 'viewer' } })).statusCode).toBe(403);

    expect((await t.call('DELETE', `${members}/${userId}`, { key: t.keys.admin })).json().result.role).toBe('editor');
    expect((await s.call('GET', `/api/v1/projects/${t.project.id}/certificates`)).statusCode).toBe(404);
    expect((await t.call('DELETE', `${members}/${userId}`, { key: t.keys.admin })).json().code).toBe('member_not_found');
    // The account is not pending: it stays.
    expect((await s.call('GET', '/api/v1/auth/me')).statusCode).toBe(200);

    const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?pageSize=50`)).json().result.filter((e: { type: string }) => e.type.startsWith('member.'));
    expect(events.map((e: { type: string; objectId: string }) => [e.type, e.objectId])).toEqual([
      ['member.removed', userId],
      ['member.updated', userId],
      ['member.added', userId],
    ]);
    expect(events[2].data).toEqual({ email: 'kim@example.com', role: 'viewer', invited: false });
    expect(events[2].actor).toMatch(/^api_key:/);
  });

  it('invites an email without an account; the invitation is accepted once, with a strong password, and signs in', async () => {
    const admin = await createUser(t, 'lead@example.com');
    await t.services.store.memberships.insert({ userId: admin, organizationId: t.org.id, projectId: t.project.id, role: 'admin', createdAt: t.clock.now() });
    const lead = await signIn(t, 'lead@example.com');
    const res = await lead.call('POST', members, { body: { email: 'new@example.com', role: 'editor' } });
    expect(res.statusCode, res.body).toBe(200);
    const { member, invitation } = res.json().result;
    expect(member).toMatchObject({ email: 'new@example.com', role: 'editor', pending: true });
    expect(invitation).toEqual({ token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), link: `/invite#${invitation.token}`, expiresAt: '2026-06-08T00:00:00.000Z' });
    expect((await t.services.store.users.findByEmail('new@example.com'))?.invitationHash).not.toContain(invitation.token);
    // Not an account that signs in yet.
    expect((await t.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email: 'new@example.com', password: GOOD_PASSWORD } })).statusCode).toBe(401);

    const lookup = await t.call('POST', '/api/v1/auth/invitations/lookup', { key: null, body: { token: invitation.token } });
    expect(lookup.json().result).toEqual({ email: 'new@example.com', expiresAt: '2026-06-08T00:00:00.000Z' });
    const accept = (password: string) => t.call('POST', '/api/v1/auth/invitations/accept', { key: null, body: { token: invitation.token, password } });
    expect((await accept('password1234')).json().code).toBe('password_too_weak');
    const accepted = await accept('my own new password');
    expect(accepted.statusCode, accepted.body).toBe(200);
    const session = withCookie(t, cookieOf(accepted), accepted.json().result.csrfToken);
    expect((await importAs(session, 'new.example.com')).statusCode).toBe(200);
    expect((await accept('my own new password')).json().code).toBe('invitation_not_found');
    expect((await t.call('POST', '/api/v1/auth/invitations/lookup', { key: null, body: { token: invitation.token } })).statusCode).toBe(404);
    expect((await lead.call('GET', members)).json().result.find((m: { email: string }) => m.email === 'new@example.com').pending).toBe(false);
    await signIn(t, 'new@example.com', 'my own new password');
  });

  it('an invitation expires; inviting a pending account again replaces its token; withdrawing its last role deletes it', async () => {
    const other = await t.otherTenant(true);
    const first = (await t.call('POST', members, { key: t.keys.admin, body: { email: 'pend@example.com', role: 'viewer' } })).json().result;
    const second = (await t.call('POST', `/api/v1/projects/${other.projectId}/members`, { key: other.adminKey, body: { email: 'pend@example.com', role: 'admin' } })).json().result;
    expect(second.member.userId).toBe(first.member.userId);
    expect(second.invitation.token).not.toBe(first.invitation.token);
    const lookup = (token: string) => t.call('POST', '/api/v1/auth/invitations/lookup', { key: null, body: { token } });
    expect((await lookup(first.invitation.token)).json().code).toBe('invitation_not_found');
    expect((await lookup(second.invitation.token)).statusCode).toBe(200);
    t.clock.advance(7 * 24 * 3_600_000);
    expect((await lookup(second.invitation.token)).json().code).toBe('invitation_not_found');

    await t.call('DELETE', `${members}/${first.member.userId}`, { key: t.keys.admin });
    expect(await t.services.store.users.get(first.member.userId)).toBeDefined();
    await t.call('DELETE', `/api/v1/projects/${other.projectId}/members/${first.member.userId}`, { key: other.adminKey });
    expect(await t.services.store.users.get(first.member.userId)).toBeUndefined();
  });

  it('organization members: managed by organization-wide admins; their role covers every project of the organization', async () => {
    const orgMembers = `/api/v1/organizations/${t.org.id}/members`;
    const sibling = await t.otherTenant(true);
    const stranger = await t.otherTenant();
    expect((await t.call('POST', orgMembers, { key: t.keys.admin, body: { email: 'o@example.com', role: 'viewer' } })).json().code).toBe('forbidden');
    expect((await t.call('GET', orgMembers, { key: stranger.adminKey })).json().code).toBe('organization_not_found');

    const ownerId = await createUser(t, 'owner@example.com');
    const added = await t.call('POST', orgMembers, { body: { email: 'owner@example.com', role: 'admin' } });
    expect(added.statusCode, added.body).toBe(200);
    const owner = await signIn(t, 'owner@example.com');
    expect((await owner.call('GET', `/api/v1/projects/${sibling.projectId}/certificates`)).statusCode).toBe(200);
    const invited = await owner.call('POST', orgMembers, { body: { email: 'auditor@example.com', role: 'viewer' } });
    expect(invited.json().result.invitation).not.toBeNull();
    expect((await owner.call('GET', orgMembers)).json().result.map((m: { email: string; role: string }) => [m.email, m.role])).toEqual([
      ['auditor@example.com', 'viewer'],
      ['owner@example.com', 'admin'],
    ]);
    expect((await owner.call('GET', `/api/v1/organizations/${stranger.orgId}/members`)).statusCode).toBe(404);
    const me = (await owner.call('GET', '/api/v1/auth/me')).json().result;
    expect(me.memberships).toEqual([{ organizationId: t.org.id, organizationName: expect.any(String), projectId: null, projectName: null, role: 'admin' }]);
    const orgEvents = (await t.call('GET', '/api/v1/events?type=member.added')).json().result;
    expect(orgEvents.map((e: { organizationId: string; actor: string }) => [e.organizationId, e.actor])).toEqual([
      [t.org.id, `user:${ownerId}`],
      [t.org.id, expect.stringMatching(/^api_key:/)],
    ]);
  });
});
