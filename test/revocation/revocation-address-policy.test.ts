import { EventEmitter } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AddressPolicy } from '../../src/net/address-policy.js';
import { OutboundHttp } from '../../src/net/outbound-http.js';
import { createHttpFetch } from '../../src/revocation/http-fetch.js';
import { RevocationSourceError } from '../../src/revocation/revocation-answer.js';
import { FakeClock } from '../support/fake-clock.js';
import { revocationExtensions } from '../support/ocsp-responder.js';
import { createTestCa, type TestCa, type TestCertificate } from '../support/test-ca.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { dialects } from '../support/test-store.js';

// Revocation URLs come from imported certificates: whoever imports one chooses where the server
// connects. These tests check that the outbound policy decides, before any connection.

let ca: TestCa;
let server: http.Server;
let connections = 0;
let port: number;
const leaves = {} as Record<'metadata' | 'metadataName' | 'mapped' | 'viaLocalhost', TestCertificate>;

beforeAll(async () => {
  ca = createTestCa({ name: 'revocation-policy' });
  // A loopback "responder" that only counts connections (and answers 404).
  server = http.createServer((_req, res) => res.writeHead(404).end());
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const issue = (name: string, urls: { ocsp?: string; crl?: string }) => ca.issue({ sans: [`${name}.policy.test`], extensions: revocationExtensions(urls) });
  leaves.metadata = issue('metadata', { ocsp: 'http://169.254.169.254/latest/meta-data/ocsp', crl: 'http://169.254.169.254/latest/meta-data/crl' });
  leaves.metadataName = issue('metadata-name', { crl: 'http://metadata.google.internal/computeMetadata/v1/crl' });
  leaves.mapped = issue('mapped', { ocsp: 'http://[::ffff:a9fe:a9fe]/ocsp' });
  leaves.viaLocalhost = issue('localhost', { ocsp: `http://localhost:${port}/ocsp` });
}, 60_000);

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe.each(dialects)('revocation sources through the outbound policy on %s', (dialect) => {
  let t: TestApp | undefined;
  afterEach(async () => {
    vi.restoreAllMocks();
    await t?.close();
    t = undefined;
  });

  /** Replaces http.request with a stub that records and fails: a refused source must never get this far, and nothing may leave this machine. */
  function stubRequests(): string[] {
    const urls: string[] = [];
    vi.spyOn(http, 'request').mockImplementation(((url: URL) => {
      urls.push(String(url));
      const req = Object.assign(new EventEmitter(), {
        end: () => process.nextTick(() => req.emit('error', Object.assign(new Error('stubbed: not sent'), { code: 'ESTUBBED' }))),
        destroy: () => undefined,
      });
      return req;
    }) as unknown as typeof http.request);
    return urls;
  }

  async function open(env?: Record<string, string>): Promise<TestApp> {
    t = await createTestApp({ dialect, clock: new FakeClock(new Date()), env });
    return t;
  }

  async function importLeaf(app: TestApp, cert: TestCertificate): Promise<number> {
    const res = await app.call('POST', `/api/v1/projects/${app.project.id}/certificates/import`, { key: app.keys.editor, body: { certificateBody: cert.certPem, certificateChain: ca.chainPem } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result.id as number;
  }

  async function checkNow(app: TestApp, id: number) {
    const res = await app.call('POST', `/api/v1/projects/${app.project.id}/certificates/${id}/revocation-check`, { key: app.keys.editor, body: {} });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().result;
  }

  async function stored(app: TestApp, id: number) {
    return (await app.call('GET', `/api/v1/projects/${app.project.id}/certificates/${id}/revocation`, { key: app.keys.viewer })).json().result;
  }

  describe('OCSP and CRL fetches through the outbound policy', () => {
    it('does not fetch an AIA OCSP URL or CRL distribution point at 169.254.169.254: the stored outcome says why, the certificate is unchanged', async () => {
      const app = await open();
      const requested = stubRequests();
      const id = await importLeaf(app, leaves.metadata);
      const finding = await checkNow(app, id);
      expect(finding).toMatchObject({ method: null, status: 'unknown', changed: false, cached: false });
      expect(finding.error).toMatch(
        /^CRL http:\/\/169\.254\.169\.254\/latest\/meta-data\/crl: 169\.254\.169\.254 is refused: IPv4 link-local.*; add it to CERTKEEPER_OUTBOUND_ALLOW to allow it; OCSP http:\/\/169\.254\.169\.254\/latest\/meta-data\/ocsp: 169\.254\.169\.254 is refused: /,
      );
      expect(requested).toEqual([]);
      expect(await stored(app, id)).toMatchObject({ status: 'unknown', method: null, error: finding.error });
      const cert = (await app.call('GET', `/api/v1/projects/${app.project.id}/certificates/${id}`, { key: app.keys.viewer })).json().result;
      expect(cert.certificateStatus).toBe('Active');
    });

    it('refuses metadata host names and IPv4-mapped metadata addresses the same way, also in scheduled checks', async () => {
      const app = await open();
      const requested = stubRequests();
      const byName = await importLeaf(app, leaves.metadataName);
      const mapped = await importLeaf(app, leaves.mapped);
      expect(await app.services.revocation.checkDue(10)).toMatchObject({ checked: 2, failed: 2, revoked: 0 });
      expect(requested).toEqual([]);
      expect((await stored(app, byName)).error).toMatch(/^CRL http:\/\/metadata\.google\.internal\/computeMetadata\/v1\/crl: metadata\.google\.internal is refused: it names the Google Cloud metadata service; add it to CERTKEEPER_OUTBOUND_ALLOW/);
      expect((await stored(app, mapped)).error).toMatch(/^OCSP http:\/\/\[::ffff:a9fe:a9fe\]\/ocsp: ::ffff:a9fe:a9fe \(169\.254\.169\.254\) is refused: .*CERTKEEPER_OUTBOUND_ALLOW/);
    });

    it('refuses at connect time a responder name that resolves to an address in CERTKEEPER_OUTBOUND_DENY: no connection reaches it', async () => {
      // Control: with the default policy the same URL is fetched (the counting server answers 404).
      const open1 = await open();
      const before = connections;
      const reached = await checkNow(open1, await importLeaf(open1, leaves.viaLocalhost));
      expect(reached.error).toMatch(/: HTTP 404$/);
      expect(connections).toBe(before + 1);
      await open1.close();
      t = undefined;

      const app = await open({ CERTKEEPER_OUTBOUND_DENY: '127.0.0.0/8' });
      const id = await importLeaf(app, leaves.viaLocalhost);
      const refused = await checkNow(app, id);
      expect(refused).toMatchObject({ status: 'unknown', method: null });
      expect(refused.error).toBe(`OCSP http://localhost:${port}/ocsp: localhost resolves to 127.0.0.1 is refused: it is in CERTKEEPER_OUTBOUND_DENY`);
      expect(connections).toBe(before + 1);
      expect((await stored(app, id)).error).toBe(refused.error);
    });

    it('fetches what CERTKEEPER_OUTBOUND_ALLOW lists (the request is stubbed here), keeping the size and time limits', async () => {
      const requested = stubRequests();
      const fetch = createHttpFetch(new OutboundHttp(new AddressPolicy({ allow: ['169.254.169.254'] })));
      const error = await fetch({ url: 'http://169.254.169.254/crl' }, { timeoutMs: 5000, maxBytes: 1024 }).catch((err: unknown) => err);
      expect(error).toBeInstanceOf(RevocationSourceError);
      expect((error as Error).message).toBe('unreachable (ESTUBBED)');
      expect(requested).toEqual(['http://169.254.169.254/crl']);
    });
  });
});
