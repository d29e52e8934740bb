/**
 * An organization's own ACME directory end to end, against two real Pebbles, each with its own
 * HTTPS CA (both trusted through CERTKEEPER_ACME_CA_FILE) and its own issuing CA: the server's
 * default directory on one, the organization's on the other. A managed certificate of the
 * organization is ordered from the organization's Pebble, another organization's from the
 * default; changing the setting makes the next issuance use the new directory, with the
 * organization's account for that directory (a new one the first time, the same one after).
 * A directory that cannot be reached fails the attempt with its problem stored.
 */
import { randomUUID, X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp01Listener } from '../../src/api/http01-listener.js';
import { apiKeyPrefix, generateApiKey, hashApiKey } from '../../src/services/api-key-secret.js';
import { freePort, startPebble, type Pebble } from '../support/pebble.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { FakeClock } from '../support/fake-clock.js';

describe.each(dialects)("an organization's own ACME directory against two Pebbles on %s", (dialect) => {
  /** The server's default directory. */
  let defaultCa: Pebble;
  /** The directory the first organization sets for itself. */
  let orgCa: Pebble;
  let t: TestApp;
  const responders: Server[] = [];
  /** An organization-wide admin key of t's organization (it changes the organization's settings). */
  let orgAdmin: string;
  let other: { orgId: string; projectId: string; adminKey: string };

  beforeAll(async () => {
    [defaultCa, orgCa] = await Promise.all([startPebble(), startPebble()]);
    expect(defaultCa.caPem).not.toBe(orgCa.caPem);
    const caFile = path.join(process.env.TMPDIR ?? '/tmp', `certkeeper-pebble-ca-org-directory-${process.pid}-${Date.now()}.pem`);
    writeFileSync(caFile, defaultCa.caPem + orgCa.caPem);
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date()),
      env: { CERTKEEPER_ACME_DIRECTORY_URL: defaultCa.directoryUrl, CERTKEEPER_ACME_CA_FILE: caFile, CERTKEEPER_INSTANCE_ID: 'org-directory-test' },
    });
    // Each Pebble's validator fetches http-01 tokens on its own port: certkeeper's responder on both.
    for (const pebble of [defaultCa, orgCa]) responders.push((await startHttp01Listener(t.services.managed, '127.0.0.1', pebble.httpPort)).server);
    const key = generateApiKey();
    await t.services.store.apiKeys.insert({ id: randomUUID(), organizationId: t.org.id, projectId: null, name: 'org-wide admin', role: 'admin', superuser: false, keyHash: hashApiKey(key), prefix: apiKeyPrefix(key), createdAt: t.clock.now(), revokedAt: null });
    orgAdmin = key;
    other = await t.otherTenant();
  }, 60_000);

  afterAll(async () => {
    await t?.services.managed.idle();
    for (const r of responders) await new Promise((resolve) => r.close(resolve));
    await t?.close();
    await Promise.all([defaultCa?.stop(), orgCa?.stop()]);
  });

  const setDirectory = async (acmeDirectoryUrl: string | null) => {
    const res = await t.call('PUT', `/api/v1/organizations/${t.org.id}/settings`, { key: orgAdmin, body: { acmeDirectoryUrl } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result.acmeDirectoryUrl).toBe(acmeDirectoryUrl);
  };

  /** Creates an http-01 certificate and waits for the background attempt: Active. */
  const issue = async (projectId: string, key: string, domainName: string) => {
    const res = await t.call('POST', `/api/v1/projects/${projectId}/certificates`, { key, body: { domainName, challengeType: 'http-01' } });
    expect(res.statusCode, res.body).toBe(200);
    await t.services.managed.idle();
    const c = (await t.call('GET', `/api/v1/projects/${projectId}/certificates/${res.json().result.id}`, { key })).json().result;
    expect(c.certificateStatus, JSON.stringify(c.managed)).toBe('Active');
    return c as { id: number; serialNumber: string; issuer: string };
  };

  /** The leaf and chain as served, and which Pebble's issuing root they lead to (the other's never). */
  const issuedBy = async (projectId: string, key: string, id: number, pebble: Pebble, not: Pebble) => {
    const pem = (await t.call('GET', `/api/v1/projects/${projectId}/certificates/${id}/chain`, { key })).body;
    const [leaf, intermediate] = (pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? []).map((p) => new X509Certificate(p));
    expect(leaf.checkIssued(intermediate)).toBe(true);
    expect(leaf.verify(intermediate.publicKey)).toBe(true);
    expect(intermediate.verify(new X509Certificate(await pebble.rootPem()).publicKey)).toBe(true);
    expect(intermediate.verify(new X509Certificate(await not.rootPem()).publicKey)).toBe(false);
    return { leaf, intermediate };
  };

  /** Pebble logs serials as lower-case hex without leading zeros; the API shows them upper case. */
  const serialsOf = (pebble: Pebble) => pebble.issuedCertificates().map((c) => c.serial.toLowerCase().replace(/^0+/, ''));
  const serial = (apiSerial: string) => apiSerial.toLowerCase().replace(/^0+/, '');

  const accountOn = (organizationId: string, pebble: Pebble) => t.services.store.managed.getAccount(organizationId, pebble.directoryUrl);

  describe("an organization's own ACME directory", () => {
    let ownId: number;
    let orgAccountUrl: string;

    it("orders the organization's certificate from its directory, another organization's from the default", async () => {
      await setDirectory(orgCa.directoryUrl);
      const [defaultOrders, orgOrders] = [defaultCa.orderIds().length, orgCa.orderIds().length];

      const own = await issue(t.project.id, t.keys.editor, 'own.org-directory.example.test');
      ownId = own.id;
      expect(orgCa.orderIds().length).toBe(orgOrders + 1);
      expect(defaultCa.orderIds().length).toBe(defaultOrders);
      expect(serialsOf(orgCa)).toContain(serial(own.serialNumber));
      expect(serialsOf(defaultCa)).not.toContain(serial(own.serialNumber));
      const ownChain = await issuedBy(t.project.id, t.keys.viewer, own.id, orgCa, defaultCa);
      expect(own.issuer).toContain('Pebble Intermediate CA');
      expect(ownChain.leaf.issuer).toBe(ownChain.intermediate.subject);

      const theirs = await issue(other.projectId, other.adminKey, 'theirs.org-directory.example.test');
      expect(defaultCa.orderIds().length).toBe(defaultOrders + 1);
      expect(orgCa.orderIds().length).toBe(orgOrders + 1);
      expect(serialsOf(defaultCa)).toContain(serial(theirs.serialNumber));
      const theirChain = await issuedBy(other.projectId, other.adminKey, theirs.id, defaultCa, orgCa);
      expect(theirs.issuer).not.toBe(own.issuer);
      expect(theirChain.intermediate.subject).not.toBe(ownChain.intermediate.subject);

      // One account per (organization, directory), each at its own CA.
      const orgAccount = await accountOn(t.org.id, orgCa);
      expect(orgAccount?.accountUrl).toMatch(new RegExp(`^${new URL(orgCa.directoryUrl).origin}/`));
      orgAccountUrl = orgAccount!.accountUrl!;
      expect(await accountOn(t.org.id, defaultCa)).toBeUndefined();
      expect((await accountOn(other.orgId, defaultCa))?.accountUrl).toMatch(new RegExp(`^${new URL(defaultCa.directoryUrl).origin}/`));
      expect(await accountOn(other.orgId, orgCa)).toBeUndefined();
    });

    it('after the setting is cleared, the next issuance uses the default directory with a new account', async () => {
      await setDirectory(null);
      const [defaultOrders, orgOrders] = [defaultCa.orderIds().length, orgCa.orderIds().length];
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/${ownId}/renew`, { key: t.keys.editor });
      expect(res.statusCode, res.body).toBe(200);
      const renewed = res.json().result;
      expect(renewed.certificateStatus).toBe('Active');
      expect(defaultCa.orderIds().length).toBe(defaultOrders + 1);
      expect(orgCa.orderIds().length).toBe(orgOrders);
      expect(serialsOf(defaultCa)).toContain(serial(renewed.serialNumber));
      await issuedBy(t.project.id, t.keys.viewer, ownId, defaultCa, orgCa);

      const account = await accountOn(t.org.id, defaultCa);
      expect(account?.accountUrl).toMatch(new RegExp(`^${new URL(defaultCa.directoryUrl).origin}/`));
      expect(account!.accountUrl).not.toBe((await accountOn(other.orgId, defaultCa))!.accountUrl);
    });

    it("set again, the organization's directory is used with the account it already has there", async () => {
      await setDirectory(orgCa.directoryUrl);
      const [defaultOrders, orgOrders] = [defaultCa.orderIds().length, orgCa.orderIds().length];
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/${ownId}/renew`, { key: t.keys.editor });
      expect(res.statusCode, res.body).toBe(200);
      expect(orgCa.orderIds().length).toBe(orgOrders + 1);
      expect(defaultCa.orderIds().length).toBe(defaultOrders);
      expect(serialsOf(orgCa)).toContain(serial(res.json().result.serialNumber));
      await issuedBy(t.project.id, t.keys.viewer, ownId, orgCa, defaultCa);
      expect((await accountOn(t.org.id, orgCa))?.accountUrl).toBe(orgAccountUrl);
    });

    it('a directory that cannot be reached fails the attempt with its problem stored, as any other step would', async () => {
      // Nothing listens there: the account cannot be registered, the first thing an attempt needs.
      const nowhere = `https://127.0.0.1:${await freePort()}/dir`;
      await setDirectory(nowhere);
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/${ownId}/renew`, { key: t.keys.editor });
      expect(res.statusCode, res.body).toBe(503);
      expect(res.json()).toMatchObject({ success: false, code: 'acme_unavailable', result: { id: ownId, certificateStatus: 'Active' } });
      const c = (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${ownId}`, { key: t.keys.viewer })).json().result;
      expect(c.managed.lastProblem).toMatchObject({ type: 'certkeeper:acme_unavailable' });
      expect(c.managed.lastProblem.detail).toContain(nowhere);
      expect(c.managed.failureCount).toBe(1);
      expect(c.managed.nextAttemptAt).not.toBeNull();
    });
  });
});
