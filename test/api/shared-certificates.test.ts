/**
 * Organization-shared certificates (scope Organization) through the API: every project of the
 * organization sees one, only its own project changes it or hands out its key (docs/api.md,
 * "Organization-shared certificates"). An owner project with keys of every role, a sibling
 * project of the same organization, and organization-wide keys.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Role } from '../../src/domain/role.js';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../../src/services/api-key-secret.js';
import { freePort, revocationExtensions, startRevocationPeer } from '../support/ocsp-responder.js';
import { aCertificate, createTestCa } from '../support/test-ca.js';
import { createTestApp, SUPER_TOKEN, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

const DAY_MS = 86_400_000;

type Res = { statusCode: number; body: string; json(): { success: boolean; code?: string; errors?: string[]; result?: unknown } };

describe.each(dialects)('organization-shared certificates on %s', (dialect) => {
  let t: TestApp;
  /** The project the certificates are shared with, and keys of it. */
  let sibling: { projectId: string; admin: string; editor: string };
  /** Organization-wide keys (no project) of the organization. */
  let orgWide: { admin: string; editor: string };

  const receivers: WebhookReceiver[] = [];
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    const s = await t.otherTenant(true);
    const editor = await t.call('POST', `/api/v1/projects/${s.projectId}/api-keys`, { body: { name: 'sibling editor', role: 'editor' } });
    expect(editor.statusCode, editor.body).toBe(200);
    sibling = { projectId: s.projectId, admin: s.adminKey, editor: editor.json().result.key };
    orgWide = { admin: await orgWideKey('admin'), editor: await orgWideKey('editor') };
  });
  afterEach(async () => {
    await t.close();
    while (receivers.length) await receivers.pop()!.close();
  });

  /** An organization-wide key: made in the store, as the API makes project keys only. */
  const orgWideKey = async (role: Role) => {
    const key = generateApiKey();
    await t.services.store.apiKeys.insert({ id: randomUUID(), organizationId: t.org.id, projectId: null, name: `org-wide ${role}`, role, superuser: false, keyHash: hashApiKey(key), prefix: apiKeyPrefix(key), createdAt: t.clock.now(), revokedAt: null });
    return key;
  };
  const owner = () => `/api/v1/projects/${t.project.id}`;
  const viaSibling = () => `/api/v1/projects/${sibling.projectId}`;
  /** A certificate of the owner project, with its key, shared with the organization. */
  const importShared = async (name: string, notAfter = new Date(t.clock.now().getTime() + 200 * DAY_MS), options: Parameters<typeof aCertificate>[0] = {}) => {
    const c = aCertificate({ sans: [name], notBefore: new Date(notAfter.getTime() - 365 * DAY_MS), notAfter, ...options });
    const res = await t.call('POST', `${owner()}/certificates/import`, { key: t.keys.editor, body: { certificateBody: c.certPem, certificatePrivateKey: c.keyPem, certificateChain: c.chainPem, scopeId: 1 } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result.id as number;
  };
  /** The project's audit events of a type, oldest first: [type, objectId, actor]. */
  const events = async (projectId: string, type: string) => {
    const res = await t.call('GET', `/api/v1/projects/${projectId}/events?type=${type}&pageSize=100`, { key: SUPER_TOKEN });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json().result as Array<{ type: string; objectId: string; actor: string }>).map((e) => [e.type, e.objectId, e.actor]).reverse();
  };
  /** The audit actor of an API key. */
  const actor = async (key: string) => `api_key:${(await t.services.store.apiKeys.findByHash(hashApiKey(key)))!.id}`;
  /** 403 forbidden saying whose the certificate is (it is visible: not a 404). */
  const expectNotOwned = (res: Res, id: number) => {
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ success: false, code: 'forbidden' });
    expect(res.body).toContain(`certificate ${id} belongs to project ${t.project.id}`);
    expect(res.body).not.toContain('PRIVATE KEY');
  };
  /** A webhook channel of the project, and what it receives: [event type, certificate id]. */
  const listen = async (projectId: string, adminKey: string) => {
    const r = await WebhookReceiver.start();
    receivers.push(r);
    const res = await t.call('POST', `/api/v1/projects/${projectId}/notification-channels`, { key: adminKey, body: { name: 'hook', type: 'webhook', config: { url: r.url(), secret: 'whsec-shared-certificates-0123456789' } } });
    expect(res.statusCode, res.body).toBe(200);
    return () => r.requests.flatMap((q) => (JSON.parse(q.body).events as Array<{ type: string; certificateId?: number }>).map((e) => [e.type, e.certificateId]));
  };
  const sweepOwner = async () => {
    const res = await t.call('POST', `${owner()}/sweep`, { key: t.keys.admin });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result as { expiring: number; expired: number; notified: number; events: Array<{ certificateId: number; type: string; notified: boolean; data: Record<string, unknown> }> };
  };
  const expectRoleTooLow = (res: Res) => {
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json()).toMatchObject({ success: false, code: 'forbidden' });
    expect(res.json().errors?.[0]).toMatch(/needs the \w+ role/);
  };

  it('the sibling sees the shared certificate', async () => {
    const id = await importShared('shared.example.com');
    const seen = await t.call('GET', `${viaSibling()}/certificates/${id}`, { key: sibling.editor });
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json().result).toMatchObject({ id, projectId: t.project.id, scopeId: 1 });
  });

  it("exports only through the owning project: its admin, an organization-wide admin or a superuser; recorded in the owner's audit log", async () => {
    const id = await importShared('export.example.com');
    const exportVia = (base: string, key: string) => t.call('POST', `${base}/certificates/${id}/export`, { key, body: { format: 'pem' } });

    // The sibling's admin sees the certificate but cannot take its key.
    expectNotOwned(await exportVia(viaSibling(), sibling.admin), id);
    expectRoleTooLow(await exportVia(viaSibling(), sibling.editor));
    // Nor can anyone else through the sibling's path: the path names the project that acts.
    expectNotOwned(await exportVia(viaSibling(), orgWide.admin), id);
    expectNotOwned(await exportVia(viaSibling(), SUPER_TOKEN), id);
    // The owner's roles as before.
    expectRoleTooLow(await exportVia(owner(), t.keys.editor));
    expectRoleTooLow(await exportVia(owner(), t.keys.viewer));
    expectRoleTooLow(await exportVia(owner(), orgWide.editor));
    for (const key of [t.keys.admin, orgWide.admin, SUPER_TOKEN]) {
      const res = await exportVia(owner(), key);
      expect(res.statusCode, res.body).toBe(200);
      expect((res.json().result as { privateKey: string }).privateKey).toContain('PRIVATE KEY');
    }

    const exporters = [await actor(t.keys.admin), await actor(orgWide.admin), await actor(SUPER_TOKEN)];
    expect(await events(t.project.id, 'certificate.exported')).toEqual(exporters.map((a) => ['certificate.exported', String(id), a]));
    expect(await events(sibling.projectId, 'certificate.exported')).toEqual([]);
  });

  it('changes nothing of a shared certificate through the sibling: scope, delete, validate, renew, revoke', async () => {
    const id = await importShared('change.example.com');
    const cert = `${viaSibling()}/certificates/${id}`;
    for (const key of [sibling.admin, orgWide.admin, SUPER_TOKEN]) {
      expectNotOwned(await t.call('PUT', cert, { key, body: { scopeId: 0 } }), id);
      expectNotOwned(await t.call('DELETE', cert, { key }), id);
      expectNotOwned(await t.call('PUT', `${cert}/validate`, { key }), id);
      expectNotOwned(await t.call('POST', `${cert}/renew`, { key }), id);
      expectNotOwned(await t.call('POST', `${cert}/revoke`, { key, body: { reason: 'keyCompromise' } }), id);
    }
    expect((await t.call('GET', `${owner()}/certificates/${id}`, { key: t.keys.viewer })).json().result).toMatchObject({ id, scopeId: 1 });
    const audit = await t.call('GET', `/api/v1/projects/${sibling.projectId}/events`, { key: SUPER_TOKEN });
    expect((audit.json().result as Array<{ objectType: string }>).filter((e) => e.objectType === 'certificate')).toEqual([]);
  });

  it("a sibling may ask for a shared certificate's revocation check; a revoked answer is recorded in the owner's audit log", async () => {
    const ca = createTestCa();
    const port = await freePort();
    const leaf = ca.issue({ sans: ['revoked.shared.test'], extensions: revocationExtensions({ crl: `http://127.0.0.1:${port}/intermediate.crl` }) });
    const peer = await startRevocationPeer(ca, [{ cert: leaf, revoked: { at: new Date(Math.floor(Date.now() / 1000 - 3600) * 1000), reason: 'keyCompromise' } }], { frontPort: port });
    try {
      // openssl stamps the CRL with the real time: the app's clock moves there.
      t.clock.set(new Date());
      const imported = await t.call('POST', `${owner()}/certificates/import`, { key: t.keys.editor, body: { certificateBody: leaf.certPem, certificateChain: ca.chainPem, scopeId: 1 } });
      expect(imported.statusCode, imported.body).toBe(200);
      const id = imported.json().result.id as number;
      const check = await t.call('POST', `${viaSibling()}/certificates/${id}/revocation-check`, { key: sibling.editor, body: {} });
      expect(check.json().result, check.body).toMatchObject({ method: 'crl', status: 'revoked', changed: true });
      expect(await events(t.project.id, 'certificate.revoked')).toEqual([['certificate.revoked', String(id), await actor(sibling.editor)]]);
      expect(await events(sibling.projectId, 'certificate.revoked')).toEqual([]);
    } finally {
      await peer.close();
    }
  });

  it("mutes only through the owning project; a sibling's attempt silences nothing; recorded in the owner's audit log", async () => {
    const id = await importShared('mute.example.com', new Date(t.clock.now().getTime() + 5 * DAY_MS));
    const muteVia = (base: string, key: string, muted: boolean) => t.call('PUT', `${base}/certificates/${id}/mute`, { key, body: { muted } });

    for (const key of [sibling.editor, sibling.admin, orgWide.admin, SUPER_TOKEN]) {
      expectNotOwned(await muteVia(viaSibling(), key, true), id);
      expectNotOwned(await muteVia(viaSibling(), key, false), id);
    }
    expectRoleTooLow(await muteVia(owner(), t.keys.viewer, true));
    // The owner's alert still fires and is sent.
    const swept = await sweepOwner();
    expect(swept.events.map((e) => [e.certificateId, e.type, e.notified])).toEqual([[id, 'certificate.expiring', true]]);
    expect(swept.notified).toBe(1);

    // The owner's editor, or an organization-wide editor or superuser through the owner's path.
    for (const [key, muted] of [[t.keys.editor, true], [orgWide.editor, false], [SUPER_TOKEN, true]] as const) {
      const res = await muteVia(owner(), key, muted);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().result).toEqual({ certificateId: id, muted });
    }
    expect([...(await events(t.project.id, 'certificate.muted')), ...(await events(t.project.id, 'certificate.unmuted'))]).toEqual([
      ['certificate.muted', String(id), await actor(t.keys.editor)],
      ['certificate.muted', String(id), await actor(SUPER_TOKEN)],
      ['certificate.unmuted', String(id), await actor(orgWide.editor)],
    ]);
    for (const type of ['certificate.muted', 'certificate.unmuted']) expect(await events(sibling.projectId, type)).toEqual([]);
  });

  it("the owner's mute silences the owner's notifications, not the sibling's push alerts about its app bound to the shared certificate", async () => {
    const id = await importShared('push.example.com', undefined, { apns: { environments: ['production'], bundleId: 'com.example.shared' } });
    const ownerHears = await listen(t.project.id, t.keys.admin);
    const siblingHears = await listen(sibling.projectId, sibling.admin);
    const apps = `${viaSibling()}/apps`;
    expect((await t.call('POST', apps, { key: sibling.editor, body: { appId: 'com.example.shared', name: 'Shared', platforms: ['ios'] } })).statusCode).toBe(200);
    const bound = await t.call('PUT', `${apps}/com.example.shared/certificates`, { key: sibling.editor, body: { certificateId: id, platform: 'iPhone', environment: 'production' } });
    expect(bound.statusCode, bound.body).toBe(200);
    expect((await t.call('PUT', `${owner()}/certificates/${id}/mute`, { key: t.keys.editor, body: { muted: true } })).statusCode).toBe(200);

    const pushed = await t.call('POST', `${apps}/com.example.shared/push-results`, { key: sibling.editor, body: { environment: 'production', outcome: 'rejected', tlsAlert: 44 } });
    expect(pushed.json().result, pushed.body).toMatchObject([{ effect: 'revoked' }]);
    // Alerts of the owner's about the muted certificate and another one, as a revocation check records them.
    const other = await importShared('other.example.com');
    for (const about of [id, other]) {
      await t.services.store.events.append({ organizationId: t.org.id, projectId: t.project.id, type: 'certificate.revoked', actor: 'system', objectType: 'certificate', objectId: String(about), data: { reason: 'keyCompromise' }, createdAt: t.clock.now() });
    }
    await t.services.notifier.workerPass();

    expect(siblingHears()).toEqual([['push.rejected', id]]);
    expect(ownerHears()).toEqual([['certificate.revoked', other]]);
  });

  it("the owner's mute records the certificate's threshold and expiry in the owner's events, marked muted, and sends neither; unmuted, the crossed threshold alerts at the next sweep", async () => {
    const ownerHears = await listen(t.project.id, t.keys.admin);
    const quiet = await importShared('quiet.example.com', new Date(t.clock.now().getTime() + 5 * DAY_MS));
    const gone = await importShared('gone.example.com', new Date(t.clock.now().getTime() - DAY_MS));
    for (const id of [quiet, gone]) expect((await t.call('PUT', `${owner()}/certificates/${id}/mute`, { key: t.keys.editor, body: { muted: true } })).statusCode).toBe(200);

    const swept = await sweepOwner();
    expect(swept).toMatchObject({ expiring: 1, expired: 1, notified: 0 });
    const view = (e: { certificateId: number; type: string; notified: boolean; data: Record<string, unknown> }) => [e.certificateId, e.type, e.notified, e.data.muted];
    expect(swept.events.map(view).sort()).toEqual([[quiet, 'certificate.expiring', false, true], [gone, 'certificate.expired', false, true]].sort());
    for (const [id, type, threshold] of [[quiet, 'certificate.expiring', 'days:7'], [gone, 'certificate.expired', 'expired']] as const) {
      const listed = await t.call('GET', `${owner()}/events?type=${type}`, { key: t.keys.viewer });
      expect((listed.json().result as Array<{ objectId: string; data: Record<string, unknown> }>).map((e) => [e.objectId, e.data.threshold, e.data.muted])).toEqual([[String(id), threshold, true]]);
    }
    await t.services.notifier.workerPass();
    expect(ownerHears()).toEqual([]);

    for (const id of [quiet, gone]) expect((await t.call('PUT', `${owner()}/certificates/${id}/mute`, { key: t.keys.editor, body: { muted: false } })).statusCode).toBe(200);
    const again = await sweepOwner();
    expect(again).toMatchObject({ expiring: 1, expired: 0, notified: 1 });
    expect(again.events.map(view)).toEqual([[quiet, 'certificate.expiring', true, undefined]]);
    expect(ownerHears()).toEqual([['certificate.expiring', quiet]]);
  });

  it('an event recorded muted is never sent, even when the certificate is unmuted before the event is dispatched', async () => {
    const ownerHears = await listen(t.project.id, t.keys.admin);
    const id = await importShared('late.example.com', new Date(t.clock.now().getTime() + 5 * DAY_MS));
    const mute = (muted: boolean) => t.call('PUT', `${owner()}/certificates/${id}/mute`, { key: t.keys.editor, body: { muted } });
    expect((await mute(true)).statusCode).toBe(200);
    // Another server dispatches the project: the sweep leaves its events to the notification worker.
    const lease = { kind: 'dispatch', projectId: t.project.id } as const;
    expect(await t.services.store.leases.acquire(lease, 'another server', t.clock.now(), new Date(t.clock.now().getTime() + 60_000))).toBe(true);
    expect(await sweepOwner()).toMatchObject({ expiring: 1, notified: 0 });
    expect((await mute(false)).statusCode).toBe(200);
    await t.services.store.leases.release(lease, 'another server');
    await t.services.notifier.workerPass();
    expect(ownerHears()).toEqual([]);
    // The next sweep records the threshold again, to be sent.
    expect(await sweepOwner()).toMatchObject({ expiring: 1, notified: 1 });
    expect(ownerHears()).toEqual([['certificate.expiring', id]]);
  });
});
