import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePopParameters, signPopParameters } from '../../src/compat/alibaba-mpush/pop-signature.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

/**
 * What the compatible APIs refuse in their inputs, on both databases, each in its own error
 * shape (docs/compat-errors.md): one representative request per API and input kind.
 */
describe.each(dialects)('input rules of the compatible APIs on %s', (dialect) => {
  let t: TestApp;
  let serviceId: number;
  let appKey: number;
  let accessKey: { accessKeyId: string; accessKeySecret: string };

  beforeAll(async () => {
    t = await createTestApp({ dialect });
    const p = `/api/v1/projects/${t.project.id}`;
    const ok = async (method: string, url: string, body: unknown) => {
      const res = await t.call(method, url, { body });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().result;
    };
    serviceId = (await ok('POST', `${p}/services`, { name: 'web' })).id;
    await ok('POST', `${p}/services/${serviceId}/domains`, { domain: 'www.example.com' });
    appKey = (await ok('POST', `${p}/apps`, { appId: 'com.example.shop', name: 'Shop', platforms: ['ios'] })).appKey;
    accessKey = await ok('POST', `${p}/access-keys`, { name: 'monitor', role: 'viewer' });
  });
  afterAll(async () => t?.close());

  /** A CheckCertificate request signed as the Alibaba Cloud SDKs sign it, with `over` among its parameters. */
  const popQuery = (over: Record<string, string>) =>
    encodePopParameters(
      signPopParameters(
        'GET',
        {
          Action: 'CheckCertificate',
          AppKey: String(appKey),
          Format: 'JSON',
          Version: '2016-08-01',
          AccessKeyId: accessKey.accessKeyId,
          SignatureMethod: 'HMAC-SHA1',
          SignatureVersion: '1.0',
          SignatureNonce: randomUUID(),
          Timestamp: t.clock.now().toISOString().replace(/\.\d{3}Z$/, 'Z'),
          ...over,
        },
        accessKey.accessKeySecret,
      ),
    );

  describe('control characters', () => {
    // [what, url, the error body (its code field)]; every request carries a viewer key both ways.
    const rows: Array<[string, () => string, Record<string, string>]> = [
      ['WAAP domain query', () => `/waap/v1.0/services/${serviceId}/certificates?domain=www%00.example.com`, { code: 'Domain.Invalid' }],
      ['WAAP domain query, C1', () => `/waap/v1.0/services/${serviceId}/certificates?domain=www.example.com%C2%85`, { code: 'Domain.Invalid' }],
      ['SCM certificate id', () => '/v3/scm/certificates/0123456789abcde%00', { error_code: 'SCM.0400' }],
      ['Volt MX appId query (native envelope)', () => '/api/v1/applications/certexpirydetails?appId=com.example%00', { code: 'validation_failed' }],
      ['Alibaba SignatureNonce, signed', () => `/?${popQuery({ SignatureNonce: 'nonce\u0000' })}`, { Code: 'InvalidParameter' }],
      ['Alibaba AppKey, signed', () => `/?${popQuery({ AppKey: `${appKey}\u0000` })}`, { Code: 'InvalidParameter' }],
      ['Alibaba parameter name, signed', () => `/?${popQuery({ 'X\u0001': '1' })}`, { Code: 'InvalidParameter' }],
    ];
    it.each(rows)('%s', async (_what, url, body) => {
      const res = await t.app.inject({ method: 'GET', url: url(), headers: { authorization: `Bearer ${t.keys.viewer}`, 'x-auth-token': t.keys.viewer } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject(body);
    });
  });
  describe('integers are plain decimal digits', () => {
    // [what, url, the error body]
    const rows: Array<[string, () => string, Record<string, string>]> = [
      ['WAAP serviceId in hexadecimal', () => `/waap/v1.0/services/0x${serviceId.toString(16)}/certificates?domain=www.example.com`, { code: 'ServiceId.Invalid' }],
      ['WAAP serviceId with a plus sign', () => `/waap/v1.0/services/+${serviceId}/certificates?domain=www.example.com`, { code: 'ServiceId.Invalid' }],
      ['WAAP serviceId with a fraction', () => `/waap/v1.0/services/${serviceId}.0/certificates?domain=www.example.com`, { code: 'ServiceId.Invalid' }],
      ['WAAP serviceId in exponent form', () => `/waap/v1.0/services/${serviceId}e0/certificates?domain=www.example.com`, { code: 'ServiceId.Invalid' }],
      ['Alibaba AppKey in hexadecimal, signed', () => `/?${popQuery({ AppKey: `0x${appKey.toString(16)}` })}`, { Code: 'InvalidParameter' }],
      ['Alibaba AppKey with a space, signed', () => `/?${popQuery({ AppKey: ` ${appKey}` })}`, { Code: 'InvalidParameter' }],
      ['Alibaba AppKey in exponent form, signed', () => `/?${popQuery({ AppKey: `${appKey}e0` })}`, { Code: 'InvalidParameter' }],
    ];
    it.each(rows)('%s', async (_what, url, body) => {
      const res = await t.app.inject({ method: 'GET', url: url(), headers: { authorization: `Bearer ${t.keys.viewer}` } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject(body);
    });

    it('takes plain decimal ones', async () => {
      const waap = await t.app.inject({ method: 'GET', url: `/waap/v1.0/services/${serviceId}/certificates?domain=www.example.com`, headers: { authorization: `Bearer ${t.keys.viewer}` } });
      expect(waap.statusCode, waap.body).toBe(200);
      const pop = await t.app.inject({ method: 'GET', url: `/?${popQuery({})}` });
      expect(pop.statusCode, pop.body).toBe(200);
    });
  });
  describe('host names', () => {
    it.each([
      ['an empty label', 'www..example.com'],
      ['a leading hyphen', '-www.example.com'],
      ['an underscore', 'w_w.example.com'],
      ['a label over 63 characters', `${'w'.repeat(64)}.example.com`],
    ])('WAAP refuses a domain with %s as Domain.Invalid', async (_what, domain) => {
      const res = await t.app.inject({ method: 'GET', url: `/waap/v1.0/services/${serviceId}/certificates?domain=${encodeURIComponent(domain)}`, headers: { authorization: `Bearer ${t.keys.viewer}` } });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toEqual({ code: 'Domain.Invalid', message: 'Domain is empty or invalid.' });
    });
  });
});
