import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCertificate } from '../../support/test-ca.js';
import { createTestApp, SUPER_TOKEN, type TestApp } from '../../support/test-app.js';
import { dialects } from '../../support/test-store.js';

const NOT_BEFORE = new Date('2026-05-01T10:00:00.000Z');
const NOT_AFTER = new Date('2026-07-30T09:59:59.000Z');

describe.each(dialects)('SwiftFederation WAAP: GET /waap/v1.0/services/{serviceId}/certificates?domain= on %s', (dialect) => {
  let t: TestApp;
  let serviceId: number;
  let native: string;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    native = `/api/v1/projects/${t.project.id}/services`;
    serviceId = (await t.call('POST', native, { key: t.keys.editor, body: { name: 'waap' } })).json().result.id;
    for (const domain of ['test.example.com', 'bare.example.com']) {
      expect((await t.call('POST', `${native}/${serviceId}/domains`, { key: t.keys.editor, body: { domain } })).statusCode).toBe(200);
    }
  });
  afterEach(async () => t.close());

  const get = (query: string, key: string | null = t.keys.viewer, id: string | number = serviceId) => t.call('GET', `/waap/v1.0/services/${id}/certificates${query}`, { key });
  const importCert = async (commonName: string, projectId = t.project.id, key = t.keys.editor) => {
    const c = aCertificate({ commonName, sans: [commonName], notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
    return (await t.call('POST', `/api/v1/projects/${projectId}/certificates/import`, { key, body: { certificateBody: c.certPem, scopeId: 0 } })).json().result.id as number;
  };
  const attach = async (domain: string, certificateId: number) => {
    const res = await t.call('PUT', `${native}/${serviceId}/domains/${domain}/certificate`, { key: t.keys.editor, body: { certificateId } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const expectError = (res: { statusCode: number; body: string; headers: Record<string, unknown> }, status: number, code: string, message?: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(String(res.headers['content-type'])).toContain('application/json');
    const body = JSON.parse(res.body);
    expect(Object.keys(body)).toEqual(['code', 'message']);
    expect(body.code).toBe(code);
    if (message !== undefined) expect(body.message).toBe(message);
    expect(typeof body.message).toBe('string');
    expect(res.body).not.toMatch(/success|stack|at .*\.js/);
  };

  it('answers a domain without a certificate with only certType "none"', async () => {
    const res = await get('?domain=bare.example.com');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe('{"certType":"none"}');
  });

  it('answers a manual certificate exactly as the vendor’s example, validity in epoch milliseconds', async () => {
    const id = await importCert('test.example.com');
    await attach('test.example.com', id);
    const res = await get('?domain=test.example.com');
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(`{"certificateId":${id},"certificateName":"test.example.com","certType":"manual","validFrom":${NOT_BEFORE.getTime()},"validTo":${NOT_AFTER.getTime()}}`);
    // The API key headers of the native API both work; the domain is normalized like the native API's.
    const byHeader = await t.app.inject({ method: 'GET', url: `/waap/v1.0/services/${serviceId}/certificates?domain=TEST.Example.com.`, headers: { 'x-api-key': t.keys.viewer } });
    expect(byHeader.body).toBe(res.body);
  });

  it('shows a past auto request next to a manual certificate, as in the vendor’s example (all seven fields, in order)', async () => {
    const id = await importCert('test.example.com');
    await attach('test.example.com', id);
    const requestedAt = new Date('2026-05-28T06:35:55.467Z');
    await t.services.store.services.updateDomain(serviceId, 'test.example.com', { autocertStatus: 'failed', autocertRequestedAt: requestedAt });
    const res = await get('?domain=test.example.com');
    expect(res.body).toBe(
      JSON.stringify({
        certificateId: id,
        certificateName: 'test.example.com',
        certType: 'manual',
        autocertRequestStatus: 'failed',
        autocertRequestTime: '2026-05-28T06:35:55.467Z',
        validFrom: NOT_BEFORE.getTime(),
        validTo: NOT_AFTER.getTime(),
      }),
    );
    expect(typeof res.json().certificateId).toBe('number');
    expect(typeof res.json().validFrom).toBe('number');
  });

  it('falls back to none once the attached certificate is deleted', async () => {
    const id = await importCert('test.example.com');
    await attach('test.example.com', id);
    await t.call('DELETE', `/api/v1/projects/${t.project.id}/certificates/${id}`, { key: t.keys.editor });
    expect((await get('?domain=test.example.com')).body).toBe('{"certType":"none"}');
  });

  it.each([
    ['no key', null],
    ['an unknown key', 'ck_not-a-real-key-0000000000000000000000000'],
  ])('refuses %s with 401 Unauthorized in the WAAP’s shape', async (_name, key) => {
    expectError(await get('?domain=test.example.com', key), 401, 'Unauthorized');
  });

  it.each([
    ['a serviceId that is not a number', 'abc', '?domain=test.example.com', 'ServiceId.Invalid', 'ServiceId is empty or invalid.'],
    ['serviceId 0', '0', '?domain=test.example.com', 'ServiceId.Invalid', 'ServiceId is empty or invalid.'],
    ['a negative serviceId', '-4', '?domain=test.example.com', 'ServiceId.Invalid', 'ServiceId is empty or invalid.'],
    ['a fractional serviceId', '1.5', '?domain=test.example.com', 'ServiceId.Invalid', 'ServiceId is empty or invalid.'],
    ['a serviceId beyond int32', '99999999999', '?domain=test.example.com', 'ServiceId.Invalid', 'ServiceId is empty or invalid.'],
    ['no domain', 'SELF', '', 'Domain.Invalid', 'Domain is empty or invalid.'],
    ['an empty domain', 'SELF', '?domain=', 'Domain.Invalid', 'Domain is empty or invalid.'],
    ['two domains', 'SELF', '?domain=a.example.com&domain=b.example.com', 'Domain.Invalid', 'Domain is empty or invalid.'],
    ['a domain that is not a host name', 'SELF', '?domain=not%20a%20host', 'Domain.Invalid', 'Domain is empty or invalid.'],
    ['a URL as domain', 'SELF', '?domain=https%3A%2F%2Fexample.com%2F', 'Domain.Invalid', 'Domain is empty or invalid.'],
  ])('refuses %s with 400 in the WAAP’s shape', async (_name, id, query, code, message) => {
    expectError(await get(query, t.keys.viewer, id === 'SELF' ? serviceId : id), 400, code, message);
  });

  it('answers 404 ServiceId.NotFound for an unknown service and, identically, for another tenant’s', async () => {
    const unknown = await get('?domain=test.example.com', t.keys.viewer, 2_000_000);
    expectError(unknown, 404, 'ServiceId.NotFound', 'ServiceId is not found.');
    for (const sameOrganization of [false, true]) {
      const intruder = await t.otherTenant(sameOrganization);
      const res = await get('?domain=test.example.com', intruder.adminKey);
      expectError(res, 404, 'ServiceId.NotFound');
      expect(res.body).toBe(unknown.body);
    }
    // The superuser and an organization-wide view are not needed to read one's own: a viewer key suffices.
    expect((await get('?domain=test.example.com', SUPER_TOKEN)).statusCode).toBe(200);
  });

  it('answers 403 Forbidden to a disabled organization’s key, whatever it asks, until it is enabled', async () => {
    const other = await t.otherTenant(false);
    const theirs = `/api/v1/projects/${other.projectId}/services`;
    const id = (await t.call('POST', theirs, { key: other.adminKey, body: { name: 'theirs' } })).json().result.id as number;
    expect((await t.call('POST', `${theirs}/${id}/domains`, { key: other.adminKey, body: { domain: 'theirs.example.com' } })).statusCode).toBe(200);
    expect((await get('?domain=theirs.example.com', other.adminKey, id)).json()).toEqual({ certType: 'none' });
    expect((await t.call('PATCH', `/api/v1/organizations/${other.orgId}`, { body: { disabled: true } })).statusCode).toBe(200);

    const message = 'The organization of this API key is disabled.';
    // Its own service, an unknown service, a malformed id or domain, an unknown path: the same 403.
    expectError(await get('?domain=theirs.example.com', other.adminKey, id), 403, 'Forbidden', message);
    expectError(await get('?domain=theirs.example.com', other.adminKey, 2_000_000), 403, 'Forbidden', message);
    expectError(await get('?domain=theirs.example.com', other.adminKey, 'abc'), 403, 'Forbidden', message);
    expectError(await get('?domain=not%20a%20host', other.adminKey, id), 403, 'Forbidden', message);
    expectError(await t.call('GET', '/waap/v1.0/nothing', { key: other.adminKey }), 403, 'Forbidden', message);
    // Other organizations are untouched; enabling it again lets its key read.
    expect((await get('?domain=test.example.com')).statusCode).toBe(200);
    expect((await t.call('PATCH', `/api/v1/organizations/${other.orgId}`, { body: { disabled: false } })).statusCode).toBe(200);
    expect((await get('?domain=theirs.example.com', other.adminKey, id)).json()).toEqual({ certType: 'none' });
  });

  it('answers 404 Domain.NotFound for a domain the service does not have', async () => {
    expectError(await get('?domain=missing.example.com'), 404, 'Domain.NotFound', 'Domain is not found.');
  });

  it('answers 400 Certificate.OperationFailed when the attached certificate is no longer visible to the service’s project', async () => {
    const sibling = await t.otherTenant(true);
    const id = await importCert('test.example.com', sibling.projectId, sibling.adminKey);
    await t.call('PUT', `/api/v1/projects/${sibling.projectId}/certificates/${id}`, { key: sibling.adminKey, body: { scopeId: 1 } });
    await attach('test.example.com', id);
    expect((await get('?domain=test.example.com')).json()).toMatchObject({ certificateId: id, certType: 'manual' });
    // Its owner takes it back to Project scope: the service's project cannot read it any more.
    await t.call('PUT', `/api/v1/projects/${sibling.projectId}/certificates/${id}`, { key: sibling.adminKey, body: { scopeId: 0 } });
    expectError(await get('?domain=test.example.com'), 400, 'Certificate.OperationFailed', 'The certificate operation failed.');
  });

  it('answers unknown paths and methods under /waap/v1.0 in the WAAP’s shape, not the native envelope', async () => {
    expectError(await t.call('GET', '/waap/v1.0/nothing', { key: t.keys.viewer }), 404, 'Route.NotFound');
    // Authentication comes first, for any path under the prefix.
    expectError(await t.call('GET', '/waap/v1.0/nothing', { key: null }), 401, 'Unauthorized');
    expectError(await t.call('POST', `/waap/v1.0/services/${serviceId}/certificates?domain=test.example.com`, { key: t.keys.viewer, body: {} }), 404, 'Route.NotFound');
  });

  it('answers an unexpected failure with 500 InternalError and no details', async () => {
    const store = t.services.store.services;
    const original = store.get.bind(store);
    store.get = async () => {
      throw new Error('database exploded at /secret/path.js:1');
    };
    try {
      const res = await get('?domain=test.example.com');
      expectError(res, 500, 'InternalError');
      expect(res.body).not.toContain('exploded');
    } finally {
      store.get = original;
    }
  });
});
