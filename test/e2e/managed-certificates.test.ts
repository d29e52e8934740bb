/**
 * Managed certificates end to end against a real Pebble (RFC 8555) with challtestsrv as its DNS:
 * the native API's create/validate flow with manual dns-01, a refused validation and a retry,
 * http-01 through certkeeper's own responder, renewal when the clock passes renewAt, and
 * revocation.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Server } from 'node:http';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttp01Listener } from '../../src/api/http01-listener.js';
import { startPebble, type Pebble } from '../support/pebble.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { FakeClock } from '../support/fake-clock.js';
import { aCertificate } from '../support/test-ca.js';

describe.each(dialects)('managed certificates against Pebble on %s', (dialect) => {
  let pebble: Pebble;
  let t: TestApp;
  let http01: Server;
  let base: string;

  beforeAll(async () => {
    pebble = await startPebble();
    const dir = path.join(process.env.TMPDIR ?? '/tmp', `certkeeper-pebble-ca-${process.pid}-${Date.now()}.pem`);
    writeFileSync(dir, pebble.caPem);
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date()),
      env: { CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl, CERTKEEPER_ACME_CA_FILE: dir, CERTKEEPER_ACME_EMAIL: 'ops@example.test', CERTKEEPER_INSTANCE_ID: 'test-a' },
    });
    http01 = (await startHttp01Listener(t.services.managed, '127.0.0.1', pebble.httpPort)).server;
    base = `/api/v1/projects/${t.project.id}/certificates`;
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => http01?.close(resolve));
    await t?.close();
    await pebble?.stop();
  });

  const publish = async (records: Array<{ key: string; value: string }>) => {
    for (const r of records) await pebble.challtestsrv.setTxt(`${r.key}.`, r.value);
  };

  describe('create and validate with manual dns-01', () => {
    let id: number;

    it('answers at once with PendingValidation and one TXT record per name (a wildcard uses its base name)', async () => {
      const res = await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'Shop.Example.test', additionalDomainNames: ['*.shop.example.test', 'api.example.test'], scopeId: 0 } });
      expect(res.statusCode, res.body).toBe(200);
      const c = res.json().result;
      id = c.id;
      expect(c).toMatchObject({ certificateType: 'Managed', certificateStatus: 'PendingValidation', certificateChallenge: 'dns-01', domainName: 'shop.example.test', notAfter: null, daysLeft: null });
      expect(c.sans).toEqual(['shop.example.test', '*.shop.example.test', 'api.example.test']);
      expect(c.dnsRecords.map((r: { key: string }) => r.key).sort()).toEqual(['_acme-challenge.api.example.test', '_acme-challenge.shop.example.test', '_acme-challenge.shop.example.test']);
      for (const r of c.dnsRecords) expect(r.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(c.managed).toMatchObject({ challengeType: 'dns-01', keyType: 'ec-p256', failureCount: 0 });
    });

    it('validate issues it: Active, real dates, issuer and serial, the key sealed and exportable', async () => {
      const pending = (await t.call('GET', `${base}/${id}`, { key: t.keys.viewer })).json().result;
      await publish(pending.dnsRecords);
      const res = await t.call('PUT', `${base}/${id}/validate`, { key: t.keys.editor });
      expect(res.statusCode, res.body).toBe(200);
      const c = res.json().result;
      expect(c).toMatchObject({ id, certificateStatus: 'Active', certificateType: 'Managed', hasPrivateKey: true, dnsRecords: [] });
      expect(c.serialNumber).toMatch(/^[0-9A-F]+$/);
      expect(c.issuer).toContain('Pebble');
      expect(new Date(c.notAfter).getTime()).toBeGreaterThan(Date.now());
      expect(c.managed.renewAt).not.toBeNull();
      const renewAt = new Date(c.managed.renewAt).getTime();
      const nb = new Date(c.notBefore).getTime();
      const na = new Date(c.notAfter).getTime();
      expect(renewAt).toBeLessThanOrEqual(nb + ((na - nb) * 2) / 3 + 1);
      const exported = (await t.call('POST', `${base}/${id}/export`, { key: t.keys.admin, body: { format: 'pem' } })).json().result;
      const leaf = new X509Certificate(exported.certificate);
      expect(leaf.checkPrivateKey(createPrivateKey(exported.privateKey))).toBe(true);
      expect(leaf.subjectAltName).toContain('DNS:*.shop.example.test');
      const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.issued`, { key: t.keys.viewer })).json();
      expect(events.result.map((e: { objectId: string }) => e.objectId)).toContain(String(id));
    });

    it('validate on an issued certificate changes nothing and says so', async () => {
      const res = await t.call('PUT', `${base}/${id}/validate`, { key: t.keys.editor });
      expect(res.statusCode).toBe(200);
      expect(res.json().result.certificateStatus).toBe('Active');
      expect(res.json().messages.join(' ')).toMatch(/no renewal order/);
    });

    it('revoke: Revoked at the CA, reason stored; a second revoke is a conflict', async () => {
      const res = await t.call('POST', `${base}/${id}/revoke`, { key: t.keys.editor, body: { reason: 'keyCompromise' } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().result).toMatchObject({ certificateStatus: 'Revoked', managed: { revokeReason: 'keyCompromise' } });
      const again = await t.call('POST', `${base}/${id}/revoke`, { key: t.keys.editor, body: { reason: 'keyCompromise' } });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('certificate_state_conflict');
    });
  });

  describe('a refused validation', () => {
    it('is Failed with the CA problem in errors and stored; validating again starts a new order with new records', async () => {
      const created = (await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'wrong.example.test', additionalDomainNames: [], scopeId: 0 } })).json().result;
      await pebble.challtestsrv.setTxt('_acme-challenge.wrong.example.test.', 'not-the-right-value');
      const res = await t.call('PUT', `${base}/${created.id}/validate`, { key: t.keys.editor });
      expect(res.statusCode, res.body).toBe(400);
      const body = res.json();
      expect(body).toMatchObject({ success: false, code: 'acme_validation_failed' });
      expect(body.errors[0]).toMatch(/^urn:ietf:params:acme:error:\w+/);
      expect(body.result).toMatchObject({ id: created.id, certificateStatus: 'Failed', managed: { failureCount: 1 } });
      expect(body.result.managed.lastProblem.type).toMatch(/^urn:ietf:params:acme:error:/);
      const stored = (await t.call('GET', `${base}/${created.id}`, { key: t.keys.viewer })).json().result;
      expect(stored.certificateStatus).toBe('Failed');

      await pebble.challtestsrv.clearTxt('_acme-challenge.wrong.example.test.');
      const retry = await t.call('PUT', `${base}/${created.id}/validate`, { key: t.keys.editor });
      expect(retry.statusCode, retry.body).toBe(200);
      const fresh = retry.json().result;
      expect(fresh.certificateStatus).toBe('PendingValidation');
      expect(fresh.dnsRecords).toHaveLength(1);
      expect(fresh.dnsRecords[0].value).not.toBe(created.dnsRecords[0].value);
      expect(retry.json().messages.join(' ')).toMatch(/new order/);

      await publish(fresh.dnsRecords);
      const ok = await t.call('PUT', `${base}/${created.id}/validate`, { key: t.keys.editor });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json().result).toMatchObject({ certificateStatus: 'Active', managed: { failureCount: 0, lastProblem: null } });
    });

    it('an imported certificate cannot be validated, renewed or revoked', async () => {
      const c = aCertificate({ commonName: 'imported.example.test' });
      const imported = (await t.call('POST', `${base}/import`, { key: t.keys.editor, body: { certificateBody: c.certPem } })).json().result;
      for (const [method, suffix, body] of [['PUT', 'validate', undefined], ['POST', 'renew', undefined], ['POST', 'revoke', { reason: 'superseded' }]] as const) {
        const res = await t.call(method, `${base}/${imported.id}/${suffix}`, { key: t.keys.editor, body });
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('certificate_not_managed');
      }
    });

    it('bad input is a 400 with a stable code', async () => {
      for (const body of [
        { domainName: 'x..example.test', additionalDomainNames: [] },
        { domainName: '*.wild.example.test', additionalDomainNames: [], challengeType: 'http-01' },
        { domainName: 'ok.example.test', additionalDomainNames: [], keyType: 'dsa-1024' },
        { domainName: 'ok.example.test', additionalDomainNames: [], challengeType: 'tls-alpn-01' },
        { domainName: '10.0.0.1', additionalDomainNames: [] },
      ]) {
        const res = await t.call('POST', base, { key: t.keys.editor, body });
        expect(res.statusCode, JSON.stringify(body)).toBe(400);
        expect(res.json().code).toBe('validation_failed');
      }
      const viewer = await t.call('POST', base, { key: t.keys.viewer, body: { domainName: 'v.example.test', additionalDomainNames: [] } });
      expect(viewer.statusCode).toBe(403);
    });
  });

  describe('http-01 through certkeeper’s own responder, then renewal', () => {
    it('completes without a validate call, and renews when the clock passes renewAt (same id, new material)', async () => {
      const res = await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'www.example.test', additionalDomainNames: ['example.test'], scopeId: 0, challengeType: 'http-01', keyType: 'rsa-2048' } });
      expect(res.statusCode, res.body).toBe(200);
      const created = res.json().result;
      expect(created).toMatchObject({ certificateStatus: 'PendingValidation', certificateChallenge: 'http-01', dnsRecords: [] });
      expect(res.json().messages.join(' ')).toMatch(/without a validate call/);
      await t.services.managed.idle();
      const issued = (await t.call('GET', `${base}/${created.id}`, { key: t.keys.viewer })).json().result;
      expect(issued).toMatchObject({ certificateStatus: 'Active', publicKeyInfo: 'RSA 2048' });

      // Not due before renewAt.
      expect(await t.services.store.managed.listDue(t.clock.now(), 1000)).not.toContain(created.id);
      t.clock.set(new Date(new Date(issued.managed.renewAt).getTime() + 1000));
      // Every certificate whose renewAt passed is due (the earlier ones too); this one among them.
      expect((await t.services.managed.runDue()).attempted).toBeGreaterThanOrEqual(1);
      const renewed = (await t.call('GET', `${base}/${created.id}`, { key: t.keys.viewer })).json().result;
      expect(renewed.id).toBe(issued.id);
      expect(renewed.sslCertificateId).not.toBe(issued.sslCertificateId);
      expect(renewed.serialNumber).not.toBe(issued.serialNumber);
      expect(renewed.certificateStatus).toBe('Active');
      const versions = (await t.call('GET', `${base}/${created.id}/versions`, { key: t.keys.viewer })).json().result;
      expect(versions.map((v: { sslCertificateId: string }) => v.sslCertificateId).sort()).toEqual([issued.sslCertificateId, renewed.sslCertificateId].sort());
      const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.renewed`, { key: t.keys.viewer })).json().result;
      expect(events.some((e: { objectId: string }) => e.objectId === String(created.id))).toBe(true);
      t.clock.set(new Date());
    });

    it('a manual dns-01 certificate due for renewal gets a new pending order and an event saying what to publish', async () => {
      const created = (await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'manual.example.test', additionalDomainNames: [], scopeId: 0 } })).json().result;
      await publish(created.dnsRecords);
      const validated = await t.call('PUT', `${base}/${created.id}/validate`, { key: t.keys.editor });
      const issued = validated.json().result;
      expect(issued.certificateStatus, validated.body).toBe('Active');
      t.clock.set(new Date(new Date(issued.managed.renewAt).getTime() + 1000));
      await t.services.managed.runDue();
      const waiting = (await t.call('GET', `${base}/${created.id}`, { key: t.keys.viewer })).json().result;
      expect(waiting.certificateStatus).toBe('Active');
      expect(waiting.sslCertificateId).toBe(issued.sslCertificateId);
      expect(waiting.dnsRecords).toHaveLength(1);
      const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.renewal_action_required`, { key: t.keys.viewer })).json().result;
      expect(events.find((e: { objectId: string }) => e.objectId === String(created.id))?.data.dnsRecords).toEqual(waiting.dnsRecords);
      // Not due again until someone validates.
      expect(await t.services.store.managed.listDue(t.clock.now(), 1000)).not.toContain(created.id);
      // Pebble lives in real time: its order expires an hour from now, not from the moved clock.
      t.clock.set(new Date());
      await publish(waiting.dnsRecords);
      const renewal = await t.call('PUT', `${base}/${created.id}/validate`, { key: t.keys.editor });
      expect(renewal.statusCode, renewal.body).toBe(200);
      const renewed = renewal.json().result;
      expect(renewed.sslCertificateId, renewal.body).not.toBe(issued.sslCertificateId);
      expect(renewed.dnsRecords).toEqual([]);
      t.clock.set(new Date());
    });
  });

  it('a scheduler pass leaves a manual renewal order to the person who publishes its records', async () => {
    const created = (await t.call('POST', base, { key: t.keys.editor, body: { domainName: 'manual-race.example.test', additionalDomainNames: [], scopeId: 0 } })).json().result;
    await publish(created.dnsRecords);
    const issued = (await t.call('PUT', `${base}/${created.id}/validate`, { key: t.keys.editor })).json().result;
    expect(issued.certificateStatus).toBe('Active');
    // The person takes the records down once the certificate is issued.
    for (const r of created.dnsRecords as Array<{ key: string }>) await pebble.challtestsrv.clearTxt(r.key);
    t.clock.set(new Date(new Date(issued.managed.renewAt).getTime() + 1000));
    await t.services.managed.runDue();
    const waiting = (await t.call('GET', `${base}/${created.id}`, { key: t.keys.viewer })).json().result;
    expect(waiting.dnsRecords).toHaveLength(1);
    // Another server's pass that listed the renewal as due before this order was stored: it
    // attempts the certificate while the order waits for records nobody has published yet.
    // (Back to real time first: Pebble's order expires an hour from now, not from the moved clock.)
    t.clock.set(new Date());
    await t.services.store.managed.update(created.id, { renewAt: t.clock.now() });
    const invalidBefore = pebble.invalidOrderIds().length;
    await t.services.managed.runDue();
    expect(pebble.invalidOrderIds()).toHaveLength(invalidBefore);
    const still = (await t.call('GET', `${base}/${created.id}`, { key: t.keys.viewer })).json().result;
    expect(still.dnsRecords).toEqual(waiting.dnsRecords);
    expect(still.managed.failureCount).toBe(0);
    const failed = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=certificate.renewal_failed`, { key: t.keys.viewer })).json().result;
    expect(failed.filter((e: { objectId: string }) => e.objectId === String(created.id))).toEqual([]);
    // The person publishes and validates: renewed on that order.
    await publish(waiting.dnsRecords);
    const renewal = await t.call('PUT', `${base}/${created.id}/validate`, { key: t.keys.editor });
    expect(renewal.statusCode, renewal.body).toBe(200);
    expect(renewal.json().result.sslCertificateId).not.toBe(issued.sslCertificateId);
  });
});
