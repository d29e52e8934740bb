/**
 * DNS-01 with no person in the loop: a project's RFC 2136 provider publishes the records in a
 * real BIND9 (TSIG-signed dynamic updates), and Pebble's validator resolves through that BIND9.
 * Issuance, renewal, cleanup of the records, a refused update (wrong key) and the renewal lead
 * time brought forward by the project setting.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBind9, type Bind9 } from '../support/bind9.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { FakeClock } from '../support/fake-clock.js';

describe.each(dialects)('RFC 2136 issuance through BIND9 and Pebble on %s', (dialect) => {
  let bind: Bind9;
  let pebble: Pebble;
  let t: TestApp;
  let base: string;
  let settingsUrl: string;

  beforeAll(async () => {
    bind = await startBind9({ zones: ['example.test'] });
    // 90-day certificates, as Let's Encrypt issues them.
    pebble = await startPebble({ dnsServer: `${bind.host}:${bind.port}`, validitySeconds: 90 * 86_400 });
    const caFile = path.join(process.env.TMPDIR ?? '/tmp', `certkeeper-pebble-ca-rfc2136-${process.pid}-${Date.now()}.pem`);
    writeFileSync(caFile, pebble.caPem);
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date()),
      env: { CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl, CERTKEEPER_ACME_CA_FILE: caFile, CERTKEEPER_INSTANCE_ID: 'rfc2136-test' },
    });
    base = `/api/v1/projects/${t.project.id}/certificates`;
    settingsUrl = `/api/v1/projects/${t.project.id}/settings`;
  }, 60_000);

  afterAll(async () => {
    await t?.services.managed.idle();
    await t?.close();
    await pebble?.stop();
    await bind?.stop();
  });

  const get = async (id: number) => (await t.call('GET', `${base}/${id}`, { key: t.keys.viewer })).json().result;
  const provider = (secret: string) => ({ dnsProvider: { type: 'rfc2136', server: bind.host, port: bind.port, keyName: bind.tsig.name, algorithm: bind.tsig.algorithm, secret } });

  describe('RFC 2136 through BIND9', () => {
    let id: number;

    it('issues a wildcard certificate without a validate call; the zone is clean afterwards', async () => {
      // No zone given: the solver finds it by SOA.
      const put = await t.call('PUT', settingsUrl, { key: t.keys.admin, body: provider(bind.tsig.secret) });
      expect(put.statusCode, put.body).toBe(200);
      const res = await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'auto.example.test', additionalDomainNames: ['*.auto.example.test'] } });
      expect(res.statusCode, res.body).toBe(200);
      id = res.json().result.id;
      expect(res.json().messages.join(' ')).toMatch(/without a validate call/);
      await t.services.managed.idle();
      const c = await get(id);
      expect(c).toMatchObject({ certificateStatus: 'Active', certificateChallenge: 'dns-01', hasPrivateKey: true, dnsRecords: [] });
      expect(c.sans).toEqual(['auto.example.test', '*.auto.example.test']);
      expect(await bind.query('_acme-challenge.auto.example.test', 'TXT')).toEqual([]);
      // The updates really went through named (its log names the signed updates).
      expect(bind.log()).toMatch(/updating zone 'example\.test\/IN': adding an RR at '_acme-challenge\.auto\.example\.test' TXT/);
    });

    it('renews on schedule through the provider, with no person: same id, new material, a renewed event', async () => {
      const before = await get(id);
      t.clock.set(new Date(new Date(before.managed.renewAt).getTime() + 1000));
      expect((await t.services.managed.runDue()).attempted).toBeGreaterThanOrEqual(1);
      await t.services.managed.idle();
      const after = await get(id);
      expect(after).toMatchObject({ id, certificateStatus: 'Active' });
      expect(after.sslCertificateId).not.toBe(before.sslCertificateId);
      const versions = (await t.call('GET', `${base}/${id}/versions`, { key: t.keys.viewer })).json().result;
      expect(versions.length).toBe(2);
      const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.renewed`, { key: t.keys.viewer })).json().result;
      expect(events.filter((e: { objectId: string }) => e.objectId === String(id))).toHaveLength(1);
      expect(await bind.query('_acme-challenge.auto.example.test', 'TXT')).toEqual([]);
    });

    it('renewBeforeDays brings renewAt forward for issued certificates at once', async () => {
      const c = await get(id);
      const lifetimeDays = (new Date(c.notAfter).getTime() - new Date(c.notBefore).getTime()) / 86_400_000;
      // More lead than the 1/3 of the lifetime renewAt keeps by default.
      const days = Math.ceil(lifetimeDays / 2);
      expect(days).toBeLessThan(60);
      const res = await t.call('PUT', settingsUrl, { key: t.keys.admin, body: { renewBeforeDays: days } });
      expect(res.statusCode, res.body).toBe(200);
      const moved = await get(id);
      expect(new Date(moved.managed.renewAt).getTime()).toBe(new Date(c.notAfter).getTime() - days * 86_400_000);
      const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=project.settings_changed`, { key: t.keys.viewer })).json().result;
      expect(events[0].data.renewalsBroughtForward).toBe(1);
      await t.call('PUT', settingsUrl, { key: t.keys.admin, body: { renewBeforeDays: null } });
    });

    it('a key the server refuses fails the certificate with the DNS error stored, and backs off', async () => {
      const put = await t.call('PUT', settingsUrl, { key: t.keys.admin, body: provider(randomBytes(32).toString('base64')) });
      expect(put.statusCode, put.body).toBe(200);
      const res = await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'refused.example.test' } });
      const failedId = res.json().result.id;
      await t.services.managed.idle();
      const c = await get(failedId);
      expect(c.certificateStatus).toBe('Failed');
      expect(c.managed.lastProblem.type).toBe('certkeeper:dns_update_failed');
      expect(c.managed.lastProblem.detail).toMatch(/BADSIG|NOTAUTH/);
      expect(c.managed.failureCount).toBe(1);
      expect(new Date(c.managed.nextAttemptAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
      expect(await bind.query('_acme-challenge.refused.example.test', 'TXT')).toEqual([]);

      // With the right key again, the scheduled retry issues it.
      await t.call('PUT', settingsUrl, { key: t.keys.admin, body: provider(bind.tsig.secret) });
      t.clock.set(new Date(new Date(c.managed.nextAttemptAt).getTime() + 1000));
      await t.services.managed.runDue();
      await t.services.managed.idle();
      expect((await get(failedId)).certificateStatus).toBe('Active');
    });
  });
});
