/**
 * Agent deployment targets through the native API, on both stores: the deployment key shown
 * once and confined to its own target's deployments (403 everywhere else), the server never
 * pushing to an agent target, outcomes recorded as a push's are, key rotation and revocation,
 * and the long poll: it times out with nothing new, wakes in process when this server records
 * something the agent acts on, and wakes through its periodic check when a version is stored
 * behind its back (as another server on the same database would).
 */
import { X509Certificate, createPrivateKey, randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { parseCertificate } from '../../src/pki/parse-certificate.js';
import { issuedFactsOf, materialOf } from '../../src/services/material-of-leaf.js';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';

describe.each(dialects)('agent deployment targets on %s', (dialect) => {
  let t: TestApp;
  let base: string;

  /** A test app; `checkSeconds` is how often waiting agents are checked against the database. */
  const start = async (checkSeconds = 60) => {
    t = await createTestApp({ ...(dialect === 'sqlite' ? {} : { store: await createTestStore('postgres') }), env: { CERTKEEPER_AGENT_CHECK_SECONDS: String(checkSeconds) } });
    base = `/api/v1/projects/${t.project.id}`;
  };
  afterEach(async () => t?.close());

  const okResult = async (method: string, url: string, key: string, body?: unknown) => {
    const res = await t.call(method, url.startsWith('/api/') ? url : `${base}${url}`, { key, body });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json().result;
  };
  const expectError = async (method: string, url: string, key: string, status: number, code: string, body?: unknown) => {
    const res = await t.call(method, url, { key, body });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    expect(res.json()).toMatchObject({ success: false, code });
  };
  const importCert = async (commonName: string) => {
    const c = aCertificate({ commonName });
    const rec = await okResult('POST', '/certificates/import', t.keys.editor, { certificateBody: c.certPem, certificatePrivateKey: c.keyPem, certificateChain: c.chainPem });
    return { id: rec.id as number, fingerprint: rec.fingerprintSha256 as string, c };
  };
  const agentTarget = async (name: string) => {
    const target = await okResult('POST', '/deployment-targets', t.keys.admin, { name, type: 'agent' });
    expect(target.agentKey, JSON.stringify(target)).toMatch(/.{20,}/);
    return target as { id: number; agentKey: string };
  };
  const bind = (certificateId: number, targetId: number, name?: string) => okResult('POST', '/deployments', t.keys.admin, { certificateId, targetId, ...(name ? { name } : {}) });
  /** A new version of an imported certificate stored directly in the store, as a renewal on another server would. */
  const storeNewVersion = async (certificateId: number, commonName: string) => {
    const c = aCertificate({ commonName });
    const leaf = parseCertificate(c.certDer);
    const id = randomUUID();
    const now = t.clock.now();
    await t.services.store.certificates.storeIssued(certificateId, { ...issuedFactsOf(leaf, id, true), domainName: commonName }, materialOf(leaf, id, certificateId, c.chainPem, t.services.box.seal(c.keyDer, id), now), now);
    return c;
  };
  const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
  const list = (key: string, headers: Record<string, string> = {}, wait = 0) => t.call('GET', `/api/v1/agent/deployments?wait=${wait}`, { key, headers });

  it('shows the deployment key once; the agent lists, fetches and reports; the server never pushes to the target', async () => {
    await start();
    const target = await agentTarget('edge');
    const shown = await okResult('GET', `/deployment-targets/${target.id}`, t.keys.admin);
    expect(shown).toMatchObject({ id: target.id, type: 'agent', config: {} });
    expect(JSON.stringify(shown)).not.toContain(target.agentKey);
    // It is no API key of the project's list, and cannot be revoked as one.
    expect(JSON.stringify(await okResult('GET', '/api-keys', t.keys.admin))).not.toContain('deployment key of edge');

    const cert = await importCert('edge.example.test');
    const d = await bind(cert.id, target.id);
    expect(d).toMatchObject({ name: 'edge.example.test', status: 'pending', fingerprintSha256: null, currentFingerprintSha256: cert.fingerprint });
    // The job leaves an agent target alone: nothing is written, the deployment stays pending.
    expect(await t.services.deployments.runDue()).toEqual({ processed: 0, failed: 0 });
    expect((await okResult('GET', `/deployments/${d.id}`, t.keys.viewer)).status).toBe('pending');

    const res = await list(target.agentKey);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const listing = res.json().result;
    expect(res.headers.etag).toBe(listing.etag);
    expect(listing.items).toEqual([
      { id: d.id, name: 'edge.example.test', certificateId: cert.id, domainName: 'edge.example.test', fingerprintSha256: cert.fingerprint, sslCertificateId: expect.any(String), deployedFingerprintSha256: null, status: 'pending', requested: true },
    ]);

    const material = await okResult('GET', `/api/v1/agent/deployments/${d.id}/certificate`, target.agentKey);
    expect(material).toMatchObject({ deploymentId: d.id, name: 'edge.example.test', fingerprintSha256: cert.fingerprint });
    expect(fingerprintOf(material.certificatePem)).toBe(cert.fingerprint);
    expect(new X509Certificate(material.certificatePem).checkPrivateKey(createPrivateKey(material.privateKeyPem))).toBe(true);
    expect(material.chainPem).toContain('BEGIN CERTIFICATE');

    const failed = await okResult('POST', `/api/v1/agent/deployments/${d.id}/outcome`, target.agentKey, { fingerprintSha256: cert.fingerprint, ok: false, error: { code: 'deploy_hook_failed', message: 'nginx -t failed' } });
    expect(failed).toMatchObject({ id: d.id, status: 'failed', requested: false });
    const afterFailure = await okResult('GET', `/deployments/${d.id}`, t.keys.admin);
    expect(afterFailure).toMatchObject({ status: 'failed', attempts: 1, lastError: { code: 'deploy_hook_failed', message: 'agent: nginx -t failed' } });
    expect(afterFailure.nextAttemptAt).not.toBeNull();

    const deployed = await okResult('POST', `/api/v1/agent/deployments/${d.id}/outcome`, target.agentKey, { fingerprintSha256: cert.fingerprint.toUpperCase(), ok: true });
    expect(deployed).toMatchObject({ status: 'deployed', deployedFingerprintSha256: cert.fingerprint });
    expect(await okResult('GET', `/deployments/${d.id}`, t.keys.admin)).toMatchObject({ status: 'deployed', fingerprintSha256: cert.fingerprint, attempts: 0, lastError: null });
    // Reported again (an answer lost on the way): nothing more is recorded.
    await okResult('POST', `/api/v1/agent/deployments/${d.id}/outcome`, target.agentKey, { fingerprintSha256: cert.fingerprint, ok: true });
    const succeeded = await okResult('GET', '/events?type=deployment.succeeded', t.keys.viewer);
    expect(succeeded).toHaveLength(1);
    expect(succeeded[0]).toMatchObject({ actor: expect.stringMatching(/^deployment_key:/), data: { fingerprintSha256: cert.fingerprint, targetName: 'edge' } });
    const failures = await okResult('GET', '/events?type=deployment.failed', t.keys.viewer);
    expect(failures).toHaveLength(1);
    expect(failures[0].data).toMatchObject({ code: 'deploy_hook_failed', attempts: 1 });

    // A report about a version that is not the current one changes nothing.
    await expectError('POST', `/api/v1/agent/deployments/${d.id}/outcome`, target.agentKey, 409, 'agent_outcome_stale', { fingerprintSha256: 'ab'.repeat(32), ok: true });
  });

  it('confines a deployment key to its own target: everything else is 403 with a stable code', async () => {
    await start();
    const mine = await agentTarget('mine');
    const theirs = await agentTarget('theirs');
    const a = await importCert('a.example.test');
    const b = await importCert('b.example.test');
    const dMine = await bind(a.id, mine.id);
    const dTheirs = await bind(b.id, theirs.id);
    const key = mine.agentKey;

    // Another target's deployment, existing or not: refused alike.
    await expectError('GET', `/api/v1/agent/deployments/${dTheirs.id}/certificate`, key, 403, 'deployment_key_forbidden');
    // …before its body is looked at.
    await expectError('POST', `/api/v1/agent/deployments/${dTheirs.id}/outcome`, key, 403, 'deployment_key_forbidden', { fingerprintSha256: 'not hex', extra: true });
    await expectError('POST', `/api/v1/agent/deployments/${dMine.id}/outcome`, t.keys.admin, 403, 'deployment_key_required', { fingerprintSha256: 'not hex' });
    await expectError('GET', `/api/v1/agent/deployments/999999/certificate`, key, 403, 'deployment_key_forbidden');
    await expectError('POST', `/api/v1/agent/deployments/${dTheirs.id}/outcome`, key, 403, 'deployment_key_forbidden', { fingerprintSha256: b.fingerprint, ok: true });
    // Its listing holds only its own.
    expect((await list(key)).json().result.items.map((i: { id: number }) => i.id)).toEqual([dMine.id]);

    // Everything that is not an agent route, whatever the role it would need.
    for (const [method, url, body] of [
      ['GET', `${base}/certificates`],
      ['GET', `${base}/certificates/${a.id}`],
      ['POST', `${base}/certificates/${a.id}/export`, {}],
      ['GET', `${base}/deployments`],
      ['GET', `${base}/deployments/${dMine.id}`],
      ['POST', `${base}/deployments/${dMine.id}/deploy`],
      ['GET', `${base}/deployment-targets`],
      ['POST', `${base}/deployment-targets/${mine.id}/agent-key`],
      ['GET', `${base}/api-keys`],
      ['POST', `${base}/api-keys`, { name: 'x', role: 'admin' }],
      ['GET', `${base}/events`],
      ['GET', '/api/v1/projects'],
      ['GET', '/api/v1/organizations'],
      ['POST', '/api/v1/organizations', { name: 'x' }],
      ['GET', '/api/v1/auth/me'],
      ['GET', '/api/v1/events'],
    ] as Array<[string, string, unknown?]>) {
      await expectError(method, url, key, 403, 'deployment_key_forbidden', body);
    }
    const metrics = await t.call('GET', '/metrics', { key });
    expect(metrics.statusCode, metrics.body).toBe(403);

    // And the agent routes take nothing but a deployment key.
    for (const other of [t.keys.admin, t.keys.viewer]) {
      await expectError('GET', '/api/v1/agent/deployments', other, 403, 'deployment_key_required');
      await expectError('GET', `/api/v1/agent/deployments/${dMine.id}/certificate`, other, 403, 'deployment_key_required');
    }
    await expectError('GET', '/api/v1/agent/deployments', null as unknown as string, 401, 'unauthorized');
  });

  it('rotates the key (the old one stops working) and revokes it with its target; other types have no key', async () => {
    await start();
    const target = await agentTarget('rotating');
    expect((await list(target.agentKey)).statusCode).toBe(200);
    const rotated = await okResult('POST', `/deployment-targets/${target.id}/agent-key`, t.keys.admin);
    expect(rotated.agentKey).toMatch(/.{20,}/);
    expect(rotated.agentKey).not.toBe(target.agentKey);
    await expectError('GET', '/api/v1/agent/deployments', target.agentKey, 401, 'unauthorized');
    expect((await list(rotated.agentKey)).statusCode).toBe(200);
    await expectError('POST', `${base}/deployment-targets/${target.id}/agent-key`, t.keys.editor, 403, 'forbidden');
    const events = await okResult('GET', '/events?type=deployment_key.rotated', t.keys.viewer);
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events)).not.toContain(rotated.agentKey);

    // An agent target stays one.
    await expectError('PUT', `${base}/deployment-targets/${target.id}`, t.keys.admin, 400, 'deployment_config_invalid', { type: 'local', config: { directory: 'x' } });
    await okResult('DELETE', `/deployment-targets/${target.id}`, t.keys.admin);
    await expectError('GET', '/api/v1/agent/deployments', rotated.agentKey, 401, 'unauthorized');
  });

  it('long poll: answers 304 when nothing changes within the wait, and at once for an unknown ETag', async () => {
    await start();
    const target = await agentTarget('quiet');
    const cert = await importCert('quiet.example.test');
    await bind(cert.id, target.id);
    const first = await list(target.agentKey);
    const etag = first.headers.etag as string;
    const same = await list(target.agentKey, { 'if-none-match': etag }, 1);
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    const other = await list(target.agentKey, { 'if-none-match': '"not-the-current-one"' }, 30);
    expect(other.statusCode).toBe(200);
    expect(other.json().result.etag).toBe(etag);
    await expectError('GET', '/api/v1/agent/deployments?wait=61', target.agentKey, 400, 'validation_failed');
  });

  it('long poll: wakes in process when this server records something the agent acts on', async () => {
    // The periodic check is a minute away: only the in-process wake can answer within the wait.
    await start(60);
    const target = await agentTarget('waiting');
    const cert = await importCert('waiting.example.test');
    const d = await bind(cert.id, target.id);
    await okResult('POST', `/api/v1/agent/deployments/${d.id}/outcome`, target.agentKey, { fingerprintSha256: cert.fingerprint, ok: true });
    const etag = (await list(target.agentKey)).headers.etag as string;
    const waiting = list(target.agentKey, { 'if-none-match': etag }, 30);
    while (t.services.agentPoll.waiting === 0) await new Promise((r) => setTimeout(r, 10));
    await okResult('POST', `/deployments/${d.id}/deploy`, t.keys.editor);
    const woken = await waiting;
    expect(woken.statusCode, woken.body).toBe(200);
    expect(woken.json().result.items[0]).toMatchObject({ id: d.id, requested: true, status: 'pending' });
    expect(woken.headers.etag).not.toBe(etag);
  });

  it('long poll: a version stored behind the server’s back reaches the waiting agent through the periodic check', async () => {
    await start(0.2);
    const target = await agentTarget('renewed');
    const cert = await importCert('renewed.example.test');
    const d = await bind(cert.id, target.id);
    await okResult('POST', `/api/v1/agent/deployments/${d.id}/outcome`, target.agentKey, { fingerprintSha256: cert.fingerprint, ok: true });
    const etag = (await list(target.agentKey)).headers.etag as string;
    const waiting = list(target.agentKey, { 'if-none-match': etag }, 30);
    while (t.services.agentPoll.waiting === 0) await new Promise((r) => setTimeout(r, 10));
    const next = await storeNewVersion(cert.id, 'renewed.example.test');
    const woken = await waiting;
    expect(woken.statusCode, woken.body).toBe(200);
    const nextFingerprint = fingerprintOf(next.certPem);
    expect(woken.json().result.items[0]).toMatchObject({ id: d.id, fingerprintSha256: nextFingerprint, deployedFingerprintSha256: cert.fingerprint, status: 'pending' });
    const material = await okResult('GET', `/api/v1/agent/deployments/${d.id}/certificate`, target.agentKey);
    expect(material.fingerprintSha256).toBe(nextFingerprint);
    // The old version's report is stale now.
    await expectError('POST', `/api/v1/agent/deployments/${d.id}/outcome`, target.agentKey, 409, 'agent_outcome_stale', { fingerprintSha256: cert.fingerprint, ok: true });
  });
});
