/**
 * Automatic certificates of service domains (certType `auto`) against a real Pebble, and what
 * SwiftFederation WAAP and Huawei Cloud SCM answer in each state of a managed certificate:
 * issuing (the CA's validator held at certkeeper's http-01 responder), issued, renewed,
 * failed (the responder answers 404, as a misrouted proxy would), tried again, revoked; and a manual dns-01
 * certificate waiting for its records (SCM shows what to publish).
 */
import http from 'node:http';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPebble, type Pebble } from '../support/pebble.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { FakeClock } from '../support/fake-clock.js';

describe.each(dialects)('autocert against Pebble on %s', (dialect) => {
  let pebble: Pebble;
  let t: TestApp;
  let responder: http.Server;
  /** While closed, the http-01 responder holds the CA's requests: the certificate stays issuing. */
  let gate: { open: () => void; opened: Promise<void> };
  let serviceId: number;
  /** Hosts the responder answers 404 for, as a misrouted proxy would. */
  const refused = new Set<string>();

  function closedGate(): typeof gate {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  }

  beforeAll(async () => {
    pebble = await startPebble();
    const caFile = path.join(process.env.TMPDIR ?? '/tmp', `certkeeper-pebble-ca-autocert-${process.pid}-${Date.now()}.pem`);
    writeFileSync(caFile, pebble.caPem);
    t = await createTestApp({
      dialect,
      clock: new FakeClock(new Date()),
      env: { CERTKEEPER_ACME_DIRECTORY_URL: pebble.directoryUrl, CERTKEEPER_ACME_CA_FILE: caFile, CERTKEEPER_INSTANCE_ID: 'autocert-test' },
    });
    gate = closedGate();
    gate.open();
    // certkeeper's own responder (the same lookup as CERTKEEPER_HTTP01_PORT), behind the gate.
    responder = http.createServer((req, res) => {
      void gate.opened.then(async () => {
        const token = /^\/\.well-known\/acme-challenge\/([^/]+)$/.exec(req.url ?? '')?.[1];
        const host = (req.headers.host ?? '').replace(/:\d+$/, '');
        const keyAuthorization = token && !refused.has(host) ? await t.services.managed.httpKeyAuthorization(token) : undefined;
        res.writeHead(keyAuthorization ? 200 : 404).end(keyAuthorization ?? '');
      });
    });
    await new Promise<void>((resolve) => responder.listen(pebble.httpPort, '127.0.0.1', resolve));
    const service = (await t.call('POST', `/api/v1/projects/${t.project.id}/services`, { key: t.keys.editor, body: { name: 'shop' } })).json().result;
    serviceId = service.id;
    for (const domain of ['www.shop.example.test', 'broken.shop.example.test', '*.shop.example.test', '10.0.0.1']) {
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/services/${serviceId}/domains`, { key: t.keys.editor, body: { domain } });
      expect(res.statusCode, res.body).toBe(200);
    }
  }, 60_000);

  afterAll(async () => {
    gate?.open();
    await t?.services.managed.idle();
    await new Promise((resolve) => responder?.close(resolve));
    await t?.close();
    await pebble?.stop();
  });

  const waap = async (domain: string) => {
    const res = await t.call('GET', `/waap/v1.0/services/${serviceId}/certificates?domain=${encodeURIComponent(domain)}`, { key: t.keys.viewer });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const scm = async (id: number) => {
    const uid = (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${id}`, { key: t.keys.viewer })).json().result.uid;
    const res = await t.app.inject({ method: 'GET', url: `/v3/scm/certificates/${uid}`, headers: { 'x-auth-token': t.keys.viewer } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const autocert = (domain: string, key = t.keys.editor) =>
    t.call('POST', `/api/v1/projects/${t.project.id}/services/${serviceId}/domains/${encodeURIComponent(domain)}/autocert`, { key });

  describe('autocert over http-01, with WAAP and SCM in each state', () => {
    let id: number;

    it('issuing: answers at once; WAAP shows the request without validity, SCM CHECKING with the FILE method', async () => {
      gate = closedGate();
      const res = await autocert('www.shop.example.test');
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json().result;
      expect(d).toMatchObject({ domain: 'www.shop.example.test', certType: 'auto', autocertRequestStatus: 'issuing' });
      id = d.certificateId;
      expect(id).toBeGreaterThan(0);
      const requestTime = d.autocertRequestTime;

      const body = await waap('www.shop.example.test');
      // SwiftFederation WAAP: no certificateId, name or validity before the certificate exists.
      expect(body).toEqual({ certType: 'auto', autocertRequestStatus: 'issuing', autocertRequestTime: requestTime });
      const details = await scm(id);
      expect(details).toMatchObject({ status: 'CHECKING', validation_method: 'FILE', type: 'DV_SSL_CERT', domain: 'www.shop.example.test', not_before: null, not_after: null, fingerprint: null });

      // Asking again while issuing changes nothing.
      const again = await autocert('www.shop.example.test');
      expect(again.json().result.certificateId).toBe(id);
      expect(again.json().messages.join(' ')).toMatch(/already issuing/);
    });

    it('issued: WAAP has the id, name and validity in epoch milliseconds; SCM ISSUED with real facts', async () => {
      gate.open();
      await t.services.managed.idle();
      const cert = (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${id}`, { key: t.keys.viewer })).json().result;
      expect(cert).toMatchObject({ certificateStatus: 'Active', certificateType: 'Managed', certificateChallenge: 'http-01', hasPrivateKey: true });
      const body = await waap('www.shop.example.test');
      expect(body).toMatchObject({ certificateId: id, certificateName: 'www.shop.example.test', certType: 'auto', autocertRequestStatus: 'issued' });
      expect(body.validFrom).toBe(new Date(cert.notBefore).getTime());
      expect(body.validTo).toBe(new Date(cert.notAfter).getTime());
      expect(Object.keys(body)).toEqual(['certificateId', 'certificateName', 'certType', 'autocertRequestStatus', 'autocertRequestTime', 'validFrom', 'validTo']);
      // A list page carries the managed state too (read apart from the page's rows).
      const listed = (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates?pageSize=100`, { key: t.keys.viewer })).json().result;
      expect(listed.find((c: { id: number }) => c.id === id)).toMatchObject({ certificateType: 'Managed', managed: { challengeType: 'http-01', renewAt: cert.managed.renewAt } });
      const details = await scm(id);
      expect(details).toMatchObject({ status: 'ISSUED', validation_method: 'FILE', type: 'DV_SSL_CERT', not_after: cert.notAfter, domain_count: 1, wildcard_count: 0 });
      expect(details.fingerprint).toBe(cert.fingerprintSha1.toLowerCase());
      // brand is the issuer's organization (O); Pebble's intermediate has only a CN.
      expect(details.brand).toBeNull();
    });

    it('renewed: WAAP keeps the id and shows the new validity; the auto request stays issued', async () => {
      const before = await waap('www.shop.example.test');
      const cert = (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${id}`, { key: t.keys.viewer })).json().result;
      t.clock.set(new Date(new Date(cert.managed.renewAt).getTime() + 1000));
      expect((await t.services.managed.runDue()).attempted).toBeGreaterThanOrEqual(1);
      await t.services.managed.idle();
      const after = await waap('www.shop.example.test');
      expect(after).toMatchObject({ certificateId: id, certType: 'auto', autocertRequestStatus: 'issued' });
      const renewed = (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${id}`, { key: t.keys.viewer })).json().result;
      expect(renewed.sslCertificateId).not.toBe(cert.sslCertificateId);
      expect(after.validFrom).toBe(new Date(renewed.notBefore).getTime());
      expect(after.validFrom).toBeGreaterThanOrEqual(before.validFrom);
      expect((await scm(id)).fingerprint).toBe(renewed.fingerprintSha1.toLowerCase());
      expect(renewed.fingerprintSha1).not.toBe(cert.fingerprintSha1);
    });

    it('revoked: SCM REVOKED with the reason; WAAP still shows the attached certificate', async () => {
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/${id}/revoke`, { key: t.keys.editor, body: { reason: 'superseded' } });
      expect(res.statusCode, res.body).toBe(200);
      const details = await scm(id);
      expect(details).toMatchObject({ status: 'REVOKED', revoke_reason: 'superseded' });
      expect((await waap('www.shop.example.test')).certificateId).toBe(id);
    });
  });

  describe('a failed autocert', () => {
    it('failed: WAAP shows the failed request, SCM UNPASSED; asking again tries again on the same certificate', async () => {
      // The validator reaches a responder that does not know the token (a misrouted proxy).
      refused.add('broken.shop.example.test');
      const res = await autocert('broken.shop.example.test');
      expect(res.statusCode, res.body).toBe(200);
      const id = res.json().result.certificateId;
      await t.services.managed.idle();
      expect(await waap('broken.shop.example.test')).toMatchObject({ certType: 'auto', autocertRequestStatus: 'failed' });
      expect((await waap('broken.shop.example.test')).certificateId).toBeUndefined();
      expect((await scm(id)).status).toBe('UNPASSED');
      const cert = (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${id}`, { key: t.keys.viewer })).json().result;
      expect(cert.certificateStatus).toBe('Failed');
      expect(cert.managed.lastProblem.type).toMatch(/^urn:ietf:params:acme:error:/);

      // The route is fixed: the retry succeeds on the same slot.
      refused.delete('broken.shop.example.test');
      const retry = await autocert('broken.shop.example.test');
      expect(retry.statusCode, retry.body).toBe(200);
      expect(retry.json().result).toMatchObject({ certificateId: id, autocertRequestStatus: 'issuing' });
      await t.services.managed.idle();
      expect(await waap('broken.shop.example.test')).toMatchObject({ certificateId: id, certType: 'auto', autocertRequestStatus: 'issued' });
      expect((await scm(id)).status).toBe('ISSUED');
    });

    it('a wildcard needs a DNS provider, an IP address cannot get one, viewers may not ask, unknown domains are 404', async () => {
      const wildcard = await autocert('*.shop.example.test');
      expect(wildcard.statusCode).toBe(400);
      expect(wildcard.json().code).toBe('dns_provider_invalid');
      const ip = await autocert('10.0.0.1');
      expect(ip.statusCode).toBe(400);
      expect(ip.json().code).toBe('validation_failed');
      expect((await autocert('www.shop.example.test', t.keys.viewer)).statusCode).toBe(403);
      const missing = await autocert('nope.shop.example.test');
      expect(missing.statusCode).toBe(404);
      expect(missing.json().code).toBe('domain_not_found');
      // Nothing was created by the refusals.
      expect(await waap('*.shop.example.test')).toEqual({ certType: 'none' });
    });
  });

  describe('SCM for a manual dns-01 certificate waiting for its records', () => {
    it('CHECKING with the DNS method and the records to publish', async () => {
      const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates`, { key: t.keys.editor, body: { domainName: 'manual.example.test', additionalDomainNames: ['*.manual.example.test'] } });
      expect(res.statusCode, res.body).toBe(200);
      const c = res.json().result;
      const details = await scm(c.id);
      expect(details).toMatchObject({ status: 'CHECKING', validation_method: 'DNS', domain_type: 'MULTI_DOMAIN', wildcard_count: 1, domain_count: 2 });
      expect(details.authentification.map((a: { record_type: string; host: string }) => a.record_type)).toEqual(['TXT', 'TXT']);
      const values = details.authentification.map((a: { record_value: string }) => a.record_value).sort();
      expect(values).toEqual(c.dnsRecords.map((r: { value: string }) => r.value).sort());
    });
  });
});
