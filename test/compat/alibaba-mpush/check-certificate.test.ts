import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { popErrorCodes, popErrors } from '../../../src/compat/alibaba-mpush/pop-error.js';
import { encodePopParameters, signPopParameters } from '../../../src/compat/alibaba-mpush/pop-signature.js';
import { sealedSecretAad } from '../../../src/secrets/sealed-secret-aad.js';
import { aCertificate } from '../../support/test-ca.js';
import { createTestApp, type TestApp } from '../../support/test-app.js';
import { createTestStore, dialects } from '../../support/test-store.js';

interface PopClient {
  request(action: string, params: Record<string, unknown>, opts?: Record<string, unknown>): Promise<Record<string, unknown>>;
}
// @alicloud/pop-core is CommonJS: loaded through require from this ESM test.
const RPCClient = createRequire(import.meta.url)('@alicloud/pop-core') as new (config: Record<string, string>) => PopClient;

const DAY = 86_400_000;
// pop-core stamps requests with the real time: the server's fake clock is set to it.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000);
const inDays = (d: number) => new Date(NOW.getTime() + d * DAY);
const REQUEST_ID = /^[0-9A-F]{8}-[0-9A-F]{4}-4[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;
const ERROR_KEYS = ['RequestId', 'HostId', 'Code', 'Message'];

describe.each(dialects)('Alibaba Cloud Mobile Push CheckCertificate signed as the Alibaba Cloud SDKs sign, over a listening server on %s', (dialect) => {
  let t: TestApp;
  let endpoint: string;
  let key: { accessKeyId: string; accessKeySecret: string };
  let appKey: number;
  let androidAppKey: number;
  let prodOnlyAppKey: number;
  let ids: { prod: number; dev: number };
  let appUuid: string;

  const api = async (method: string, url: string, body?: unknown, apiKey = t.keys.admin) => {
    const res = await t.call(method, url, { key: apiKey, body });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result;
  };
  const importPem = async (pem: string) => (await api('POST', `/api/v1/projects/${t.project.id}/certificates/import`, { certificateBody: pem })).id as number;
  const client = (k = key) => new RPCClient({ endpoint, accessKeyId: k.accessKeyId, accessKeySecret: k.accessKeySecret, apiVersion: '2016-08-01' });
  /** The error a pop-core call throws: its code, and the body exactly as the server sent it. */
  const popFailure = async (promise: Promise<unknown>) => {
    const err = (await promise.then(
      () => undefined,
      (e: unknown) => e,
    )) as { code: string; data: Record<string, unknown> } | undefined;
    expect(err, 'the call should have failed').toBeDefined();
    expect(Object.keys(err!.data)).toEqual(ERROR_KEYS);
    expect(err!.data.RequestId).toMatch(REQUEST_ID);
    expect(err!.data.HostId).toBe('127.0.0.1');
    expect(err!.data.Code).toBe(err!.code);
    return err!;
  };
  /** A hand-signed request: the parameters pop-core would send, signed with the pure module, then `edit`ed. */
  const signed = (over: Record<string, string> = {}, opts: { method?: 'GET' | 'POST'; secret?: string; edit?: (p: Map<string, string>) => void } = {}) => {
    const method = opts.method ?? 'GET';
    const params = signPopParameters(
      method,
      {
        Action: 'CheckCertificate',
        AppKey: String(appKey),
        Format: 'JSON',
        Version: '2016-08-01',
        AccessKeyId: key.accessKeyId,
        SignatureMethod: 'HMAC-SHA1',
        SignatureVersion: '1.0',
        SignatureNonce: randomUUID(),
        Timestamp: NOW.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        ...over,
      },
      opts.secret ?? key.accessKeySecret,
    );
    opts.edit?.(params);
    return { method, query: encodePopParameters(params) };
  };
  const send = async ({ method, query }: { method: 'GET' | 'POST'; query: string }) => {
    const res =
      method === 'GET'
        ? await fetch(`${endpoint}/?${query}`)
        : await fetch(`${endpoint}/`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: query });
    return { status: res.status, text: await res.text(), requestIdHeader: res.headers.get('x-acs-request-id') };
  };
  const expectPopError = (res: { status: number; text: string }, status: number, code: string) => {
    expect(res.status, res.text).toBe(status);
    const body = JSON.parse(res.text);
    expect(Object.keys(body)).toEqual(ERROR_KEYS);
    expect(body).toMatchObject({ Code: code, HostId: '127.0.0.1' });
    expect(body.RequestId).toMatch(REQUEST_ID);
    expect(res.text).not.toMatch(/at .*\.ts|stack/i);
    return body;
  };

  beforeAll(async () => {
    t = await createTestApp({ dialect });
    t.clock.set(NOW);
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

    const created = await t.call('POST', `/api/v1/projects/${t.project.id}/access-keys`, { key: t.keys.admin, body: { name: 'push monitor', role: 'viewer' } });
    expect(created.statusCode, created.body).toBe(200);
    key = created.json().result;

    const apps = `/api/v1/projects/${t.project.id}/apps`;
    const app = await api('POST', apps, { appId: 'com.example.shop', name: 'Shop', platforms: ['ios'] }, t.keys.editor);
    appKey = app.appKey;
    appUuid = app.id;
    androidAppKey = (await api('POST', apps, { appId: 'com.example.droid', name: 'Droid', platforms: ['android'] }, t.keys.editor)).appKey;
    const prodOnly = await api('POST', apps, { appId: 'com.example.prod', name: 'Prod', platforms: ['ios', 'android'] }, t.keys.editor);
    prodOnlyAppKey = prodOnly.appKey;

    ids = {
      prod: await importPem(aCertificate({ apns: { environments: ['production'], bundleId: 'com.example.shop' }, notAfter: inDays(200) }).certPem),
      dev: await importPem(aCertificate({ apns: { environments: ['development'], bundleId: 'com.example.shop' }, notBefore: inDays(-400), notAfter: inDays(-10) }).certPem),
    };
    await api('PUT', `${apps}/com.example.shop/certificates`, { certificateId: ids.prod, platform: 'iPhone', environment: 'production' }, t.keys.editor);
    await api('PUT', `${apps}/com.example.shop/certificates`, { certificateId: ids.dev, platform: 'iPhone', environment: 'development' }, t.keys.editor);
    const prodOnlyCert = await importPem(aCertificate({ apns: { environments: ['production'], bundleId: 'com.example.prod' }, notAfter: inDays(50) }).certPem);
    await api('PUT', `${apps}/com.example.prod/certificates`, { certificateId: prodOnlyCert, platform: 'iPad', environment: 'production' }, t.keys.editor);
  });
  afterAll(async () => t.close());
  afterEach(() => t.clock.set(NOW));

  it('answers exactly in the vendor’s shape, to pop-core’s GET and POST', async () => {
    for (const method of ['GET', 'POST'] as const) {
      const res = await client().request('CheckCertificate', { AppKey: appKey }, method === 'POST' ? { method: 'POST' } : {});
      expect(Object.keys(res)).toEqual(['RequestId', 'Android', 'IOS', 'ProductionCertInfo', 'DevelopmentCertInfo']);
      expect(res.RequestId).toMatch(REQUEST_ID);
      expect(res).toEqual({
        RequestId: res.RequestId,
        Android: false,
        IOS: true,
        ProductionCertInfo: { Status: 'OK', ExipreTime: inDays(200).getTime() },
        DevelopmentCertInfo: { Status: 'EXPIRED', ExipreTime: inDays(-10).getTime() },
      });
    }
    // The wire text itself: field order, ExipreTime a JSON number, the request id also as a header.
    const raw = await send(signed());
    expect(raw.status).toBe(200);
    const body = JSON.parse(raw.text);
    expect(raw.requestIdHeader).toBe(body.RequestId);
    expect(raw.text).toBe(
      `{"RequestId":"${body.RequestId}","Android":false,"IOS":true,"ProductionCertInfo":{"Status":"OK","ExipreTime":${inDays(200).getTime()}},"DevelopmentCertInfo":{"Status":"EXPIRED","ExipreTime":${inDays(-10).getTime()}}}`,
    );
    // A lower-case first letter is what pop-core upper-cases itself (formatParams).
    expect((await client().request('checkCertificate', { appKey })).IOS).toBe(true);
  });

  it('leaves out an environment without a certificate; Android and IOS come from the app’s platforms', async () => {
    expect(await client().request('CheckCertificate', { AppKey: prodOnlyAppKey })).toEqual({
      RequestId: expect.stringMatching(REQUEST_ID),
      Android: true,
      IOS: true,
      ProductionCertInfo: { Status: 'OK', ExipreTime: inDays(50).getTime() },
    });
    const android = await client().request('CheckCertificate', { AppKey: androidAppKey });
    expect(Object.keys(android)).toEqual(['RequestId', 'Android', 'IOS']);
    expect(android).toMatchObject({ Android: true, IOS: false });
  });

  it('reports REVOKED from the certificate’s stored status and from a push-health verdict about the bound certificate', async () => {
    await t.services.store.certificates.updateStatus(ids.prod, 'revoked', NOW);
    try {
      expect((await client().request('CheckCertificate', { AppKey: appKey })).ProductionCertInfo).toEqual({ Status: 'REVOKED', ExipreTime: inDays(200).getTime() });
    } finally {
      await t.services.store.certificates.updateStatus(ids.prod, 'issued', NOW);
    }
    expect((await client().request('CheckCertificate', { AppKey: appKey })).ProductionCertInfo).toMatchObject({ Status: 'OK' });

    await t.services.store.pushHealth.putVerdict(
      { appUuid, environment: 'production', certificateId: ids.prod },
      { status: 'revoked', reason: 'BadCertificate', source: 'push-result', at: NOW },
    );
    const res = await client().request('CheckCertificate', { AppKey: appKey }, { method: 'POST' });
    expect(res.ProductionCertInfo).toEqual({ Status: 'REVOKED', ExipreTime: inDays(200).getTime() });
    expect(res.DevelopmentCertInfo).toEqual({ Status: 'EXPIRED', ExipreTime: inDays(-10).getTime() });
    await t.services.store.pushHealth.putVerdict(
      { appUuid, environment: 'production', certificateId: ids.prod },
      { status: 'ok', reason: 'BadDeviceToken', source: 'push-check', at: NOW },
    );
    expect((await client().request('CheckCertificate', { AppKey: appKey })).ProductionCertInfo).toMatchObject({ Status: 'OK' });
  });

  it('refuses a tampered, a replayed and a stale request, and incomplete or unsupported signatures (400, {RequestId, HostId, Code, Message})', async () => {
    // Tampered: AppKey changed after signing.
    expectPopError(await send(signed({}, { edit: (p) => p.set('AppKey', String(androidAppKey)) })), 400, 'SignatureDoesNotMatch');
    expectPopError(await send(signed({}, { method: 'POST', edit: (p) => p.set('Format', 'XML') })), 400, 'SignatureDoesNotMatch');
    // Signed for GET, sent as POST.
    const asGet = signed();
    expectPopError(await send({ method: 'POST', query: asGet.query }), 400, 'SignatureDoesNotMatch');
    // Replayed: the same signed request twice (also on another method: the nonce is spent).
    const once = signed();
    expect((await send(once)).status).toBe(200);
    expectPopError(await send(once), 400, 'SignatureNonceUsed');
    const nonce = randomUUID();
    expect((await send(signed({ SignatureNonce: nonce }, { method: 'POST' }))).status).toBe(200);
    expectPopError(await send(signed({ SignatureNonce: nonce })), 400, 'SignatureNonceUsed');
    // A failed signature does not spend the nonce.
    const n2 = randomUUID();
    expectPopError(await send(signed({ SignatureNonce: n2 }, { secret: 'wrong' })), 400, 'SignatureDoesNotMatch');
    expect((await send(signed({ SignatureNonce: n2 }))).status).toBe(200);
    // Stale: 20 minutes off either way; 14 minutes is fine.
    const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expectPopError(await send(signed({ Timestamp: at(-20 * 60_000) })), 400, 'InvalidTimeStamp.Expired');
    expectPopError(await send(signed({ Timestamp: at(20 * 60_000) })), 400, 'InvalidTimeStamp.Expired');
    expect((await send(signed({ Timestamp: at(-14 * 60_000) }))).status).toBe(200);
    expectPopError(await send(signed({ Timestamp: '2026-11-22 12:00:00' })), 400, 'InvalidTimeStamp.Format');
    // The server's clock moved on: a request signed now is stale then.
    const later = signed();
    t.clock.set(new Date(NOW.getTime() + 16 * 60_000));
    expectPopError(await send(later), 400, 'InvalidTimeStamp.Expired');
    t.clock.set(NOW);
    // Incomplete or unsupported.
    expectPopError(await send(signed({}, { edit: (p) => p.delete('Signature') })), 400, 'IncompleteSignature');
    expectPopError(await send(signed({}, { edit: (p) => p.delete('SignatureNonce') })), 400, 'IncompleteSignature');
    expectPopError(await send(signed({}, { edit: (p) => p.delete('AccessKeyId') })), 400, 'IncompleteSignature');
    expectPopError(await send(signed({ SignatureMethod: 'HMAC-SHA256' })), 400, 'InvalidSignatureMethod');
    expectPopError(await send(signed({ SignatureVersion: '2.0' })), 400, 'InvalidSignatureVersion');
    expectPopError(await send({ method: 'GET', query: `${signed().query}&AppKey=1` }), 400, 'InvalidParameter');
  });

  it('reads a POST without a body from its query, whatever its Content-Type; a body that is not a form is InvalidParameter', async () => {
    for (const contentType of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
      const res = await fetch(`${endpoint}/?${signed({}, { method: 'POST' }).query}`, { method: 'POST', headers: { 'content-type': contentType } });
      expect(res.status, `${contentType}: ${await res.clone().text()}`).toBe(200);
      expect(Object.keys(await res.json())).toContain('ProductionCertInfo');
    }
    const asText = await fetch(`${endpoint}/`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: signed({}, { method: 'POST' }).query });
    expectPopError({ status: asText.status, text: await asText.text() }, 400, 'InvalidParameter');
    // Parameters in a JSON body would be lost: refused rather than ignored.
    const asJson = await fetch(`${endpoint}/?${signed({}, { method: 'POST' }).query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"AppKey": 1}' });
    expectPopError({ status: asJson.status, text: await asJson.text() }, 400, 'InvalidParameter');
  });

  it('refuses unknown and revoked access keys, a wrong secret, other projects’ apps and unknown AppKeys, through pop-core', async () => {
    expect((await popFailure(client({ accessKeyId: 'LTAI00000000000000000000', accessKeySecret: 'x' }).request('CheckCertificate', { AppKey: appKey }))).code).toBe('InvalidAccessKeyId.NotFound');
    expect((await popFailure(client({ accessKeyId: 'not-a-key', accessKeySecret: 'x' }).request('CheckCertificate', { AppKey: appKey }))).code).toBe('InvalidAccessKeyId.NotFound');
    const wrongSecret = await popFailure(client({ ...key, accessKeySecret: 'wrong' }).request('CheckCertificate', { AppKey: appKey }));
    expect(wrongSecret.data).toMatchObject({ Code: 'SignatureDoesNotMatch', Message: popErrors.SignatureDoesNotMatch.message });

    const unknown = await popFailure(client().request('CheckCertificate', { AppKey: 1 }));
    expect(unknown.data).toMatchObject({ Code: 'InvalidAppKey.NotFound', Message: 'The specified AppKey is not found.' });
    expect((await popFailure(client().request('CheckCertificate', {}))).code).toBe('MissingAppKey');
    expect((await popFailure(client().request('CheckCertificate', { AppKey: 'abc' }))).code).toBe('InvalidParameter');
    expect((await popFailure(client().request('CheckCertificate', { AppKey: '1.5' }, { method: 'POST' }))).code).toBe('InvalidParameter');
    expect((await popFailure(client().request('PushNoticeToAndroid', { AppKey: appKey }))).code).toBe('InvalidAction.NotFound');

    // An app of another project of the same organization: PermissionDenied. Of another
    // organization: not found, exactly like an AppKey nobody has (never reveal other tenants).
    const sibling = await t.otherTenant(true);
    const siblingApp = await api('POST', `/api/v1/projects/${sibling.projectId}/apps`, { appId: 'com.sibling.app', name: 'S', platforms: ['ios'] }, sibling.adminKey);
    const denied = await popFailure(client().request('CheckCertificate', { AppKey: siblingApp.appKey }));
    expect(denied.data).toMatchObject({ Code: 'PermissionDenied', Message: 'The specified AppKey is not authorized.' });
    const stranger = await t.otherTenant(false);
    const strangerApp = await api('POST', `/api/v1/projects/${stranger.projectId}/apps`, { appId: 'com.stranger.app', name: 'X', platforms: ['ios'] }, stranger.adminKey);
    expect((await popFailure(client().request('CheckCertificate', { AppKey: strangerApp.appKey }))).code).toBe('InvalidAppKey.NotFound');

    // A revoked key stops at once.
    const extra = (await t.call('POST', `/api/v1/projects/${t.project.id}/access-keys`, { key: t.keys.admin, body: { name: 'short-lived', role: 'viewer' } })).json().result;
    expect((await client(extra).request('CheckCertificate', { AppKey: appKey })).IOS).toBe(true);
    expect((await t.call('DELETE', `/api/v1/projects/${t.project.id}/access-keys/${extra.accessKeyId}`, { key: t.keys.admin })).statusCode).toBe(200);
    expect((await popFailure(client(extra).request('CheckCertificate', { AppKey: appKey }))).code).toBe('InvalidAccessKeyId.NotFound');
  });

  it('a disabled organization: AccountDisabled on the signed API, 403 organization_disabled on the native one, until it is enabled', async () => {
    const other = await t.otherTenant(false);
    const otherApp = await api('POST', `/api/v1/projects/${other.projectId}/apps`, { appId: 'com.disabled.app', name: 'D', platforms: ['ios'] }, other.adminKey);
    const otherKey = (await t.call('POST', `/api/v1/projects/${other.projectId}/access-keys`, { key: other.adminKey, body: { name: 'monitor', role: 'viewer' } })).json().result;
    expect((await client(otherKey).request('CheckCertificate', { AppKey: otherApp.appKey })).IOS).toBe(true);
    const orgId = (await t.call('GET', `/api/v1/projects/${other.projectId}`, { key: other.adminKey })).json().result.organizationId;

    // Only a superuser may disable; the organization's own admin may not.
    expect((await t.call('PATCH', `/api/v1/organizations/${orgId}`, { key: other.adminKey, body: { disabled: true } })).statusCode).toBe(403);
    const disabled = await t.call('PATCH', `/api/v1/organizations/${orgId}`, { body: { disabled: true } });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect(disabled.json().result).toMatchObject({ id: orgId, disabled: true });

    const refused = await popFailure(client(otherKey).request('CheckCertificate', { AppKey: otherApp.appKey }));
    expect(refused.data).toMatchObject({ Code: 'AccountDisabled', Message: popErrors.AccountDisabled.message });
    // Once the signature holds, the disabled organization is told before the action or the AppKey is looked at…
    for (const [action, params] of [['CheckCertificate', {}], ['CheckCertificate', { AppKey: 'abc' }], ['CheckCertificate', { AppKey: 99999999 }], ['PushNoticeToiOS', { AppKey: otherApp.appKey }]] as const) {
      expect((await popFailure(client(otherKey).request(action, params))).code, `${action} ${JSON.stringify(params)}`).toBe('AccountDisabled');
    }
    // …and not before: a wrong secret is still only a wrong signature.
    expect((await popFailure(client({ ...otherKey, accessKeySecret: 'wrong' }).request('CheckCertificate', { AppKey: otherApp.appKey }))).code).toBe('SignatureDoesNotMatch');
    const native = await t.call('GET', `/api/v1/projects/${other.projectId}/apps`, { key: other.adminKey });
    expect(native.statusCode).toBe(403);
    expect(native.json().code).toBe('organization_disabled');
    // Other organizations are untouched.
    expect((await client().request('CheckCertificate', { AppKey: appKey })).IOS).toBe(true);

    expect((await t.call('PATCH', `/api/v1/organizations/${orgId}`, { body: { disabled: false } })).json().result.disabled).toBe(false);
    expect((await client(otherKey).request('CheckCertificate', { AppKey: otherApp.appKey })).IOS).toBe(true);
    expect((await t.call('GET', `/api/v1/projects/${other.projectId}/apps`, { key: other.adminKey })).statusCode).toBe(200);
    const listed = (await t.call('GET', `/api/v1/organizations?pageSize=100`)).json().result.find((o: { id: string }) => o.id === orgId);
    expect(listed.disabled).toBe(false);
  });

  it('answers an unexpected failure as InternalError 500 without details; / without Action is not an API call', async () => {
    const apps = t.services.store.apps;
    const original = apps.findByAppKey.bind(apps);
    apps.findByAppKey = async () => {
      throw new Error('database exploded at /secret/path.ts:42');
    };
    try {
      const body = expectPopError(await send(signed()), 500, 'InternalError');
      expect(body.Message).toBe(popErrors.InternalError.message);
    } finally {
      apps.findByAppKey = original;
    }
    const root = await fetch(`${endpoint}/`);
    expect(root.status).toBe(404);
    expect((await root.json()).code).toBe('route_not_found');
  });

  it('access keys: admin creates (secret shown once, sealed at rest), lists without secrets, revokes; audited', async () => {
    const base = `/api/v1/projects/${t.project.id}/access-keys`;
    const res = await t.call('POST', base, { key: t.keys.admin, body: { name: ' ci ', role: 'editor' } });
    expect(res.statusCode, res.body).toBe(200);
    const created = res.json().result;
    expect(Object.keys(created)).toEqual(['accessKeyId', 'accessKeySecret', 'name', 'role']);
    expect(created).toMatchObject({ name: 'ci', role: 'editor' });
    expect(created.accessKeyId).toMatch(/^LTAI[A-Za-z0-9]{20}$/);
    expect(created.accessKeySecret).toMatch(/^[A-Za-z0-9]{30}$/);

    const list = await t.call('GET', base, { key: t.keys.admin });
    expect(list.body).not.toContain(created.accessKeySecret);
    expect(list.json().result.find((k: { accessKeyId: string }) => k.accessKeyId === created.accessKeyId)).toEqual({
      accessKeyId: created.accessKeyId,
      name: 'ci',
      role: 'editor',
      createdAt: NOW.toISOString(),
      revokedAt: null,
    });
    // Sealed with the master key, bound to the key id.
    const stored = await t.services.store.accessKeys.find(created.accessKeyId);
    expect(stored!.sealedSecret.toString('latin1')).not.toContain(created.accessKeySecret);
    expect(t.services.box.open(stored!.sealedSecret, sealedSecretAad.accessKeySecret(created.accessKeyId)).toString()).toBe(created.accessKeySecret);
    expect(() => t.services.box.open(stored!.sealedSecret, sealedSecretAad.accessKeySecret(key.accessKeyId))).toThrow();

    expect((await t.call('POST', base, { key: t.keys.editor, body: { name: 'x', role: 'viewer' } })).statusCode).toBe(403);
    expect((await t.call('GET', base, { key: t.keys.viewer })).statusCode).toBe(403);
    expect((await t.call('POST', base, { key: t.keys.admin, body: { name: 'x', role: 'root' } })).json().code).toBe('validation_failed');
    const stranger = await t.otherTenant();
    expect((await t.call('DELETE', `/api/v1/projects/${stranger.projectId}/access-keys/${created.accessKeyId}`, { key: stranger.adminKey })).json().code).toBe('access_key_not_found');
    expect((await t.call('DELETE', `${base}/LTAI00000000000000000000`, { key: t.keys.admin })).json().code).toBe('access_key_not_found');

    const revoked = await t.call('DELETE', `${base}/${created.accessKeyId}`, { key: t.keys.admin });
    expect(revoked.json().result).toMatchObject({ accessKeyId: created.accessKeyId, revokedAt: NOW.toISOString() });
    expect((await t.call('DELETE', `${base}/${created.accessKeyId}`, { key: t.keys.admin })).json().result.revokedAt).toBe(NOW.toISOString());

    const events = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=access_key.created`, { key: t.keys.viewer })).json();
    expect(events.result.some((e: { objectId: string; data: object }) => e.objectId === created.accessKeyId)).toBe(true);
    expect(JSON.stringify(events)).not.toContain(created.accessKeySecret);
    const revokedEvents = (await t.call('GET', `/api/v1/projects/${t.project.id}/events?type=access_key.revoked`, { key: t.keys.viewer })).json();
    expect(revokedEvents.result.filter((e: { objectId: string }) => e.objectId === created.accessKeyId)).toHaveLength(1);
  });
});

