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
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, SUPER_TOKEN, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';

const DAY_MS = 86_400_000;

type Res = { statusCode: number; body: string; json(): { success: boolean; code?: string; errors?: string[]; result?: unknown } };

describe.each(dialects)('organization-shared certificates on %s', (dialect) => {
  let t: TestApp;
  /** The project the certificates are shared with, and keys of it. */
  let sibling: { projectId: string; admin: string; editor: string };
  /** Organization-wide keys (no project) of the organization. */
  let orgWide: { admin: string; editor: string };

  beforeEach(async () => {
    t = await createTestApp(dialect === 'sqlite' ? {} : { store: await createTestStore('postgres') });
    const s = await t.otherTenant(true);
    const editor = await t.call('POST', `/api/v1/projects/${s.projectId}/api-keys`, { body: { name: 'sibling editor', role: 'editor' } });
    expect(editor.statusCode, editor.body).toBe(200);
    sibling = { projectId: s.projectId, admin: s.adminKey, editor: editor.json().result.key };
    orgWide = { admin: await orgWideKey('admin'), editor: await orgWideKey('editor') };
  });
  afterEach(async () => t.close());

  /** An organization-wide key: made in the store, as the API makes project keys only. */
  const orgWideKey = async (role: Role) => {
    const key = generateApiKey();
    await t.services.store.apiKeys.insert({ id: randomUUID(), organizationId: t.org.id, projectId: null, name: `org-wide ${role}`, role, superuser: false, keyHash: hashApiKey(key), prefix: apiKeyPrefix(key), createdAt: t.clock.now(), revokedAt: null });
    return key;
  };
  const owner = () => `/api/v1/projects/${t.project.id}`;
  const viaSibling = () => `/api/v1/projects/${sibling.projectId}`;
  /** A certificate of the owner project, with its key, shared with the organization. */
  const importShared = async (name: string, notAfter = new Date(t.clock.now().getTime() + 200 * DAY_MS)) => {
    const c = aCertificate({ sans: [name], notBefore: new Date(notAfter.getTime() - 365 * DAY_MS), notAfter });
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
});
