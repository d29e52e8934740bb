/**
 * Deployment targets and deployments through the native API, on both stores: local targets
 * writing certbot's layout under the deployment root, the reload hook, refusals of anything
 * that would leave the root, failures with their reasons and backoff, one reload per batch.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'certkeeper-deploy-api-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Every file under dir, relative, sorted (symbolic links listed, not followed). */
function tree(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string, prefix: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const rel = prefix ? `${prefix}/${e.name}` : e.name;
      out.push(rel);
      if (e.isDirectory()) walk(path.join(d, e.name), rel);
    }
  };
  walk(dir, '');
  return out.sort();
}

describe.each(dialects)('deployment targets and deployments on %s', (dialect) => {
  let t: TestApp;
  let dir: string;
  let root: string;
  let hooks: string;
  let outside: string;
  let base: string;
  let n = 0;

  beforeEach(async () => {
    dir = path.join(scratch, `${dialect}-${++n}`);
    root = path.join(dir, 'root');
    hooks = path.join(dir, 'hooks');
    outside = path.join(dir, 'outside');
    for (const d of [root, hooks, outside]) mkdirSync(d, { recursive: true });
    t = await createTestApp({ ...(dialect === 'sqlite' ? {} : { store: await createTestStore('postgres') }), env: { CERTKEEPER_DEPLOY_ROOT: root, CERTKEEPER_DEPLOY_HOOK_DIR: hooks } });
    base = `/api/v1/projects/${t.project.id}`;
  });
  afterEach(async () => t.close());

  /** A hook script in the hook directory; its runs are appended to `<dir>/<name>.log` (environment, then stdin). */
  const hook = (name: string, body = 'exit 0') => {
    const log = path.join(dir, `${name}.log`);
    const file = path.join(hooks, name);
    writeFileSync(file, `#!/bin/sh\n{ echo "--- run"; env | grep '^CERTKEEPER_' | sort; echo "--- stdin"; cat; } >> '${log}'\n${body}\n`);
    chmodSync(file, 0o755);
    return { runs: () => (existsSync(log) ? readFileSync(log, 'utf8').split('--- run\n').slice(1) : []) };
  };
  const call = (method: string, url: string, key: string, body?: unknown) => t.call(method, `${base}${url}`, { key, body });
  const okResult = async (method: string, url: string, key: string, body?: unknown) => {
    const res = await call(method, url, key, body);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(200);
    return res.json().result;
  };
  const expectError = async (method: string, url: string, key: string, body: unknown, status: number, code: string) => {
    const res = await call(method, url, key, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({ success: false, code });
    return res.json().errors[0] as string;
  };
  const importCert = async (commonName: string, withKey = true) => {
    const c = aCertificate({ commonName });
    const rec = await okResult('POST', '/certificates/import', t.keys.editor, { certificateBody: c.certPem, ...(withKey ? { certificatePrivateKey: c.keyPem, certificateChain: c.chainPem } : {}) });
    return { id: rec.id as number, fingerprint: rec.fingerprintSha256 as string, c };
  };
  const target = (config: Record<string, unknown>, name = 'web') => okResult('POST', '/deployment-targets', t.keys.admin, { name, type: 'local', config });

  it('writes certbot’s layout atomically under the root, then runs the reload hook once with the deployment’s details', async () => {
    const reload = hook('reload-web');
    const tg = await target({ directory: 'nginx/certs', reloadHook: 'reload-web', owner: 'nobody', pkcs12: true, pkcs12Password: 'p12-secret-password' });
    expect(tg).toMatchObject({ type: 'local', hasSecret: true, config: { directory: 'nginx/certs', reloadHook: 'reload-web', reloadTimeoutSeconds: 60, owner: 'nobody', group: null, pkcs12: true } });
    expect(JSON.stringify(tg)).not.toContain('p12-secret-password');
    const cert = await importCert('shop.example.test');

    const d = await okResult('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id });
    expect(d).toMatchObject({ name: 'shop.example.test', status: 'deployed', fingerprintSha256: cert.fingerprint, currentFingerprintSha256: cert.fingerprint, attempts: 0, lastError: null, endpointIds: [] });

    const folder = path.join(root, 'nginx/certs/shop.example.test');
    expect(tree(folder)).toEqual(['cert.p12', 'cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']);
    const leaf = new X509Certificate(readFileSync(path.join(folder, 'cert.pem')));
    expect(leaf.fingerprint256.replace(/:/g, '').toLowerCase()).toBe(cert.fingerprint);
    expect(readFileSync(path.join(folder, 'fullchain.pem'), 'utf8')).toBe(readFileSync(path.join(folder, 'cert.pem'), 'utf8') + readFileSync(path.join(folder, 'chain.pem'), 'utf8'));
    expect(leaf.checkPrivateKey(createPrivateKey(readFileSync(path.join(folder, 'privkey.pem'))))).toBe(true);
    const mode = (f: string) => statSync(path.join(folder, f)).mode & 0o777;
    expect([mode('privkey.pem'), mode('cert.p12'), mode('cert.pem'), mode('chain.pem'), mode('fullchain.pem')]).toEqual([0o600, 0o600, 0o644, 0o644, 0o644]);
    expect(statSync(path.join(folder, 'privkey.pem')).uid).toBe(65534);
    // The PKCS#12 file opens with its password and holds the same certificate.
    const p12 = execFileSync('openssl', ['pkcs12', '-in', path.join(folder, 'cert.p12'), '-passin', 'pass:p12-secret-password', '-nokeys', '-clcerts']).toString();
    expect(new X509Certificate(p12.slice(p12.indexOf('-----BEGIN'))).fingerprint256).toBe(leaf.fingerprint256);

    const runs = reload.runs();
    expect(runs).toHaveLength(1);
    expect(runs[0]).toContain(`CERTKEEPER_CERTIFICATE_ID=${cert.id}`);
    expect(runs[0]).toContain(`CERTKEEPER_FINGERPRINT_SHA256=${cert.fingerprint}`);
    expect(runs[0]).toContain('CERTKEEPER_DOMAIN=shop.example.test');
    expect(runs[0]).toContain(`CERTKEEPER_FULLCHAIN_PATH=${path.join(folder, 'fullchain.pem')}`);
    expect(runs[0]).toContain(`CERTKEEPER_KEY_PATH=${path.join(folder, 'privkey.pem')}`);
    expect(runs[0]).toContain('CERTKEEPER_DEPLOY_COUNT=1');
    expect(runs[0]).not.toContain('MASTER_KEY');
    const stdin = runs[0]!.split('--- stdin\n')[1]!.trim().split('\n').map((l) => JSON.parse(l));
    expect(stdin).toEqual([expect.objectContaining({ deploymentId: d.id, certificateId: cert.id, fingerprintSha256: cert.fingerprint, keyPath: path.join(folder, 'privkey.pem') })]);
    // No temporary file left behind, nothing outside the root.
    expect(tree(root).filter((f) => f.includes('.tmp'))).toEqual([]);

    // Viewers read; the events tell the story.
    expect(await okResult('GET', `/deployments/${d.id}`, t.keys.viewer)).toMatchObject({ id: d.id, status: 'deployed' });
    expect((await okResult('GET', `/deployments?targetId=${tg.id}`, t.keys.viewer)).map((x: { id: number }) => x.id)).toEqual([d.id]);
    const events = (await okResult('GET', '/events?pageSize=100', t.keys.viewer)) as Array<{ type: string; data: Record<string, unknown> }>;
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['deployment_target.created', 'deployment.created', 'deployment.succeeded']));
    expect(JSON.stringify(events)).not.toContain('p12-secret-password');
  });

  it('seals the target secret at rest, keeps it on update when absent, and never returns it', async () => {
    const tg = await target({ directory: 'a', pkcs12: true, pkcs12Password: 'first-password-123' });
    const updated = await okResult('PUT', `/deployment-targets/${tg.id}`, t.keys.admin, { config: { directory: 'b' } });
    expect(updated).toMatchObject({ hasSecret: true, config: { directory: 'b', pkcs12: true } });
    const raw = await t.services.store.deployments.getTarget(t.project.id, tg.id);
    expect(raw!.sealedSecret!.toString('latin1')).not.toContain('first-password-123');
    expect(JSON.stringify(await okResult('GET', '/deployment-targets', t.keys.viewer))).not.toContain('first-password-123');
    // The renamed directory is where the next deployment's files go, with the same password.
    const cert = await importCert('b.example.test');
    await okResult('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id });
    execFileSync('openssl', ['pkcs12', '-in', path.join(root, 'b/b.example.test/cert.p12'), '-passin', 'pass:first-password-123', '-nokeys']);
  });

  it('lets viewers and editors read targets but only admins change them; editors may deploy again', async () => {
    await expectError('POST', '/deployment-targets', t.keys.editor, { name: 'x', type: 'local', config: { directory: 'x' } }, 403, 'forbidden');
    const tg = await target({ directory: 'x' });
    expect(await okResult('GET', `/deployment-targets/${tg.id}`, t.keys.viewer)).toMatchObject({ id: tg.id, name: 'web' });
    await expectError('PUT', `/deployment-targets/${tg.id}`, t.keys.editor, { name: 'y' }, 403, 'forbidden');
    await expectError('DELETE', `/deployment-targets/${tg.id}`, t.keys.editor, undefined, 403, 'forbidden');
    await expectError('POST', '/deployment-targets', t.keys.admin, { name: 'web', type: 'local', config: { directory: 'z' } }, 409, 'deployment_target_already_exists');
    const cert = await importCert('roles.example.test');
    await expectError('POST', '/deployments', t.keys.editor, { certificateId: cert.id, targetId: tg.id }, 403, 'forbidden');
    const d = await okResult('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id });
    await expectError('POST', `/deployments/${d.id}/deploy`, t.keys.viewer, undefined, 403, 'forbidden');
    expect(await okResult('POST', `/deployments/${d.id}/deploy`, t.keys.editor)).toMatchObject({ status: 'deployed' });
    await expectError('DELETE', `/deployment-targets/${tg.id}`, t.keys.admin, undefined, 409, 'deployment_target_in_use');
    await expectError('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id }, 409, 'deployment_already_exists');
    await expectError('POST', '/deployments', t.keys.admin, { certificateId: 999999, targetId: tg.id }, 404, 'certificate_not_found');
    await expectError('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: 999999 }, 404, 'deployment_target_not_found');
    await expectError('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id, name: 'other', endpointIds: [424242] }, 404, 'endpoint_not_found');
    const keyless = await importCert('nokey.example.test', false);
    await expectError('POST', '/deployments', t.keys.admin, { certificateId: keyless.id, targetId: tg.id }, 409, 'deployment_no_private_key');
  });

  it('names in a body only what the project itself holds: another tenant’s certificate, target or endpoint is not found, a shared certificate is deployed through its own project', async () => {
    const tg = await target({ directory: 'own' });
    const cert = await importCert('own.example.test');
    const endpoint = await okResult('POST', '/endpoints', t.keys.editor, { host: 'own.example.test', port: 443, protocol: 'tls' });
    for (const sameOrg of [false, true]) {
      const other = await t.otherTenant(sameOrg);
      const intruder = (body: unknown) => t.call('POST', `/api/v1/projects/${other.projectId}/deployments`, { key: other.adminKey, body });
      const otherTarget = (await t.call('POST', `/api/v1/projects/${other.projectId}/deployment-targets`, { key: other.adminKey, body: { name: 'mine', type: 'local', config: { directory: `other-${sameOrg}` } } })).json().result;
      const otherCert = aCertificate({ commonName: 'intruder.example.test' });
      const mine = (await t.call('POST', `/api/v1/projects/${other.projectId}/certificates/import`, { key: other.adminKey, body: { certificateBody: otherCert.certPem, certificatePrivateKey: otherCert.keyPem } })).json().result;
      expect((await intruder({ certificateId: cert.id, targetId: otherTarget.id })).json()).toMatchObject({ code: 'certificate_not_found' });
      expect((await intruder({ certificateId: mine.id, targetId: tg.id })).json()).toMatchObject({ code: 'deployment_target_not_found' });
      expect((await intruder({ certificateId: mine.id, targetId: otherTarget.id, endpointIds: [endpoint.id] })).json()).toMatchObject({ code: 'endpoint_not_found' });
    }
    // Shared with the organization, it is visible to its other projects, but its key is deployed only through its own.
    await okResult('PUT', `/certificates/${cert.id}`, t.keys.editor, { scopeId: 1 });
    const sibling = await t.otherTenant(true);
    const siblingTarget = (await t.call('POST', `/api/v1/projects/${sibling.projectId}/deployment-targets`, { key: sibling.adminKey, body: { name: 'mine', type: 'local', config: { directory: 'sibling' } } })).json().result;
    const shared = await t.call('POST', `/api/v1/projects/${sibling.projectId}/deployments`, { key: sibling.adminKey, body: { certificateId: cert.id, targetId: siblingTarget.id } });
    expect(shared.statusCode, shared.body).toBe(403);
    expect(tree(path.join(root, 'sibling'))).toEqual([]);
  });

  it('refuses paths that leave the root, at save time, with a 400 and nothing written', async () => {
    symlinkSync(outside, path.join(root, 'escape'));
    mkdirSync(path.join(root, 'inner'));
    symlinkSync(path.join(root, 'inner'), path.join(root, 'alias'));
    for (const directory of ['../x', '/etc', 'a/../../x', 'a/./b', '.hidden', 'a//b', 'escape', 'escape/deeper', 'a\\b']) {
      const message = await expectError('POST', '/deployment-targets', t.keys.admin, { name: `t-${n++}`, type: 'local', config: { directory } }, 400, 'deployment_path_invalid');
      expect(message).not.toContain(root);
    }
    // A link that stays inside the root is fine.
    const tg = await target({ directory: 'alias' });
    const cert = await importCert('names.example.test');
    for (const name of ['..', '.', 'a/b', '../x', '.env', '-rf']) {
      await expectError('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id, name }, 400, 'deployment_path_invalid');
    }
    symlinkSync(outside, path.join(root, 'inner', 'planted'));
    await expectError('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id, name: 'planted' }, 400, 'deployment_path_invalid');
    expect(tree(outside)).toEqual([]);
    expect((await okResult('GET', '/deployments', t.keys.viewer)).length).toBe(0);
  });

  it('refuses hook names that are not a file in the hook directory', async () => {
    hook('ok-hook');
    for (const reloadHook of ['../ok-hook', '/bin/true', 'sub/ok-hook', '.hidden', 'missing-hook']) {
      const message = await expectError('POST', '/deployment-targets', t.keys.admin, { name: `h-${n++}`, type: 'local', config: { directory: 'x', reloadHook } }, 400, 'deployment_hook_invalid');
      expect(message).not.toContain(hooks);
    }
    await expectError('POST', '/deployment-targets', t.keys.admin, { name: 'bad', type: 'local', config: { directory: 'x', unknown: 1 } }, 400, 'validation_failed');
    // The body's schema cannot tie a config to its type (a union of the three): the agent type refuses a local config.
    await expectError('POST', '/deployment-targets', t.keys.admin, { name: 'bad', type: 'agent', config: { directory: 'x' } }, 400, 'deployment_config_invalid');
    // An ssh target takes other fields (test/e2e/deploy-ssh.test.ts): a local config is not one.
    expect(await expectError('POST', '/deployment-targets', t.keys.admin, { name: 'bad', type: 'ssh', config: { directory: 'x' } }, 400, 'deployment_config_invalid')).toContain('config.host');
    await expectError('POST', '/deployment-targets', t.keys.admin, { name: 'bad', type: 'local', config: { directory: 'x', owner: 'no-such-user-here' } }, 400, 'deployment_config_invalid');
    await expectError('POST', '/deployment-targets', t.keys.admin, { name: 'bad', type: 'local', config: { directory: 'x', pkcs12: true } }, 400, 'deployment_config_invalid');
  });

  it('a failing hook fails the deployment with its reason (stderr for admins only), retried with backoff until it works', async () => {
    const flaky = hook('flaky', `if [ -e '${dir}/healthy' ]; then exit 0; fi\necho "nginx: [emerg] cannot load certificate" >&2\nexit 3`);
    const tg = await target({ directory: 'flaky', reloadHook: 'flaky' });
    const cert = await importCert('flaky.example.test');
    const d = await okResult('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id });
    expect(d).toMatchObject({ status: 'failed', attempts: 1, fingerprintSha256: null, lastError: { code: 'deploy_hook_failed', message: 'the reload hook flaky exited with code 3', hookStderr: 'nginx: [emerg] cannot load certificate' } });
    expect(new Date(d.nextAttemptAt).getTime() - t.clock.now().getTime()).toBe(60_000);
    const asViewer = await okResult('GET', `/deployments/${d.id}`, t.keys.viewer);
    expect(asViewer.lastError).toEqual({ code: 'deploy_hook_failed', message: 'the reload hook flaky exited with code 3' });
    const failedEvents = (await okResult('GET', '/events?type=deployment.failed', t.keys.viewer)) as Array<{ data: Record<string, unknown> }>;
    expect(failedEvents).toHaveLength(1);
    expect(JSON.stringify(failedEvents)).not.toContain('emerg');

    // Backoff: nothing before the next attempt time, then another failure (two minutes next).
    expect(await t.services.deployments.runDue()).toEqual({ processed: 0, failed: 0 });
    t.clock.advance(60_000);
    expect(await t.services.deployments.runDue()).toEqual({ processed: 0, failed: 1 });
    const again = await okResult('GET', `/deployments/${d.id}`, t.keys.admin);
    expect(again).toMatchObject({ status: 'failed', attempts: 2 });
    expect(new Date(again.nextAttemptAt).getTime() - t.clock.now().getTime()).toBe(120_000);
    expect(flaky.runs()).toHaveLength(2);

    writeFileSync(path.join(dir, 'healthy'), '');
    t.clock.advance(120_000);
    expect(await t.services.deployments.runDue()).toEqual({ processed: 1, failed: 0 });
    expect(await okResult('GET', `/deployments/${d.id}`, t.keys.viewer)).toMatchObject({ status: 'deployed', attempts: 0, lastError: null, nextAttemptAt: null, fingerprintSha256: cert.fingerprint });
    // Nothing more to do.
    t.clock.advance(3_600_000);
    expect(await t.services.deployments.runDue()).toEqual({ processed: 0, failed: 0 });
    expect(flaky.runs()).toHaveLength(3);
  });

  it('a failed deployment reaches the notification channels, without the hook’s output', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      await okResult('POST', '/notification-channels', t.keys.admin, { name: 'ops', type: 'webhook', config: { url: receiver.url('/ops'), secret: 'ops-webhook-secret-0123456789' } });
      hook('broken', 'echo "secret-ish hook output" >&2\nexit 1');
      const tg = await target({ directory: 'notify', reloadHook: 'broken' });
      const cert = await importCert('notify.example.test');
      expect((await okResult('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id })).status).toBe('failed');
      await t.services.notifier.workerPass();
      expect(receiver.requests).toHaveLength(1);
      const body = JSON.parse(receiver.requests[0]!.body);
      expect(body.events).toEqual([expect.objectContaining({ type: 'deployment.failed', certificateId: cert.id, title: 'Deployment notify.example.test of notify.example.test to web failed: the reload hook broken exited with code 1' })]);
      expect(receiver.requests[0]!.body).not.toContain('secret-ish');
    } finally {
      await receiver.close();
    }
  });

  it('a hook that hangs is killed at its timeout and the deployment fails saying so', async () => {
    hook('hangs', 'sleep 300');
    const tg = await target({ directory: 'slow', reloadHook: 'hangs', reloadTimeoutSeconds: 1 });
    const cert = await importCert('slow.example.test');
    const started = Date.now();
    const d = await okResult('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(d).toMatchObject({ status: 'failed', lastError: { code: 'deploy_hook_failed', message: 'the reload hook hangs did not finish within 1 s and was killed' } });
  });

  it('a symbolic link planted after binding, pointing out of the root, fails the deployment and nothing is written outside', async () => {
    const tg = await target({ directory: 'site' });
    const cert = await importCert('planted.example.test');
    const d = await okResult('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id });
    expect(d.status).toBe('deployed');
    // Someone with access to the machine swaps the folder for a link out of the root.
    rmSync(path.join(root, 'site/planted.example.test'), { recursive: true });
    symlinkSync(outside, path.join(root, 'site/planted.example.test'));
    const again = await okResult('POST', `/deployments/${d.id}/deploy`, t.keys.editor);
    expect(again).toMatchObject({ status: 'failed', lastError: { code: 'deployment_path_invalid' } });
    expect(again.lastError.message).toContain('leads out of the deployment root');
    expect(again.lastError.message).not.toContain(root);
    expect(tree(outside)).toEqual([]);
    // A link planted in place of the key file is replaced, never written through.
    rmSync(path.join(root, 'site/planted.example.test'));
    mkdirSync(path.join(root, 'site/planted.example.test'));
    const victim = path.join(outside, 'victim');
    writeFileSync(victim, 'untouched');
    symlinkSync(victim, path.join(root, 'site/planted.example.test/privkey.pem'));
    expect(await okResult('POST', `/deployments/${d.id}/deploy`, t.keys.editor)).toMatchObject({ status: 'deployed' });
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(lstatSync(path.join(root, 'site/planted.example.test/privkey.pem')).isSymbolicLink()).toBe(false);
  });

  it('reloads a target once for a batch of certificates deployed in one pass', async () => {
    const reload = hook('reload-batch');
    const tg = await target({ directory: 'batch', reloadHook: 'reload-batch' });
    const certs = [];
    for (let i = 0; i < 5; i++) certs.push(await importCert(`batch${i}.example.test`));
    for (const c of certs) await okResult('POST', '/deployments', t.keys.admin, { certificateId: c.id, targetId: tg.id });
    expect(reload.runs()).toHaveLength(5);
    // A changed config makes every deployment of the target due: one pass, one reload.
    await okResult('PUT', `/deployment-targets/${tg.id}`, t.keys.admin, { config: { directory: 'batch2', reloadHook: 'reload-batch' } });
    expect((await okResult('GET', '/deployments', t.keys.viewer)).map((d: { status: string }) => d.status)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending']);
    expect(await t.services.deployments.runDue()).toEqual({ processed: 5, failed: 0 });
    const runs = reload.runs();
    expect(runs).toHaveLength(6);
    expect(runs[5]).toContain('CERTKEEPER_DEPLOY_COUNT=5');
    expect(runs[5]).not.toContain('CERTKEEPER_CERTIFICATE_ID=');
    expect(runs[5]!.split('--- stdin\n')[1]!.trim().split('\n').map((l) => JSON.parse(l).certificateId).sort()).toEqual(certs.map((c) => c.id).sort());
    expect(tree(path.join(root, 'batch2')).filter((f) => f.endsWith('privkey.pem'))).toHaveLength(5);
    expect(await t.services.deployments.runDue()).toEqual({ processed: 0, failed: 0 });
  });

  it('unbinding leaves the files in place and says so', async () => {
    const tg = await target({ directory: 'keep' });
    const cert = await importCert('keep.example.test');
    const d = await okResult('POST', '/deployments', t.keys.admin, { certificateId: cert.id, targetId: tg.id });
    await expectError('DELETE', `/deployments/${d.id}`, t.keys.editor, undefined, 403, 'forbidden');
    const res = await call('DELETE', `/deployments/${d.id}`, t.keys.admin);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toMatchObject({ id: d.id, deleted: true, filesRemoved: false });
    expect(res.json().messages[0]).toContain('left in place');
    expect(tree(path.join(root, 'keep'))).toContain('keep.example.test/privkey.pem');
    await expectError('GET', `/deployments/${d.id}`, t.keys.viewer, undefined, 404, 'deployment_not_found');
    expect(await okResult('DELETE', `/deployment-targets/${tg.id}`, t.keys.admin)).toMatchObject({ id: tg.id });
  });
});

describe('a server without CERTKEEPER_DEPLOY_ROOT', () => {
  it('refuses local targets with deploy_root_not_configured, and reload hooks without CERTKEEPER_DEPLOY_HOOK_DIR', async () => {
    const t = await createTestApp();
    try {
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/deployment-targets`, { key: t.keys.admin, body: { name: 'web', type: 'local', config: { directory: 'x' } } });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'deploy_root_not_configured' });
    } finally {
      await t.close();
    }
    const root = mkdtempSync(path.join(tmpdir(), 'certkeeper-deploy-nohooks-'));
    const u = await createTestApp({ env: { CERTKEEPER_DEPLOY_ROOT: root } });
    try {
      const res = await u.call('POST', `/api/v1/projects/${u.project.id}/deployment-targets`, { key: u.keys.admin, body: { name: 'web', type: 'local', config: { directory: 'x', reloadHook: 'reload' } } });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'deploy_hooks_not_configured' });
    } finally {
      await u.close();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
