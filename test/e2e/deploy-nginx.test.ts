/**
 * Deployment end to end: a certificate issued by a real Pebble is bound to a local target, its
 * files are written, the reload hook starts a real nginx on them, and a TLS client sees the
 * deployed certificate; then the certificate is renewed by the renewal job and the deployment
 * job writes the new version and reloads nginx with no one involved, and the deployment is
 * verified against the endpoint nginx serves. Finally a reload that does nothing leaves nginx on
 * the old certificate: after the verification window the endpoint's probe reports a stale
 * deployment naming the deployment.
 */
import { X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp01Listener } from '../../src/api/http01-listener.js';
import { FakeClock } from '../support/fake-clock.js';
import { prepareNginx, type Nginx } from '../support/nginx.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const DOMAIN = 'shop.example.test';
const WINDOW_SECONDS = 60;

let pebble: Pebble;
let nginx: Nginx;
let t: TestApp;
let http01: Server;
let dir: string;
let root: string;
let hooks: string;

beforeAll(async () => {
  pebble = await startPebble({ validitySeconds: 90 * 86_400 });
  dir = mkdtempSync(path.join(tmpdir(), 'certkeeper-deploy-nginx-'));
  root = path.join(dir, 'root');
  hooks = path.join(dir, 'hooks');
  mkdirSync(root);
  mkdirSync(hooks);
  writeFileSync(path.join(dir, 'pebble-ca.pem'), pebble.caPem);
  const live = path.join(root, 'nginx', DOMAIN);
  nginx = await prepareNginx({ serverName: DOMAIN, certificate: path.join(live, 'fullchain.pem'), key: path.join(live, 'privkey.pem') });
  // The reload hook starts nginx the first time and reloads it afterwards; while `noop` exists it does nothing (a broken reload).
  writeFileSync(path.join(hooks, 'reload-nginx'), nginx.reloadHookScript().replace('set -e\n', `set -e\nif [ -e '${dir}/noop' ]; then exit 0; fi\n`));
  chmodSync(path.join(hooks, 'reload-nginx'), 0o755);
  t = await createTestApp({
    clock: new FakeClock(new Date()),
    env: {
      CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl,
      CERTKEEPER_ACME_CA_FILE: path.join(dir, 'pebble-ca.pem'),
      CERTKEEPER_ACME_EMAIL: 'ops@example.test',
      CERTKEEPER_DEPLOY_ROOT: root,
      CERTKEEPER_DEPLOY_HOOK_DIR: hooks,
      CERTKEEPER_DEPLOY_VERIFY_WINDOW_SECONDS: String(WINDOW_SECONDS),
    },
  });
  http01 = (await startHttp01Listener(t.services.managed, '127.0.0.1', pebble.httpPort)).server;
}, 120_000);

afterAll(async () => {
  await new Promise((resolve) => (http01 ? http01.close(resolve) : resolve(undefined)));
  await t?.close();
  await nginx?.stop();
  await pebble?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The SHA-256 fingerprint (lower-case hex) of the leaf nginx serves for the domain. */
function served(): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port: nginx.port, servername: DOMAIN, rejectUnauthorized: false }, () => {
      const fp = socket.getPeerCertificate().fingerprint256.replace(/:/g, '').toLowerCase();
      socket.end();
      resolve(fp);
    });
    socket.once('error', reject);
    socket.setTimeout(5000, () => socket.destroy(new Error('TLS handshake timed out')));
  });
}

const context = async () => `nginx error log:\n${(await nginx.errorLog()).slice(-3000)}`;

