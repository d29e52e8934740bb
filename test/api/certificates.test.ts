import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCertificate, toPkcs12 } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

const DAY = 86_400_000;

describe.each(dialects)('native certificates API on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    base = `/api/v1/projects/${t.project.id}/certificates`;
  });
  afterEach(async () => t.close());

  const importPem = (body: Record<string, unknown>, key = t.keys.editor) => t.call('POST', `${base}/import`, { key, body: { scopeId: 0, ...body } });

  it('imports a PEM certificate with key and chain and serves every field of the certificate view', async () => {
    const now = t.clock.now();
    const c = await aCertificate({ commonName: 'www.example.com', sans: ['www.example.com', 'example.com', '*.api.example.com'], notBefore: new Date(now.getTime() - DAY), notAfter: new Date(now.getTime() + 45.5 * DAY) });
    const res = await importPem({ certificateBody: c.certPem, certificatePrivateKey: c.keyPem, certificateChain: c.chainPem });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ success: true, errors: [] });
    const r = body.result;
    expect(r).toMatchObject({
      projectId: t.project.id,
      scopeId: 0,
      scope: 'Project',
      domainName: 'www.example.com',
      additionalNames: 'example.com,*.api.example.com',
      certificateType: 'Imported',
      certificateStatus: 'Active',
      kind: 'tls',
      source: 'imported',
      status: 'issued',
      daysLeft: 45,
      hasPrivateKey: true,
      scopeOptions: { Project: 0, Organization: 1 },
      dnsRecords: [],
    });
    expect(r.id).toBeGreaterThan(0);
    expect(r.uid).toMatch(/^[a-z0-9]{16}$/);
    expect(r.sslCertificateId).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.sans).toEqual(['www.example.com', 'example.com', '*.api.example.com']);
    const x = new X509Certificate(c.certPem);
    expect(r.fingerprintSha256).toBe(x.fingerprint256.replace(/:/g, '').toLowerCase());
    expect(r.fingerprintSha1).toBe(x.fingerprint.replace(/:/g, '').toLowerCase());
    expect(r.serialNumber).toBe(x.serialNumber.toUpperCase());
    expect(new Date(r.notAfter).getTime()).toBe(new Date(x.validTo).getTime());
    expect(r.issuer).toContain('CN=');
    expect(r.subject).toContain('CN=www.example.com');
    expect(r.extendedKeyUsage).toContain('serverAuth');
    for (const k of ['publicKeyInfo', 'signatureAlgorithm', 'lastModified', 'createdAt', 'notBefore']) expect(typeof r[k]).toBe('string');
    expect(JSON.stringify(body)).not.toContain('PRIVATE KEY');

    const got = await t.call('GET', `${base}/${r.id}`, { key: t.keys.viewer });
    expect(got.json().result).toEqual(r);
  });

  it('returns the existing record for the same material, and says so', async () => {
    const c = await aCertificate({ commonName: 'dup.example.com' });
    const first = (await importPem({ certificateBody: c.certPem, certificatePrivateKey: c.keyPem })).json();
    const again = (await importPem({ certificateBody: c.certPem })).json();
    expect(again.success).toBe(true);
    expect(again.result.id).toBe(first.result.id);
    expect(again.messages.join(' ')).toMatch(/already/i);
    const list = (await t.call('GET', base, { key: t.keys.viewer })).json();
    expect(list.resultInfo.totalCount).toBe(1);
  });

  it('accepts base64 DER, a certificate without a key, and an out-of-order chain (put in order)', async () => {
    const c = await aCertificate({ commonName: 'der.example.com' });
    const der = await importPem({ certificateBody: c.certDer.toString('base64') });
    expect(der.statusCode).toBe(200);
    expect(der.json().result.hasPrivateKey).toBe(false);
    const c2 = await aCertificate({ commonName: 'chain.example.com' });
    const blocks = c2.chainPem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g)!;
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    const reversed = [...blocks].reverse().join('');
    const res = await importPem({ certificateBody: c2.certPem, certificatePrivateKey: c2.keyPem, certificateChain: reversed });
    expect(res.statusCode).toBe(200);
    expect(res.json().messages.join(' ')).toMatch(/order/i);
    const chain = await t.call('GET', `${base}/${res.json().result.id}/chain`, { key: t.keys.viewer });
    expect(chain.statusCode).toBe(200);
    expect(chain.headers['content-type']).toContain('application/pem-certificate-chain');
    const served = chain.body.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n?/g)!;
    expect(served.map((b) => b.trim())).toEqual([c2.certPem.trim(), ...blocks.map((b) => b.trim())]);
    expect(chain.body).not.toContain('PRIVATE');
  });

  it.each([
    ['a key that does not match', async () => ({ certificateBody: (await aCertificate({ commonName: 'a.example' })).certPem, certificatePrivateKey: (await aCertificate({ commonName: 'b.example' })).keyPem }), 'key_mismatch'],
    ['a chain that does not link', async () => ({ certificateBody: (await aCertificate({ commonName: 'a.example' })).certPem, certificateChain: (await aCertificate({ commonName: 'other.example' })).certPem }), 'chain_invalid'],
    ['a PEM with no certificate', async () => ({ certificateBody: 'hello\n-----BEGIN FOO-----\nAAAA\n-----END FOO-----\n' }), 'certificate_missing'],
    ['binary garbage', async () => ({ certificateBody: Buffer.from('\x00\x01\x02garbage\xff\xfe').toString('base64') }), 'certificate_invalid'],
    ['truncated DER', async () => ({ certificateBody: (await aCertificate({ commonName: 't.example' })).certDer.subarray(0, 200).toString('base64') }), 'certificate_invalid'],
    ['a private key in the body field', async () => ({ certificateBody: (await aCertificate({ commonName: 'k.example' })).keyPem }), 'private_key_in_certificate_field'],
    ['an unreadable private key', async () => ({ certificateBody: (await aCertificate({ commonName: 'k.example' })).certPem, certificatePrivateKey: '-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n' }), 'private_key_invalid'],
    ['a bad scope', async () => ({ certificateBody: (await aCertificate({ commonName: 's.example' })).certPem, scopeId: 7 }), 'invalid_scope'],
  ])('refuses %s with a precise 400 and stores nothing', async (_name, make, code) => {
    const res = await importPem(await make());
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ success: false, code, result: null });
    expect(res.json().errors[0].length).toBeGreaterThan(5);
    expect((await t.call('GET', base, { key: t.keys.viewer })).json().resultInfo.totalCount).toBe(0);
  });

  it('imports PKCS#12, modern and legacy, and refuses a wrong password', async () => {
    const c = await aCertificate({ commonName: 'p12.example.com', keyType: 'rsa-2048' });
    const modern = await toPkcs12(c, { password: 'pw-modern', legacy: false });
    const legacy = await toPkcs12(await aCertificate({ commonName: 'legacy.example.com' }), { password: 'pw-legacy', legacy: true });
    const r1 = await t.call('POST', `${base}/import`, { key: t.keys.editor, body: { pkcs12: modern.toString('base64'), password: 'pw-modern', scopeId: 0 } });
    expect(r1.statusCode).toBe(200);
    expect(r1.json().result).toMatchObject({ domainName: 'p12.example.com', hasPrivateKey: true });
    const r2 = await t.call('POST', `${base}/import`, { key: t.keys.editor, body: { pkcs12: legacy.toString('base64'), password: 'pw-legacy', scopeId: 0 } });
    expect(r2.statusCode).toBe(200);
    expect(r2.json().result.domainName).toBe('legacy.example.com');
    const bad = await t.call('POST', `${base}/import`, { key: t.keys.editor, body: { pkcs12: modern.toString('base64'), password: 'wrong', scopeId: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('pkcs12_bad_password');
  });

  it('pages exactly, filters and sorts', async () => {
    const now = t.clock.now().getTime();
    const specs = [
      { cn: 'a.example.com', days: 10 },
      { cn: 'b.example.com', days: 40 },
      { cn: 'c.shop.example.net', days: 5, sans: ['c.shop.example.net', '*.shop.example.net'] },
      { cn: 'd.example.org', days: -3 },
      { cn: 'e.example.com', days: 200 },
    ];
    for (const s of specs) {
      const c = await aCertificate({ commonName: s.cn, sans: s.sans, notBefore: new Date(now - 400 * DAY), notAfter: new Date(now + s.days * DAY) });
      expect((await importPem({ certificateBody: c.certPem })).statusCode).toBe(200);
      t.clock.advance(1000);
    }
    const get = async (q: string) => (await t.call('GET', `${base}?${q}`, { key: t.keys.viewer })).json();
    const names = (b: { result: Array<{ domainName: string }> }) => b.result.map((r) => r.domainName);

    const p2 = await get('pageIndex=2&pageSize=2&sort=notAfter&order=asc');
    expect(names(p2)).toEqual(['a.example.com', 'b.example.com']);
    expect(p2.resultInfo).toEqual({ totalCount: 5, pageIndex: 2, pageSize: 2, totalPages: 3, hasNextPage: true, hasPreviousPage: true });
    expect(names(await get('sort=notAfter&order=desc'))).toEqual(['e.example.com', 'b.example.com', 'a.example.com', 'c.shop.example.net', 'd.example.org']);
    expect(names(await get('sort=-notAfter'))).toEqual(names(await get('sort=notAfter&order=desc')));
    expect(names(await get('sort=notAfter:desc'))).toEqual(names(await get('sort=notAfter&order=desc')));
    expect(names(await get('sort=domainName&order=asc'))).toEqual(['a.example.com', 'b.example.com', 'c.shop.example.net', 'd.example.org', 'e.example.com']);
    expect(names(await get('sort=lastModified&order=desc'))[0]).toBe('e.example.com');
    expect(names(await get('expiringWithinDays=30&sort=notAfter'))).toEqual(['c.shop.example.net', 'a.example.com']);
    expect((await get('expiringWithinDays=30')).resultInfo.totalCount).toBe(2);
    expect(names(await get('status=Expired'))).toEqual(['d.example.org']);
    expect((await get('status=Active')).resultInfo.totalCount).toBe(4);
    expect(names(await get('search=SHOP'))).toEqual(['c.shop.example.net']);
    expect(names(await get('covers=x.shop.example.net'))).toEqual(['c.shop.example.net']);
    expect(names(await get('covers=a.b.shop.example.net'))).toEqual([]);
    expect(names(await get('covers=a.example.com'))).toEqual(['a.example.com']);
    expect((await get('kind=tls')).resultInfo.totalCount).toBe(5);
    expect((await get('pageSize=20&pageIndex=9')).result).toEqual([]);

    const bad = await t.call('GET', `${base}?pageSize=501`, { key: t.keys.viewer });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    expect((await t.call('GET', `${base}?status=Sleeping`, { key: t.keys.viewer })).json().code).toBe('validation_failed');
    expect((await t.call('GET', `${base}?sort=color`, { key: t.keys.viewer })).statusCode).toBe(400);
  });

  it('says Expired the moment notAfter passes', async () => {
    const now = t.clock.now().getTime();
    const c = await aCertificate({ commonName: 'soon.example.com', notBefore: new Date(now - DAY), notAfter: new Date(now + 60_000) });
    const id = (await importPem({ certificateBody: c.certPem })).json().result.id;
    // The certificate's notAfter as encoded (whole seconds), not the requested one.
    const notAfter = new Date(new X509Certificate(c.certPem).validTo);
    t.clock.set(new Date(notAfter.getTime() - 1));
    expect((await t.call('GET', `${base}/${id}`, { key: t.keys.viewer })).json().result).toMatchObject({ certificateStatus: 'Active', daysLeft: 0 });
    t.clock.set(notAfter);
    expect((await t.call('GET', `${base}/${id}`, { key: t.keys.viewer })).json().result).toMatchObject({ certificateStatus: 'Expired', status: 'expired' });
    t.clock.set(new Date(notAfter.getTime() + 1));
    expect((await t.call('GET', `${base}/${id}`, { key: t.keys.viewer })).json().result).toMatchObject({ certificateStatus: 'Expired', daysLeft: -1 });
  });

  it('shares Organization-scoped certificates with every project of the organization', async () => {
    const sibling = await t.otherTenant(true);
    const stranger = await t.otherTenant(false);
    const c = await aCertificate({ commonName: 'shared.example.com' });
    const id = (await importPem({ certificateBody: c.certPem })).json().result.id;
    expect((await t.call('GET', `/api/v1/projects/${sibling.projectId}/certificates/${id}`, { key: sibling.adminKey })).statusCode).toBe(404);
    const put = await t.call('PUT', `${base}/${id}`, { key: t.keys.editor, body: { scopeId: 1 } });
    expect(put.json().result).toMatchObject({ scopeId: 1, scope: 'Organization' });
    const seen = await t.call('GET', `/api/v1/projects/${sibling.projectId}/certificates/${id}`, { key: sibling.adminKey });
    expect(seen.statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/projects/${sibling.projectId}/certificates`, { key: sibling.adminKey })).json().resultInfo.totalCount).toBe(1);
    expect((await t.call('GET', `/api/v1/projects/${stranger.projectId}/certificates/${id}`, { key: stranger.adminKey })).statusCode).toBe(404);
    // the sibling may see it but not change or delete it
    expect((await t.call('DELETE', `/api/v1/projects/${sibling.projectId}/certificates/${id}`, { key: sibling.adminKey })).statusCode).toBe(403);
  });

  it('exports with the key for admins only, records it, and deletes with the key material', async () => {
    const c = await aCertificate({ commonName: 'export.example.com', keyType: 'ec-p256' });
    const id = (await importPem({ certificateBody: c.certPem, certificatePrivateKey: c.keyPem, certificateChain: c.chainPem })).json().result.id;
    expect((await t.call('POST', `${base}/${id}/export`, { key: t.keys.editor, body: { format: 'pem' } })).statusCode).toBe(403);
    const pem = await t.call('POST', `${base}/${id}/export`, { key: t.keys.admin, body: { format: 'pem' } });
    expect(pem.statusCode).toBe(200);
    const out = pem.json().result;
    const pub = (k: string) => createPublicKey(createPrivateKey(k)).export({ type: 'spki', format: 'der' });
    expect(pub(out.privateKey)).toEqual(pub(c.keyPem));
    expect(out.fullChain.startsWith(out.certificate)).toBe(true);
    const versions = (await t.call('GET', `${base}/${id}/versions`, { key: t.keys.viewer })).json();
    expect(versions.result).toEqual([
      expect.objectContaining({ current: true, hasPrivateKey: true, fingerprintSha256: new X509Certificate(c.certPem).fingerprint256.replace(/:/g, '').toLowerCase() }),
    ]);
    const p12 = await t.call('POST', `${base}/${id}/export`, { key: t.keys.admin, body: { format: 'pkcs12', password: 'pw' } });
    expect(p12.statusCode).toBe(200);
    const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.exported`, { key: t.keys.viewer })).json();
    expect(events.resultInfo.totalCount).toBe(2);
    expect(JSON.stringify(events)).not.toContain('PRIVATE KEY');

    const del = await t.call('DELETE', `${base}/${id}`, { key: t.keys.editor });
    expect(del.statusCode).toBe(200);
    expect(del.json().result.id).toBe(id);
    expect((await t.call('GET', `${base}/${id}`, { key: t.keys.viewer })).json().code).toBe('certificate_not_found');
    const material = await t.services.store.certificates.getMaterial(del.json().result.sslCertificateId);
    expect(material).toBeUndefined();
  });

  it('imports in bulk: each item imported, duplicate or failed on its own, in one transaction', async () => {
    const a = aCertificate({ commonName: 'bulk-a.example.com' });
    const b = aCertificate({ commonName: 'bulk-b.example.com', keyType: 'rsa-2048' });
    const existing = aCertificate({ commonName: 'bulk-existing.example.com' });
    const existingId = (await importPem({ certificateBody: existing.certPem })).json().result.id;
    const items = [
      { certificateBody: a.certPem, certificatePrivateKey: a.keyPem, certificateChain: a.chainPem },
      { certificateBody: b.certPem, certificatePrivateKey: a.keyPem },
      { certificateBody: existing.certPem },
      { pkcs12: toPkcs12(b, { password: 'pw' }).toString('base64'), password: 'pw', scopeId: 1 },
      { certificateBody: a.certPem },
      { certificateBody: 'garbage' },
    ];
    const res = await t.call('POST', `${base}/import-batch`, { key: t.keys.editor, body: { items } });
    expect(res.statusCode).toBe(200);
    const out = res.json();
    expect(out.messages).toEqual(['imported 2, duplicate 2, failed 2']);
    const r = out.result;
    expect(r.map((i: { success: boolean; duplicate: boolean; code: string | null }) => [i.success, i.duplicate, i.code])).toEqual([
      [true, false, null],
      [false, false, 'key_mismatch'],
      [true, true, null],
      [true, false, null],
      [true, true, null],
      [false, false, 'certificate_invalid'],
    ]);
    expect(r[0].certificate).toMatchObject({ domainName: 'bulk-a.example.com', hasPrivateKey: true });
    expect(r[2].certificate.id).toBe(existingId);
    expect(r[3].certificate).toMatchObject({ domainName: 'bulk-b.example.com', hasPrivateKey: true, scopeId: 1 });
    expect(r[4].certificate.id).toBe(r[0].certificate.id);
    expect((await t.call('GET', base, { key: t.keys.viewer })).json().resultInfo.totalCount).toBe(3);
    const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.imported`, { key: t.keys.viewer })).json();
    expect(events.resultInfo.totalCount).toBe(3);
    expect(r.map((i: { id: number | null }) => i.id)).toEqual([r[0].certificate.id, null, existingId, r[3].certificate.id, r[0].certificate.id, null]);
    const brief = (await t.call('POST', `${base}/import-batch?brief=true`, { key: t.keys.editor, body: { items: items.slice(0, 1) } })).json();
    expect(brief.result).toEqual([{ index: 0, success: true, duplicate: true, code: null, errors: [], messages: [expect.stringMatching(/already/)], id: r[0].certificate.id, certificate: null }]);
    expect((await t.call('POST', `${base}/import-batch`, { key: t.keys.viewer, body: { items } })).statusCode).toBe(403);
    expect((await t.call('POST', `${base}/import-batch`, { key: t.keys.editor, body: { items: [] } })).json().code).toBe('validation_failed');
  });

  it('refuses to export a certificate that has no key', async () => {
    const c = await aCertificate({ commonName: 'nokey.example.com' });
    const id = (await importPem({ certificateBody: c.certPem })).json().result.id;
    const r = await t.call('POST', `${base}/${id}/export`, { key: t.keys.admin, body: { format: 'pem' } });
    expect(r.statusCode).toBe(409);
    expect(r.json().code).toBe('export_no_private_key');
  });

  it('answers malformed, oversized and hostile requests with a precise 4xx', async () => {
    const raw = (payload: string, contentType = 'application/json') =>
      t.app.inject({ method: 'POST', url: `${base}/import`, headers: { authorization: `Bearer ${t.keys.editor}`, 'content-type': contentType }, payload });
    expect((await raw('{"certificateBody": ')).json().code).toBe('malformed_json');
    expect((await raw('{"__proto__": {"x": 1}, "certificateBody": "x"}')).statusCode).toBe(400);
    expect((await raw('certificateBody=x', 'application/x-www-form-urlencoded')).statusCode).toBe(415);
    const big = await raw(JSON.stringify({ certificateBody: 'A'.repeat(2 * 1024 * 1024) }));
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('body_too_large');
    expect((await raw(JSON.stringify({ certificateBody: 'x', pkcs12: 'eA==' }))).json().code).toBe('validation_failed');
    expect((await raw(JSON.stringify({ certificateBody: 42 }))).json().code).toBe('validation_failed');
    expect((await t.call('GET', `${base}/abc`, { key: t.keys.viewer })).json().code).toBe('validation_failed');
    expect((await t.call('GET', `${base}/99999999999`, { key: t.keys.viewer })).statusCode).toBe(400);
    expect((await t.call('GET', `${base}/12345`, { key: t.keys.viewer })).json().code).toBe('certificate_not_found');
    expect((await t.call('GET', '/api/v1/nothing-here', { key: t.keys.viewer })).json().code).toBe('route_not_found');
  });
});
