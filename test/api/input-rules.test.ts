import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { createTestStore, dialects } from '../support/test-store.js';

/**
 * What the native API refuses in any input, on both databases (PostgreSQL cannot store U+0000;
 * SQLite can, so the same request used to succeed on one and fail with a 500 on the other): one
 * representative request per route family and input kind.
 */
describe.each(dialects)('input rules of the native API on %s', (dialect) => {
  let t: TestApp;
  let p: string;
  let serviceId: number;

  beforeAll(async () => {
    t = await createTestApp({
      ...(dialect === 'sqlite' ? {} : { store: await createTestStore('postgres') }),
      // Email channels are configured (never sent to here).
      env: { CERTKEEPER_SMTP_URL: 'smtp://127.0.0.1:2525', CERTKEEPER_SMTP_FROM: 'certs@example.test' },
    });
    p = `/api/v1/projects/${t.project.id}`;
    const service = await t.call('POST', `${p}/services`, { body: { name: 'web' } });
    expect(service.statusCode, service.body).toBe(200);
    serviceId = service.json().result.id;
  });
  afterAll(async () => t?.close());

  const NUL = '\u0000';
  const refused = async (method: string, url: string, body: unknown, code: string, message: RegExp) => {
    const res = await t.call(method, url, { body });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(400);
    expect(res.json()).toMatchObject({ success: false, code, errors: [expect.stringMatching(message)] });
  };

  describe('control characters and unpaired surrogates in names, ids and filters', () => {
    // [what, method, url (under the project unless absolute), body, where the message points]
    const rows: Array<[string, string, string, unknown, string]> = [
      ['organization name', 'POST', '/api/v1/organizations', { name: `a${NUL}b` }, 'body/name'],
      ['organization name, a lone surrogate', 'POST', '/api/v1/organizations', { name: 'a\ud800b' }, 'body/name'],
      ['organization name, C1 NEL', 'POST', '/api/v1/organizations', { name: 'a\u0085b' }, 'body/name'],
      ['project name', 'POST', '/api/v1/projects', { organizationId: '{org}', name: `a${NUL}b` }, 'body/name'],
      ['API key name', 'POST', 'api-keys', { name: `a${NUL}b`, role: 'viewer' }, 'body/name'],
      ['events type filter', 'GET', 'events?type=a%00', undefined, 'querystring/type'],
      ['certificate search filter', 'GET', 'certificates?search=%00', undefined, 'querystring/search'],
      ['certificate search filter, C1', 'GET', 'certificates?search=%C2%9B', undefined, 'querystring/search'],
      ['certificate kind filter', 'GET', 'certificates?kind=tls%01', undefined, 'querystring/kind'],
      ['managed certificate name', 'POST', 'certificates', { domainName: `a${NUL}.example.com` }, 'body/domainName'],
      ['revocation reason', 'POST', 'certificates/1/revoke', { reason: `keyCompromise${NUL}` }, 'body/reason'],
      ['service name', 'POST', 'services', { name: `a${NUL}b` }, 'body/name'],
      ['service domain in a body', 'POST', 'services/{service}/domains', { domain: `a${NUL}.example.com` }, 'body/domain'],
      ['service domain in a path', 'DELETE', 'services/{service}/domains/a%00.example.com', undefined, 'params/domain'],
      ['app name', 'POST', 'apps', { appId: 'com.example.app', name: `a${NUL}b`, platforms: ['ios'] }, 'body/name'],
      ['app id in a path', 'GET', 'apps/com.example%00', undefined, 'params/appId'],
      ['notification channel name', 'POST', 'notification-channels', { name: `a${NUL}`, type: 'webhook', config: { url: 'https://hooks.example.com/x' } }, 'body/name'],
      ['notification channel id in a path', 'GET', 'notification-channels/a%00', undefined, 'params/channelId'],
      ['delivery log channel filter', 'GET', 'notifications?channelId=a%00', undefined, 'querystring/channelId'],
      ['endpoint host', 'POST', 'endpoints', { host: `a${NUL}.example.com`, port: 443, protocol: 'tls' }, 'body/host'],
      ['endpoint server name', 'POST', 'endpoints', { host: 'a.example.com', port: 443, protocol: 'tls', serverName: `b${NUL}` }, 'body/serverName'],
      ['access key name', 'POST', 'access-keys', { name: `a${NUL}`, role: 'viewer' }, 'body/name'],
      ['access key id in a path', 'DELETE', 'access-keys/LTAI%00', undefined, 'params/accessKeyId'],
      ['DNS provider server', 'PUT', 'settings', { dnsProvider: { type: 'rfc2136', server: `ns${NUL}`, keyName: 'k', secret: 'A'.repeat(24) } }, 'body/dnsProvider/server'],
      ['organization ACME contact', 'PUT', '/api/v1/organizations/{org}/settings', { acmeContactEmail: `a${NUL}@example.com` }, 'body/acmeContactEmail'],
      ['a PKCS#12 password', 'POST', 'certificates/import', { pkcs12: 'MIIB', password: `pw${NUL}` }, 'body/password'],
      ['a PEM body', 'POST', 'certificates/import', { certificateBody: `-----BEGIN CERTIFICATE-----\n${NUL}\n-----END CERTIFICATE-----\n` }, 'body/certificateBody'],
    ];
    it.each(rows)('%s', async (_what, method, path, body, where) => {
      const fill = (s: string) => s.replaceAll('{org}', t.org.id).replaceAll('{service}', String(serviceId));
      const url = path.startsWith('/') ? fill(path) : `${p}/${fill(path)}`;
      const filled = body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body)));
      await refused(method, url, filled, 'validation_failed', new RegExp(`^${where.replaceAll('/', '\\/')} must not contain control characters`));
    });

    it('keeps taking a PEM body with CRLF line ends, and names with any printable character', async () => {
      const pem = aCertificate({ commonName: 'crlf.example.com' }).certPem.replaceAll('\n', '\r\n');
      const imported = await t.call('POST', `${p}/certificates/import`, { body: { certificateBody: pem } });
      expect(imported.statusCode, imported.body).toBe(200);
      const named = await t.call('POST', `${p}/services`, { body: { name: 'Bücher – 証明書 🔐' } });
      expect(named.statusCode, named.body).toBe(200);
      expect(named.json().result.name).toBe('Bücher – 証明書 🔐');
      const events = await t.call('GET', `${p}/events?pageSize=100`);
      expect(events.statusCode).toBe(200);
      expect(() => JSON.parse(events.body)).not.toThrow();
    });

    it('refuses a control character in an email channel recipient with the channel config code', async () => {
      await refused('POST', `${p}/notification-channels`, { name: 'mail', type: 'email', config: { to: [`ops${NUL}@example.com`] } }, 'notification_config_invalid', /is not an email address/);
      await refused('POST', `${p}/notification-channels`, { name: 'mail', type: 'email', config: { to: ['ops\u0085@example.com'] } }, 'notification_config_invalid', /is not an email address/);
    });
  });
});
