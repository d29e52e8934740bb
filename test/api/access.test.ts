import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, SUPER_TOKEN, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

describe.each(dialects)('organizations, projects, API keys, audit on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
  });
  afterEach(async () => t.close());

  it('serves health, readiness, the OpenAPI document and the docs', async () => {
    expect((await t.call('GET', '/healthz', { key: null })).statusCode).toBe(200);
    expect((await t.call('GET', '/readyz', { key: null })).statusCode).toBe(200);
    const doc = (await t.call('GET', '/openapi.json', { key: null })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/projects/{projectId}/certificates',
        '/api/v1/projects/{projectId}/certificates/{id}',
        '/api/v1/projects/{projectId}/certificates/import',
        '/api/v1/projects/{projectId}/certificates/{id}/chain',
        '/api/v1/projects/{projectId}/certificates/{id}/export',
        '/api/v1/projects/{projectId}/events',
      ]),
    );
    const docs = await t.call('GET', '/docs/', { key: null });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('requires a valid key, by Bearer or X-API-Key', async () => {
    const url = `/api/v1/projects/${t.project.id}/certificates`;
    const none = await t.call('GET', url, { key: null });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toMatchObject({ success: false, code: 'unauthorized' });
    expect((await t.call('GET', url, { key: 'ck_not-a-real-key-0000000000000000000000000' })).statusCode).toBe(401);
    expect((await t.call('GET', url, { key: t.keys.viewer })).statusCode).toBe(200);
    const viaHeader = await t.call('GET', url, { key: null, headers: { 'x-api-key': t.keys.viewer } });
    expect(viaHeader.statusCode).toBe(200);
  });

  it('creates keys shown once, lists them without secrets, and revokes them', async () => {
    const created = await t.call('POST', `/api/v1/projects/${t.project.id}/api-keys`, { key: t.keys.admin, body: { name: 'deploy', role: 'editor' } });
    expect(created.statusCode).toBe(200);
    const { id, key, role } = created.json().result;
    expect(role).toBe('editor');
    expect(key.length).toBeGreaterThanOrEqual(32);
    const list = await t.call('GET', `/api/v1/projects/${t.project.id}/api-keys`, { key: t.keys.admin });
    expect(list.body).not.toContain(key);
    expect(list.json().result.map((k: { id: string }) => k.id)).toContain(id);
    expect((await t.call('GET', `/api/v1/projects/${t.project.id}/certificates`, { key })).statusCode).toBe(200);
    const revoked = await t.call('DELETE', `/api/v1/projects/${t.project.id}/api-keys/${id}`, { key: t.keys.admin });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().result.revokedAt).not.toBeNull();
    expect((await t.call('GET', `/api/v1/projects/${t.project.id}/certificates`, { key })).statusCode).toBe(401);
  });

  it('enforces roles: 403 for a role too low', async () => {
    expect((await t.call('POST', `/api/v1/projects/${t.project.id}/api-keys`, { key: t.keys.editor, body: { name: 'x', role: 'viewer' } })).statusCode).toBe(403);
    const r = await t.call('POST', '/api/v1/organizations', { key: t.keys.admin, body: { name: 'nope' } });
    expect(r.statusCode).toBe(403);
    expect(r.json().code).toBe('forbidden');
  });

  it("answers 404 for another tenant's project, never revealing it", async () => {
    const other = await t.otherTenant();
    const r = await t.call('GET', `/api/v1/projects/${other.projectId}/certificates`, { key: t.keys.admin });
    expect(r.statusCode).toBe(404);
    expect(r.json().code).toBe('project_not_found');
    const missing = await t.call('GET', `/api/v1/projects/00000000-0000-4000-8000-000000000000/certificates`, { key: t.keys.admin });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('project_not_found');
    const projects = await t.call('GET', '/api/v1/projects', { key: t.keys.admin });
    expect(projects.json().result.map((p: { id: string }) => p.id)).toEqual([t.project.id]);
  });

  it('records who did what, when, paged and filterable by type', async () => {
    await t.call('POST', `/api/v1/projects/${t.project.id}/api-keys`, { key: t.keys.admin, body: { name: 'one', role: 'viewer' } });
    const page1 = await t.call('GET', `/api/v1/projects/${t.project.id}/events?pageSize=2&type=api_key.created`, { key: t.keys.viewer });
    expect(page1.statusCode).toBe(200);
    const body = page1.json();
    // admin, editor and viewer keys from the harness, plus "one"
    expect(body.resultInfo).toMatchObject({ totalCount: 4, pageIndex: 1, pageSize: 2, totalPages: 2, hasNextPage: true, hasPreviousPage: false });
    expect(body.result[0]).toMatchObject({ type: 'api_key.created', objectType: 'api_key', data: { name: 'one', role: 'viewer' } });
    expect(body.result[0].actor).toMatch(/^api_key:/);
    expect(JSON.stringify(body)).not.toContain(SUPER_TOKEN);
  });

  it('lists the events of one object with objectType and objectId, which go together', async () => {
    const made = await t.call('POST', `/api/v1/projects/${t.project.id}/api-keys`, { key: t.keys.admin, body: { name: 'two', role: 'viewer' } });
    const keyId = made.json().result.id as string;
    await t.call('DELETE', `/api/v1/projects/${t.project.id}/api-keys/${keyId}`, { key: t.keys.admin });
    const events = `/api/v1/projects/${t.project.id}/events`;
    const res = await t.call('GET', `${events}?objectType=api_key&objectId=${keyId}`, { key: t.keys.viewer });
    expect(res.statusCode, res.body).toBe(200);
    expect([res.json().result.map((e: { type: string; objectId: string }) => [e.type, e.objectId]), res.json().resultInfo.totalCount]).toEqual([
      [
        ['api_key.revoked', keyId],
        ['api_key.created', keyId],
      ],
      2,
    ]);
    expect((await t.call('GET', `${events}?objectType=api_key&objectId=${keyId}&type=api_key.revoked`, { key: t.keys.viewer })).json().resultInfo.totalCount).toBe(1);
    expect((await t.call('GET', `${events}?objectType=certificate&objectId=${keyId}`, { key: t.keys.viewer })).json().result).toEqual([]);
    for (const half of [`objectType=api_key`, `objectId=${keyId}`]) {
      const refused = await t.call('GET', `${events}?${half}`, { key: t.keys.viewer });
      expect([refused.statusCode, refused.json().code]).toEqual([400, 'validation_failed']);
    }
  });
});
