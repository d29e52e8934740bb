import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

describe.each(dialects)('services and domains API on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    base = `/api/v1/projects/${t.project.id}/services`;
  });
  afterEach(async () => t.close());

  const createService = async (name = 'web', key = t.keys.editor) => {
    const res = await t.call('POST', base, { key, body: { name } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result.id as number;
  };
  const addDomain = async (serviceId: number, domain: string) => {
    const res = await t.call('POST', `${base}/${serviceId}/domains`, { key: t.keys.editor, body: { domain } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result;
  };
  const importCert = async (sans: string[], options: { scopeId?: number; projectId?: string; key?: string } = {}) => {
    const c = aCertificate({ commonName: sans[0], sans });
    const projectId = options.projectId ?? t.project.id;
    const res = await t.call('POST', `/api/v1/projects/${projectId}/certificates/import`, { key: options.key ?? t.keys.editor, body: { certificateBody: c.certPem, scopeId: options.scopeId ?? 0 } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result.id as number;
  };
  const attach = (serviceId: number, domain: string, certificateId: number, key = t.keys.editor) =>
    t.call('PUT', `${base}/${serviceId}/domains/${encodeURIComponent(domain)}/certificate`, { key, body: { certificateId } });
  const events = async (type: string) => (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=${type}`, { key: t.keys.viewer })).json();

  it('creates, lists (paged), gets and deletes services; viewers read, editors change', async () => {
    const created = await t.call('POST', base, { key: t.keys.editor, body: { name: '  shop  ' } });
    expect(created.statusCode).toBe(200);
    const s = created.json();
    expect(s).toMatchObject({ success: true, errors: [], result: { name: 'shop', projectId: t.project.id, createdAt: '2026-06-01T00:00:00.000Z' } });
    expect(Number.isInteger(s.result.id)).toBe(true);
    expect(s.result.id).toBeGreaterThan(0);
    const ids = [s.result.id, await createService('b'), await createService('c')];

    const page = (await t.call('GET', `${base}?pageIndex=2&pageSize=2`, { key: t.keys.viewer })).json();
    expect(page.result.map((x: { id: number }) => x.id)).toEqual([ids[2]]);
    expect(page.resultInfo).toEqual({ totalCount: 3, pageIndex: 2, pageSize: 2, totalPages: 2, hasNextPage: false, hasPreviousPage: true });
    expect((await t.call('GET', `${base}/${ids[1]}`, { key: t.keys.viewer })).json().result).toMatchObject({ id: ids[1], name: 'b' });

    const viewerCreate = await t.call('POST', base, { key: t.keys.viewer, body: { name: 'nope' } });
    expect(viewerCreate.statusCode).toBe(403);
    expect(viewerCreate.json().code).toBe('forbidden');
    expect((await t.call('DELETE', `${base}/${ids[0]}`, { key: t.keys.viewer })).statusCode).toBe(403);
    expect((await t.call('POST', base, { key: t.keys.editor, body: { name: '   ' } })).json().code).toBe('validation_failed');
    expect((await t.call('POST', base, { key: t.keys.editor, body: {} })).json().code).toBe('validation_failed');

    const del = await t.call('DELETE', `${base}/${ids[0]}`, { key: t.keys.editor });
    expect(del.json().result).toMatchObject({ id: ids[0], name: 'shop' });
    const gone = await t.call('GET', `${base}/${ids[0]}`, { key: t.keys.viewer });
    expect(gone.statusCode).toBe(404);
    expect(gone.json().code).toBe('service_not_found');
    expect((await t.call('DELETE', `${base}/${ids[0]}`, { key: t.keys.editor })).json().code).toBe('service_not_found');
    expect((await t.call('GET', `${base}/abc`, { key: t.keys.viewer })).json().code).toBe('validation_failed');
    // Ids are never reused.
    expect(await createService('d')).toBeGreaterThan(ids[2]);
  });

  it('adds domains normalized (lower case, punycode, wildcards), refuses duplicates and non-host names, lists and removes them', async () => {
    const id = await createService();
    expect(await addDomain(id, 'WWW.Example.com.')).toEqual({ domain: 'www.example.com', certType: 'none', certificateId: null, autocertRequestStatus: null, autocertRequestTime: null, createdAt: '2026-06-01T00:00:00.000Z' });
    expect((await addDomain(id, 'Bücher.example')).domain).toBe('xn--bcher-kva.example');
    expect((await addDomain(id, '*.api.example.com')).domain).toBe('*.api.example.com');

    const dup = await t.call('POST', `${base}/${id}/domains`, { key: t.keys.editor, body: { domain: 'www.EXAMPLE.com' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('domain_already_exists');
    for (const bad of ['not a host', 'a.*.example.com', '*.com', 'example.com/x', 'localhost']) {
      const res = await t.call('POST', `${base}/${id}/domains`, { key: t.keys.editor, body: { domain: bad } });
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    expect((await t.call('POST', `${base}/${id}/domains`, { key: t.keys.viewer, body: { domain: 'x.example.com' } })).statusCode).toBe(403);
    expect((await t.call('POST', `${base}/999999/domains`, { key: t.keys.editor, body: { domain: 'x.example.com' } })).json().code).toBe('service_not_found');

    const list = (await t.call('GET', `${base}/${id}/domains`, { key: t.keys.viewer })).json();
    expect(list.result.map((d: { domain: string }) => d.domain)).toEqual(['*.api.example.com', 'www.example.com', 'xn--bcher-kva.example']);
    expect(list.resultInfo.totalCount).toBe(3);

    const removed = await t.call('DELETE', `${base}/${id}/domains/B%C3%BCcher.example`, { key: t.keys.editor });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().result.domain).toBe('xn--bcher-kva.example');
    const again = await t.call('DELETE', `${base}/${id}/domains/xn--bcher-kva.example`, { key: t.keys.editor });
    expect(again.statusCode).toBe(404);
    expect(again.json().code).toBe('domain_not_found');
    expect((await t.call('DELETE', `${base}/${id}/domains/*.api.example.com`, { key: t.keys.editor })).statusCode).toBe(200);
    expect((await t.call('GET', `${base}/${id}/domains`, { key: t.keys.viewer })).json().result.map((d: { domain: string }) => d.domain)).toEqual(['www.example.com']);
  });

  it('attaches a certificate only when its names cover the domain (RFC 6125 wildcard depth), and detaches it', async () => {
    const id = await createService();
    for (const d of ['www.example.com', 'a.b.example.com', 'example.com', '*.example.com', '192.0.2.10', 'other.example.org']) await addDomain(id, d);
    const exact = await importCert(['www.example.com']);
    const wildcard = await importCert(['*.example.com']);
    const ip = await importCert(['ip.example.net', '192.0.2.10']);

    const ok = await attach(id, 'www.example.com', exact);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().result).toMatchObject({ domain: 'www.example.com', certType: 'manual', certificateId: exact });
    // The wildcard covers one label: www, not a.b nor the bare domain; a wildcard domain only by the same wildcard.
    expect((await attach(id, 'www.example.com', wildcard)).json().result).toMatchObject({ certType: 'manual', certificateId: wildcard });
    expect((await attach(id, '*.example.com', wildcard)).statusCode).toBe(200);
    expect((await attach(id, '*.example.com', exact)).json().code).toBe('certificate_does_not_cover');
    for (const domain of ['a.b.example.com', 'example.com', 'other.example.org']) {
      const res = await attach(id, domain, wildcard);
      expect(res.statusCode, domain).toBe(400);
      expect(res.json()).toMatchObject({ success: false, code: 'certificate_does_not_cover' });
    }
    expect((await attach(id, '192.0.2.10', ip)).statusCode).toBe(200);
    expect((await attach(id, '192.0.2.10', wildcard)).json().code).toBe('certificate_does_not_cover');

    expect((await attach(id, 'www.example.com', 999999)).json().code).toBe('certificate_not_found');
    expect((await attach(id, 'missing.example.com', exact)).json().code).toBe('domain_not_found');
    expect((await attach(id, 'www.example.com', exact, t.keys.viewer)).statusCode).toBe(403);
    const notCovering = await t.call('GET', `${base}/${id}/domains`, { key: t.keys.viewer });
    expect(notCovering.json().result.find((d: { domain: string }) => d.domain === 'a.b.example.com')).toMatchObject({ certType: 'none', certificateId: null });

    const detached = await t.call('DELETE', `${base}/${id}/domains/www.example.com/certificate`, { key: t.keys.editor });
    expect(detached.json().result).toMatchObject({ domain: 'www.example.com', certType: 'none', certificateId: null });
    // Detaching again changes nothing and records nothing.
    expect((await t.call('DELETE', `${base}/${id}/domains/www.example.com/certificate`, { key: t.keys.editor })).statusCode).toBe(200);
    expect((await events('service.certificate_detached')).resultInfo.totalCount).toBe(1);
    expect((await t.call('DELETE', `${base}/${id}/domains/www.example.com/certificate`, { key: t.keys.viewer })).statusCode).toBe(403);
  });

  it('serves a domain of the longest length a DNS name has (253 characters) on every path that names it; 254 is refused in the envelope', async () => {
    const label = (c: string, n = 63) => c.repeat(n);
    const longest = [label('a'), label('b'), label('c'), label('d', 61)].join('.');
    const tooLong = [label('a'), label('b'), label('c'), label('d', 62)].join('.');
    expect([longest.length, tooLong.length]).toEqual([253, 254]);
    const id = await createService();
    await addDomain(id, longest);
    const listed = (await t.call('GET', `${base}/${id}/domains`, { key: t.keys.viewer })).json().result;
    expect(listed.map((d: { domain: string }) => d.domain)).toEqual([longest]);
    const waap = await t.call('GET', `/waap/v1.0/services/${id}/certificates?domain=${longest}`, { key: t.keys.viewer });
    expect(waap.statusCode, waap.body).toBe(200);

    const cert = (await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { key: t.keys.editor, body: { certificateBody: aCertificate({ commonName: null, sans: [longest] }).certPem } })).json().result.id;
    const attached = await attach(id, longest, cert);
    expect(attached.statusCode, attached.body).toBe(200);
    expect(attached.json().result).toMatchObject({ domain: longest, certType: 'manual', certificateId: cert });
    const detached = await t.call('DELETE', `${base}/${id}/domains/${longest}/certificate`, { key: t.keys.editor });
    expect(detached.json().result).toMatchObject({ domain: longest, certType: 'none' });
    // A wildcard needs a DNS provider: the request reached the service.
    const wildcard = `*.${longest.slice(2)}`;
    await addDomain(id, wildcard);
    expect((await t.call('POST', `${base}/${id}/domains/${wildcard}/autocert`, { key: t.keys.editor, body: {} })).json().code).toBe('dns_provider_invalid');
    const removed = await t.call('DELETE', `${base}/${id}/domains/${longest}`, { key: t.keys.editor });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json().result.domain).toBe(longest);

    for (const [method, path] of [
      ['DELETE', `${base}/${id}/domains/${tooLong}`],
      ['PUT', `${base}/${id}/domains/${tooLong}/certificate`],
      ['POST', `${base}/${id}/domains/${tooLong}/autocert`],
      ['DELETE', `${base}/${id}/domains/${tooLong}/certificate`],
    ]) {
      const res = await t.call(method, path, { key: t.keys.editor, body: method === 'PUT' ? { certificateId: cert } : undefined });
      expect([res.statusCode, res.json()], `${method} ${path}`).toEqual([400, expect.objectContaining({ success: false, code: 'validation_failed' })]);
    }
    const tooLongBody = await t.call('POST', `${base}/${id}/domains`, { key: t.keys.editor, body: { domain: tooLong } });
    expect([tooLongBody.statusCode, tooLongBody.json().code]).toEqual([400, 'validation_failed']);
  });

  it('attaches certificates the project can see: its own and Organization-scoped ones of its organization', async () => {
    const sibling = await t.otherTenant(true);
    const id = await createService();
    await addDomain(id, 'shared.example.com');
    const siblingCert = await importCert(['shared.example.com'], { projectId: sibling.projectId, key: sibling.adminKey, scopeId: 0 });
    expect((await attach(id, 'shared.example.com', siblingCert)).json().code).toBe('certificate_not_found');
    await t.call('PUT', `/api/v1/projects/${sibling.projectId}/certificates/${siblingCert}`, { key: sibling.adminKey, body: { scopeId: 1 } });
    expect((await attach(id, 'shared.example.com', siblingCert)).json().result).toMatchObject({ certType: 'manual', certificateId: siblingCert });
  });

  it('falls back to none when the attached certificate is deleted', async () => {
    const id = await createService();
    await addDomain(id, 'www.example.com');
    const cert = await importCert(['www.example.com']);
    await attach(id, 'www.example.com', cert);
    expect((await t.call('DELETE', `/api/v1/projects/${t.project.id}/certificates/${cert}`, { key: t.keys.editor })).statusCode).toBe(200);
    const list = (await t.call('GET', `${base}/${id}/domains`, { key: t.keys.viewer })).json();
    expect(list.result).toEqual([expect.objectContaining({ domain: 'www.example.com', certType: 'none', certificateId: null })]);
  });

  it('deletes a service with all its domains', async () => {
    const id = await createService();
    const keep = await createService('keep');
    await addDomain(id, 'a.example.com');
    await addDomain(id, 'b.example.com');
    await addDomain(keep, 'a.example.com');
    expect((await t.call('DELETE', `${base}/${id}`, { key: t.keys.editor })).statusCode).toBe(200);
    expect((await t.call('GET', `${base}/${id}/domains`, { key: t.keys.viewer })).json().code).toBe('service_not_found');
    expect(await t.services.store.services.getDomain(id, 'a.example.com')).toBeUndefined();
    expect(await t.services.store.services.getDomain(id, 'b.example.com')).toBeUndefined();
    expect((await t.call('GET', `${base}/${keep}/domains`, { key: t.keys.viewer })).json().resultInfo.totalCount).toBe(1);
    const deleted = (await events('service.deleted')).result;
    expect(deleted).toEqual([expect.objectContaining({ objectType: 'service', objectId: String(id), data: { name: 'web', domainCount: 2 } })]);
  });

  it('records every change in the audit log, with who did it', async () => {
    const id = await createService('audited');
    await addDomain(id, 'www.example.com');
    const cert = await importCert(['www.example.com']);
    await attach(id, 'www.example.com', cert);
    await t.call('DELETE', `${base}/${id}/domains/www.example.com/certificate`, { key: t.keys.editor });
    await t.call('DELETE', `${base}/${id}/domains/www.example.com`, { key: t.keys.editor });
    await t.call('DELETE', `${base}/${id}`, { key: t.keys.editor });
    const editorKeyId = (await t.call('GET', `/api/v1/projects/${t.project.id}/api-keys`, { key: t.keys.admin })).json().result.find((k: { name: string }) => k.name === 'editor').id;
    const expected: Array<[string, Record<string, unknown>]> = [
      ['service.created', { name: 'audited' }],
      ['service.domain_added', { domain: 'www.example.com' }],
      ['service.certificate_attached', { domain: 'www.example.com', certificateId: cert, previousCertificateId: null, previousCertType: 'none' }],
      ['service.certificate_detached', { domain: 'www.example.com', certificateId: cert, previousCertType: 'manual' }],
      ['service.domain_removed', { domain: 'www.example.com', certificateId: null }],
      ['service.deleted', { name: 'audited', domainCount: 0 }],
    ];
    for (const [type, data] of expected) {
      const e = await events(type);
      expect(e.result, type).toEqual([expect.objectContaining({ type, actor: `api_key:${editorKeyId}`, objectType: 'service', objectId: String(id), data })]);
    }
    // Refused changes record nothing.
    await t.call('POST', base, { key: t.keys.viewer, body: { name: 'x' } });
    expect((await events('service.created')).resultInfo.totalCount).toBe(1);
  });

  it('hides other projects’ services, even in the same organization', async () => {
    const sibling = await t.otherTenant(true);
    const stranger = await t.otherTenant(false);
    const id = await createService('mine');
    await addDomain(id, 'www.example.com');
    const siblingBase = `/api/v1/projects/${sibling.projectId}/services`;
    // The sibling's own project path with our service id: not its service.
    for (const [method, url, body] of [
      ['GET', `${siblingBase}/${id}`, undefined],
      ['DELETE', `${siblingBase}/${id}`, undefined],
      ['GET', `${siblingBase}/${id}/domains`, undefined],
      ['POST', `${siblingBase}/${id}/domains`, { domain: 'evil.example.com' }],
      ['DELETE', `${siblingBase}/${id}/domains/www.example.com`, undefined],
      ['DELETE', `${siblingBase}/${id}/domains/www.example.com/certificate`, undefined],
    ] as const) {
      const res = await t.call(method, url, { key: sibling.adminKey, body });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
      expect(res.json().code).toBe('service_not_found');
    }
    expect((await t.call('GET', base, { key: stranger.adminKey })).json().code).toBe('project_not_found');
    expect((await t.call('GET', siblingBase, { key: sibling.adminKey })).json().resultInfo.totalCount).toBe(0);
    expect((await t.call('GET', `${base}/${id}/domains`, { key: t.keys.viewer })).json().result).toHaveLength(1);
  });
});