describe.each(dialects)('signature nonces on %s (shared by every server of one database)', (dialect) => {
  it('access keys: insert, find with the sealed secret (bytes intact), list, revoke once, reseal', async () => {
    const store = await createTestStore(dialect);
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      const orgId = randomUUID();
      const projectId = randomUUID();
      await store.organizations.insert({ id: orgId, name: 'o', createdAt: now });
      await store.projects.insert({ id: projectId, organizationId: orgId, name: 'p', createdAt: now });
      const record = { accessKeyId: 'LTAIabcdefghijklmnopqrst', projectId, organizationId: orgId, name: 'k', role: 'editor' as const, createdAt: now, revokedAt: null };
      const sealed = Buffer.from([0, 1, 2, 255, 254, 0, 7]);
      await store.accessKeys.insert(record, sealed);
      expect(await store.accessKeys.find(record.accessKeyId)).toEqual({ key: record, sealedSecret: sealed });
      expect(await store.accessKeys.find('LTAInope')).toBeUndefined();
      expect(await store.accessKeys.listForProject(projectId)).toEqual([record]);
      await store.accessKeys.revoke(record.accessKeyId, now);
      await store.accessKeys.revoke(record.accessKeyId, new Date(now.getTime() + 1000));
      expect((await store.accessKeys.find(record.accessKeyId))!.key.revokedAt).toEqual(now);
      await store.accessKeys.updateSealedSecret(record.accessKeyId, Buffer.from('new'));
      expect(await store.accessKeys.listSealedSecrets()).toEqual([{ accessKeyId: record.accessKeyId, sealedSecret: Buffer.from('new') }]);
    } finally {
      await store.close();
    }
  });

  it('are used once per access key until they expire; expired ones are taken over and pruned', async () => {
    const store = await createTestStore(dialect);
    try {
      const now = new Date('2026-06-01T00:00:00Z');
      const until = new Date(now.getTime() + 20 * 60_000);
      expect(await store.accessKeys.useNonce('LTAIa', 'n1', until, now)).toBe(true);
      expect(await store.accessKeys.useNonce('LTAIa', 'n1', until, now)).toBe(false);
      expect(await store.accessKeys.useNonce('LTAIb', 'n1', until, now)).toBe(true);
      // Concurrent uses of one nonce: exactly one wins.
      const results = await Promise.all(Array.from({ length: 8 }, () => store.accessKeys.useNonce('LTAIa', 'race', until, now)));
      expect(results.filter(Boolean)).toHaveLength(1);
      // After its expiry the row no longer blocks (the request would be stale anyway) and is pruned.
      const after = new Date(until.getTime() + 1);
      expect(await store.accessKeys.useNonce('LTAIa', 'n1', new Date(after.getTime() + 20 * 60_000), after)).toBe(true);
      expect(await store.accessKeys.useNonce('LTAIa', 'n1', new Date(after.getTime() + 20 * 60_000), after)).toBe(false);
      expect(await store.accessKeys.pruneNonces(after)).toBe(2); // LTAIb/n1 and LTAIa/race
      expect(await store.accessKeys.useNonce('LTAIa', 'race', until, now)).toBe(true);
    } finally {
      await store.close();
    }
  });
});

