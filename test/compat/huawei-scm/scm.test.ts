import { randomUUID } from 'node:crypto';
import { X509Certificate } from 'node:crypto';
import { Value } from 'typebox/value';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ScmCertificateSchema } from '../../../src/compat/huawei-scm/scm-certificate-view.js';
import { der } from '../../../src/pki/der.js';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../../../src/services/api-key-secret.js';
import type { Role } from '../../../src/domain/role.js';
import { aCertificate } from '../../support/test-ca.js';
import { createTestApp, SUPER_TOKEN, type TestApp } from '../../support/test-app.js';
import { dialects } from '../../support/test-store.js';

const DAY = 86_400_000;
const NOT_BEFORE = new Date('2026-03-01T00:00:00.000Z');
const NOT_AFTER = new Date(NOT_BEFORE.getTime() + 365 * DAY);

/** certificatePolicies with one CA/Browser Forum policy OID. */
const policy = (oid: string) => [{ oid: '2.5.29.32', value: der.sequence(der.sequence(der.oid(oid))) }];

describe.each(dialects)('Huawei Cloud SCM: GET /v3/scm/certificates/{certificate_id} on %s', (dialect) => {
  let t: TestApp;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
  });
  afterEach(async () => t.close());

  const importCert = async (options: Parameters<typeof aCertificate>[0], scopeId = 0, projectId = t.project.id, key = t.keys.editor) => {
    const c = aCertificate(options);
    const res = await t.call('POST', `/api/v1/projects/${projectId}/certificates/import`, { key, body: { certificateBody: c.certPem, certificateChain: c.chainPem, scopeId } });
    expect(res.statusCode, res.body).toBe(200);
    return { c, rec: res.json().result as { id: number; uid: string } };
  };
  const get = (uid: string, token: string | null = t.keys.viewer) => t.app.inject({ method: 'GET', url: `/v3/scm/certificates/${uid}`, headers: token === null ? {} : { 'x-auth-token': token } });
  /** An organization-wide key (no project): made in the store, as the API only makes project keys. */
  const orgWideKey = async (organizationId: string, role: Role = 'viewer') => {
    const key = generateApiKey();
    await t.services.store.apiKeys.insert({ id: randomUUID(), organizationId, projectId: null, name: 'org-wide', role, superuser: false, keyHash: hashApiKey(key), prefix: apiKeyPrefix(key), createdAt: t.clock.now(), revokedAt: null });
    return key;
  };
  const expectError = (res: { statusCode: number; body: string }, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    const body = JSON.parse(res.body);
    expect(Object.keys(body)).toEqual(['error_code', 'error_msg']);
    expect(body.error_code).toBe(code);
    expect(body.error_code).toMatch(/^SCM\.\d{4}$/);
    expect(typeof body.error_msg).toBe('string');
    expect(res.body).not.toMatch(/success|stack|\.js:/);
  };

  it('serves every field of an imported OV certificate with its documented type', async () => {
    const { c, rec } = await importCert({
      commonName: 'www.example.com',
      sans: ['www.example.com', 'example.com', '*.api.example.com'],
      subject: { C: 'DE', ST: 'Berlin', L: 'Berlin', O: 'Example, GmbH' },
      notBefore: NOT_BEFORE,
      notAfter: NOT_AFTER,
      extensions: policy('2.23.140.1.2.2'),
    });
    const res = await get(rec.uid);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    const x = new X509Certificate(c.certPem);
    expect(body).toEqual({
      id: rec.uid,
      order_id: null,
      name: 'www.example.com',
      type: 'OV_SSL_CERT',
      brand: 'certkeeper tests',
      push_support: 'OFF',
      revoke_reason: null,
      status: 'UPLOAD',
      signature_algorithm: 'ecdsa-with-SHA256',
      issue_time: '2026-03-01T00:00:00.000Z',
      not_before: '2026-03-01T00:00:00.000Z',
      not_after: NOT_AFTER.toISOString(),
      validity_period: 12,
      validation_method: null,
      domain_type: 'MULTI_DOMAIN',
      multi_domain_type: 'primary_single',
      domain: 'www.example.com',
      sans: 'example.com,*.api.example.com',
      domain_count: 3,
      wildcard_count: 1,
      fingerprint: x.fingerprint.replace(/:/g, '').toLowerCase(),
      enterprise_project_id: t.project.id,
      shared: false,
      application_info: {
        country: 'DE',
        company_name: 'Example, GmbH',
        company_province: 'Berlin',
        company_city: 'Berlin',
        applicant_name: null,
        applicant_phone: null,
        applicant_email: null,
        contact_name: null,
        contact_phone: null,
        contact_email: null,
      },
      description: null,
      authentification: [],
    });
    expect(body.fingerprint).toMatch(/^[0-9a-f]{40}$/);
    expect(body.id).toMatch(/^[a-z0-9]{16}$/);
    // The vendor's types, and its keys in its example's order (src/compat/huawei-scm/README.md, 'Mapping').
    expect(Value.Check(ScmCertificateSchema, body)).toBe(true);
    expect(Object.keys(body)).toEqual(Object.keys(ScmCertificateSchema.properties));
  });

  it.each([
    ['DV', '2.23.140.1.2.1', 'DV_SSL_CERT'],
    ['EV', '2.23.140.1.1', 'EV_SSL_CERT'],
    ['IV (no SCM name)', '2.23.140.1.2.3', null],
  ])('reads the type of an imported %s certificate from its policy OID', async (_name, oid, type) => {
    const { rec } = await importCert({ commonName: `${oid}.example.com`, extensions: policy(oid) });
    expect((await get(rec.uid)).json()).toMatchObject({ type, domain_type: 'SINGLE_DOMAIN', multi_domain_type: null, sans: null, domain_count: 1, wildcard_count: 0 });
  });

  it('gives a certificate without policies a null type, and a wildcard one WILDCARD; Organization-scoped is shared', async () => {
    const { rec } = await importCert({ commonName: '*.example.com', sans: ['*.example.com'] }, 1);
    expect((await get(rec.uid)).json()).toMatchObject({ type: null, domain_type: 'WILDCARD', multi_domain_type: null, domain_count: 1, wildcard_count: 1, shared: true });
  });

  it('says EXPIRED the moment notAfter passes (the injected clock)', async () => {
    const { rec } = await importCert({ commonName: 'soon.example.com', notBefore: NOT_BEFORE, notAfter: NOT_AFTER });
    t.clock.set(new Date(NOT_AFTER.getTime() - 1));
    expect((await get(rec.uid)).json().status).toBe('UPLOAD');
    t.clock.set(NOT_AFTER);
    expect((await get(rec.uid)).json().status).toBe('EXPIRED');
  });

  it('lets a key read what a project it covers can see: 404 across organizations, 403 for a sibling project’s own certificate', async () => {
    const { rec } = await importCert({ commonName: 'private.example.com' });
    const { rec: shared } = await importCert({ commonName: 'shared.example.com' }, 1);
    const sibling = await t.otherTenant(true);
    const stranger = await t.otherTenant(false);
    const unknown = await get('zzzzzzzzzzzzzzzz');
    expectError(unknown, 404, 'SCM.0404');

    expect((await get(rec.uid, t.keys.viewer)).statusCode).toBe(200);
    expect((await get(rec.uid, SUPER_TOKEN)).statusCode).toBe(200);
    expect((await get(rec.uid, await orgWideKey(t.org.id))).statusCode).toBe(200);
    // Another organization: not found, told apart from nothing.
    for (const key of [stranger.adminKey, await orgWideKey(stranger.orgId, 'admin')]) {
      const res = await get(rec.uid, key);
      expectError(res, 404, 'SCM.0404');
      expect(res.body).toBe(unknown.body);
      expectError(await get(shared.uid, key), 404, 'SCM.0404');
    }
    // The same organization: a sibling project's own certificate is forbidden, its shared one visible.
    const forbidden = await get(rec.uid, sibling.adminKey);
    expectError(forbidden, 403, 'SCM.0403');
    expect(forbidden.body).not.toContain('private.example.com');
    expect((await get(shared.uid, sibling.adminKey)).json()).toMatchObject({ id: shared.uid, shared: true });
  });

  it('refuses a disabled organization’s key with 403, before looking at the id, until it is enabled', async () => {
    const other = await t.otherTenant(false);
    const c = aCertificate({ commonName: 'disabled.example.com' });
    const imported = await t.call('POST', `/api/v1/projects/${other.projectId}/certificates/import`, { key: other.adminKey, body: { certificateBody: c.certPem, scopeId: 0 } });
    const uid = imported.json().result.uid as string;
    expect((await get(uid, other.adminKey)).statusCode).toBe(200);
    expect((await t.call('PATCH', `/api/v1/organizations/${other.orgId}`, { body: { disabled: true } })).statusCode).toBe(200);

    // Its own certificate, an unknown id, a malformed id, an unknown path: the same 403.
    for (const url of [`/v3/scm/certificates/${uid}`, '/v3/scm/certificates/zzzzzzzzzzzzzzzz', '/v3/scm/certificates/NOT-AN-ID', '/v3/scm/nothing']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { 'x-auth-token': other.adminKey } });
      expectError(res, 403, 'SCM.0403');
      expect(res.json().error_msg).toBe('Access denied: the organization of this key is disabled.');
    }
    // Other organizations are untouched; enabling it again lets its key read.
    expect((await get(uid, SUPER_TOKEN)).statusCode).toBe(200);
    expect((await t.call('PATCH', `/api/v1/organizations/${other.orgId}`, { body: { disabled: false } })).statusCode).toBe(200);
    expect((await get(uid, other.adminKey)).json()).toMatchObject({ id: uid, name: 'disabled.example.com' });
  });

  it.each([
    ['no token', null],
    ['an empty token', ''],
    ['an unknown token', 'ck_this-is-not-a-key-000000000000000000000000'],
    ['the native Authorization header only', 'NATIVE'],
  ])('refuses %s with 401', async (_name, token) => {
    const { rec } = await importCert({ commonName: 'auth.example.com' });
    const res =
      token === 'NATIVE'
        ? await t.app.inject({ method: 'GET', url: `/v3/scm/certificates/${rec.uid}`, headers: { authorization: `Bearer ${t.keys.viewer}` } })
        : await get(rec.uid, token);
    expectError(res, 401, 'SCM.0401');
  });

  it('refuses a revoked key with 401', async () => {
    const { rec } = await importCert({ commonName: 'revoked.example.com' });
    const keys = (await t.call('GET', `/api/v1/projects/${t.project.id}/api-keys`, { key: t.keys.admin })).json().result;
    const viewerId = keys.find((k: { name: string }) => k.name === 'viewer').id;
    await t.call('DELETE', `/api/v1/projects/${t.project.id}/api-keys/${viewerId}`, { key: t.keys.admin });
    expectError(await get(rec.uid, t.keys.viewer), 401, 'SCM.0401');
  });

  it.each([
    ['too short', 'abc'],
    ['too long', 'abcdefghij0123456'],
    ['upper case', 'ABCDEFGHIJ012345'],
    ['punctuation', 'abcdefghij01234-'],
  ])('refuses an id that is %s with 400', async (_name, id) => {
    expectError(await get(id), 400, 'SCM.0400');
  });

  it('answers unknown paths under /v3/scm in SCM’s shape, and an unexpected failure with 500 and no details', async () => {
    expectError(await t.app.inject({ method: 'GET', url: '/v3/scm/nothing', headers: { 'x-auth-token': t.keys.viewer } }), 404, 'SCM.0404');
    expectError(await t.app.inject({ method: 'GET', url: '/v3/scm/nothing' }), 401, 'SCM.0401');
    const repo = t.services.store.certificates;
    const original = repo.findByUid.bind(repo);
    repo.findByUid = async () => {
      throw new Error('disk on fire at /srv/certkeeper/store.js:12');
    };
    try {
      const res = await get('abcdefghij012345');
      expectError(res, 500, 'SCM.0500');
      expect(res.body).not.toContain('fire');
    } finally {
      repo.findByUid = original;
    }
  });
});
