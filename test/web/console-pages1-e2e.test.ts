/**
 * The import, new managed certificate, apps and endpoints pages in Chromium, on the real server
 * with the built console, by role and label: a PEM file imported through its file input, a
 * refused import in words, a bulk import with its progress, a managed certificate issued by a
 * real Pebble through the page up to Active, apps with push health and their bind, unbind and
 * import, endpoints probed on loopback TLS servers, a viewer without any action, and axe-core on
 * every page.
 */
import { writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, seriousAccessibilityViolations, type OpenPage } from '../support/browser.js';
import { FakeClock } from '../support/fake-clock.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { startTlsServer, type LoopbackServer } from '../support/starttls-servers.js';
import { aCertificate, toPkcs12 } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

/** Waits for what the page shows: under a loaded machine a page may take seconds. */
const poll = <T>(fn: () => T | Promise<T>, timeout = 15_000) => expect.poll(fn, { timeout, interval: 100 });
const PASSWORD = 'correct horse battery staple';
const SHOTS = process.env.CERTKEEPER_SCREENSHOTS;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

// A browser, a CA, a server and a loaded machine: more than the suite's 30 s per test.
describe.each(dialects)('import, managed, apps and endpoints pages in Chromium on %s', { timeout: 120_000 }, (dialect) => {
  let t: TestApp;
  let pebble: Pebble;
  let base: string;
  let prj: string;
  const servers: LoopbackServer[] = [];
  const opened: OpenPage[] = [];
  const users = { editor: `editor-${dialect}@example.com`, viewer: `viewer-${dialect}@example.com` };
  const shop = aCertificate({ apns: { environments: ['production'], bundleId: 'com.example.shop', topics: ['com.example.shop'] } });
  const pass = aCertificate({ passType: { passTypeIdentifier: 'pass.com.example.shop' } });
  const served = aCertificate({ sans: ['svc.example.test'] });
  const other = aCertificate({ sans: ['other.example.test'] });
  let servedId: number;
  let shopId: number;

  beforeAll(async () => {
    pebble = await startPebble();
    const caFile = path.join(process.env.TMPDIR ?? '/tmp', `certkeeper-pages1-pebble-ca-${process.pid}-${dialect}.pem`);
    writeFileSync(caFile, pebble.caPem);
    // The server's clock at the real time: the browser's cookie jar and the probes judge by it.
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date(Math.floor(Date.now() / 1000) * 1000)),
      env: { CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl, CERTKEEPER_ACME_CA_FILE: caFile, CERTKEEPER_ACME_EMAIL: 'ops@example.test' },
    });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    prj = t.project.id;
    for (const [role, email] of Object.entries(users)) {
      const made = await t.call('POST', '/api/v1/users', { body: { email, password: PASSWORD } });
      expect(made.statusCode, made.body).toBe(200);
      const member = await t.call('POST', `/api/v1/projects/${prj}/members`, { body: { email, role } });
      expect(member.statusCode, member.body).toBe(200);
    }
    const imp = async (body: Record<string, unknown>) => {
      const res = await t.call('POST', `/api/v1/projects/${prj}/certificates/import`, { key: t.keys.editor, body });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().result.id as number;
    };
    // An app with an APNs certificate that APNs refused, and a Wallet pass certificate.
    shopId = await imp({ certificateBody: shop.certPem, certificatePrivateKey: shop.keyPem });
    await imp({ certificateBody: pass.certPem });
    const app = await t.call('POST', `/api/v1/projects/${prj}/apps`, { key: t.keys.editor, body: { appId: 'com.example.shop', name: 'Shop', platforms: ['ios'] } });
    expect(app.statusCode, app.body).toBe(200);
    const bound = await t.call('PUT', `/api/v1/projects/${prj}/apps/com.example.shop/certificates`, { key: t.keys.editor, body: { certificateId: shopId, platform: 'iPhone', environment: 'production' } });
    expect(bound.statusCode, bound.body).toBe(200);
    const refused = await t.call('POST', `/api/v1/projects/${prj}/apps/com.example.shop/push-results`, { key: t.keys.editor, body: { environment: 'production', outcome: 'rejected', apnsStatus: 403, apnsReason: 'BadCertificate' } });
    expect(refused.statusCode, refused.body).toBe(200);
    // A watched endpoint serving a certificate of the inventory, probed once.
    servedId = await imp({ certificateBody: served.certPem });
    const tlsServer = await startTlsServer({ key: served.keyPem, cert: served.certPem + served.chainPem });
    servers.push(tlsServer);
    const ep = await t.call('POST', `/api/v1/projects/${prj}/endpoints`, { key: t.keys.editor, body: { host: '127.0.0.1', port: tlsServer.port, protocol: 'tls' } });
    expect(ep.statusCode, ep.body).toBe(200);
    const probed = await t.call('POST', `/api/v1/projects/${prj}/endpoints/${ep.json().result.id}/probe`, { key: t.keys.editor });
    expect(probed.statusCode, probed.body).toBe(200);
    servers.push(await startTlsServer({ key: other.keyPem, cert: other.certPem }));
  }, 90_000);

  afterAll(async () => {
    for (const o of opened) await o.context.close().catch(() => undefined);
    await Promise.all(servers.map((s) => s.close()));
    await t?.close();
    await pebble?.stop();
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
  };
  const shot = async (page: Page, name: string) => {
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${dialect}-${name}.png`), fullPage: true });
  };
  const signIn = async (page: Page, email: string) => {
    await page.goto('/');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { level: 1, name: 'Certificates' }).waitFor();
  };

  it('imports a PEM file chosen in the file input, and finds it in the certificates list', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.editor);
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Import' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import' }).waitFor();
    await accessible(page, 'the import page');
    const c = aCertificate({ sans: ['filed.example.test'] });
    await page.getByLabel('Certificate file', { exact: true }).setInputFiles({ name: 'filed.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(c.certPem + c.chainPem) });
    await page.getByLabel('Private key file').setInputFiles({ name: 'filed.key', mimeType: 'application/x-pem-file', buffer: Buffer.from(c.keyPem) });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const link = page.getByRole('link', { name: 'filed.example.test' });
    await link.waitFor();
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'filed.example.test' }).waitFor();
    await poll(() => page.locator('.field', { hasText: 'Private key' }).textContent()).toContain('stored');
    await page.goto(`/projects/${prj}/certificates`);
    await page.getByRole('link', { name: 'filed.example.test' }).waitFor();
    noTrouble(o);
  });

  it('a refused import is told in words, never as the raw answer', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.editor);
    await page.goto(`/projects/${prj}/import`);
    const c = aCertificate({ sans: ['mismatch.example.test'] });
    await page.getByLabel('Certificate (PEM)').fill(c.certPem);
    await page.getByLabel('Private key (PEM)').fill(other.keyPem);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const alert = page.getByRole('alert');
    await poll(() => alert.textContent()).toContain('The private key does not belong to this certificate.');
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('(key_mismatch)');
    expect(text).not.toMatch(/[{}]|"success"/);
    // A PKCS#12 file with a wrong password.
    await page.getByLabel('Certificate (PEM)').fill('');
    await page.getByLabel('Private key (PEM)').fill('');
    await page.getByLabel('Certificate file', { exact: true }).setInputFiles({ name: 'site.p12', mimeType: 'application/x-pkcs12', buffer: toPkcs12(c, { password: 'right' }) });
    await page.getByLabel('Password', { exact: true }).fill('wrong');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await poll(() => alert.textContent()).toContain('The password of the PKCS#12 file is wrong.');
    await accessible(page, 'the import page with a refusal');
    expect((await t.call('GET', `/api/v1/projects/${prj}/certificates?search=mismatch.example.test`, { key: t.keys.viewer })).json().result).toEqual([]);
    noTrouble(o);
  });

  it('bulk import: five files, one batch request, progress and each file’s outcome', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.editor);
    await page.goto(`/projects/${prj}/import`);
    const certs = [1, 2, 3].map((i) => aCertificate({ sans: [`bulk${i}.example.test`] }));
    const p12Cert = aCertificate({ sans: ['bulk-p12.example.test'] });
    const batches: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/certificates/import-batch')) batches.push(r.url());
    });
    await page.getByLabel('Certificate files').setInputFiles([
      { name: 'bulk1.crt', mimeType: 'application/x-pem-file', buffer: Buffer.from(certs[0].certPem) },
      { name: 'bulk1.key', mimeType: 'application/x-pem-file', buffer: Buffer.from(certs[0].keyPem) },
      { name: 'bulk2.der', mimeType: 'application/octet-stream', buffer: certs[1].certDer },
      { name: 'bulk3.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from(certs[2].certPem) },
      { name: 'bulk-p12.p12', mimeType: 'application/x-pkcs12', buffer: toPkcs12(p12Cert, { password: 'bulk' }) },
      { name: 'broken.pem', mimeType: 'application/x-pem-file', buffer: Buffer.from('-----BEGIN CERTIFICATE-----\nnot base64 at all\n-----END CERTIFICATE-----\n') },
    ]);
    await page.getByLabel('PKCS#12 password for these files').fill('bulk');
    await page.getByRole('button', { name: 'Import all' }).click();
    await poll(() => page.getByRole('status').textContent()).toBe('4 of 5 imported, 1 failed');
    expect(await page.getByRole('progressbar', { name: 'Import progress' }).getAttribute('value')).toBe('5');
    const row = (name: string) => page.getByRole('row', { name: new RegExp(name.replace(/[.+]/g, '\\$&')) });
    expect(await row('bulk1.crt + bulk1.key').textContent()).toContain('Imported');
    expect(await row('bulk-p12.p12').textContent()).toContain('Imported');
    expect(await row('broken.pem').textContent()).toMatch(/Failed: This is not a readable certificate/);
    expect(batches).toHaveLength(1);
    await shot(page, 'bulk-import');
    await accessible(page, 'the import page after a bulk import');
    // Each is in the inventory, the first with its key from the separate file.
    const listed = (await t.call('GET', `/api/v1/projects/${prj}/certificates?search=bulk&pageSize=50`, { key: t.keys.viewer })).json().result as { domainName: string; hasPrivateKey: boolean }[];
    expect(listed.map((c) => c.domainName).sort()).toEqual(['bulk-p12.example.test', 'bulk1.example.test', 'bulk2.example.test', 'bulk3.example.test']);
    expect(listed.find((c) => c.domainName === 'bulk1.example.test')?.hasPrivateKey).toBe(true);
    // The same files again: already in the inventory, said so.
    await page.getByRole('button', { name: 'Import all' }).click();
    await poll(() => page.getByRole('status').textContent()).toBe('4 of 5 imported, 4 already in the inventory, 1 failed');
    noTrouble(o);
  });

  it('bulk import in chunks can be cancelled: the request under way finishes, the rest is not sent', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.editor);
    await page.goto(`/projects/${prj}/import`);
    const files = Array.from({ length: 45 }, (_, i) => {
      const c = aCertificate({ sans: [`chunk${i}.example.test`], keySlot: 'pages1-chunks' });
      return { name: `chunk${i}.pem`, mimeType: 'application/x-pem-file', buffer: Buffer.from(c.certPem) };
    });
    // The first batch is held until Cancel was clicked: no race between the click and the requests.
    let release!: () => void;
    const cancelled = new Promise<void>((resolve) => (release = resolve));
    const sent: number[] = [];
    await page.route('**/certificates/import-batch*', async (route) => {
      sent.push((route.request().postDataJSON() as { items: unknown[] }).items.length);
      if (sent.length === 1) await cancelled;
      await route.continue();
    });
    await page.getByLabel('Certificate files').setInputFiles(files);
    await page.getByRole('button', { name: 'Import all' }).click();
    await poll(() => sent.length).toBe(1);
    await page.getByRole('button', { name: 'Cancel' }).click();
    release();
    await poll(() => page.getByRole('status').textContent()).toBe('20 of 45 imported; cancelled, 25 not sent');
    expect(sent).toEqual([20]);
    expect(await page.getByRole('cell', { name: 'not sent (cancelled)' }).count()).toBe(25);
    expect(await page.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
    const listed = (await t.call('GET', `/api/v1/projects/${prj}/certificates?search=chunk&pageSize=100`, { key: t.keys.viewer })).json().result;
    expect(listed).toHaveLength(20);
    noTrouble(o);
  });

  it('a managed certificate through the page: DNS records with copy buttons, a refusal in words, Validate, then Active (real Pebble)', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.editor);
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'New certificate' }).click();
    await page.getByRole('heading', { level: 1, name: 'New managed certificate' }).waitFor();
    await accessible(page, 'the new managed certificate form');

    const request = async (names: string) => {
      await page.getByLabel('Names (one per line)').fill(names);
      await page.getByLabel('Challenge').selectOption('dns-01');
      await page.getByLabel('Key type').selectOption('ec-p384');
      await page.getByRole('button', { name: 'Request certificate' }).click();
      await page.getByRole('heading', { level: 2, name: 'Publish these DNS records' }).waitFor();
      const id = Number(new URL(page.url()).searchParams.get('id'));
      expect(id).toBeGreaterThan(0);
      const c = (await t.call('GET', `/api/v1/projects/${prj}/certificates/${id}`, { key: t.keys.viewer })).json().result;
      return { id, c };
    };

    // Refused: a wrong TXT value is published; the CA's answer is shown in words.
    const refused = await request('refused.pages1.example.test');
    await pebble.challtestsrv.setTxt('_acme-challenge.refused.pages1.example.test.', 'not-the-right-value');
    await page.getByRole('button', { name: 'Validate' }).click();
    await poll(() => page.getByRole('alert').textContent(), 60_000).toContain('The CA could not validate the names');
    await poll(() => page.getByRole('note').textContent()).toMatch(/The CA’s answer: the CA found/);
    await accessible(page, 'a refused validation');
    expect((await t.call('GET', `/api/v1/projects/${prj}/certificates/${refused.id}`, { key: t.keys.viewer })).json().result.certificateStatus).toBe('Failed');

    // Issued: the records published as the page shows them, then Validate.
    await page.getByRole('button', { name: 'Ask for another certificate' }).click();
    const { id, c } = await request('Pages1.example.test\n*.pages1.example.test\n');
    expect(c).toMatchObject({ certificateStatus: 'PendingValidation', sans: ['pages1.example.test', '*.pages1.example.test'], managed: { keyType: 'ec-p384', challengeType: 'dns-01' } });
    const records = c.dnsRecords as { key: string; value: string }[];
    expect(records).toHaveLength(2);
    const section = page.getByRole('region', { name: 'Publish these DNS records' });
    for (const r of records) {
      expect(await section.textContent()).toContain(r.value);
      await page.getByRole('button', { name: `Copy record value for ${r.key}` }).first().waitFor();
    }
    await page.getByText('As zone-file lines').click();
    expect(await page.locator('details.zone pre').textContent()).toContain(`${records[0].key}. 300 IN TXT "${records[0].value}"`);
    await shot(page, 'managed-records');
    await accessible(page, 'the DNS records to publish');
    for (const r of records) await pebble.challtestsrv.setTxt(`${r.key}.`, r.value);
    await page.getByRole('button', { name: 'Validate' }).click();
    await poll(() => page.locator('.cert-state .badge').textContent(), 60_000).toContain('Active');
    await page.getByText('Issued.').waitFor();
    const issued = (await t.call('GET', `/api/v1/projects/${prj}/certificates/${id}`, { key: t.keys.viewer })).json().result;
    expect(issued).toMatchObject({ certificateStatus: 'Active', hasPrivateKey: true, publicKeyInfo: 'EC P-384' });
    expect(issued.issuer).toContain('Pebble');
    await accessible(page, 'an issued managed certificate');
    await page.getByRole('link', { name: 'Open the certificate' }).click();
    await page.getByRole('heading', { level: 1, name: 'pages1.example.test' }).waitFor();
    noTrouble(o);
  });

  it('apps: push health in words, Wallet passes, add an app, unbind, bind and import an APNs certificate', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.editor);
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Apps' }).click();
    await page.getByRole('heading', { level: 1, name: 'Apps' }).waitFor();
    const shopRow = page.getByRole('row', { name: /Shop/ });
    await poll(() => shopRow.textContent()).toContain('1 refused by APNs');
    await poll(() => page.getByRole('row', { name: /pass\.com\.example\.shop/ }).count()).toBe(1);
    await accessible(page, 'the apps page');

    await page.getByLabel('App id').fill('com.example.new');
    await page.getByLabel('Name').fill('New app');
    await page.getByRole('button', { name: 'Add app' }).click();
    await page.getByRole('link', { name: 'New app' }).waitFor();
    await page.getByLabel('App id').fill('com.example.new');
    await page.getByLabel('Name').fill('Again');
    await page.getByRole('button', { name: 'Add app' }).click();
    await poll(() => page.getByRole('alert').textContent()).toContain('The organization already has an app with this id.');
    await shot(page, 'apps');

    await page.getByRole('link', { name: 'Shop', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Shop' }).waitFor();
    const iphone = page.getByRole('row', { name: /iPhone/ });
    await poll(() => iphone.textContent()).toContain('Refused by APNs (BadCertificate), seen by a reported push');
    await accessible(page, 'an app page');
    await shot(page, 'app');

    await page.getByRole('button', { name: 'Unbind the iPhone production certificate' }).click();
    await page.getByRole('dialog', { name: 'Unbind this certificate?' }).waitFor();
    await accessible(page, 'the unbind dialog');
    await page.getByRole('button', { name: 'Unbind certificate' }).click();
    await page.getByText('No APNs certificate is bound to this app.').waitFor();

    await page.getByRole('combobox', { name: /^APNs certificate/ }).selectOption(String(shopId));
    await page.getByRole('combobox', { name: /^Device/ }).selectOption('iPhone');
    await page.getByLabel('Environment').selectOption('production');
    await page.getByRole('button', { name: 'Bind', exact: true }).click();
    await poll(() => page.getByRole('row', { name: /iPhone/ }).count()).toBe(1);

    const dev = aCertificate({ apns: { environments: ['development'], bundleId: 'com.example.shop', topics: ['com.example.shop'] } });
    await page.getByLabel('APNs certificate file (.p12)').setInputFiles({ name: 'push-dev.p12', mimeType: 'application/x-pkcs12', buffer: toPkcs12(dev, { password: 'apns' }) });
    await page.getByLabel('File password').fill('apns');
    await page.getByLabel('For device').selectOption('iPad');
    await page.getByRole('button', { name: 'Import and bind' }).click();
    const ipad = page.getByRole('row', { name: /iPad/ });
    await poll(() => ipad.textContent()).toContain('Development (sandbox)');
    expect(await ipad.textContent()).toContain('OK: no push outcome reported yet');
    const bound = (await t.call('GET', `/api/v1/projects/${prj}/apps/com.example.shop/certificates`, { key: t.keys.viewer })).json().result as { platform: string; environment: string }[];
    expect(bound.map((b) => `${b.platform}/${b.environment}`).sort()).toEqual(['iPad/development', 'iPhone/production']);
    noTrouble(o);
  });

  it('endpoints: the last probe and findings in words, the served certificate linked; add, probe now, delete with a confirmation', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.editor);
    await page.getByRole('navigation', { name: 'Project' }).getByRole('link', { name: 'Endpoints' }).click();
    await page.getByRole('heading', { level: 1, name: 'Endpoints' }).waitFor();
    const seeded = page.getByRole('row', { name: new RegExp(`127\\.0\\.0\\.1:${servers[0].port}`) });
    await poll(() => seeded.textContent()).toContain('Does not name the host');
    expect(await seeded.textContent()).toContain('Chain not trusted');
    expect(await seeded.getByRole('link', { name: 'svc.example.test' }).getAttribute('href')).toBe(`/projects/${prj}/certificates/${servedId}`);
    await accessible(page, 'the endpoints page');

    await page.getByLabel('Host').fill('127.0.0.1');
    await page.getByLabel('Port').fill(String(servers[1].port));
    await page.getByLabel('Server name').fill('other.example.test');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const added = page.getByRole('row', { name: new RegExp(`127\\.0\\.0\\.1:${servers[1].port}`) });
    await poll(() => added.textContent()).toContain('(name other.example.test)');
    await poll(() => added.textContent()).toContain('other.example.test');
    expect(await added.textContent()).not.toContain('not probed yet');
    await shot(page, 'endpoints');

    await page.getByRole('button', { name: `Probe now: 127.0.0.1:${servers[1].port}` }).click();
    await poll(() => page.locator('.ok-note').textContent()).toBe(`Probed 127.0.0.1:${servers[1].port}.`);

    await page.getByRole('button', { name: `Delete 127.0.0.1:${servers[1].port}` }).click();
    await page.getByRole('dialog', { name: 'Stop watching this endpoint?' }).waitFor();
    await accessible(page, 'the delete endpoint dialog');
    await page.getByRole('button', { name: 'Delete endpoint' }).click();
    await poll(() => added.count()).toBe(0);
    expect(await seeded.count()).toBe(1);
    noTrouble(o);
  });

  it('a viewer sees the pages and no action on them', async () => {
    const o = await open();
    const { page } = o;
    await signIn(page, users.viewer);
    const nav = page.getByRole('navigation', { name: 'Project' });
    expect(await nav.getByRole('link', { name: 'Import' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'New certificate' }).count()).toBe(0);

    await page.goto(`/projects/${prj}/import`);
    await page.getByText('Only editors and admins of this project import certificates.').waitFor();
    await accessible(page, 'the import page for a viewer');
    await page.goto(`/projects/${prj}/certificates/new`);
    await page.getByText('Only editors and admins of this project ask for certificates.').waitFor();

    await nav.getByRole('link', { name: 'Apps' }).click();
    await page.getByRole('row', { name: /Shop/ }).waitFor();
    await page.getByRole('link', { name: 'Shop', exact: true }).click();
    await page.getByRole('row', { name: /iPhone/ }).waitFor();
    await accessible(page, 'an app page for a viewer');
    await nav.getByRole('link', { name: 'Endpoints' }).click();
    await page.getByRole('row', { name: /127\.0\.0\.1/ }).first().waitFor();
    await accessible(page, 'the endpoints page for a viewer');

    for (const where of ['import', 'certificates/new', 'apps', 'apps/com.example.shop', 'endpoints']) {
      await page.goto(`/projects/${prj}/${where}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
      expect(await page.locator('main').getByRole('button').allTextContents(), where).toEqual([]);
      expect(await page.locator('main input, main textarea, main select').count(), where).toBe(0);
    }
    noTrouble(o);
  });
});
