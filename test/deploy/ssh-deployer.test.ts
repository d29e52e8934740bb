/**
 * The ssh deployer against a real OpenSSH server on loopback (no database: the API suite is
 * test/e2e/deploy-ssh.test.ts): certbot's layout written over SFTP with its modes, the pinned
 * host key, key and password logins, the reload command's outcomes, and the timeouts that keep
 * a silent host from holding a deployment.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer, type Server, type Socket } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SshDeployer } from '../../src/deploy/ssh-deployer.js';
import { AddressPolicy } from '../../src/net/address-policy.js';
import type { DeployItem, DeployTarget } from '../../src/ports/deployer.js';
import { aCertificate } from '../support/test-ca.js';
import { startSshd, type Sshd } from '../support/sshd.js';

let sshd: Sshd;
beforeAll(async () => {
  sshd = await startSshd();
}, 60_000);
afterAll(async () => sshd?.stop());

let n = 0;
function item(commonName: string, name = commonName): DeployItem & { certPem: string; keyPem: string } {
  const c = aCertificate({ commonName });
  const x = new X509Certificate(c.certPem);
  return {
    deploymentId: ++n,
    certificateId: n,
    name,
    domainName: commonName,
    fingerprintSha256: x.fingerprint256.replace(/:/g, '').toLowerCase(),
    certificateDer: x.raw,
    chainDers: c.chainPem ? c.chainPem.split(/(?=-----BEGIN)/).map((p) => new X509Certificate(p).raw) : [],
    pkcs8Der: createPrivateKey(c.keyPem).export({ type: 'pkcs8', format: 'der' }),
    certPem: c.certPem,
    keyPem: c.keyPem,
  };
}

const deployer = new SshDeployer({ policy: new AddressPolicy() });

/** A target configured through the deployer, as the service would store it. */
async function target(config: Record<string, unknown>): Promise<DeployTarget> {
  const settings = await deployer.configure({ host: sshd.host, port: sshd.port, username: sshd.username, hostKeySha256: sshd.hostKeySha256, privateKey: sshd.clientKey, ...config }, undefined);
  return { id: ++n, name: 'ssh', config: settings.config, secret: settings.secret };
}

const mode = (f: string) => statSync(f).mode & 0o777;

