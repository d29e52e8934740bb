/**
 * ACME Renewal Information (RFC 9773) through the whole product: issuance and renewal over
 * certkeeper's API against a real Pebble, with renewAt derived from the CA's suggested window.
 *
 * Pebble 2.4 has no ARI, so certkeeper orders from `startAriProxy` (test/support/ari-server.ts):
 * an HTTPS reverse proxy in front of Pebble on 127.0.0.1. It forwards every ACME request with
 * the Host header unchanged; Pebble builds every URL it hands out from that Host and checks each
 * JWS `url` against it, so signatures verify without re-signing and every request of the
 * product passes through the proxy. On the way the proxy
 *   - adds `renewalInfo` to Pebble's directory and answers `GET renewalInfo/<certID>` itself,
 *     with a window chosen per test relative to the certificate Pebble really issued;
 *   - records the payload of each newOrder Pebble accepted (Pebble 2.4 ignores the unknown
 *     `replaces` member), so the test sees exactly what certkeeper sent, and Pebble still issues;
 *   - records each certificate Pebble hands out with its RFC 9773 certID, computed from
 *     openssl's reading of the certificate, not with certkeeper's code.
 * A lookup for an id the proxy did not compute answers 404, so a wrong certID in the product
 * shows up as a renewAt outside the window.
 *
 * createTestApp does not let a test choose the service's random pick, so renewAt is asserted
 * to lie inside the window (and the windows of one certificate's two issuances are disjoint).
 */
import { writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp01Listener } from '../../src/api/http01-listener.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { startAriProxy, type AriProxy, type AriWindow, type IssuedCertificate } from '../support/ari-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { FakeClock } from '../support/fake-clock.js';

