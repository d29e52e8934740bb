import { afterEach, describe, expect, it } from 'vitest';
import { aCertificate } from '../../support/test-ca.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { dialects } from '../../support/test-store.js';
import { loadConfig } from '../../../src/config/config.js';

const URL_001 = '/api/v1/applications/certexpirydetails';

describe.each(dialects)('Volt MX Engagement: GET /api/v1/applications/certexpirydetails on %s', (dialect) => {
  let t: TestApp;
  afterEach(async () => t.close());

  const importPem = async (pem: string, projectId = t.project.id, key = t.keys.editor, scopeId = 0) => {
    const res = await t.call('POST', `/api/v1/projects/${projectId}/certificates/import`, { key, body: { certificateBody: pem, scopeId } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result.id as number;
  };
  const createApp = async (appId: string, projectId = t.project.id, key = t.keys.editor) => {
    const res = await t.call('POST', `/api/v1/projects/${projectId}/apps`, { key, body: { appId, name: appId, platforms: ['ios'] } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const bind = async (appId: string, certificateId: number, platform: string, environment: string, projectId = t.project.id, key = t.keys.editor) => {
    const res = await t.call('PUT', `/api/v1/projects/${projectId}/apps/${appId}/certificates`, { key, body: { certificateId, platform, environment } });
    expect(res.statusCode, res.body).toBe(200);
  };

  /** The vendor's example, rebuilt: two apps with bound certificates and two pass certificates. */
  const seed = async () => {
    await createApp('testAuto3005');
    await createApp('testAuto9116');
    await createApp('AppForAll1');
    const a = await importPem(aCertificate({ apns: { bundleId: 'testAuto3005' }, notAfter: new Date('2018-01-07T06:11:02Z') }).certPem);
    const b = await importPem(aCertificate({ apns: { bundleId: 'testAuto3005', environments: ['development'] }, notAfter: new Date('2017-11-16T12:29:07Z') }).certPem);
    const c = await importPem(aCertificate({ apns: { bundleId: 'testAuto9116' }, notAfter: new Date('2018-01-07T06:11:02Z') }).certPem);
    await bind('testAuto3005', a, 'iPhone', 'production');
    await bind('testAuto3005', b, 'iPhone', 'development');
    await bind('testAuto9116', c, 'iPad', 'production');
    await importPem(aCertificate({ passType: { passTypeIdentifier: 'pass.com.xxx.xxx', teamId: 'TEAM123456' }, commonName: 'admin', notAfter: new Date('2018-03-03T06:26:13Z') }).certPem);
    await importPem(aCertificate({ passType: { passTypeIdentifier: 'pass.com.xxx.yyy', teamId: 'TEAM123456' }, commonName: 'ServiceSuiteSetup261', notAfter: new Date('2017-09-07T10:18:31Z') }).certPem);
  };

  it("answers the vendor's shape exactly, dates in the display time zone (Asia/Kolkata → IST)", async () => {
    // 214 days before 07 Jan 2018 11:41:02 IST, the vendor's first sample.
    t = await createTestApp({ dialect, env: { CERTKEEPER_DISPLAY_TIME_ZONE: 'Asia/Kolkata' } });
    t.clock.set(new Date('2017-06-07T06:11:02Z'));
    await seed();
    const res = await t.call('GET', URL_001, { key: t.keys.viewer });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      appCertificates: [
        { appId: 'AppForAll1', certificates: [] },
        {
          appId: 'testAuto3005',
          certificates: [
            // The soonest to expire first.
            { expiryDate: '16 Nov, 2017 05.59:07 PM IST', daysLeft: 162, platform: 'iPhone', certificateType: 'Development' },
            { expiryDate: '07 Jan, 2018 11.41:02 AM IST', daysLeft: 214, platform: 'iPhone', certificateType: 'Production' },
          ],
        },
        { appId: 'testAuto9116', certificates: [{ expiryDate: '07 Jan, 2018 11.41:02 AM IST', daysLeft: 214, platform: 'iPad', certificateType: 'Production' }] },
      ],
      passCertificates: [
        { expiryDate: '07 Sep, 2017 03.48:31 PM IST', daysLeft: 92, passTypeIdentifier: 'pass.com.xxx.yyy', passTeamIdentifier: 'TEAM123456', passCertificateName: 'ServiceSuiteSetup261' },
        { expiryDate: '03 Mar, 2018 11.56:13 AM IST', daysLeft: 269, passTypeIdentifier: 'pass.com.xxx.xxx', passTeamIdentifier: 'TEAM123456', passCertificateName: 'admin' },
      ],
    });
    // Bare JSON, as the vendor shows it: no envelope.
    expect(res.json().success).toBeUndefined();
  });

  it('?appId= answers that app alone, without passCertificates; unknown appId → 404; no key → 401', async () => {
    t = await createTestApp({ dialect });
    t.clock.set(new Date('2017-06-07T06:11:02Z'));
    await seed();
    const one = await t.call('GET', `${URL_001}?appId=testAuto9116`, { key: t.keys.viewer });
    expect(one.statusCode, one.body).toBe(200);
    // Default display zone: UTC.
    expect(one.json()).toEqual({ appCertificates: [{ appId: 'testAuto9116', certificates: [{ expiryDate: '07 Jan, 2018 06.11:02 AM UTC', daysLeft: 214, platform: 'iPad', certificateType: 'Production' }] }] });

    const unknown = await t.call('GET', `${URL_001}?appId=nope`, { key: t.keys.viewer });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ success: false, code: 'app_not_found', errors: ['no app with appId nope was found'] });
    expect((await t.call('GET', `${URL_001}?appId=${encodeURIComponent('not valid')}`, { key: t.keys.viewer })).json().code).toBe('app_not_found');
    const anonymous = await t.call('GET', URL_001, { key: null });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthorized');
    expect((await t.call('GET', URL_001, { key: 'not-a-key' })).statusCode).toBe(401);
  });

  it('refuses a disabled organization’s key with the native 403 organization_disabled, until it is enabled', async () => {
    t = await createTestApp({ dialect });
    const other = await t.otherTenant();
    await createApp('com.disabled.app', other.projectId, other.adminKey);
    expect((await t.call('GET', URL_001, { key: other.adminKey })).json().appCertificates).toHaveLength(1);
    expect((await t.call('PATCH', `/api/v1/organizations/${other.orgId}`, { body: { disabled: true } })).statusCode).toBe(200);
    for (const url of [URL_001, `${URL_001}?appId=com.disabled.app`, `${URL_001}?appId=nope`, `${URL_001}?appId=`]) {
      const res = await t.call('GET', url, { key: other.adminKey });
      expect(res.statusCode, url).toBe(403);
      expect(res.json()).toMatchObject({ success: false, code: 'organization_disabled' });
    }
    expect((await t.call('PATCH', `/api/v1/organizations/${other.orgId}`, { body: { disabled: false } })).statusCode).toBe(200);
    expect((await t.call('GET', URL_001, { key: other.adminKey })).json().appCertificates).toHaveLength(1);
  });

  it("shows each key only its projects' apps and the pass certificates it can see", async () => {
    t = await createTestApp({ dialect });
    await seed();
    const stranger = await t.otherTenant();
    await createApp('com.stranger.app', stranger.projectId, stranger.adminKey);
    await importPem(aCertificate({ passType: { passTypeIdentifier: 'pass.com.stranger' } }).certPem, stranger.projectId, stranger.adminKey);
    const sibling = await t.otherTenant(true);
    await createApp('com.sibling.app', sibling.projectId, sibling.adminKey);
    await importPem(aCertificate({ passType: { passTypeIdentifier: 'pass.com.sibling.private' } }).certPem, sibling.projectId, sibling.adminKey);
    await importPem(aCertificate({ passType: { passTypeIdentifier: 'pass.com.sibling.shared' } }).certPem, sibling.projectId, sibling.adminKey, 1);

    const view = async (key: string) => (await t.call('GET', URL_001, { key })).json();
    const appIds = (body: { appCertificates: Array<{ appId: string }> }) => body.appCertificates.map((a) => a.appId);
    const passIds = (body: { passCertificates: Array<{ passTypeIdentifier: string }> }) => body.passCertificates.map((p) => p.passTypeIdentifier).sort();

    const mine = await view(t.keys.viewer);
    expect(appIds(mine)).toEqual(['AppForAll1', 'testAuto3005', 'testAuto9116']);
    // Its own pass certificates and the organization's shared one, not the sibling project's private one.
    expect(passIds(mine)).toEqual(['pass.com.sibling.shared', 'pass.com.xxx.xxx', 'pass.com.xxx.yyy']);

    const theirs = await view(stranger.adminKey);
    expect(appIds(theirs)).toEqual(['com.stranger.app']);
    expect(passIds(theirs)).toEqual(['pass.com.stranger']);
    expect((await t.call('GET', `${URL_001}?appId=testAuto3005`, { key: stranger.adminKey })).statusCode).toBe(404);
    expect((await t.call('GET', `${URL_001}?appId=com.sibling.app`, { key: t.keys.viewer })).statusCode).toBe(404);

    // An organization-wide key sees every project of its organization; the superuser everything.
    const orgWide = await t.services.certExpiryDetails.details({ kind: 'api_key', keyId: 'k', superuser: false, organizationId: t.org.id, projectId: null, role: 'viewer' });
    expect(orgWide.appCertificates.map((a) => a.app.appId)).toEqual(['AppForAll1', 'com.sibling.app', 'testAuto3005', 'testAuto9116']);
    expect(orgWide.passCertificates!.map((c) => c.apple?.passTypeIdentifier).sort()).toEqual(['pass.com.sibling.private', 'pass.com.sibling.shared', 'pass.com.xxx.xxx', 'pass.com.xxx.yyy']);
    const all = await view(SUPER);
    expect(appIds(all)).toEqual(['AppForAll1', 'com.sibling.app', 'com.stranger.app', 'testAuto3005', 'testAuto9116']);
    expect(all.passCertificates).toHaveLength(5);
  });
});

const SUPER = 'test-bootstrap-token-0123456789abcdef-0123';

describe('CERTKEEPER_DISPLAY_TIME_ZONE', () => {
  it('defaults to UTC and refuses a zone Intl does not know', () => {
    expect(loadConfig({}).displayTimeZone).toBe('UTC');
    expect(loadConfig({ CERTKEEPER_DISPLAY_TIME_ZONE: 'Asia/Kolkata' }).displayTimeZone).toBe('Asia/Kolkata');
    expect(() => loadConfig({ CERTKEEPER_DISPLAY_TIME_ZONE: 'Mars/Olympus' })).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });
});
