import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aCertificate, toPkcs12 } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const inDays = (d: number) => new Date(NOW.getTime() + d * 86_400_000);

describe.each(dialects)('apps and APNs bindings API on %s', (dialect) => {
  let t: TestApp;
  let base: string;
  beforeEach(async () => {
    t = await createTestApp({ dialect });
    base = `/api/v1/projects/${t.project.id}/apps`;
  });
  afterEach(async () => t.close());

  const createApp = async (appId: string, platforms = ['ios'], key = t.keys.editor) => {
    const res = await t.call('POST', base, { key, body: { appId, name: `App ${appId}`, platforms } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result;
  };
  const importPem = async (pem: string, projectId = t.project.id, key = t.keys.editor) => {
    const res = await t.call('POST', `/api/v1/projects/${projectId}/certificates/import`, { key, body: { certificateBody: pem } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result.id as number;
  };
  const bind = (appId: string, body: Record<string, unknown>, key = t.keys.editor) => t.call('PUT', `${base}/${appId}/certificates`, { key, body });
  const expectError = (res: { statusCode: number; json(): { code: string; success: boolean } }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ success: false, code });
  };

  it('creates, lists (paged), gets and deletes apps; appKey is 8 digits; viewers read, editors change', async () => {
    const created = await t.call('POST', base, { key: t.keys.editor, body: { appId: 'com.example.shop', name: ' Shop ', platforms: ['android', 'ios', 'ios'] } });
    expect(created.statusCode, created.body).toBe(200);
    const app = created.json().result;
    expect(app).toMatchObject({ appId: 'com.example.shop', name: 'Shop', platforms: ['ios', 'android'], projectId: t.project.id, createdAt: NOW.toISOString() });
    expect(app.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(String(app.appKey)).toMatch(/^[1-9][0-9]{7}$/);
    const b = await createApp('AppForAll1');
    const c = await createApp('testAuto3005', ['android']);
    expect(new Set([app.appKey, b.appKey, c.appKey]).size).toBe(3);

    const page = (await t.call('GET', `${base}?pageIndex=1&pageSize=2`, { key: t.keys.viewer })).json();
    expect(page.result.map((a: { appId: string }) => a.appId)).toEqual(['AppForAll1', 'com.example.shop']);
    expect(page.resultInfo).toEqual({ totalCount: 3, pageIndex: 1, pageSize: 2, totalPages: 2, hasNextPage: true, hasPreviousPage: false });
    expect((await t.call('GET', `${base}/com.example.shop`, { key: t.keys.viewer })).json().result).toEqual(app);

    expectError(await t.call('POST', base, { key: t.keys.viewer, body: { appId: 'x.y', name: 'n', platforms: ['ios'] } }), 403, 'forbidden');
    expectError(await t.call('DELETE', `${base}/AppForAll1`, { key: t.keys.viewer }), 403, 'forbidden');
    expectError(await t.call('POST', base, { key: null, body: { appId: 'x.y', name: 'n', platforms: ['ios'] } }), 401, 'unauthorized');

    const deleted = await t.call('DELETE', `${base}/AppForAll1`, { key: t.keys.editor });
    expect(deleted.json().result).toEqual(b);
    expectError(await t.call('GET', `${base}/AppForAll1`, { key: t.keys.viewer }), 404, 'app_not_found');
    expectError(await t.call('DELETE', `${base}/AppForAll1`, { key: t.keys.editor }), 404, 'app_not_found');

    const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=app.created`, { key: t.keys.viewer })).json();
    expect(events.resultInfo.totalCount).toBe(3);
    expect(events.result[0]).toMatchObject({ objectType: 'app' });
  });

  it('refuses a duplicate appId (409) and bad input (400), each with a stable code', async () => {
    await createApp('com.example.shop');
    expectError(await t.call('POST', base, { key: t.keys.editor, body: { appId: 'com.example.shop', name: 'again', platforms: ['ios'] } }), 409, 'app_already_exists');
    // appId is unique in the organization: another project of it cannot take it either.
    const sibling = await t.otherTenant(true);
    expectError(await t.call('POST', `/api/v1/projects/${sibling.projectId}/apps`, { key: sibling.adminKey, body: { appId: 'com.example.shop', name: 'x', platforms: ['ios'] } }), 409, 'app_already_exists');
    for (const body of [
      { appId: 'a.b', name: 'n', platforms: [] },
      { appId: 'a.b', name: 'n', platforms: ['windows'] },
      { appId: 'a.b', name: 'n' },
      { appId: 'has space', name: 'n', platforms: ['ios'] },
      { appId: '.lead', name: 'n', platforms: ['ios'] },
      { appId: 'a.b', name: '   ', platforms: ['ios'] },
      { appId: 'a.b', name: 'n', platforms: ['ios'], extra: 1 },
    ]) {
      expectError(await t.call('POST', base, { key: t.keys.editor, body }), 400, 'validation_failed');
    }
  });

  it("isolates tenants: another organization's key and another project's path never see the app", async () => {
    await createApp('com.example.shop');
    const other = await t.otherTenant();
    expectError(await t.call('GET', `${base}/com.example.shop`, { key: other.adminKey }), 404, 'project_not_found');
    expectError(await t.call('GET', `/api/v1/projects/${other.projectId}/apps/com.example.shop`, { key: other.adminKey }), 404, 'app_not_found');
    const sibling = await t.otherTenant(true);
    expectError(await t.call('GET', `/api/v1/projects/${sibling.projectId}/apps/com.example.shop`, { key: sibling.adminKey }), 404, 'app_not_found');
    expectError(await t.call('DELETE', `/api/v1/projects/${sibling.projectId}/apps/com.example.shop`, { key: sibling.adminKey }), 404, 'app_not_found');
    expect((await t.call('GET', `/api/v1/projects/${other.projectId}/apps`, { key: other.adminKey })).json().result).toEqual([]);
  });

  it('binds an APNs certificate only for its environment and bundle id unless forced; lists, replaces and unbinds', async () => {
    await createApp('com.example.shop');
    await createApp('com.example.droid', ['android']);
    const prod = await importPem(aCertificate({ apns: { environments: ['production'], bundleId: 'com.example.shop' }, notAfter: inDays(200) }).certPem);
    const dev = await importPem(aCertificate({ apns: { environments: ['development'], bundleId: 'com.example.shop' }, notAfter: inDays(30) }).certPem);
    const other = await importPem(aCertificate({ apns: { environments: ['production'], bundleId: 'com.other.app' }, notAfter: inDays(89) }).certPem);
    const tls = await importPem(aCertificate({ commonName: 'www.example.com' }).certPem);
    const pass = await importPem(aCertificate({ passType: { passTypeIdentifier: 'pass.com.example.shop' } }).certPem);

    const ok = await bind('com.example.shop', { certificateId: prod, platform: 'iPhone', environment: 'production' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().result).toEqual({
      platform: 'iPhone',
      environment: 'production',
      certificateId: prod,
      boundAt: NOW.toISOString(),
      certificateStatus: 'Active',
      status: 'issued',
      notAfter: inDays(200).toISOString(),
      daysLeft: 200,
      domainName: 'Apple Production IOS Push Services: com.example.shop',
      bundleId: 'com.example.shop',
      topics: ['com.example.shop'],
      environments: ['production'],
    });

    expectError(await bind('com.example.shop', { certificateId: prod, platform: 'iPhone', environment: 'development' }), 400, 'app_certificate_wrong_environment');
    expectError(await bind('com.example.shop', { certificateId: other, platform: 'iPhone', environment: 'production' }), 400, 'app_certificate_topic_mismatch');
    expectError(await bind('com.example.shop', { certificateId: tls, platform: 'iPad', environment: 'production' }), 400, 'app_certificate_not_apns');
    expectError(await bind('com.example.shop', { certificateId: pass, platform: 'iPad', environment: 'production' }), 400, 'app_certificate_not_apns');
    expectError(await bind('com.example.droid', { certificateId: prod, platform: 'iPhone', environment: 'production' }), 400, 'app_not_ios');
    expectError(await bind('com.example.shop', { certificateId: 999_999, platform: 'iPhone', environment: 'production' }), 404, 'certificate_not_found');
    expectError(await bind('com.example.nope', { certificateId: prod, platform: 'iPhone', environment: 'production' }), 404, 'app_not_found');
    expectError(await bind('com.example.shop', { certificateId: prod, platform: 'Watch', environment: 'production' }), 400, 'validation_failed');
    expectError(await bind('com.example.shop', { certificateId: prod, platform: 'iPhone', environment: 'staging' }), 400, 'validation_failed');
    expectError(await bind('com.example.shop', { certificateId: prod, platform: 'iPhone', environment: 'production' }, t.keys.viewer), 403, 'forbidden');

    // force binds what the checks refuse.
    const forced = await bind('com.example.shop', { certificateId: other, platform: 'iPad', environment: 'production', force: true });
    expect(forced.statusCode, forced.body).toBe(200);
    expect((await bind('com.example.shop', { certificateId: dev, platform: 'iPhone', environment: 'development' })).statusCode).toBe(200);
    // A certificate of another organization is not found.
    const stranger = await t.otherTenant();
    const foreign = await importPem(aCertificate({ apns: { bundleId: 'com.example.shop' } }).certPem, stranger.projectId, stranger.adminKey);
    expectError(await bind('com.example.shop', { certificateId: foreign, platform: 'iPad', environment: 'production' }), 404, 'certificate_not_found');

    const list = (await t.call('GET', `${base}/com.example.shop/certificates`, { key: t.keys.viewer })).json();
    // The soonest to expire first.
    expect(list.result.map((b: { platform: string; environment: string; certificateId: number; daysLeft: number }) => [b.platform, b.environment, b.certificateId, b.daysLeft])).toEqual([
      ['iPhone', 'development', dev, 30],
      ['iPad', 'production', other, 89],
      ['iPhone', 'production', prod, 200],
    ]);
    expect(list.resultInfo.totalCount).toBe(3);

    // Expiry is derived on read.
    t.clock.set(inDays(31));
    const later = (await t.call('GET', `${base}/com.example.shop/certificates`, { key: t.keys.viewer })).json().result[0];
    expect(later).toMatchObject({ certificateId: dev, certificateStatus: 'Expired', status: 'expired', daysLeft: -1 });

    // Replacing a binding, then unbinding.
    const replaced = await bind('com.example.shop', { certificateId: prod, platform: 'iPad', environment: 'production' });
    expect(replaced.json().result.certificateId).toBe(prod);
    const unbound = await t.call('DELETE', `${base}/com.example.shop/certificates?platform=iPad&environment=production`, { key: t.keys.editor });
    expect(unbound.json().result).toEqual({ platform: 'iPad', environment: 'production', certificateId: prod, boundAt: inDays(31).toISOString() });
    expectError(await t.call('DELETE', `${base}/com.example.shop/certificates?platform=iPad&environment=production`, { key: t.keys.editor }), 404, 'app_binding_not_found');
    expectError(await t.call('DELETE', `${base}/com.example.shop/certificates?platform=iPad`, { key: t.keys.editor }), 400, 'validation_failed');

    // Deleting a certificate unbinds it.
    expect((await t.call('DELETE', `/api/v1/projects/${t.project.id}/certificates/${dev}`, { key: t.keys.editor })).statusCode).toBe(200);
    const after = (await t.call('GET', `${base}/com.example.shop/certificates`, { key: t.keys.viewer })).json().result;
    expect(after.map((b: { certificateId: number }) => b.certificateId)).toEqual([prod]);

    const types = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=app.certificate_bound`, { key: t.keys.viewer })).json();
    expect(types.resultInfo.totalCount).toBe(4);
    expect(types.result.some((e: { data: { forced: unknown } }) => e.data.forced === 'app_certificate_topic_mismatch')).toBe(true);

    // Deleting the app keeps the certificates.
    expect((await t.call('DELETE', `${base}/com.example.shop`, { key: t.keys.editor })).statusCode).toBe(200);
    expect((await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${prod}`, { key: t.keys.viewer })).statusCode).toBe(200);
  });

  it('imports a PKCS#12 (legacy encryption) and binds it to every environment it serves; refuses what is not for the app', async () => {
    await createApp('com.example.shop');
    const universal = aCertificate({ apns: { environments: ['production', 'development'], bundleId: 'com.example.shop', topics: ['com.example.shop', 'com.example.shop.voip'] }, notAfter: inDays(100) });
    const p12 = toPkcs12(universal, { password: 'secret', legacy: true }).toString('base64');
    const url = `${base}/com.example.shop/certificates/import`;

    expectError(await t.call('POST', url, { key: t.keys.editor, body: { pkcs12: p12, password: 'wrong', platform: 'iPhone' } }), 400, 'pkcs12_bad_password');
    expectError(await t.call('POST', url, { key: t.keys.editor, body: { pkcs12: 'not base64!', password: 'x', platform: 'iPhone' } }), 400, 'pkcs12_invalid');
    const tlsP12 = toPkcs12(aCertificate({ commonName: 'www.example.com' }), { password: 'p' }).toString('base64');
    expectError(await t.call('POST', url, { key: t.keys.editor, body: { pkcs12: tlsP12, password: 'p', platform: 'iPhone' } }), 400, 'app_certificate_not_apns');
    const otherP12 = toPkcs12(aCertificate({ apns: { bundleId: 'com.other.app' } }), { password: 'p' }).toString('base64');
    expectError(await t.call('POST', url, { key: t.keys.editor, body: { pkcs12: otherP12, password: 'p', platform: 'iPhone' } }), 400, 'app_certificate_topic_mismatch');
    // Nothing refused was stored.
    expect((await t.call('GET', `/api/v1/projects/${t.project.id}/certificates`, { key: t.keys.viewer })).json().resultInfo.totalCount).toBe(0);

    const res = await t.call('POST', url, { key: t.keys.editor, body: { pkcs12: p12, password: 'secret', platform: 'iPad' } });
    expect(res.statusCode, res.body).toBe(200);
    const bound = res.json().result;
    expect(bound.map((b: { platform: string; environment: string }) => [b.platform, b.environment])).toEqual([
      ['iPad', 'production'],
      ['iPad', 'development'],
    ]);
    expect(bound[0]).toMatchObject({ daysLeft: 100, bundleId: 'com.example.shop', topics: ['com.example.shop', 'com.example.shop.voip'], environments: ['production', 'development'] });
    expect(bound[0].certificateId).toBe(bound[1].certificateId);
    const cert = (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates/${bound[0].certificateId}`, { key: t.keys.viewer })).json().result;
    expect(cert).toMatchObject({ kind: 'apns', hasPrivateKey: true });

    // The same file again binds the existing record (no second certificate).
    const again = await t.call('POST', url, { key: t.keys.editor, body: { pkcs12: p12, password: 'secret', platform: 'iPhone' } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json().result[0].certificateId).toBe(bound[0].certificateId);
    expect(again.json().messages[0]).toMatch(/already in the inventory/);
    expect((await t.call('GET', `/api/v1/projects/${t.project.id}/certificates`, { key: t.keys.viewer })).json().resultInfo.totalCount).toBe(1);
    expect((await t.call('GET', `${base}/com.example.shop/certificates`, { key: t.keys.viewer })).json().result).toHaveLength(4);

    // force binds a certificate for another bundle id.
    const forced = await t.call('POST', url, { key: t.keys.editor, body: { pkcs12: otherP12, password: 'p', platform: 'iPhone', force: true } });
    expect(forced.statusCode, forced.body).toBe(200);
    expect(forced.json().result.map((b: { environment: string }) => b.environment)).toEqual(['production']);
  });

  it('filters the native certificate list by kind=apns and kind=pass', async () => {
    const apns = await importPem(aCertificate({ apns: { bundleId: 'com.example.shop' } }).certPem);
    const pass = await importPem(aCertificate({ passType: true }).certPem);
    await importPem(aCertificate({ commonName: 'www.example.com' }).certPem);
    const ids = async (kind: string) =>
      (await t.call('GET', `/api/v1/projects/${t.project.id}/certificates?kind=${kind}`, { key: t.keys.viewer })).json().result.map((c: { id: number }) => c.id);
    expect(await ids('apns')).toEqual([apns]);
    expect(await ids('pass')).toEqual([pass]);
    expect(await ids('tls')).toHaveLength(1);
  });
});