describe.each(dialects)('ARI against Pebble on %s', (dialect) => {
  const DAY = 86_400_000;

  let pebble: Pebble;
  let ari: AriProxy;
  let t: TestApp;
  let http01: Server;
  let caFile: string;
  let base: string;

  /** Per domain: the renewalInfo answer for the n-th certificate (0 = first) Pebble issued for it. */
  const policies = new Map<string, (cert: IssuedCertificate, n: number) => AriWindow | undefined>();

  /** The point at `fraction` of the certificate's lifetime. */
  const at = (cert: { notBefore: Date; notAfter: Date }, fraction: number) =>
    new Date(cert.notBefore.getTime() + Math.floor((cert.notAfter.getTime() - cert.notBefore.getTime()) * fraction));
  /** notBefore + 2/3 of the lifetime, as the issue defines the default renewal point. */
  const twoThirds = (cert: { notBefore: Date; notAfter: Date }) =>
    new Date(cert.notBefore.getTime() + Math.floor(((cert.notAfter.getTime() - cert.notBefore.getTime()) * 2) / 3));
  const windowAt = (cert: IssuedCertificate, from: number, to: number): AriWindow => ({ start: at(cert, from), end: at(cert, to) });

  beforeAll(async () => {
    // 90-day certificates, as Let's Encrypt issues them.
    pebble = await startPebble({ validitySeconds: 90 * 86_400 });
    ari = await startAriProxy({ upstreamDirectoryUrl: pebble.directoryUrl, upstreamCaPem: pebble.caPem });
    ari.onRenewalInfo((_id, cert) => {
      if (!cert) return undefined; // not a certificate the proxy saw issued under this id: 404
      for (const name of cert.dnsNames) {
        const policy = policies.get(name);
        if (policy) return policy(cert, ari.issuedFor(name).findIndex((c) => c.certId === cert.certId));
      }
      return undefined;
    });
    caFile = path.join(process.env.TMPDIR ?? '/tmp', `certkeeper-ari-ca-${process.pid}-${Date.now()}.pem`);
    // startAriProxy has checked that every directory URL leads to the proxy; Pebble's CA is kept for safety only.
    writeFileSync(caFile, `${ari.caPem}${pebble.caPem}`);
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date()),
      env: { CERTKEEPER_ACME_DIRECTORY_URL: ari.directoryUrl, CERTKEEPER_ACME_CA_FILE: caFile, CERTKEEPER_ACME_EMAIL: 'ops@example.test', CERTKEEPER_INSTANCE_ID: 'test-ari' },
    });
    http01 = (await startHttp01Listener(t.services.managed, '127.0.0.1', pebble.httpPort)).server;
    base = `/api/v1/projects/${t.project.id}/certificates`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => (http01 ? http01.close(resolve) : resolve(undefined)));
    await t?.close();
    await ari?.stop();
    await pebble?.stop();
    if (caFile) rmSync(caFile, { force: true });
  });

  interface View {
    id: number;
    sslCertificateId: string;
    serialNumber: string;
    notBefore: string;
    notAfter: string;
    certificateStatus: string;
    managed: { renewAt: string | null; failureCount: number };
  }

  /** Creates an http-01 certificate through the API (as `key` in `projectId`) and waits for the background issuance. */
  async function issue(domain: string, options: { projectId?: string; key?: string } = {}): Promise<View> {
    const certificates = `/api/v1/projects/${options.projectId ?? t.project.id}/certificates`;
    const key = options.key ?? t.keys.editor;
    const res = await t.call('POST', certificates, { key, body: { domainName: domain, additionalDomainNames: [], scopeId: 0, challengeType: 'http-01' } });
    expect(res.statusCode, res.body).toBe(200);
    await t.services.managed.idle();
    const issued = await t.call('GET', `${certificates}/${res.json().result.id}`, { key });
    const view = issued.json().result as View;
    expect(view.certificateStatus, issued.body).toBe('Active');
    return view;
  }

  /** Serial numbers compared as numbers (hex spellings may differ in leading zeros). */
  const sameSerial = (a: string | undefined, b: string) => a !== undefined && BigInt(`0x${a}`) === BigInt(`0x${b}`);
  const ordersFor = (domain: string) => ari.orders.filter((o) => (o.identifiers as Array<{ value: string }>).some((i) => i.value === domain));
  const renewAtOf = (view: View) => new Date(view.managed.renewAt!).getTime();

  /** The one certificate Pebble issued for the domain, checked to be the one certkeeper shows. */
  function onlyIssued(domain: string, view: View): IssuedCertificate {
    const issued = ari.issuedFor(domain);
    expect(issued).toHaveLength(1);
    expect(sameSerial(issued[0].serialNumber, view.serialNumber), `${issued[0].serialNumber} vs ${view.serialNumber}`).toBe(true);
    expect(new Date(view.notBefore).getTime()).toBe(issued[0].notBefore.getTime());
    expect(new Date(view.notAfter).getTime()).toBe(issued[0].notAfter.getTime());
    return issued[0];
  }

  describe('RFC 9773 through issuance and renewal against Pebble', () => {
    it('an early window: renewAt inside it and before 2/3 of the lifetime; renewal sends replaces and takes renewAt from ARI again', async () => {
      const domain = 'ari-early.example.test';
      // First certificate: 30–40 % of its lifetime; the renewed one: 10–20 % of its own (disjoint, so its renewAt cannot be a copy).
      policies.set(domain, (cert, n) => (n === 0 ? windowAt(cert, 0.3, 0.4) : windowAt(cert, 0.1, 0.2)));

      const issued = await issue(domain);
      const first = onlyIssued(domain, issued);
      expect(ari.lookups).toContain(first.certId);
      const window = windowAt(first, 0.3, 0.4);
      expect(renewAtOf(issued)).toBeGreaterThanOrEqual(window.start.getTime());
      expect(renewAtOf(issued)).toBeLessThan(window.end.getTime());
      expect(renewAtOf(issued)).toBeLessThan(twoThirds(first).getTime());
      // Stored, not computed on read.
      expect((await t.services.store.managed.get(issued.id))?.renewAt?.getTime()).toBe(renewAtOf(issued));
      // The first order replaces nothing.
      expect(ordersFor(domain)).toEqual([{ identifiers: [{ type: 'dns', value: domain }] }]);

      // Not due a second before renewAt.
      t.clock.set(new Date(renewAtOf(issued) - 1000));
      expect(await t.services.store.managed.listDue(t.clock.now(), 1000)).not.toContain(issued.id);
      // Due after it: the scheduler renews.
      t.clock.set(new Date(renewAtOf(issued) + 1000));
      expect(await t.services.store.managed.listDue(t.clock.now(), 1000)).toContain(issued.id);
      expect((await t.services.managed.runDue()).attempted).toBeGreaterThanOrEqual(1);
      await t.services.managed.idle();

      const renewed = (await t.call('GET', `${base}/${issued.id}`, { key: t.keys.viewer })).json().result as View;
      expect(renewed).toMatchObject({ id: issued.id, certificateStatus: 'Active', managed: { failureCount: 0 } });
      expect(renewed.sslCertificateId).not.toBe(issued.sslCertificateId);
      expect(renewed.serialNumber).not.toBe(issued.serialNumber);

      // RFC 9773 §5: the renewal order named the certificate it replaces, by its §4.1 id.
      const orders = ordersFor(domain);
      expect(orders).toHaveLength(2);
      expect(orders[1]).toEqual({ identifiers: [{ type: 'dns', value: domain }], replaces: first.certId });

      const [, second] = ari.issuedFor(domain);
      expect(sameSerial(second?.serialNumber, renewed.serialNumber), `${second?.serialNumber} vs ${renewed.serialNumber}`).toBe(true);
      expect(ari.lookups).toContain(second.certId);
      const secondWindow = windowAt(second, 0.1, 0.2);
      expect(renewAtOf(renewed)).toBeGreaterThanOrEqual(secondWindow.start.getTime());
      expect(renewAtOf(renewed)).toBeLessThan(secondWindow.end.getTime());
      expect((await t.services.store.managed.get(issued.id))?.renewAt?.getTime()).toBe(renewAtOf(renewed));
      const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.renewed`, { key: t.keys.viewer })).json().result;
      const event = events.find((e: { objectId: string }) => e.objectId === String(issued.id));
      expect(event?.data).toMatchObject({ sslCertificateId: renewed.sslCertificateId, renewAt: new Date(renewAtOf(renewed)).toISOString() });
      t.clock.set(new Date());
    });

    it('a window later than 2/3 of the lifetime: renewAt is the 2/3 point', async () => {
      const domain = 'ari-late.example.test';
      policies.set(domain, (cert) => windowAt(cert, 0.8, 0.9));
      const issued = await issue(domain);
      const cert = onlyIssued(domain, issued);
      expect(ari.lookups).toContain(cert.certId);
      expect(at(cert, 0.8).getTime()).toBeGreaterThan(twoThirds(cert).getTime());
      expect(renewAtOf(issued)).toBe(twoThirds(cert).getTime());
    });

    // ARI is advisory: a CA that fails to answer must not fail the issuance.
    it.each<[string, string, AriWindow]>([
      ['HTTP 500', 'ari-500.example.test', { start: new Date(0), end: new Date(0), status: 500 }],
      ['a body that is not JSON', 'ari-garbage.example.test', { start: new Date(0), end: new Date(0), rawText: '<html>oops{' }],
      ['JSON without a valid suggestedWindow', 'ari-nowindow.example.test', { start: new Date(0), end: new Date(0), rawBody: { suggestedWindow: { start: 'soon' } } }],
    ])('an ARI server answering %s: issued all the same, renewAt at the 2/3 point', async (_what, domain, answer) => {
      policies.set(domain, () => answer);
      const issued = await issue(domain);
      const cert = onlyIssued(domain, issued);
      expect(ari.lookups).toContain(cert.certId); // asked, and the answer was unusable
      expect(issued.managed.failureCount).toBe(0);
      expect(renewAtOf(issued)).toBe(twoThirds(cert).getTime());
    });

    it('a project renewBeforeDays earlier than the ARI window brings renewAt forward to notAfter − renewBeforeDays', async () => {
      // The lifetime Pebble gives (the same for every certificate of this run), to pick a lead
      // that lands before the window: 80 % of the lifetime before notAfter = 20 % after notBefore.
      const sample = ari.issuedFor('ari-late.example.test')[0];
      expect(sample).toBeDefined();
      const renewBeforeDays = Math.ceil(((sample.notAfter.getTime() - sample.notBefore.getTime()) * 0.8) / DAY);
      // Another tenant, so the setting touches no other test.
      const other = await t.otherTenant();
      const put = await t.call('PUT', `/api/v1/projects/${other.projectId}/settings`, { key: other.adminKey, body: { renewBeforeDays } });
      expect(put.statusCode, put.body).toBe(200);

      const domain = 'ari-lead.example.test';
      policies.set(domain, (cert) => windowAt(cert, 0.3, 0.4));
      const issued = await issue(domain, { projectId: other.projectId, key: other.adminKey });
      const cert = onlyIssued(domain, issued);
      expect(ari.lookups).toContain(cert.certId);
      const lead = cert.notAfter.getTime() - renewBeforeDays * DAY;
      expect(lead).toBeLessThan(at(cert, 0.3).getTime());
      expect(renewAtOf(issued)).toBe(lead);
    });
  });
});