describe('CheckCertificate error codes are documented in docs/compat-errors.md', () => {
  const doc = readFileSync(new URL('../../../docs/compat-errors.md', import.meta.url), 'utf8');
  const start = doc.indexOf('## Alibaba Cloud Mobile Push');
  const next = doc.indexOf('\n## ', start + 1);
  const section = doc.slice(start, next < 0 ? undefined : next);
  const documented = new Map([...section.matchAll(/^\| `([^`]+)` \| (\d{3}) \|/gm)].map((m) => [m[1], Number(m[2])]));
  it('has a section', () => expect(start).toBeGreaterThanOrEqual(0));
  it.each(popErrorCodes.map((c) => [c]))('%s is documented with its HTTP status', (code) => {
    expect(documented.get(code)).toBe(popErrors[code].status);
  });
  it('documents no other code, and keeps the vendor’s own messages', () => {
    expect([...documented.keys()].sort()).toEqual([...popErrorCodes].sort());
    expect(popErrors['InvalidAppKey.NotFound'].message).toBe('The specified AppKey is not found.');
    expect(popErrors.PermissionDenied.message).toBe('The specified AppKey is not authorized.');
    expect(popErrors.AccountDisabled.message).toBe('Your account is not enabled.');
    expect(popErrors.InternalError).toEqual({ status: 500, message: 'The request processing has failed due to some unknown error. Please try again. If the error still exists, submit a ticket.' });
  });
});
