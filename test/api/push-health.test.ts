import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa, type TestCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';
import { startApnsServer, startRevokingGateway, type ApnsServer, type RevokingGateway } from '../support/apns-server.js';

const NOW = new Date('2026-06-01T00:00:00Z');

describe.each(dialects)('push health API on %s', (dialect) => {
  let ca: TestCa;
  let prodGw: ApnsServer;
  let devGw: ApnsServer;
  let revokingGw: RevokingGateway;
  let caFile: string;
  let prod: TestCertificate;
  let revokedCert: TestCertificate;
  let t: TestApp;
  let base: string;

  beforeAll(async () => {
    ca = createTestCa({ name: 'Apple WWDR test' });
    prod = ca.issue({ apns: { environments: ['production'], bundleId: 'com.example.shop' }, notAfter: new Date('2027-01-01Z') });
    revokedCert = ca.issue({ apns: { environments: ['production'], bundleId: 'com.example.shop' }, notAfter: new Date('2027-01-01Z') });
    prodGw = await startApnsServer({ environment: 'production', clientCa: ca });
    devGw = await startApnsServer({ environment: 'development', clientCa: ca });
    revokingGw = await startRevokingGateway({ clientCa: ca, revokedSerials: [revokedCert.serialNumber] });
    caFile = join(mkdtempSync(join(tmpdir(), 'certkeeper-apns-ca-')), 'ca.pem');
    writeFileSync(caFile, prodGw.caPem + devGw.caPem + revokingGw.caPem);
  });
  afterAll(async () => {
    await prodGw.close();
    await devGw.close();
    await revokingGw.close();
  });

  const makeApp = async (env: Record<string, string> = {}) => {
    t = await createTestApp({
      dialect,
      env: { CERTKEEPER_APNS_PRODUCTION_URL: prodGw.url, CERTKEEPER_APNS_DEVELOPMENT_URL: devGw.url, CERTKEEPER_APNS_CA_FILE: caFile, ...env },
    });
    base = `/api/v1/projects/${t.project.id}/apps`;
    const created = await t.call('POST', base, { key: t.keys.editor, body: { appId: 'com.example.shop', name: 'Shop', platforms: ['ios'] } });
    expect(created.statusCode, created.body).toBe(200);
  };
  beforeEach(async () => makeApp());
  afterEach(async () => t.close());

  const importCert = async (c: TestCertificate, withKey = true) => {
    const res = await t.call('POST', `/api/v1/projects/${t.project.id}/certificates/import`, {
      key: t.keys.editor,
      body: { certificateBody: c.certPem, ...(withKey ? { certificatePrivateKey: c.keyPem } : {}), certificateChain: c.chainPem },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result.id as number;
  };
  const bind = async (certificateId: number, environment = 'production', platform = 'iPhone', force = false) => {
    const res = await t.call('PUT', `${base}/com.example.shop/certificates`, { key: t.keys.editor, body: { certificateId, platform, environment, ...(force ? { force } : {}) } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const results = (body: unknown, key = t.keys.editor) => t.call('POST', `${base}/com.example.shop/push-results`, { key, body });
  const check = (environment: string, key = t.keys.editor) => t.call('POST', `${base}/com.example.shop/push-check`, { key, body: { environment } });
  const pushOf = async () =>
    (await t.call('GET', `${base}/com.example.shop/certificates`, { key: t.keys.viewer })).json().result.map((b: { platform: string; environment: string; certificateId: number; push: unknown }) => ({
      platform: b.platform,
      environment: b.environment,
      certificateId: b.certificateId,
      push: b.push,
    }));
  const expectError = (res: { statusCode: number; body: string; json(): { code: string } }, status: number, code: string) => {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().code).toBe(code);
  };

  it('marks REVOKED from a certificate-caused rejection, not from a bad device token; a delivery does not clear it; a new binding does', async () => {
    const id = await importCert(prod);
    await bind(id);
    await bind(id, 'production', 'iPad');

    const bad = await results({ environment: 'production', outcome: 'rejected', apnsStatus: 400, apnsReason: 'BadDeviceToken' });
    expect(bad.statusCode, bad.body).toBe(200);
    expect(bad.json().result).toEqual([{ index: 0, environment: 'production', certificateId: id, outcome: 'rejected', effect: 'none', reason: null, pushStatus: null, at: NOW.toISOString() }]);
    expect((await pushOf())[0].push).toEqual({ status: 'OK', reason: null, source: null, at: null, lastCheck: null });

    const at = '2026-05-31T23:00:00Z';
    const batch = await results({
      results: [
        { environment: 'production', outcome: 'delivered', apnsStatus: 200, at: '2026-05-31T22:00:00Z' },
        { environment: 'production', outcome: 'rejected', tlsAlert: 44, at },
        { environment: 'production', outcome: 'rejected', apnsStatus: 403, apnsReason: 'BadCertificate' },
        { environment: 'production', outcome: 'delivered' },
      ],
    });
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json().result.map((r: { effect: string; pushStatus: string }) => [r.effect, r.pushStatus])).toEqual([
      ['delivered', 'OK'],
      ['revoked', 'REVOKED'],
      ['already_revoked', 'REVOKED'],
      ['delivered', 'REVOKED'],
    ]);
    const push = await pushOf();
    expect(push.map((p: { push: { status: string } }) => p.push.status)).toEqual(['REVOKED', 'REVOKED']);
    expect(push[0].push).toMatchObject({ status: 'REVOKED', reason: 'tls_alert_44_certificate_revoked', source: 'push-result', at: new Date(at).toISOString() });
    // What Alibaba Cloud CheckCertificate reads.
    const appUuid = (await t.call('GET', `${base}/com.example.shop`, { key: t.keys.viewer })).json().result.id;
    expect(await t.services.store.pushHealth.listForApp(appUuid)).toEqual([{ environment: 'production', certificateId: id, status: 'revoked', reason: 'tls_alert_44_certificate_revoked', at: new Date(at) }]);
    const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=push.rejected`, { key: t.keys.viewer })).json();
    expect(events.resultInfo.totalCount).toBe(1);
    expect(events.result[0]).toMatchObject({ objectType: 'app', objectId: 'com.example.shop', data: { environment: 'production', certificateId: id, reason: 'tls_alert_44_certificate_revoked', tlsAlert: 44 } });

    // Another certificate bound for iPhone: its binding starts clean; the iPad one still uses the revoked certificate.
    const next = await importCert(ca.issue({ apns: { environments: ['production'], bundleId: 'com.example.shop' } }));
    await bind(next);
    const after = await pushOf();
    expect(after.find((p: { platform: string }) => p.platform === 'iPhone').push.status).toBe('OK');
    expect(after.find((p: { platform: string }) => p.platform === 'iPad').push.status).toBe('REVOKED');
    // Two certificates in production now: a result must say which.
    expectError(await results({ environment: 'production', outcome: 'rejected', tlsAlert: 44 }), 409, 'push_certificate_ambiguous');
    await bind(next, 'production', 'iPad');
    expect((await pushOf()).every((p: { push: { status: string } }) => p.push.status === 'OK')).toBe(true);
    expect(await t.services.store.pushHealth.listForApp(appUuid)).toEqual([]);
  });

  it('refuses garbage with precise 400s, an unbound environment with 409, a viewer with 403 and another tenant with 404', async () => {
    const id = await importCert(prod);
    await bind(id);
    const garbage: Array<[unknown, RegExp]> = [
      [{ environment: 'staging', outcome: 'rejected' }, /environment/],
      [{ environment: 'production', outcome: 'failed' }, /outcome/],
      [{ environment: 'production', outcome: 'rejected', tlsAlert: 300 }, /tlsAlert must be an integer 0-255/],
      [{ environment: 'production', outcome: 'rejected', tlsAlert: 44.5 }, /tlsAlert/],
      [{ environment: 'production', outcome: 'rejected', tlsAlert: '44' }, /tlsAlert/],
      [{ environment: 'production', outcome: 'rejected', at: 'yesterday' }, /at must be an ISO 8601/],
      [{ environment: 'production', outcome: 'rejected', extra: 1 }, /unknown field "extra"/],
      [{ results: [] }, /must not be empty/],
      [{ results: [{ environment: 'production', outcome: 'rejected' }, { environment: 'production', outcome: 'rejected', apnsStatus: 99 }] }, /results\[1\]\.apnsStatus/],
      [{ results: Array.from({ length: 501 }, () => ({ environment: 'production', outcome: 'rejected' })) }, /at most 500/],
      [[1, 2], /body must be/],
    ];
    for (const [body, message] of garbage) {
      const res = await results(body);
      expectError(res, 400, 'validation_failed');
      expect(res.json().errors[0]).toMatch(message);
    }
    expectError(await results({ environment: 'production', outcome: 'rejected', tlsAlert: 44, at: '2026-06-02T00:00:00Z' }), 400, 'push_result_invalid');
    expectError(await results({ environment: 'production', outcome: 'delivered', tlsAlert: 44 }), 400, 'push_result_invalid');
    expectError(await results({ environment: 'development', outcome: 'rejected', tlsAlert: 44 }), 409, 'push_certificate_not_bound');
    expectError(await results({ environment: 'production', outcome: 'rejected', tlsAlert: 44, certificateId: 999 }), 409, 'push_certificate_not_bound');
    expectError(await results({ environment: 'production', outcome: 'rejected', tlsAlert: 44 }, t.keys.viewer), 403, 'forbidden');
    expectError(await check('production', t.keys.viewer), 403, 'forbidden');
    expectError(await check('staging'), 400, 'validation_failed');
    expectError(await check('development'), 409, 'push_certificate_not_bound');
    const other = await t.otherTenant();
    expectError(await results({ environment: 'production', outcome: 'rejected', tlsAlert: 44 }, other.adminKey), 404, 'project_not_found');
    expectError(await t.call('POST', `/api/v1/projects/${other.projectId}/apps/com.example.shop/push-results`, { key: other.adminKey, body: { environment: 'production', outcome: 'rejected' } }), 404, 'app_not_found');
    expectError(await t.call('POST', `/api/v1/projects/${other.projectId}/apps/com.example.shop/push-check`, { key: other.adminKey, body: { environment: 'production' } }), 404, 'app_not_found');
    // Nothing was recorded by the refused requests.
    expect((await pushOf())[0].push.status).toBe('OK');
  });

  it('push-check: OK against the gateway (clears REVOKED), REVOKED by a 403 for the wrong environment, no key → 400, network failure keeps the verdict', async () => {
    const id = await importCert(prod);
    await bind(id);
    await results({ environment: 'production', outcome: 'rejected', apnsStatus: 403, apnsReason: 'BadCertificate' });
    expect((await pushOf())[0].push.status).toBe('REVOKED');

    t.clock.set('2026-06-01T01:00:00Z');
    const ok = await check('production');
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().result).toEqual([{ environment: 'production', certificateId: id, outcome: 'ok', detail: 'BadDeviceToken', pushStatus: 'OK', changed: true, checkedAt: '2026-06-01T01:00:00.000Z' }]);
    expect(prodGw.requests.at(-1)!.headers['apns-topic']).toBe('com.example.shop');
    expect((await pushOf())[0].push).toEqual({ status: 'OK', reason: 'BadDeviceToken', source: 'push-check', at: '2026-06-01T01:00:00.000Z', lastCheck: { at: '2026-06-01T01:00:00.000Z', outcome: 'ok', detail: 'BadDeviceToken' } });
    expect((await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=push.check_ok`, { key: t.keys.viewer })).json().resultInfo.totalCount).toBe(1);
    // A result older than the check that showed the certificate working is stale.
    const stale = await results({ environment: 'production', outcome: 'rejected', tlsAlert: 45, at: '2026-06-01T00:30:00Z' });
    expect(stale.json().result[0].effect).toBe('stale');

    // A production certificate forced onto development: the sandbox gateway answers 403 BadCertificateEnvironment.
    await bind(id, 'development', 'iPhone', true);
    const wrongEnv = await check('development');
    expect(wrongEnv.statusCode, wrongEnv.body).toBe(200);
    expect(wrongEnv.json().result[0]).toMatchObject({ outcome: 'revoked', detail: 'BadCertificateEnvironment', pushStatus: 'REVOKED', changed: true });
    expect((await pushOf()).find((p: { environment: string }) => p.environment === 'development').push.status).toBe('REVOKED');
    expect((await pushOf()).find((p: { environment: string }) => p.environment === 'production').push.status).toBe('OK');

    // Without the private key there is nothing to authenticate with.
    const keyless = await importCert(ca.issue({ apns: { environments: ['development'], bundleId: 'com.example.shop' } }), false);
    await bind(keyless, 'development', 'iPad');
    expectError(await check('development'), 400, 'push_check_no_private_key');
  });

  it('push-check: REVOKED by TLS alert 44 from a gateway holding a CRL; an unreachable gateway leaves the verdict and answers 503', async () => {
    await t.close();
    await makeApp({ CERTKEEPER_APNS_PRODUCTION_URL: revokingGw.url, CERTKEEPER_APNS_DEVELOPMENT_URL: 'https://127.0.0.1:1' });
    const id = await importCert(revokedCert);
    await bind(id);
    const res = await check('production');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result[0]).toMatchObject({ certificateId: id, outcome: 'revoked', detail: 'tls_alert_44_certificate_revoked', pushStatus: 'REVOKED', changed: true });
    expect((await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=push.check_revoked`, { key: t.keys.viewer })).json().resultInfo.totalCount).toBe(1);

    const dev = await importCert(ca.issue({ apns: { environments: ['development'], bundleId: 'com.example.shop' } }));
    await bind(dev, 'development');
    await results({ environment: 'development', outcome: 'rejected', tlsAlert: 42 });
    const down = await check('development');
    expectError(down, 503, 'apns_unavailable');
    const devPush = (await pushOf()).find((p: { environment: string }) => p.environment === 'development').push;
    expect(devPush).toMatchObject({ status: 'REVOKED', reason: 'tls_alert_42_bad_certificate', lastCheck: { outcome: 'failed' } });
  });

  it('the scheduled pass checks each due binding once per interval, claiming rows so a second server does not repeat it', async () => {
    const id = await importCert(prod);
    await bind(id);
    await bind(id, 'production', 'iPad');
    const before = prodGw.requests.length;
    expect((await t.services.pushHealth.runDue()).checked).toBe(1);
    expect(prodGw.requests.length).toBe(before + 1);
    // Nothing is due again within the interval (default daily).
    expect((await t.services.pushHealth.runDue()).checked).toBe(0);
    t.clock.advance(86_400_000 - 1);
    expect((await t.services.pushHealth.runDue()).checked).toBe(0);
    t.clock.advance(1);
    expect((await t.services.pushHealth.runDue()).checked).toBe(1);
    expect(prodGw.requests.length).toBe(before + 2);
    // A claim held by another server (not yet checked, claim fresh) is skipped.
    t.clock.advance(86_400_000);
    const now = t.clock.now();
    const claimed = await t.services.store.leases.claimDue('pushCheck', { now, dueBefore: new Date(now.getTime() - 86_400_000), claimExpiredBefore: new Date(now.getTime() - 600_000) }, 10);
    expect(claimed).toHaveLength(1);
    expect((await t.services.pushHealth.runDue()).checked).toBe(0);
    expect((await pushOf())[0].push).toMatchObject({ status: 'OK', source: 'push-check', lastCheck: { outcome: 'ok' } });
  });
});
