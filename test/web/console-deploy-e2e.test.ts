/**
 * The deployments page and the certificate page's Deployments section end to end, in Chromium
 * on the real server with the built console (dist/web): a local target made in the page, a
 * certificate bound from its page and written under the deployment root, an agent target's key
 * shown once, a refusal in words, a viewer's view without actions, axe-core on each.
 */
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, seriousAccessibilityViolations, type OpenPage } from '../support/browser.js';
import { FakeClock } from '../support/fake-clock.js';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

/** Waits for what the page shows: under a loaded machine a page may take seconds. */
const poll = <T>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000, interval: 100 });
const PASSWORD = 'correct horse battery staple';
const SHOTS = process.env.CERTKEEPER_SCREENSHOTS;

let browser: Browser;
let scratch: string;
beforeAll(async () => {
  browser = await launchBrowser();
  scratch = mkdtempSync(path.join(tmpdir(), 'certkeeper-deploy-e2e-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe.each(dialects)('deployments in Chromium on %s', { timeout: 120_000 }, (dialect) => {
  let t: TestApp;
  let base: string;
  let prj: string;
  let root: string;
  let certId: number;
  const opened: OpenPage[] = [];
  const users = { admin: `deploy-admin-${dialect}@example.com`, viewer: `deploy-viewer-${dialect}@example.com` };
  const shop = aCertificate({ commonName: 'shop.example.test' });

  beforeAll(async () => {
    root = path.join(scratch, dialect);
    mkdirSync(root);
    t = await createTestApp({ dialect, clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)), env: { CERTKEEPER_DEPLOY_ROOT: root } });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    prj = t.project.id;
    for (const [role, email] of Object.entries(users)) {
      const made = await t.call('POST', '/api/v1/users', { body: { email, password: PASSWORD } });
      expect(made.statusCode, made.body).toBe(200);
      const member = await t.call('POST', `/api/v1/projects/${prj}/members`, { body: { email, role } });
      expect(member.statusCode, member.body).toBe(200);
    }
    const imported = await t.call('POST', `/api/v1/projects/${prj}/certificates/import`, { key: t.keys.editor, body: { certificateBody: shop.certPem, certificatePrivateKey: shop.keyPem, certificateChain: shop.chainPem } });
    expect(imported.statusCode, imported.body).toBe(200);
    certId = imported.json().result.id;
  }, 60_000);

  afterAll(async () => {
    for (const o of opened) await o.context.close().catch(() => undefined);
    await t?.close();
  });

  const open = async () => {
    const o = await openPage(browser, base, { now: t.clock.now() });
    opened.push(o);
    return o;
  };
  const noTrouble = (o: OpenPage) => {
    expect(o.cspViolations, 'Content-Security-Policy violations').toEqual([]);
    expect(o.errors.filter((e) => !/Failed to load resource/.test(e)), 'page errors').toEqual([]);
  };
  const accessible = async (page: Page, what: string) => {
    expect(await seriousAccessibilityViolations(page), `axe-core on ${what}`).toEqual([]);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `deploy-${dialect}-${what.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
  };
  const signIn = async (page: Page, email: string) => {
    await page.goto('/');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'certkeeper' }).first().waitFor();
  };
  const project = (rest: string) => `/projects/${prj}/${rest}`;
  const folder = () => path.join(root, 'nginx/certs/shop.example.test');

  it('an admin adds a local target, binds a certificate from its page, and the files are written under the root', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.admin);
    await page.goto(project('certificates'));
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Deployments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deployments' }).waitFor();
    await page.getByText('No deployment target yet').waitFor();
    await page.getByText('No certificate is deployed yet').waitFor();
    await accessible(page, 'the deployments page (empty)');

    // Each type shows its own labelled fields.
    const form = page.getByRole('form', { name: 'Add a target' });
    expect(await form.getByLabel('Target type').locator('option').count()).toBe(3);
    await form.getByLabel('Target type').selectOption('ssh');
    for (const label of ['Host', 'Port', 'Username', 'Host key fingerprint', 'Private key', 'Remote directory', 'Reload command']) await form.getByLabel(label, { exact: true }).waitFor();
    await form.getByLabel('Target type').selectOption('local');
    await form.getByLabel('Target name').fill('web');
    await form.getByRole('button', { name: 'Add target' }).click();
    await poll(() => form.getByRole('alert').textContent()).toBe('A directory is required.');
    await form.getByLabel('Directory', { exact: true }).fill('nginx/certs');
    await form.getByRole('button', { name: 'Add target' }).click();
    const row = page.getByRole('row', { name: /^web / });
    await poll(() => row.textContent()).toContain('nginx/certs');
    expect(await row.textContent()).toContain('none');
    await accessible(page, 'the deployments page with a target');

    // The certificate's page: not deployed yet; "Deploy to" binds it and writes the files.
    await page.goto(project(`certificates/${certId}`));
    const section = page.getByRole('region', { name: 'Deployments' });
    await section.getByText('not deployed to any target').waitFor();
    const bind = section.getByRole('form', { name: 'Deploy to' });
    expect(await bind.getByLabel('Deploy to').locator('option').allTextContents()).toEqual(['web (local)']);
    await accessible(page, 'the certificate page with its Deployments section');
    await bind.getByRole('button', { name: 'Deploy' }).click();
    const deployed = section.locator('tr[data-status="deployed"]');
    await poll(() => deployed.count()).toBe(1);
    expect(await deployed.textContent()).toContain('Deployed');
    expect(await deployed.textContent()).toContain('nginx/certs/shop.example.test');
    expect(readdirSync(folder()).sort()).toEqual(['cert.pem', 'chain.pem', 'fullchain.pem', 'privkey.pem']);
    expect(new X509Certificate(readFileSync(path.join(folder(), 'cert.pem'))).fingerprint256).toBe(new X509Certificate(shop.certPem).fingerprint256);
    await section.getByRole('button', { name: 'Deploy now to web' }).click();
    await poll(() => section.locator('.ok-note').textContent()).toBe('Deployed to web again.');
    // Every target is bound: nothing left to choose.
    expect(await section.getByRole('form', { name: 'Deploy to' }).count()).toBe(0);
    await accessible(page, 'the certificate page with a deployment');

    // The deployments page lists it, the certificate linked to its page.
    await page.goto(project('deployments'));
    const dep = page.locator('tr[data-status="deployed"]');
    await dep.waitFor();
    expect(await dep.textContent()).toMatch(/shop\.example\.test.*web.*Deployed/);
    const fp = new X509Certificate(shop.certPem).fingerprint256.replace(/:/g, '').slice(0, 16).toLowerCase();
    expect(await dep.textContent()).toContain(`${fp}…`);
    await dep.getByRole('link', { name: 'shop.example.test' }).waitFor();
    expect(await dep.getByRole('link', { name: 'shop.example.test' }).getAttribute('href')).toBe(project(`certificates/${certId}`));
    await accessible(page, 'the deployments page with a deployment');

    // A target in use is refused, in the server's words.
    await row.getByRole('button', { name: 'Delete target web' }).click();
    await page.getByRole('dialog', { name: 'Delete this target?' }).getByRole('button', { name: 'Delete target' }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain('deployment_target_in_use');
    expect(await row.count()).toBe(1);
    noTrouble(o);
  });

  it('an agent target shows its deployment key and command line once; an ssh target shows which secret it holds, never the secret', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.admin);
    await page.goto(project('deployments'));
    const form = page.getByRole('form', { name: 'Add a target' });
    await form.getByLabel('Target type').selectOption('agent');
    await form.getByLabel('Target name').fill('edge-1');
    await form.getByRole('button', { name: 'Add target' }).click();
    const key = page.getByTestId('agent-key');
    await key.waitFor();
    const shown = (await key.textContent())!;
    expect(shown).toMatch(/^ck_/);
    expect(await page.getByTestId('agent-command').textContent()).toBe(`certkeeper agent --server ${base} --key ${shown} --dir /etc/ssl/certkeeper`);
    await page.getByRole('button', { name: 'Copy the deployment key' }).waitFor();
    await page.getByRole('row', { name: /edge-1/ }).waitFor();
    expect(await page.getByRole('row', { name: /edge-1/ }).textContent()).toContain('agent');
    await accessible(page, 'the deployments page with a new agent key');
    // The key works for the agent's own route, and is never shown again.
    const agentList = await t.call('GET', '/api/v1/agent/deployments', { key: shown });
    expect(agentList.statusCode, agentList.body).toBe(200);
    await page.reload();
    await page.getByRole('row', { name: /edge-1/ }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain(shown);
    // A new key: the earlier one is refused from now on, the new one shown once works.
    await page.getByRole('button', { name: 'New key for edge-1' }).click();
    await page.getByRole('dialog', { name: 'Give this agent a new key?' }).getByRole('button', { name: 'Make a new key' }).click();
    await poll(() => page.getByTestId('agent-key').textContent()).toMatch(/^ck_/);
    const renewed = (await page.getByTestId('agent-key').textContent())!;
    expect(renewed).not.toBe(shown);
    expect((await t.call('GET', '/api/v1/agent/deployments', { key: shown })).statusCode).toBe(401);
    expect((await t.call('GET', '/api/v1/agent/deployments', { key: renewed })).statusCode).toBe(200);
    await accessible(page, 'the deployments page with a renewed agent key');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    expect(await page.locator('main').textContent()).not.toContain(renewed);

    // An ssh target with a real client key: the row says the key is set, the page never holds it.
    const keyFile = path.join(scratch, `id-${dialect}`);
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', keyFile]);
    const privateKey = readFileSync(keyFile, 'utf8');
    await form.getByLabel('Target type').selectOption('ssh');
    await form.getByLabel('Target name').fill('remote');
    await form.getByLabel('Host', { exact: true }).fill('192.0.2.10');
    await form.getByLabel('Port', { exact: true }).fill('2222');
    await form.getByLabel('Username', { exact: true }).fill('deploy');
    await form.getByLabel('Host key fingerprint').fill('SHA256:uNiVztksCsDhcc0u9e8BujQXVUpKZIDTMczCvj3tD2s');
    await form.getByLabel('Private key').fill(privateKey);
    await form.getByLabel('Remote directory').fill('/etc/ssl/certkeeper');
    await form.getByRole('button', { name: 'Add target' }).click();
    const remote = page.getByRole('row', { name: /remote/ });
    await poll(() => remote.textContent()).toContain('private key set');
    expect(await remote.textContent()).toContain('deploy@192.0.2.10:2222 /etc/ssl/certkeeper');
    const keyBody = privateKey.split('\n')[1]!;
    expect(await page.locator('main').textContent()).not.toContain(keyBody);
    await page.reload();
    await poll(() => remote.textContent()).toContain('private key set');
    expect(await page.content()).not.toContain(keyBody);
    noTrouble(o);
  });

  it('a viewer sees targets and deployments without a single action', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.viewer);
    expect(await page.getByRole('navigation', { name: 'Project' }).getByRole('link').allTextContents()).toContain('Deployments');
    await page.goto(project('deployments'));
    await page.locator('tr[data-status="deployed"]').waitFor();
    await page.getByRole('row', { name: /^web / }).waitFor();
    expect(await page.locator('main button').count()).toBe(0);
    expect(await page.locator('main form').count()).toBe(0);
    await accessible(page, 'the deployments page (viewer)');

    await page.goto(project(`certificates/${certId}`));
    const section = page.getByRole('region', { name: 'Deployments' });
    await section.locator('tr[data-status="deployed"]').waitFor();
    expect(await section.locator('button').count()).toBe(0);
    expect(await section.locator('form').count()).toBe(0);
    await accessible(page, 'the certificate page Deployments section (viewer)');
    noTrouble(o);
  });

  it('unbinding says the files stay, and leaves them in place', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.admin);
    await page.goto(project('deployments'));
    const dep = page.locator('tr[data-status="deployed"]');
    await dep.getByRole('button', { name: /^Unbind / }).click();
    const dialog = page.getByRole('dialog', { name: 'Unbind this deployment?' });
    expect(await dialog.textContent()).toContain('left in place');
    await accessible(page, 'the unbind confirmation');
    await dialog.getByRole('button', { name: 'Unbind' }).click();
    await poll(() => page.locator('.ok-note').textContent()).toBe('Unbound; the files written stay where they are.');
    await page.getByText('No certificate is deployed yet').waitFor();
    expect(existsSync(path.join(folder(), 'privkey.pem'))).toBe(true);
    // Without deployments the target may go.
    await page.getByRole('button', { name: 'Delete target web' }).click();
    await page.getByRole('dialog', { name: 'Delete this target?' }).getByRole('button', { name: 'Delete target' }).click();
    await poll(() => page.getByRole('row', { name: /^web / }).count()).toBe(0);
    noTrouble(o);
  });

  it('a deployment whose folder now leads out of the root fails: the status, attempts and the reason in words', async () => {
    const made = await t.call('POST', `/api/v1/projects/${prj}/deployment-targets`, { key: t.keys.admin, body: { name: 'moved', type: 'local', config: { directory: 'moved' } } });
    expect(made.statusCode, made.body).toBe(200);
    const bound = await t.call('POST', `/api/v1/projects/${prj}/deployments`, { key: t.keys.admin, body: { certificateId: certId, targetId: made.json().result.id } });
    expect(bound.json().result.status).toBe('deployed');
    // Someone with access to the machine swaps the folder for a link out of the root.
    const outside = path.join(scratch, `outside-${dialect}`);
    mkdirSync(outside);
    rmSync(path.join(root, 'moved'), { recursive: true });
    symlinkSync(outside, path.join(root, 'moved'));

    const o = await open();
    const { page } = o;
    await signIn(page, users.admin);
    await page.goto(project('deployments'));
    await page.locator('tr[data-status="deployed"]').getByRole('button', { name: /^Deploy now/ }).click();
    const failed = page.locator('tr[data-status="failed"]');
    await failed.waitFor();
    await poll(() => page.getByRole('alert').textContent()).toContain('Deploying shop.example.test on moved failed: ');
    expect(await page.locator('.ok-note').count()).toBe(0);
    const text = (await failed.textContent())!;
    expect(text).toContain('Failed');
    expect(text).toContain('deployment_path_invalid');
    expect(text).toContain('next attempt');
    expect(await failed.locator('td').nth(4).textContent()).toBe('1');
    expect(readdirSync(outside)).toEqual([]);
    await accessible(page, 'the deployments page with a failed deployment');
    noTrouble(o);
  });
});
