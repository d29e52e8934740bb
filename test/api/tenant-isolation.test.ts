import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

type Schema = { minItems?: number; type?: string; properties?: Record<string, Schema>; required?: string[]; anyOf?: Schema[]; enum?: unknown[]; const?: unknown; format?: string; minimum?: number; items?: Schema; minLength?: number };

/** A minimal value that satisfies a JSON schema, so routes fail on authorization, not validation. */
function exampleOf(schema: Schema): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return exampleOf(schema.anyOf[0]);
  switch (schema.type) {
    case 'object':
      return Object.fromEntries((schema.required ?? []).map((k) => [k, exampleOf(schema.properties![k])]));
    case 'string':
      return schema.format === 'uuid' ? randomUUID() : 'example';
    case 'integer':
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items!));
    default:
      return null;
  }
}

describe('tenant isolation: every route, with another tenant’s key', () => {
  let t: TestApp;
  let certId: number;
  let keyId: string;
  let serviceId: number;
  let paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>>;

  beforeAll(async () => {
    t = await createTestApp();
    const c = aCertificate({ commonName: 'secret.example.com' });
    const imported = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { key: t.keys.editor, body: { certificateBody: c.certPem, certificatePrivateKey: c.keyPem, scopeId: 0 } });
    certId = imported.json().result.id;
    keyId = (await t.call('GET', `/api/v1/projects/${t.project.id}/api-keys`, { key: t.keys.admin })).json().result[0].id;
    // A service whose domain uses the certificate, so service and domain routes have ids that exist.
    serviceId = (await t.call('POST', `/api/v1/projects/${t.project.id}/services`, { key: t.keys.editor, body: { name: 'secret service' } })).json().result.id;
    await t.call('POST', `/api/v1/projects/${t.project.id}/services/${serviceId}/domains`, { key: t.keys.editor, body: { domain: 'secret.example.com' } });
    const attached = await t.call('PUT', `/api/v1/projects/${t.project.id}/services/${serviceId}/domains/secret.example.com/certificate`, { key: t.keys.editor, body: { certificateId: certId } });
    expect(attached.statusCode).toBe(200);
    paths = (await t.call('GET', '/openapi.json', { key: null })).json().paths;
  });
  afterAll(async () => t.close());

  const routes = () =>
    Object.entries(paths).flatMap(([p, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ method: method.toUpperCase(), path: p, op })),
    );

  it.each([
    ['an admin key of another organization', false],
    ['an admin key of another project in the same organization', true],
  ])('%s gets 404 or 403 on every project route and changes nothing', async (_name, sameOrg) => {
    const intruder = await t.otherTenant(sameOrg);
    const projectRoutes = routes().filter((r) => r.path.includes('{projectId}'));
    expect(projectRoutes.length).toBeGreaterThanOrEqual(10);
    for (const r of projectRoutes) {
      const url = r.path
        .replace('{projectId}', t.project.id)
        .replace('{id}', String(certId))
        .replace('{keyId}', keyId)
        .replace('{serviceId}', String(serviceId))
        .replace('{domain}', 'secret.example.com');
      const schema = r.op.requestBody?.content['application/json']?.schema;
      let body = schema ? exampleOf(schema) : undefined;
      if (r.path.endsWith('/certificates/import')) body = { certificateBody: aCertificate({ commonName: 'intruder.example.com' }).certPem };
      const res = await t.call(r.method, url, { key: intruder.adminKey, body });
      expect([403, 404], `${r.method} ${r.path} answered ${res.statusCode}: ${res.body}`).toContain(res.statusCode);
      expect(res.body).not.toContain('secret.example.com');
    }
    // Routes outside a project do not reveal or touch the tenant either.
    const orgs = await t.call('GET', '/api/v1/organizations', { key: intruder.adminKey });
    if (!sameOrg) expect(orgs.body).not.toContain(t.org.id);
    const projects = await t.call('GET', '/api/v1/projects', { key: intruder.adminKey });
    expect(projects.body).not.toContain(t.project.id);
    const newProject = await t.call('POST', '/api/v1/projects', { key: intruder.adminKey, body: { organizationId: t.org.id, name: 'x' } });
    expect([403, 404]).toContain(newProject.statusCode);
    expect((await t.call('POST', '/api/v1/organizations', { key: intruder.adminKey, body: { name: 'x' } })).statusCode).toBe(403);

    // Nothing changed for the tenant.
    const cert = await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${certId}`, { key: t.keys.viewer });
    expect(cert.json().result).toMatchObject({ id: certId, scopeId: 0, domainName: 'secret.example.com' });
    expect((await t.call('GET', `/api/v1/projects/${t.project.id}/certificates`, { key: t.keys.viewer })).json().resultInfo.totalCount).toBe(1);
    expect((await t.call('GET', `/api/v1/projects/${t.project.id}/api-keys`, { key: t.keys.admin })).json().result.every((k: { revokedAt: string | null }) => k.revokedAt === null)).toBe(true);
    const domains = await t.call('GET', `/api/v1/projects/${t.project.id}/services/${serviceId}/domains`, { key: t.keys.viewer });
    expect(domains.json().result).toEqual([expect.objectContaining({ domain: 'secret.example.com', certType: 'manual', certificateId: certId })]);
  });
});