describe('deploying to nginx through a local target', () => {
  const base = () => `/api/v1/projects/${t.project.id}`;
  const okResult = async (method: string, url: string, body?: unknown) => {
    const res = await t.call(method, `${base()}${url}`, { key: t.keys.admin, body });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json().result;
  };
  let certificateId: number;
  let deploymentId: number;
  let firstFingerprint: string;

  /** Job passes on the fake clock, a verification retry apart, until the deployment has `status` (nginx reloads in the background). */
  const passUntil = async (status: string) => {
    for (let i = 0; i < 40; i++) {
      t.clock.advance(15_000);
      await t.services.deployments.runDue();
      const d = await okResult('GET', `/deployments/${deploymentId}`);
      if (d.status === status) return d;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`deployment never became ${status}: ${JSON.stringify(await okResult('GET', `/deployments/${deploymentId}`))}\n${await context()}`);
  };

  it('binds an issued certificate, writes it, starts nginx through the hook, and nginx serves it', async () => {
    const created = await okResult('POST', '/certificates', { domainName: DOMAIN, challengeType: 'http-01' });
    certificateId = created.id;
    await t.services.managed.idle();
    const cert = await okResult('GET', `/certificates/${certificateId}`);
    expect(cert.certificateStatus, JSON.stringify(cert)).toBe('Active');
    firstFingerprint = cert.fingerprintSha256;

    const target = await okResult('POST', '/deployment-targets', { name: 'nginx', type: 'local', config: { directory: 'nginx', reloadHook: 'reload-nginx', reloadTimeoutSeconds: 20 } });
    const endpoint = await okResult('POST', '/endpoints', { host: '127.0.0.1', port: nginx.port, serverName: DOMAIN, protocol: 'tls' });
    const d = await okResult('POST', '/deployments', { certificateId, targetId: target.id, endpointIds: [endpoint.id] });
    deploymentId = d.id;
    expect(d, await context()).toMatchObject({ name: DOMAIN, status: 'deployed', fingerprintSha256: firstFingerprint, lastError: null });
    expect(await nginx.pid(), await context()).toBeDefined();
    expect(await served()).toBe(firstFingerprint);
    const onDisk = new X509Certificate(readFileSync(path.join(root, 'nginx', DOMAIN, 'cert.pem')));
    expect(onDisk.fingerprint256.replace(/:/g, '').toLowerCase()).toBe(firstFingerprint);

    const verified = await passUntil('verified');
    expect(verified.verifiedAt).not.toBeNull();
    const events = (await okResult('GET', '/events?type=deployment.verified')) as unknown[];
    expect(events).toHaveLength(1);
  }, 90_000);

  it('a renewal by the renewal job reaches nginx through the deployment job, verified, with no one involved', async () => {
    const before = await okResult('GET', `/certificates/${certificateId}`);
    t.clock.set(new Date(new Date(before.managed.renewAt).getTime() + 1000));
    expect(await t.services.managed.runDue()).toEqual({ attempted: 1, failed: 0 });
    const renewed = await okResult('GET', `/certificates/${certificateId}`);
    expect(renewed.fingerprintSha256).not.toBe(firstFingerprint);
    expect((await okResult('GET', `/deployments/${deploymentId}`)).status).toBe('pending');
    // The served certificate is the old one until the deployment job writes the new one.
    expect(await served()).toBe(firstFingerprint);

    const pid = await nginx.pid();
    const d = await passUntil('verified');
    expect(d).toMatchObject({ fingerprintSha256: renewed.fingerprintSha256, currentFingerprintSha256: renewed.fingerprintSha256, attempts: 0 });
    expect(await served()).toBe(renewed.fingerprintSha256);
    // Reloaded, not restarted.
    expect(await nginx.pid()).toBe(pid);
    const succeeded = (await okResult('GET', `/events?type=deployment.succeeded`)) as Array<{ data: { fingerprintSha256: string } }>;
    expect(succeeded.map((e) => e.data.fingerprintSha256).sort()).toEqual([firstFingerprint, renewed.fingerprintSha256].sort());
  }, 90_000);

  it('a reload that does not take: after the verification window the endpoint reports a stale deployment naming the deployment', async () => {
    writeFileSync(path.join(dir, 'noop'), '');
    const servedBefore = await served();
    const renewedBefore = await okResult('GET', `/certificates/${certificateId}`);
    const renewRes = await t.call('POST', `${base()}/certificates/${certificateId}/renew`, { key: t.keys.editor });
    expect(renewRes.statusCode, renewRes.body).toBe(200);
    const renewed = renewRes.json().result;
    expect(renewed.fingerprintSha256).not.toBe(renewedBefore.fingerprintSha256);

    t.clock.advance(1000);
    await t.services.deployments.runDue();
    const d = await okResult('GET', `/deployments/${deploymentId}`);
    expect(d).toMatchObject({ status: 'deployed', fingerprintSha256: renewed.fingerprintSha256 });
    expect(existsSync(path.join(dir, 'noop'))).toBe(true);
    // Probes within the window report no stale deployment for it; once it closes, one does.
    const staleEvents = async () => (await okResult('GET', '/events?type=endpoint.stale_deployment')) as Array<{ data: Record<string, unknown> }>;
    for (let elapsed = 15; elapsed < WINDOW_SECONDS; elapsed += 15) {
      t.clock.advance(15_000);
      await t.services.deployments.runDue();
      expect(await staleEvents(), `${elapsed} s into the window`).toEqual([]);
    }
    t.clock.advance(30_000);
    await t.services.deployments.runDue();
    // Verification has given up: no more probes for it.
    expect((await okResult('GET', `/deployments/${deploymentId}`)).status).toBe('deployed');
    expect(await t.services.deployments.runDue()).toEqual({ processed: 0, failed: 0 });
    expect(await served()).toBe(servedBefore);
    const after = await okResult('GET', `/deployments/${deploymentId}`);
    expect(after.status).toBe('deployed');
    const stale = await staleEvents();
    expect(stale, JSON.stringify(stale)).toHaveLength(1);
    expect(stale.at(-1)!.data).toMatchObject({ deploymentId, deploymentName: DOMAIN, targetName: 'nginx', deployedFingerprintSha256: renewed.fingerprintSha256, fingerprintSha256: servedBefore });
    const endpoint = (await okResult('GET', '/endpoints'))[0];
    expect(endpoint.lastProbe.findings.map((f: { type: string }) => f.type)).toContain('stale_deployment');
  }, 90_000);
});
