import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Http2ApnsProbe } from '../../src/apns/apns-probe.js';
import { createTestCa, type TestCa, type TestCertificate } from '../support/test-ca.js';
import { startApnsServer, startRevokingGateway, type ApnsServer, type RevokingGateway } from '../support/apns-server.js';

describe('Http2ApnsProbe against a loopback APNs', () => {
  let ca: TestCa;
  let prod: ApnsServer;
  let revoking: RevokingGateway;
  let good: TestCertificate;
  let revoked: TestCertificate;
  let dev: TestCertificate;
  let probe: Http2ApnsProbe;
  beforeAll(async () => {
    ca = createTestCa({ name: 'Apple WWDR test' });
    good = ca.issue({ apns: { environments: ['production'], bundleId: 'com.example.shop' } });
    revoked = ca.issue({ apns: { environments: ['production'], bundleId: 'com.example.shop' } });
    dev = ca.issue({ apns: { environments: ['development'], bundleId: 'com.example.shop' } });
    prod = await startApnsServer({ environment: 'production', clientCa: ca });
    revoking = await startRevokingGateway({ clientCa: ca, revokedSerials: [revoked.serialNumber] });
    probe = new Http2ApnsProbe({ urls: { production: prod.url, development: 'https://127.0.0.1:1' }, caPem: Buffer.from(prod.caPem), timeoutMs: 5000 });
  });
  afterAll(async () => {
    await prod.close();
    await revoking.close();
  });
  const run = (c: TestCertificate, environment: 'production' | 'development' = 'production') =>
    probe.probe({ environment, certificatePem: c.certPem, chainPem: c.chainPem, privateKeyDer: c.keyDer, topic: 'com.example.shop' });

  it('gets 400 BadDeviceToken for a good certificate, with the APNs headers and a 64-hex token', async () => {
    expect(await run(good)).toEqual({ kind: 'http', status: 400, reason: 'BadDeviceToken' });
    const req = prod.requests.at(-1)!;
    expect(req.path).toMatch(/^\/3\/device\/[0-9a-f]{64}$/);
    expect(req.headers['apns-topic']).toBe('com.example.shop');
    expect(req.headers['apns-push-type']).toBe('alert');
    expect(JSON.parse(req.body)).toMatchObject({ aps: { alert: expect.any(String) } });
    expect(req.clientSerial).toBe(good.serialNumber);
  });

  it('is refused with TLS alert 44 for a revoked certificate (OpenSSL sends it, from a CRL)', async () => {
    const viaRevoking = new Http2ApnsProbe({ urls: { production: revoking.url, development: revoking.url }, caPem: Buffer.from(revoking.caPem), timeoutMs: 5000 });
    const r = await viaRevoking.probe({ environment: 'production', certificatePem: revoked.certPem, chainPem: revoked.chainPem, privateKeyDer: revoked.keyDer, topic: 'com.example.shop' });
    expect(r, JSON.stringify(r)).toMatchObject({ kind: 'tls-alert', alert: 44 });
    // A certificate the CRL does not list passes its TLS check (and finds no HTTP/2 there).
    const g = await viaRevoking.probe({ environment: 'production', certificatePem: good.certPem, chainPem: good.chainPem, privateKeyDer: good.keyDer, topic: 'com.example.shop' });
    expect(g).toMatchObject({ kind: 'unreachable' });
  });

  it('gets 403 BadCertificateEnvironment for a development certificate on production', async () => {
    expect(await run(dev)).toEqual({ kind: 'http', status: 403, reason: 'BadCertificateEnvironment' });
  });

  it('reports an unreachable gateway', async () => {
    expect(await run(good, 'development')).toMatchObject({ kind: 'unreachable' });
  });

  it('reports a gateway whose TLS certificate it does not trust as unreachable, not revoked', async () => {
    const untrusting = new Http2ApnsProbe({ urls: { production: prod.url, development: prod.url }, timeoutMs: 5000 });
    expect(await untrusting.probe({ environment: 'production', certificatePem: good.certPem, chainPem: good.chainPem, privateKeyDer: good.keyDer, topic: 'x' })).toMatchObject({ kind: 'unreachable' });
  });
});
