import { createHash } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa, type TestCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { FakeClock } from '../support/fake-clock.js';
import { startStartTlsServer, startTlsServer, type LoopbackServer, type StartTlsProtocol } from '../support/starttls-servers.js';
import { AddressPolicy as AddressGuard } from '../../src/net/address-policy.js';
import { loadConfig } from '../../src/config/config.js';

const DAY = 86_400_000;
let ca: TestCa;
const servers: LoopbackServer[] = [];
const serve = async (leaf: TestCertificate, chain = ca.intermediate.certPem) => {
  const s = await startTlsServer({ key: leaf.keyPem, cert: leaf.certPem + chain });
  servers.push(s);
  return s;
};

beforeAll(() => {
  ca = createTestCa({ name: 'endpoints' });
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

describe.each(dialects)('endpoints API on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  const open = async (env?: Record<string, string>) => {
    // The probe verifies dates against the real time (OpenSSL): the app's clock starts there too.
    t = await createTestApp({ dialect, clock: new FakeClock(new Date()), env });
    base = `/api/v1/projects/${t.project.id}/endpoints`;
  };
  afterEach(async () => t?.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await t.call('POST', base, { key: t.keys.editor, body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result;
  };
  const probe = async (id: number) => {
    const res = await t.call('POST', `${base}/${id}/probe`, { key: t.keys.editor });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result;
  };
  const importCert = async (body: string, chain?: string) => {
    const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { key: t.keys.editor, body: { certificateBody: body, certificateChain: chain } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result;
  };
  const trustProjectCa = () => importCert(ca.root.certPem);
  const events = async (type: string) => (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=${type}&pageSize=100`, { key: t.keys.viewer })).json().result as Array<{ type: string; objectId: string; data: Record<string, unknown> }>;
  const findingTypes = (e: { lastProbe: { findings: Array<{ type: string }> } }) => e.lastProbe.findings.map((f) => f.type).sort();

  it('creates, lists (paged), gets and deletes; viewers read, editors change, other tenants see nothing', async () => {
    await open();
    const a = await create({ host: 'Svc.Example.test', port: 443, protocol: 'tls' });
    expect(a).toMatchObject({ host: 'svc.example.test', port: 443, protocol: 'tls', serverName: null, certificateId: null, lastProbe: null, projectId: t.project.id });
    const b = await create({ host: '127.0.0.1', port: 25, protocol: 'smtp', serverName: 'mail.example.test' });
    const c = await create({ host: '127.0.0.1', port: 636, protocol: 'ldap' });

    const page = (await t.call('GET', `${base}?pageIndex=2&pageSize=2`, { key: t.keys.viewer })).json();
    expect(page.result.map((e: { id: number }) => e.id)).toEqual([c.id]);
    expect(page.resultInfo).toMatchObject({ totalCount: 3, pageIndex: 2, pageSize: 2 });
    expect((await t.call('GET', `${base}/${b.id}`, { key: t.keys.viewer })).json().result).toMatchObject({ id: b.id, serverName: 'mail.example.test', protocol: 'smtp' });

    const dup = await t.call('POST', base, { key: t.keys.editor, body: { host: '127.0.0.1', port: 25, protocol: 'smtp', serverName: 'mail.example.test' } });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().code).toBe('endpoint_already_exists');
    expect((await t.call('POST', base, { key: t.keys.editor, body: { host: 'x.test', port: 443, protocol: 'ftp' } })).json().code).toBe('validation_failed');
    expect((await t.call('POST', base, { key: t.keys.editor, body: { host: '*.x.test', port: 443, protocol: 'tls' } })).json().code).toBe('validation_failed');
    expect((await t.call('POST', base, { key: t.keys.editor, body: { host: 'x.test', port: 0, protocol: 'tls' } })).json().code).toBe('validation_failed');

    const viewerCreate = await t.call('POST', base, { key: t.keys.viewer, body: { host: 'v.test', port: 443, protocol: 'tls' } });
    expect(viewerCreate.statusCode).toBe(403);
    expect((await t.call('POST', `${base}/${a.id}/probe`, { key: t.keys.viewer })).statusCode).toBe(403);
    expect((await t.call('DELETE', `${base}/${a.id}`, { key: t.keys.viewer })).statusCode).toBe(403);

    const other = await t.otherTenant();
    expect((await t.call('GET', `${base}/${a.id}`, { key: other.adminKey })).json().code).toBe('project_not_found');
    const theirs = await t.call('GET', `/api/v1/projects/${other.projectId}/endpoints/${a.id}`, { key: other.adminKey });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('endpoint_not_found');
    expect((await t.call('POST', `/api/v1/projects/${other.projectId}/endpoints/${a.id}/probe`, { key: other.adminKey })).json().code).toBe('endpoint_not_found');
    expect((await t.call('DELETE', `/api/v1/projects/${other.projectId}/endpoints/${a.id}`, { key: other.adminKey })).json().code).toBe('endpoint_not_found');

    const del = await t.call('DELETE', `${base}/${a.id}`, { key: t.keys.editor });
    expect(del.json().result).toMatchObject({ id: a.id });
    expect((await t.call('GET', `${base}/${a.id}`, { key: t.keys.viewer })).json().code).toBe('endpoint_not_found');
    expect((await events('endpoint.created')).length).toBe(3);
    expect((await events('endpoint.deleted')).map((e) => e.objectId)).toEqual([String(a.id)]);
  });

  it('probes a good endpoint: linked to the imported certificate, trusted through the project CA, no findings', async () => {
    await open();
    const leaf = ca.issue({ sans: ['good.test'] });
    const server = await serve(leaf);
    const imported = await importCert(leaf.certPem, ca.chainPem);
    const root = await trustProjectCa();
    expect(root.kind).toBe('ca');
    const e = await create({ host: '127.0.0.1', port: server.port, serverName: 'good.test', protocol: 'tls' });
    const r = await probe(e.id);
    expect(r.certificateId).toBe(imported.id);
    expect(r.lastProbe).toMatchObject({ error: null, chainTrusted: true, trustError: null, nameMatches: true, address: '127.0.0.1', findings: [] });
    expect(r.lastProbe.chainFingerprints).toEqual([imported.fingerprintSha256, expect.stringMatching(/^[0-9a-f]{64}$/)]);
    expect(r.lastProbe.leaf.fingerprintSha256).toBe(imported.fingerprintSha256);
    // get shows the same last probe
    expect((await t.call('GET', `${base}/${e.id}`, { key: t.keys.viewer })).json().result.lastProbe).toEqual(r.lastProbe);
    // ?certificateId= lists the endpoints serving a certificate, and only those
    const other = await create({ host: '127.0.0.1', port: server.port, serverName: 'other.test', protocol: 'tls' });
    const serving = (await t.call('GET', `${base}?certificateId=${imported.id}`, { key: t.keys.viewer })).json();
    expect([serving.result.map((x: { id: number }) => x.id), serving.resultInfo.totalCount]).toEqual([[e.id], 1]);
    expect((await t.call('GET', `${base}?certificateId=${imported.id + 1000}`, { key: t.keys.viewer })).json().result).toEqual([]);
    expect((await t.call('GET', base, { key: t.keys.viewer })).json().result.map((x: { id: number }) => x.id)).toEqual([e.id, other.id]);
    expect((await t.call('GET', `${base}?certificateId=0x1`, { key: t.keys.viewer })).statusCode).toBe(400);
    // nothing discovered
    const discovered = (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates?source=discovered`, { key: t.keys.viewer })).json();
    expect(discovered.resultInfo.totalCount).toBe(0);
    // Deleting the certificate unlinks it (the endpoint stays).
    expect((await t.call('DELETE', `/api/v1/projects/${t.project.id}/certificates/${imported.id}`, { key: t.keys.editor })).statusCode).toBe(200);
    expect((await t.call('GET', `${base}/${e.id}`, { key: t.keys.viewer })).json().result.certificateId).toBeNull();
  });

  it('imports an unknown served leaf as discovered, without a key, once', async () => {
    await open();
    const leaf = ca.issue({ sans: ['unknown.test'] });
    const server = await serve(leaf);
    await trustProjectCa();
    const e = await create({ host: '127.0.0.1', port: server.port, serverName: 'unknown.test', protocol: 'tls' });
    const r = await probe(e.id);
    expect(r.certificateId).toEqual(expect.any(Number));
    const cert = (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${r.certificateId}`, { key: t.keys.viewer })).json().result;
    expect(cert).toMatchObject({ source: 'discovered', hasPrivateKey: false, certificateType: 'Discovered', domainName: 'unknown.test' });
    expect(r.lastProbe.findings).toEqual([]);
    const again = await probe(e.id);
    expect(again.certificateId).toBe(r.certificateId);
    expect((await events('certificate.discovered')).length).toBe(1);
  });

  it('reports expired and expiring leaves (not as untrusted), each event once', async () => {
    await open();
    await trustProjectCa();
    const expired = ca.issue({ sans: ['old.test'], notBefore: new Date(Date.now() - 100 * DAY), notAfter: new Date(Date.now() - DAY) });
    const expiring = ca.issue({ sans: ['soon.test'], notBefore: new Date(Date.now() - 80 * DAY), notAfter: new Date(Date.now() + 10 * DAY - 3_600_000) });
    const e1 = await create({ host: '127.0.0.1', port: (await serve(expired)).port, serverName: 'old.test', protocol: 'tls' });
    const e2 = await create({ host: '127.0.0.1', port: (await serve(expiring)).port, serverName: 'soon.test', protocol: 'tls' });
    const r1 = await probe(e1.id);
    expect(findingTypes(r1)).toEqual(['expired']);
    expect(r1.lastProbe.trustError).toBe('CERT_HAS_EXPIRED');
    const r2 = await probe(e2.id);
    expect(findingTypes(r2)).toEqual(['expiring']);
    expect(r2.lastProbe.findings[0].data.daysLeft).toBe(9);
    await probe(e1.id);
    await probe(e2.id);
    const ev = await events('endpoint.expired');
    expect(ev.length).toBe(1);
    expect(ev[0]).toMatchObject({ objectId: String(e1.id), data: { host: '127.0.0.1', serverName: 'old.test', fingerprintSha256: r1.lastProbe.leaf.fingerprintSha256 } });
    expect((await events('endpoint.expiring')).length).toBe(1);
  });

  it('reports a host name mismatch and an untrusted chain, once per finding', async () => {
    await open();
    const leaf = ca.issue({ sans: ['right.test'] });
    const server = await serve(leaf);
    const e = await create({ host: '127.0.0.1', port: server.port, serverName: 'wrong.test', protocol: 'tls' });
    // No project CA: the chain does not verify against Node's roots.
    const r = await probe(e.id);
    expect(findingTypes(r)).toEqual(['mismatch', 'untrusted']);
    expect(r.lastProbe.trustError).toBe('UNABLE_TO_GET_ISSUER_CERT_LOCALLY');
    await probe(e.id);
    expect((await events('endpoint.mismatch')).length).toBe(1);
    expect((await events('endpoint.untrusted')).length).toBe(1);
    // Import the project's CA: trusted from now on, the mismatch stays (no new event).
    await trustProjectCa();
    expect(findingTypes(await probe(e.id))).toEqual(['mismatch']);
    expect((await events('endpoint.mismatch')).length).toBe(1);
    expect((await events('endpoint.untrusted')).length).toBe(1);
  });

  it('reports an incomplete chain as untrusted even with the project root', async () => {
    await open();
    await trustProjectCa();
    const leaf = ca.issue({ sans: ['bare.test'] });
    const e = await create({ host: '127.0.0.1', port: (await serve(leaf, '')).port, serverName: 'bare.test', protocol: 'tls' });
    const r = await probe(e.id);
    expect(findingTypes(r)).toEqual(['untrusted']);
    expect(r.lastProbe.chainFingerprints.length).toBe(1);
  });

  it('reports a stale deployment when the inventory has a newer certificate for the name', async () => {
    await open();
    await trustProjectCa();
    const old = ca.issue({ sans: ['app.stale.test'], notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() + 60 * DAY) });
    const newer = ca.issue({ sans: ['*.stale.test'], notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 89 * DAY) });
    const oldRec = await importCert(old.certPem, ca.chainPem);
    const server = await serve(old);
    const e = await create({ host: '127.0.0.1', port: server.port, serverName: 'app.stale.test', protocol: 'tls' });
    expect((await probe(e.id)).lastProbe.findings).toEqual([]);
    const newRec = await importCert(newer.certPem, ca.chainPem);
    const r = await probe(e.id);
    expect(r.certificateId).toBe(oldRec.id);
    expect(findingTypes(r)).toEqual(['stale_deployment']);
    expect(r.lastProbe.findings[0].data).toMatchObject({ newerCertificateId: newRec.id, fingerprintSha256: oldRec.fingerprintSha256 });
    await probe(e.id);
    const ev = await events('endpoint.stale_deployment');
    expect(ev.length).toBe(1);
    expect(ev[0].data).toMatchObject({ newerCertificateId: newRec.id });
  });

  it('reports an unreachable endpoint with the probe error code, once', async () => {
    await open();
    const closed = await startTlsServer({ key: ca.intermediate.keyPem, cert: ca.intermediate.certPem });
    const port = closed.port;
    await closed.close();
    const e = await create({ host: '127.0.0.1', port, protocol: 'tls' });
    const r = await probe(e.id);
    expect(r.lastProbe.error).toMatchObject({ code: 'connection_refused', step: 'connect' });
    expect(r.lastProbe.findings).toEqual([expect.objectContaining({ type: 'unreachable', data: { code: 'connection_refused' } })]);
    expect(r.certificateId).toBeNull();
    await probe(e.id);
    expect((await events('endpoint.unreachable')).length).toBe(1);
    const metrics = (await t.call('GET', '/metrics')).body;
    expect(metrics).toMatch(/certkeeper_probes_total\{protocol="tls",outcome="unreachable"\} 2\b/);
  });

  it.each(['smtp', 'imap', 'ldap', 'postgres'] as StartTlsProtocol[])('probes through %s STARTTLS', async (protocol) => {
    await open();
    await trustProjectCa();
    const leaf = ca.issue({ sans: [`${protocol}.test`] });
    const server = await startStartTlsServer(protocol, { key: leaf.keyPem, cert: leaf.certPem + ca.intermediate.certPem });
    servers.push(server);
    const imported = await importCert(leaf.certPem, ca.chainPem);
    const e = await create({ host: '127.0.0.1', port: server.port, serverName: `${protocol}.test`, protocol });
    const r = await probe(e.id);
    expect(r.lastProbe).toMatchObject({ error: null, chainTrusted: true, nameMatches: true, findings: [] });
    expect(r.certificateId).toBe(imported.id);
  });

  it('refuses link-local and cloud metadata addresses with probe_address_refused', async () => {
    await open();
    for (const host of ['169.254.169.254', '169.254.1.2', 'fe80::1', '[fd00:ec2::254]', 'metadata.google.internal', '100.100.100.200']) {
      const res = await t.call('POST', base, { key: t.keys.editor, body: { host, port: 80, protocol: 'tls' } });
      expect(res.statusCode, host).toBe(400);
      expect(res.json().code, host).toBe('probe_address_refused');
    }
    // Loopback is allowed (a server watching itself, and these tests).
    await create({ host: '127.0.0.1', port: 443, protocol: 'tls' });
    await create({ host: '::1', port: 443, protocol: 'tls' });
  });

  it('allows metadata addresses listed in CERTKEEPER_PROBE_ALLOW and refuses CERTKEEPER_PROBE_DENY', async () => {
    await open({ CERTKEEPER_PROBE_ALLOW: '169.254.169.254/32', CERTKEEPER_PROBE_DENY: '127.0.0.2, 10.0.0.0/8' });
    await create({ host: '169.254.169.254', port: 80, protocol: 'tls' });
    expect((await t.call('POST', base, { key: t.keys.editor, body: { host: '169.254.1.1', port: 80, protocol: 'tls' } })).json().code).toBe('probe_address_refused');
    expect((await t.call('POST', base, { key: t.keys.editor, body: { host: '127.0.0.2', port: 80, protocol: 'tls' } })).json().code).toBe('probe_address_refused');
    expect((await t.call('POST', base, { key: t.keys.editor, body: { host: '10.1.2.3', port: 80, protocol: 'tls' } })).json().code).toBe('probe_address_refused');
    await create({ host: '127.0.0.1', port: 80, protocol: 'tls' });
  });

  it('probes due endpoints on schedule, once per interval, one server per endpoint', async () => {
    await open();
    await trustProjectCa();
    const a = ca.issue({ sans: ['a.sched.test'] });
    const b = ca.issue({ sans: ['b.sched.test'] });
    const ea = await create({ host: '127.0.0.1', port: (await serve(a)).port, serverName: 'a.sched.test', protocol: 'tls' });
    const eb = await create({ host: '127.0.0.1', port: (await serve(b)).port, serverName: 'b.sched.test', protocol: 'tls' });
    const endpoints = t.services.endpoints;
    // Two passes at once (as two servers would): each endpoint is probed by exactly one.
    const [p1, p2] = await Promise.all([endpoints.probeDue(100), endpoints.probeDue(100)]);
    expect(p1.probed + p2.probed).toBe(2);
    const got = (await t.call('GET', `${base}/${ea.id}`, { key: t.keys.viewer })).json().result;
    expect(got.lastProbe.probedAt).toBe(t.clock.now().toISOString());
    expect(got.certificateId).toEqual(expect.any(Number));
    expect((await t.call('GET', `${base}/${eb.id}`, { key: t.keys.viewer })).json().result.lastProbe).not.toBeNull();
    // Not due again before the interval (default an hour).
    t.clock.advance(30 * 60_000);
    expect((await endpoints.probeDue(100)).probed).toBe(0);
    t.clock.advance(30 * 60_000);
    expect((await endpoints.probeDue(100)).probed).toBe(2);
    // Scheduled probes discover as the system.
    expect((await events('certificate.discovered')).length).toBe(2);
  });

  it('stores a scheduled pass in batches: each probe recorded, a leaf served twice imported once, an unreachable endpoint alongside', async () => {
    await open({ CERTKEEPER_PROBE_CONCURRENCY: '3' });
    await trustProjectCa();
    const shared = ca.issue({ sans: ['shared.batch.test'] });
    const own = ca.issue({ sans: ['own.batch.test'] });
    const s1 = await serve(shared);
    const s2 = await serve(shared);
    const s3 = await serve(own);
    const dead = await serve(own);
    await dead.close();
    const e1 = await create({ host: '127.0.0.1', port: s1.port, serverName: 'shared.batch.test', protocol: 'tls' });
    const e2 = await create({ host: '127.0.0.1', port: s2.port, serverName: 'shared.batch.test', protocol: 'tls' });
    const e3 = await create({ host: '127.0.0.1', port: s3.port, serverName: 'own.batch.test', protocol: 'tls' });
    const e4 = await create({ host: '127.0.0.1', port: dead.port, serverName: 'own.batch.test', protocol: 'tls' });
    expect(await t.services.endpoints.probeDue(100)).toEqual({ probed: 4, failed: 1 });
    const get = async (id: number) => (await t.call('GET', `${base}/${id}`, { key: t.keys.viewer })).json().result;
    const [g1, g2, g3, g4] = [await get(e1.id), await get(e2.id), await get(e3.id), await get(e4.id)];
    expect(g1.certificateId).toEqual(expect.any(Number));
    expect(g2.certificateId).toBe(g1.certificateId);
    expect(g3.certificateId).not.toBe(g1.certificateId);
    const sha256 = (der: Buffer) => createHash('sha256').update(der).digest('hex');
    expect([g1, g2, g3].map((g) => g.lastProbe.leaf.fingerprintSha256)).toEqual([sha256(shared.certDer), sha256(shared.certDer), sha256(own.certDer)]);
    expect(g4.certificateId).toBeNull();
    expect(g4.lastProbe.error.step).toBe('connect');
    expect(findingTypes(g4)).toEqual(['unreachable']);
    const discovered = await events('certificate.discovered');
    expect(discovered.map((e) => Number(e.objectId)).sort()).toEqual([g1.certificateId, g3.certificateId].sort());
    expect((await events('endpoint.unreachable')).map((e) => Number(e.objectId))).toEqual([e4.id]);
  });
});

describe('AddressGuard', () => {
  it('checks every address a name resolves to', async () => {
    const guard = new AddressGuard({ allow: [], deny: [] }, async (host) => (host === 'evil.test' ? ['203.0.113.5', '169.254.169.254'] : ['203.0.113.5']));
    expect(await guard.check('evil.test')).toMatchObject({ kind: 'refused', address: '169.254.169.254' });
    expect(await guard.check('fine.test')).toEqual({ kind: 'allowed', addresses: ['203.0.113.5'] });
    expect(await guard.check('::ffff:169.254.169.254')).toMatchObject({ kind: 'refused' });
    const failing = new AddressGuard({ allow: [], deny: [] }, async () => {
      throw new Error('ENOTFOUND');
    });
    expect(await failing.check('nowhere.test')).toEqual({ kind: 'unresolved' });
  });

  it('reads the allow and deny lists and the interval from the configuration, refusing malformed ones', () => {
    const config = loadConfig({ CERTKEEPER_PROBE_ALLOW: '169.254.169.254, fe80::/10', CERTKEEPER_PROBE_DENY: '10.0.0.0/8', CERTKEEPER_PROBE_INTERVAL_SECONDS: '600' }, '');
    expect(config).toMatchObject({ outboundAllow: ['169.254.169.254', 'fe80::/10'], outboundDeny: ['10.0.0.0/8'], probeIntervalMs: 600_000 });
    expect(loadConfig({}, '')).toMatchObject({ outboundAllow: [], outboundDeny: [], probeIntervalMs: 3_600_000 });
    for (const bad of ['10.0.0.0/33', 'example.com', '1.2.3.4/x']) expect(() => loadConfig({ CERTKEEPER_PROBE_DENY: bad }, '')).toThrow(/CERTKEEPER_PROBE_DENY/);
    expect(() => loadConfig({ CERTKEEPER_PROBE_INTERVAL_SECONDS: '0' }, '')).toThrow(/CERTKEEPER_PROBE_INTERVAL_SECONDS/);
  });
});
