/**
 * ssh deployment targets end to end, on both stores, against a real OpenSSH server on loopback:
 * a certificate issued by a real Pebble is bound to an ssh target, its files arrive over SFTP
 * with their modes, and the reload command (run over SSH) starts a real nginx on them, which
 * serves it (verified through a watched endpoint); the renewal job's new version is written and
 * nginx reloaded by the deployment job. A wrong host key pin, a failing and a hanging reload
 * command fail the deployment with their reasons; configs are refused with precise codes and
 * the target's secrets are sealed and never shown.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import type { Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp01Listener } from '../../src/api/http01-listener.js';
import { FakeClock } from '../support/fake-clock.js';
import { prepareNginx, type Nginx } from '../support/nginx.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { startSshd, type Sshd } from '../support/sshd.js';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

const DOMAIN = 'shop.example.test';

let pebble: Pebble;
let sshd: Sshd;
let scratch: string;

beforeAll(async () => {
  [pebble, sshd] = await Promise.all([startPebble({ validitySeconds: 90 * 86_400 }), startSshd()]);
  scratch = mkdtempSync(path.join(tmpdir(), 'certkeeper-deploy-ssh-'));
  writeFileSync(path.join(scratch, 'pebble-ca.pem'), pebble.caPem);
}, 120_000);

afterAll(async () => {
  await Promise.all([pebble?.stop(), sshd?.stop()]);
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

const fingerprintOf = (pem: string | Buffer) => new X509Certificate(pem).fingerprint256.replace(/:/g, '').toLowerCase();
const mode = (f: string) => statSync(f).mode & 0o777;

describe.each(dialects)('ssh deployment targets on %s', (dialect) => {
  let t: TestApp;
  let http01: Server;
  let nginx: Nginx;
  /** Where this store's targets write on the ssh host (the same machine here). */
  let remote: string;
  const base = () => `/api/v1/projects/${t.project.id}`;
  const call = (method: string, url: string, key: string, body?: unknown) => t.call(method, `${base()}${url}`, { key, body });
  const okResult = async (method: string, url: string, body?: unknown, key = t.keys.admin) => {
    const res = await call(method, url, key, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json().result;
  };
  const expectError = async (method: string, url: string, body: unknown, status: number, code: string) => {
    const res = await call(method, url, t.keys.admin, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({ success: false, code });
    return res.json().errors[0] as string;
  };
  /** An ssh target's config reaching the test's sshd with its unencrypted client key. */
  const sshConfig = (config: Record<string, unknown> = {}) => ({ host: sshd.host, port: sshd.port, username: sshd.username, hostKeySha256: sshd.hostKeySha256, privateKey: sshd.clientKey, ...config });
  const importCert = async (commonName: string) => {
    const c = aCertificate({ commonName });
    const rec = await okResult('POST', '/certificates/import', { certificateBody: c.certPem, certificatePrivateKey: c.keyPem, certificateChain: c.chainPem }, t.keys.editor);
    return { id: rec.id as number, fingerprint: rec.fingerprintSha256 as string };
  };

  beforeAll(async () => {
    remote = path.join(sshd.dir, dialect);
    const live = path.join(remote, 'nginx', DOMAIN);
    nginx = await prepareNginx({ serverName: DOMAIN, certificate: path.join(live, 'fullchain.pem'), key: path.join(live, 'privkey.pem') });
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date()),
      env: {
        CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl,
        CERTKEEPER_ACME_CA_FILE: path.join(scratch, 'pebble-ca.pem'),
        CERTKEEPER_ACME_EMAIL: 'ops@example.test',
        CERTKEEPER_DEPLOY_VERIFY_WINDOW_SECONDS: '60',
      },
    });
    http01 = (await startHttp01Listener(t.services.managed, '127.0.0.1', pebble.httpPort)).server;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => (http01 ? http01.close(resolve) : resolve(undefined)));
    await t?.close();
    await nginx?.stop();
  });

  it('refuses configs with precise codes, seals the secrets, and shows only which ones are stored', async () => {
    const create = (config: Record<string, unknown>) => ({ name: 'box', type: 'ssh', config });
    const { hostKeySha256: _pin, ...unpinned } = sshConfig({ directory: '/srv/certs' });
    expect(await expectError('POST', '/deployment-targets', create(unpinned), 400, 'ssh_host_key_invalid')).toContain('ssh-keygen -lf');
    await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv/certs', hostKeySha256: 'SHA256:tooshort' })), 400, 'ssh_host_key_invalid');
    await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv/certs', hostKeySha256: 'MD5:aa:bb' })), 400, 'ssh_host_key_invalid');
    expect(await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv/../etc' })), 400, 'deployment_path_invalid')).toContain('..');
    await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '../up' })), 400, 'deployment_path_invalid');
    await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv', privateKey: undefined })), 400, 'ssh_credentials_missing');
    await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv', privateKey: 'not a key' })), 400, 'ssh_private_key_invalid');
    expect(await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv', privateKey: sshd.encryptedClientKey })), 400, 'ssh_private_key_invalid')).toContain('passphrase');
    await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv', privateKey: sshd.encryptedClientKey, passphrase: 'wrong passphrase' })), 400, 'ssh_private_key_invalid');
    const metadata = await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv', host: '169.254.169.254' })), 400, 'ssh_host_forbidden');
    expect(metadata).toContain('CERTKEEPER_OUTBOUND_ALLOW');
    await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv', host: 'bad host!' })), 400, 'deployment_config_invalid');
    await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv', username: '-oProxyCommand=x' })), 400, 'deployment_config_invalid');
    // A local target's field on an ssh target, and out-of-range values, are refused by the schema.
    await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv', reloadHook: 'x' })), 400, 'validation_failed');
    await expectError('POST', '/deployment-targets', create(sshConfig({ directory: '/srv', port: 70000 })), 400, 'validation_failed');
    expect((await okResult('GET', '/deployment-targets')).length).toBe(0);

    const tg = await okResult('POST', '/deployment-targets', create(sshConfig({ directory: '/srv/certs', privateKey: sshd.encryptedClientKey, passphrase: sshd.passphrase, pkcs12: true, pkcs12Password: 'p12-password-x' })));
    expect(tg).toMatchObject({
      type: 'ssh',
      hasSecret: true,
      secretFields: ['passphrase', 'pkcs12Password', 'privateKey'],
      config: { host: '127.0.0.1', port: sshd.port, username: sshd.username, hostKeySha256: sshd.hostKeySha256, directory: '/srv/certs', reloadCommand: null, reloadTimeoutSeconds: 60, connectTimeoutSeconds: 15, operationTimeoutSeconds: 30, pkcs12: true },
    });
    expect(tg.config.publicKeySha256).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const secrets = [sshd.passphrase, 'p12-password-x', sshd.encryptedClientKey.split('\n')[1]!];
    const shown = JSON.stringify([tg, await okResult('GET', `/deployment-targets/${tg.id}`, undefined, t.keys.viewer), await okResult('GET', '/deployment-targets', undefined, t.keys.viewer), await okResult('GET', '/events?pageSize=100')]);
    for (const s of secrets) expect(shown).not.toContain(s);
    const raw = await t.services.store.deployments.getTarget(t.project.id, tg.id);
    for (const s of secrets) expect(raw!.sealedSecret!.toString('latin1')).not.toContain(s);
    expect(JSON.stringify(raw!.target.config)).not.toContain(sshd.passphrase);

    // An update keeps absent secrets, takes new ones, and null removes one.
    const updated = await okResult('PUT', `/deployment-targets/${tg.id}`, { config: { password: 'a-login-password', passphrase: null, privateKey: null } });
    expect(updated).toMatchObject({ secretFields: ['password', 'pkcs12Password'], config: { directory: '/srv/certs', publicKeySha256: null } });
    await expectError('PUT', `/deployment-targets/${tg.id}`, { config: { password: null } }, 400, 'ssh_credentials_missing');
    await expectError('PUT', `/deployment-targets/${tg.id}`, { config: { directory: 'a/../../b' } }, 400, 'deployment_path_invalid');
    expect((await okResult('GET', `/deployment-targets/${tg.id}`)).secretFields).toEqual(['password', 'pkcs12Password']);
    await okResult('DELETE', `/deployment-targets/${tg.id}`);
  });

  it('delivers an issued certificate over SFTP, the reload command starts nginx on it, and the renewal reaches nginx', async () => {
    const created = await okResult('POST', '/certificates', { domainName: DOMAIN, challengeType: 'http-01' });
    await t.services.managed.idle();
    const issued = await okResult('GET', `/certificates/${created.id}`);
    expect(issued.certificateStatus, JSON.stringify(issued)).toBe('Active');
    const marker = path.join(remote, 'reloads.log');
    // The reload command: record the batch (stdin), then start nginx or reload it, as a reload hook would.
    const reloadCommand = `cat >> '${marker}'\n${nginx.reloadHookScript().replace('#!/bin/sh\n', '')}`;
    const target = await okResult('POST', '/deployment-targets', { name: 'web-1', type: 'ssh', config: sshConfig({ directory: path.join(remote, 'nginx'), reloadCommand, reloadTimeoutSeconds: 20 }) });
    const endpoint = await okResult('POST', '/endpoints', { host: '127.0.0.1', port: nginx.port, serverName: DOMAIN, protocol: 'tls' });
    const d = await okResult('POST', '/deployments', { certificateId: created.id, targetId: target.id, endpointIds: [endpoint.id] });
    const context = async () => `deployment: ${JSON.stringify(await okResult('GET', `/deployments/${d.id}`))}\nnginx: ${(await nginx.errorLog()).slice(-2000)}\nsshd: ${sshd.log().slice(-2000)}`;
    expect(d, await context()).toMatchObject({ name: DOMAIN, status: 'deployed', fingerprintSha256: issued.fingerprintSha256, lastError: null });

    const folder = path.join(remote, 'nginx', DOMAIN);
    expect(readdirSync(folder).sort()).toEqual(['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']);
    expect(fingerprintOf(readFileSync(path.join(folder, 'cert.pem')))).toBe(issued.fingerprintSha256);
    expect(readFileSync(path.join(folder, 'fullchain.pem'), 'utf8')).toBe(readFileSync(path.join(folder, 'cert.pem'), 'utf8') + readFileSync(path.join(folder, 'chain.pem'), 'utf8'));
    expect(new X509Certificate(readFileSync(path.join(folder, 'cert.pem'))).checkPrivateKey(createPrivateKey(readFileSync(path.join(folder, 'privkey.pem'))))).toBe(true);
    expect(['privkey.pem', 'cert.pem', 'chain.pem', 'fullchain.pem'].map((f) => mode(path.join(folder, f)))).toEqual([0o600, 0o644, 0o644, 0o644]);
    const batches = () => readFileSync(marker, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { deploymentId: number; fingerprintSha256: string; fullchainPath: string });
    expect(batches()).toEqual([expect.objectContaining({ deploymentId: d.id, fingerprintSha256: issued.fingerprintSha256, fullchainPath: path.join(folder, 'fullchain.pem') })]);
    expect(await nginx.pid(), await context()).toBeDefined();
    expect(await served(nginx)).toBe(issued.fingerprintSha256);

    // The renewal job makes a new version; the deployment job writes it and reloads nginx.
    t.clock.set(new Date(new Date(issued.managed.renewAt).getTime() + 1000));
    expect(await t.services.managed.runDue()).toEqual({ attempted: 1, failed: 0 });
    const renewed = await okResult('GET', `/certificates/${created.id}`);
    expect(renewed.fingerprintSha256).not.toBe(issued.fingerprintSha256);
    expect((await okResult('GET', `/deployments/${d.id}`)).status).toBe('pending');
    const pid = await nginx.pid();
    let verified: { status: string } | undefined;
    for (let i = 0; i < 40 && verified?.status !== 'verified'; i++) {
      t.clock.advance(15_000);
      await t.services.deployments.runDue();
      verified = await okResult('GET', `/deployments/${d.id}`);
      if (verified?.status !== 'verified') await new Promise((r) => setTimeout(r, 100));
    }
    expect(verified, await context()).toMatchObject({ status: 'verified', fingerprintSha256: renewed.fingerprintSha256, attempts: 0 });
    expect(fingerprintOf(readFileSync(path.join(folder, 'cert.pem')))).toBe(renewed.fingerprintSha256);
    expect(await served(nginx)).toBe(renewed.fingerprintSha256);
    expect(await nginx.pid()).toBe(pid);
    expect(batches().map((b) => b.fingerprintSha256)).toEqual([issued.fingerprintSha256, renewed.fingerprintSha256]);
    expect(readdirSync(folder).filter((f) => f.includes('tmp'))).toEqual([]);
  }, 120_000);

  it('a wrong host key pin fails the deployment with the reason and writes nothing; the right pin deploys at once', async () => {
    const out = path.join(remote, 'pinned');
    const marker = path.join(remote, 'pinned-reload');
    const wrong = 'SHA256:' + Buffer.alloc(32, 7).toString('base64').replace(/=+$/, '');
    const target = await okResult('POST', '/deployment-targets', { name: 'pinned', type: 'ssh', config: sshConfig({ directory: out, reloadCommand: `touch '${marker}'`, hostKeySha256: wrong }) });
    const cert = await importCert('pinned.example.test');
    const d = await okResult('POST', '/deployments', { certificateId: cert.id, targetId: target.id });
    expect(d).toMatchObject({ status: 'failed', attempts: 1, fingerprintSha256: null, lastError: { code: 'ssh_host_key_mismatch' } });
    expect(d.lastError.message).toContain(sshd.hostKeySha256);
    expect(d.lastError.message).toContain(wrong);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(marker)).toBe(false);
    const failed = (await okResult('GET', '/events?type=deployment.failed')) as Array<{ data: { code: string } }>;
    expect(failed.map((e) => e.data.code)).toContain('ssh_host_key_mismatch');

    // Pinning the right key deploys again now, without waiting for the backoff.
    await okResult('PUT', `/deployment-targets/${target.id}`, { config: { hostKeySha256: sshd.hostKeySha256 } });
    expect(await t.services.deployments.runDue()).toMatchObject({ failed: 0 });
    expect(await okResult('GET', `/deployments/${d.id}`)).toMatchObject({ status: 'deployed', fingerprintSha256: cert.fingerprint, lastError: null });
    expect(fingerprintOf(readFileSync(path.join(out, 'pinned.example.test', 'cert.pem')))).toBe(cert.fingerprint);
    expect(existsSync(marker)).toBe(true);
  });

  it('logs in with an encrypted key and its passphrase; a refused password fails with ssh_auth_failed', async () => {
    const out = path.join(remote, 'passphrase');
    const target = await okResult('POST', '/deployment-targets', { name: 'passphrase', type: 'ssh', config: sshConfig({ directory: out, privateKey: sshd.encryptedClientKey, passphrase: sshd.passphrase }) });
    const cert = await importCert('pp.example.test');
    const d = await okResult('POST', '/deployments', { certificateId: cert.id, targetId: target.id });
    expect(d).toMatchObject({ status: 'deployed', lastError: null });
    expect(fingerprintOf(readFileSync(path.join(out, 'pp.example.test', 'cert.pem')))).toBe(cert.fingerprint);

    // sshd takes passwords here, but the test's login has none that could match.
    const byPassword = await okResult('POST', '/deployment-targets', { name: 'password', type: 'ssh', config: sshConfig({ directory: path.join(remote, 'password'), privateKey: undefined, password: 'not-the-password' }) });
    const other = await importCert('pw.example.test');
    const refused = await okResult('POST', '/deployments', { certificateId: other.id, targetId: byPassword.id });
    expect(refused).toMatchObject({ status: 'failed', lastError: { code: 'ssh_auth_failed' } });
    expect(existsSync(path.join(remote, 'password'))).toBe(false);
  });

  it('a reload command that fails or hangs fails the deployment with its exit code; its stderr is for admins only', async () => {
    const target = await okResult('POST', '/deployment-targets', {
      name: 'broken-reload',
      type: 'ssh',
      config: sshConfig({ directory: path.join(remote, 'broken'), reloadCommand: "echo 'nginx: [emerg] cannot load certificate key' >&2; exit 4" }),
    });
    const cert = await importCert('broken.example.test');
    const d = await okResult('POST', '/deployments', { certificateId: cert.id, targetId: target.id });
    expect(d).toMatchObject({ status: 'failed', attempts: 1, lastError: { code: 'ssh_reload_failed', hookStderr: 'nginx: [emerg] cannot load certificate key' } });
    expect(d.lastError.message).toContain('exited with code 4');
    // The files were written (the reload is what failed); viewers see the reason but not the output.
    expect(existsSync(path.join(remote, 'broken', 'broken.example.test', 'privkey.pem'))).toBe(true);
    const seen = await okResult('GET', `/deployments/${d.id}`, undefined, t.keys.viewer);
    expect(seen.lastError).toEqual({ code: 'ssh_reload_failed', message: d.lastError.message });
    const events = JSON.stringify(await okResult('GET', '/events?type=deployment.failed'));
    expect(events).not.toContain('[emerg]');

    await okResult('PUT', `/deployment-targets/${target.id}`, { config: { reloadCommand: 'sleep 30', reloadTimeoutSeconds: 1 } });
    await t.services.deployments.runDue();
    const hung = await okResult('GET', `/deployments/${d.id}`);
    expect(hung).toMatchObject({ status: 'failed', lastError: { code: 'ssh_reload_failed' } });
    expect(hung.lastError.message).toContain('did not finish within 1 s');
  });
});

/** The SHA-256 fingerprint (lower-case hex) of the leaf nginx serves for the domain. */
function served(nginx: Nginx): Promise<string> {
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