describe('the ssh deployer against a real sshd', () => {
  it('writes certbot’s layout with its modes over SFTP, then runs the reload command once with the batch on stdin', async () => {
    const out = path.join(sshd.dir, 'out-1');
    const marker = path.join(sshd.dir, 'reload-1.log');
    const tg = await target({ directory: `${out}/live`, reloadCommand: `cat >> '${marker}'; echo reloaded >> '${marker}'`, pkcs12: true, pkcs12Password: 'p12-password' });
    const a = item('a.example.test');
    const b = item('*.b.example.test', '_.b.example.test');
    const outcome = await deployer.deploy(tg, [a, b]);
    expect(outcome.items.map((o) => o.error)).toEqual([null, null]);
    expect(outcome.reload).toEqual({ ran: true, error: null });
    for (const it of [a, b]) {
      const folder = path.join(out, 'live', it.name);
      expect(readdirSync(folder).sort()).toEqual(['cert.p12', 'cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']);
      expect(new X509Certificate(readFileSync(path.join(folder, 'cert.pem'))).fingerprint256.replace(/:/g, '').toLowerCase()).toBe(it.fingerprintSha256);
      expect(readFileSync(path.join(folder, 'fullchain.pem'), 'utf8')).toBe(readFileSync(path.join(folder, 'cert.pem'), 'utf8') + readFileSync(path.join(folder, 'chain.pem'), 'utf8'));
      expect(new X509Certificate(readFileSync(path.join(folder, 'cert.pem'))).checkPrivateKey(createPrivateKey(readFileSync(path.join(folder, 'privkey.pem'))))).toBe(true);
      expect([mode(path.join(folder, 'privkey.pem')), mode(path.join(folder, 'cert.p12')), mode(path.join(folder, 'cert.pem')), mode(path.join(folder, 'chain.pem')), mode(path.join(folder, 'fullchain.pem'))]).toEqual([0o600, 0o600, 0o644, 0o644, 0o644]);
      expect(mode(folder)).toBe(0o755);
    }
    const log = readFileSync(marker, 'utf8').trim().split('\n');
    expect(log.at(-1)).toBe('reloaded');
    expect(log.filter((l) => l === 'reloaded')).toHaveLength(1);
    const lines = log.slice(0, -1).map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({ deploymentId: a.deploymentId, domain: 'a.example.test', fingerprintSha256: a.fingerprintSha256, keyPath: `${out}/live/a.example.test/privkey.pem`, pkcs12Path: `${out}/live/a.example.test/cert.p12` }),
      expect.objectContaining({ deploymentId: b.deploymentId, directory: `${out}/live/_.b.example.test` }),
    ]);

    // A new version replaces the files (renamed over them), with no temporary file left.
    const a2 = { ...item('a.example.test'), deploymentId: a.deploymentId };
    expect((await deployer.deploy(tg, [a2])).items[0]!.error).toBeNull();
    expect(new X509Certificate(readFileSync(path.join(out, 'live/a.example.test/cert.pem'))).fingerprint256.replace(/:/g, '').toLowerCase()).toBe(a2.fingerprintSha256);
    expect(readdirSync(path.join(out, 'live/a.example.test')).filter((f) => f.includes('tmp'))).toEqual([]);
    expect(readFileSync(marker, 'utf8').trim().split('\n').filter((l) => l === 'reloaded')).toHaveLength(2);
  });

  it('writes relative to where the login starts', async () => {
    const tg = await target({ directory: 'certs/./web/' });
    expect(tg.config.directory).toBe('certs/web');
    const a = item('rel.example.test');
    expect((await deployer.deploy(tg, [a])).items[0]).toMatchObject({ error: null, location: `${sshd.host}:certs/web/rel.example.test` });
    expect(existsSync(path.join(sshd.sftpHome, 'certs/web/rel.example.test/privkey.pem'))).toBe(true);
  });

  it('refuses a host presenting another key before authenticating: nothing written, no reload', async () => {
    const out = path.join(sshd.dir, 'out-mismatch');
    const marker = path.join(sshd.dir, 'reload-mismatch');
    const tg = await target({ directory: out, reloadCommand: `touch '${marker}'`, hostKeySha256: 'SHA256:' + 'A'.repeat(43) });
    const before = sshd.log().length;
    const outcome = await deployer.deploy(tg, [item('pinned.example.test')]);
    expect(outcome.items[0]!.error?.code).toBe('ssh_host_key_mismatch');
    expect(outcome.items[0]!.error?.message).toContain(sshd.hostKeySha256);
    expect(outcome.reload.ran).toBe(false);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(marker)).toBe(false);
    // The server never saw an authentication attempt.
    await new Promise((r) => setTimeout(r, 200));
    expect(sshd.log().slice(before)).not.toMatch(/Accepted|Failed|publickey/);
  });

  it('logs in with an encrypted key and its passphrase, or fails clearly with a wrong password or an unknown key', async () => {
    const out = path.join(sshd.dir, 'out-passphrase');
    const tg = await target({ directory: out, privateKey: sshd.encryptedClientKey, passphrase: sshd.passphrase });
    expect((await deployer.deploy(tg, [item('pp.example.test')])).items[0]!.error).toBeNull();
    expect(existsSync(path.join(out, 'pp.example.test/cert.pem'))).toBe(true);

    const wrongPassword = await target({ directory: out, privateKey: null, password: 'not the password' });
    expect((await deployer.deploy(wrongPassword, [item('pw.example.test')])).items[0]!.error?.code).toBe('ssh_auth_failed');
    const stranger = await target({ directory: out, privateKey: sshd.strangerKey });
    expect((await deployer.deploy(stranger, [item('st.example.test')])).items[0]!.error?.code).toBe('ssh_auth_failed');
    expect(existsSync(path.join(out, 'pw.example.test'))).toBe(false);
    expect(existsSync(path.join(out, 'st.example.test'))).toBe(false);
  });

  // sshd refuses root a password login (PermitRootLogin's default), so this makes an account
  // with a password, which needs root, as the suite has on CI (it installs its packages).
  it.skipIf(process.getuid?.() !== 0)('logs in with a password alone', async () => {
    const user = 'ck-deploy-test';
    const password = randomBytes(12).toString('hex');
    try {
      execFileSync('id', [user], { stdio: 'ignore' });
    } catch {
      execFileSync('useradd', ['-m', '-s', '/bin/sh', user]);
    }
    execFileSync('chpasswd', { input: `${user}:${password}\n` });
    const { uid, gid } = statSync(`/home/${user}`);
    const out = mkdtempSync(path.join(tmpdir(), 'certkeeper-ssh-password-'));
    chownSync(out, uid, gid);
    try {
      const tg = await target({ username: user, privateKey: null, password, directory: out, reloadCommand: 'id -un > reloaded-by' });
      const outcome = await deployer.deploy(tg, [item('pw-ok.example.test')]);
      expect(outcome.items[0]!.error).toBeNull();
      expect(outcome.reload).toEqual({ ran: true, error: null });
      expect(statSync(path.join(out, 'pw-ok.example.test/privkey.pem')).uid).toBe(uid);
      expect(mode(path.join(out, 'pw-ok.example.test/privkey.pem'))).toBe(0o600);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('fails the batch when the reload command exits non-zero, with its code and the end of its stderr', async () => {
    const tg = await target({ directory: path.join(sshd.dir, 'out-fail'), reloadCommand: "echo 'nginx: [emerg] cannot load certificate' >&2; exit 3" });
    const outcome = await deployer.deploy(tg, [item('f.example.test')]);
    expect(outcome.items[0]!.error).toBeNull();
    expect(outcome.reload.ran).toBe(true);
    expect(outcome.reload.error).toMatchObject({ code: 'ssh_reload_failed', details: { exitCode: 3, stderr: 'nginx: [emerg] cannot load certificate' } });
    expect(outcome.reload.error!.message).toContain('exited with code 3');
  });

  it('gives up a reload command that does not finish within its timeout', async () => {
    const tg = await target({ directory: path.join(sshd.dir, 'out-hang'), reloadCommand: 'echo waiting >&2; sleep 30', reloadTimeoutSeconds: 1 });
    const outcome = await deployer.deploy(tg, [item('h.example.test')]);
    expect(outcome.reload.error).toMatchObject({ code: 'ssh_reload_failed', details: { timedOut: true } });
    expect(outcome.reload.error!.message).toContain('did not finish within 1 s');
  });

  it('fails, instead of hanging, against a host that accepts and never speaks, and one that refuses', async () => {
    const held: Socket[] = [];
    const silent: Server = createServer((s) => held.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const port = (silent.address() as { port: number }).port;
    try {
      const tg = await target({ directory: '/nowhere', port, connectTimeoutSeconds: 1 });
      const outcome = await deployer.deploy(tg, [item('silent.example.test')]);
      expect(outcome.items[0]!.error).toMatchObject({ code: 'ssh_connect_failed' });
      expect(outcome.items[0]!.error!.message).toContain('within 1 s');
    } finally {
      held.forEach((s) => s.destroy());
      await new Promise((r) => silent.close(r));
    }
    const closed = await target({ directory: '/nowhere', port });
    expect((await deployer.deploy(closed, [item('closed.example.test')])).items[0]!.error?.code).toBe('ssh_connect_failed');
  });

  it('falls back on removing and renaming when the server refuses posix-rename and fsync', async () => {
    const plain = await startSshd({ sftpDenied: 'posix-rename,fsync' });
    try {
      const settings = await deployer.configure({ host: plain.host, port: plain.port, username: plain.username, hostKeySha256: plain.hostKeySha256, privateKey: plain.clientKey, directory: path.join(plain.dir, 'out') }, undefined);
      const tg = { id: ++n, name: 'plain', config: settings.config, secret: settings.secret };
      const first = item('plain.example.test');
      expect((await deployer.deploy(tg, [first])).items[0]!.error).toBeNull();
      // The server will not do posix-rename: without the fallback this replacement would fail.
      const second = { ...item('plain.example.test'), deploymentId: first.deploymentId };
      expect((await deployer.deploy(tg, [second])).items[0]!.error).toBeNull();
      const folder = path.join(plain.dir, 'out', 'plain.example.test');
      expect(new X509Certificate(readFileSync(path.join(folder, 'cert.pem'))).fingerprint256.replace(/:/g, '').toLowerCase()).toBe(second.fingerprintSha256);
      expect(readdirSync(folder).sort()).toEqual(['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']);
      expect(mode(path.join(folder, 'privkey.pem'))).toBe(0o600);
    } finally {
      await plain.stop();
    }
  });

  it('writes a batch on as many SFTP channels as the server allows, and still runs the reload', async () => {
    const narrow = await startSshd({ maxSessions: 1 });
    try {
      const out = path.join(narrow.dir, 'out');
      const marker = path.join(narrow.dir, 'reloaded');
      const settings = await deployer.configure({ host: narrow.host, port: narrow.port, username: narrow.username, hostKeySha256: narrow.hostKeySha256, privateKey: narrow.clientKey, directory: out, reloadCommand: `wc -l > '${marker}'` }, undefined);
      const batch = Array.from({ length: 5 }, (_, i) => item(`n${i}.example.test`));
      const outcome = await deployer.deploy({ id: ++n, name: 'narrow', config: settings.config, secret: settings.secret }, batch);
      expect(outcome.items.map((o) => o.error)).toEqual(batch.map(() => null));
      expect(outcome.reload).toEqual({ ran: true, error: null });
      expect(readFileSync(marker, 'utf8').trim()).toBe('5');
      for (const b of batch) expect(existsSync(path.join(out, b.name, 'privkey.pem'))).toBe(true);
    } finally {
      await narrow.stop();
    }
  });

  it('connects nowhere the outbound policy refuses', async () => {
    const denying = new SshDeployer({ policy: new AddressPolicy({ deny: ['127.0.0.1'] }) });
    await expect(denying.configure({ host: '127.0.0.1', username: 'u', hostKeySha256: sshd.hostKeySha256, privateKey: sshd.clientKey, directory: '/x' }, undefined)).rejects.toMatchObject({ code: 'ssh_host_forbidden' });
    // Allowed when saved, refused at deploy time (the policy changed since): nothing is connected to.
    const tg = await target({ directory: '/x' });
    const outcome = await denying.deploy(tg, [item('denied.example.test')]);
    expect(outcome.items[0]!.error?.code).toBe('ssh_host_forbidden');
  });
});
