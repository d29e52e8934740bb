import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

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
      dialect,
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
  describe('integers in the path and the query are plain decimal digits', () => {
    let id: number;
    beforeAll(async () => {
      const imported = await t.call('POST', `${p}/certificates/import`, { body: { certificateBody: aCertificate({ commonName: 'ids.example.com' }).certPem } });
      expect(imported.statusCode, imported.body).toBe(200);
      id = imported.json().result.id;
    });

    // [what, path under the project with {id}, where the message points]
    const rows: Array<[string, string, string]> = [
      ['hexadecimal id', 'certificates/0x{hex}', 'params/id'],
      ['id with a leading space', 'certificates/%20{id}', 'params/id'],
      ['id with a trailing space', 'certificates/{id}%20', 'params/id'],
      ['id in exponent form', 'certificates/{id}e0', 'params/id'],
      ['id with a fraction', 'certificates/{id}.0', 'params/id'],
      ['id with a plus sign', 'certificates/+{id}', 'params/id'],
      ['binary id', 'certificates/0b1', 'params/id'],
      ['negative id', 'certificates/-1', 'params/id'],
      ['versions of a hexadecimal id', 'certificates/0x{hex}/versions', 'params/id'],
      ['service id with a fraction', 'services/{service}.0', 'params/serviceId'],
      ['endpoint id in exponent form', 'endpoints/1e0', 'params/endpointId'],
      ['pageIndex in hexadecimal', 'certificates?pageIndex=0x1', 'querystring/pageIndex'],
      ['pageSize in exponent form', 'certificates?pageSize=1e1', 'querystring/pageSize'],
      ['pageSize with a leading space', 'certificates?pageSize=%2010', 'querystring/pageSize'],
      ['pageSize with a fraction', 'services?pageSize=10.0', 'querystring/pageSize'],
      ['expiringWithinDays with a plus sign', 'certificates?expiringWithinDays=+30', 'querystring/expiringWithinDays'],
      ['pageIndex empty', 'events?pageIndex=', 'querystring/pageIndex'],
    ];
    it.each(rows)('%s', async (_what, path, where) => {
      const url = `${p}/${path.replaceAll('{id}', String(id)).replaceAll('{hex}', id.toString(16)).replaceAll('{service}', String(serviceId))}`;
      await refused('GET', url, undefined, 'validation_failed', new RegExp(`^${where.replaceAll('/', '\\/')} must be an integer written in decimal digits only \\(0-9\\)$`));
    });

    it.each([
      ['a zero id', 'certificates/0', /params\/id must be >= 1/],
      ['an id past int32', 'certificates/2147483648', /params\/id must be <= 2147483647/],
      ['a page size past 500', 'certificates?pageSize=501', /querystring\/pageSize must be <= 500/],
    ])('refuses %s by its range', async (_what, path, message) => {
      await refused('GET', `${p}/${path}`, undefined, 'validation_failed', message);
    });

    it('takes plain decimal ids and paging, leading zeros included', async () => {
      for (const url of [`${p}/certificates/${id}`, `${p}/certificates/00${id}`, `${p}/certificates?pageIndex=1&pageSize=10&expiringWithinDays=36500`, `${p}/services/${serviceId}`]) {
        const res = await t.call('GET', url);
        expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      }
      expect((await t.call('GET', `${p}/certificates/00${id}`)).json().result.id).toBe(id);
      expect((await t.call('GET', `${p}/certificates?pageIndex=2&pageSize=7`)).json().resultInfo).toMatchObject({ pageIndex: 2, pageSize: 7 });
    });
  });
  describe('date-times that do not exist', () => {
    // The push results of an app that does not exist: a time that parses gets as far as app_not_found.
    const pushResults = (body: unknown) => t.call('POST', `${p}/apps/com.example.none/push-results`, { body });
    it.each([
      ['February 30', '2026-02-30T12:00:00Z'],
      ['February 29 outside a leap year', '2026-02-29T12:00:00Z'],
      ['April 31', '2026-04-31T12:00:00Z'],
      ['month 13', '2026-13-01T12:00:00Z'],
      ['hour 24', '2026-06-01T24:00:00Z'],
      ['minute 60', '2026-06-01T12:60:00Z'],
      ['a leap second', '2026-06-30T23:59:60Z'],
      ['an offset of 24 hours', '2026-06-01T12:00:00+24:00'],
    ])('refuses %s in a push result', async (_what, at) => {
      await refused('POST', `${p}/apps/com.example.none/push-results`, { environment: 'production', outcome: 'rejected', tlsAlert: 44, at }, 'validation_failed', /^body\.at must be an ISO 8601 date-time with a time zone that exists/);
      const batch = { results: [{ environment: 'production', outcome: 'delivered' }, { environment: 'production', outcome: 'rejected', tlsAlert: 44, at }] };
      await refused('POST', `${p}/apps/com.example.none/push-results`, batch, 'validation_failed', /^results\[1\]\.at must be an ISO 8601/);
    });

    it('takes a leap day, an offset and a fraction', async () => {
      for (const at of ['2024-02-29T12:00:00Z', '2026-05-31T12:30:00-05:00', '2026-05-31T12:00:00.123456Z']) {
        const res = await pushResults({ environment: 'production', outcome: 'rejected', tlsAlert: 44, at });
        expect(res.statusCode, `${at}: ${res.body}`).toBe(404);
        expect(res.json().code).toBe('app_not_found');
      }
    });
  });
  describe('host names', () => {
    const TSIG = Buffer.alloc(32, 7).toString('base64');
    // [what, method, path under the project, body, code, the message]
    const rows: Array<[string, string, string, unknown, string, RegExp]> = [
      ['endpoint host with an empty label', 'POST', 'endpoints', { host: 'a..example.com', port: 443, protocol: 'tls' }, 'validation_failed', /^host "a\.\.example\.com" has an empty label/],
      ['endpoint host with a leading hyphen', 'POST', 'endpoints', { host: '-bad.example.com', port: 443, protocol: 'tls' }, 'validation_failed', /^host "-bad\.example\.com" has a label that starts or ends with a hyphen/],
      ['endpoint host with a label over 63', 'POST', 'endpoints', { host: `${'a'.repeat(64)}.example.com`, port: 443, protocol: 'tls' }, 'validation_failed', /label longer than 63/],
      ['endpoint host with a port', 'POST', 'endpoints', { host: 'example.com:443', port: 443, protocol: 'tls' }, 'validation_failed', /has ":"/],
      ['endpoint host, an IPv4 address in short form', 'POST', 'endpoints', { host: '127.1', port: 443, protocol: 'tls' }, 'validation_failed', /all-digit label/],
      ['endpoint server name with a trailing hyphen', 'POST', 'endpoints', { host: '127.0.0.1', port: 443, protocol: 'tls', serverName: 'bad-.example.com' }, 'validation_failed', /^serverName "bad-\.example\.com" has a label that starts or ends/],
      ['service domain with an empty label', 'POST', 'services/{service}/domains', { domain: 'a..example.com' }, 'validation_failed', /^domain "a\.\.example\.com" has an empty label/],
      ['service domain with an underscore', 'POST', 'services/{service}/domains', { domain: 'a_b.example.com' }, 'validation_failed', /underscores are not allowed/],
      ['service domain in a path with a leading hyphen', 'DELETE', 'services/{service}/domains/-bad.example.com', undefined, 'validation_failed', /^domain "-bad\.example\.com" has a label that starts or ends/],
      ['managed certificate name with an underscore', 'POST', 'certificates', { domainName: 'a_b.example.com' }, 'validation_failed', /^domain name "a_b\.example\.com" has "_"; underscores are not allowed/],
      ['managed certificate name with a hyphen-led top label', 'POST', 'certificates', { domainName: 'x.-bad' }, 'validation_failed', /starts or ends with a hyphen/],
      ['managed certificate name, an IP address', 'POST', 'certificates', { domainName: '192.0.2.1' }, 'validation_failed', /is an IP address/],
      ['managed certificate additional name with an empty label', 'POST', 'certificates', { domainName: 'ok.example.com', additionalDomainNames: ['a..example.com'] }, 'validation_failed', /^domain name "a\.\.example\.com" has an empty label/],
      ['managed certificate wildcard over one label', 'POST', 'certificates', { domainName: '*.com' }, 'validation_failed', /wildcard over a single label/],
      ['covers filter with an empty label', 'GET', 'certificates?covers=a..b', undefined, 'validation_failed', /^covers "a\.\.b" has an empty label/],
      ['covers filter with a leading hyphen', 'GET', 'certificates?covers=-bad.example.com', undefined, 'validation_failed', /^covers "-bad\.example\.com" has a label that starts/],
      ['DNS provider server with an empty label', 'PUT', 'settings', { dnsProvider: { type: 'rfc2136', server: 'ns..example.com', keyName: 'k', secret: TSIG } }, 'dns_provider_invalid', /provider: server "ns\.\.example\.com" has an empty label/],
    ];
    it.each(rows)('refuses %s', async (_what, method, path, body, code, message) => {
      await refused(method, `${p}/${path.replaceAll('{service}', String(serviceId))}`, body, code, message);
    });

    it('takes IP literals and internal names as endpoint hosts, and underscores in a covers filter', async () => {
      for (const [host, stored] of [['127.0.0.1', '127.0.0.1'], ['[::1]', '::1'], ['my_db', 'my_db'], ['Intranet.Example.', 'intranet.example']]) {
        const res = await t.call('POST', `${p}/endpoints`, { body: { host, port: 8443, protocol: 'tls' } });
        expect(res.statusCode, `${host}: ${res.body}`).toBe(200);
        expect(res.json().result.host).toBe(stored);
      }
      for (const covers of ['a_b.example.com', '10.0.0.1', 'localhost', 'Bücher.example']) {
        const res = await t.call('GET', `${p}/certificates?covers=${encodeURIComponent(covers)}`);
        expect(res.statusCode, `${covers}: ${res.body}`).toBe(200);
      }
    });
  });
});
