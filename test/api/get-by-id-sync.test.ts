import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CertificateRecord } from '../../src/domain/certificate.js';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// On a SQLite file database with the access caches warm, GET by id runs without a promise
// (InventoryService.getNow); its answers and refusals must be those of the promise path.
describe('GET by id without a promise (SQLite file database)', () => {
  let t: TestApp;
  let id: number;
  beforeAll(async () => {
    t = await createTestApp();
    const c = aCertificate({ commonName: 'sync.example.com' });
    const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { key: t.keys.editor, body: { certificateBody: c.certPem } });
    expect(res.statusCode).toBe(200);
    id = res.json().result.id;
  });
  afterAll(() => t.close());

  it('answers at once once the key and project are cached, with what get answers', async () => {
    const principal = await t.services.access.authenticate(t.keys.viewer);
    await t.services.access.authorizeProject(principal, t.project.id, 'viewer');
    const now = t.services.inventory.getNow(principal, t.project.id, id);
    expect(now).not.toBeInstanceOf(Promise);
    expect((now as CertificateRecord).id).toBe(id);
    expect(now).toEqual(await t.services.inventory.get(principal, t.project.id, id));
  });

  it('refuses at once what it cannot show', async () => {
    const principal = await t.services.access.authenticate(t.keys.viewer);
    expect(() => t.services.inventory.getNow(principal, t.project.id, id + 1000)).toThrow(/was not found/);
    const other = await t.otherTenant();
    expect(() => t.services.inventory.getNow(principal, other.projectId, id)).toThrow();
    await expect(t.services.inventory.get(principal, other.projectId, id)).rejects.toMatchObject({ code: 'project_not_found' });
  });

  it('serves the same body through the API as the promise path does', async () => {
    const res = await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${id}`, { key: t.keys.viewer });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.json().result.id).toBe(id);
    const missing = await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${id + 1000}`, { key: t.keys.viewer });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'certificate_not_found']);
  });
});
