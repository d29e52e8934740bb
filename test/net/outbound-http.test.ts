import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressPolicy } from '../../src/net/address-policy.js';
import { OutboundHttp } from '../../src/net/outbound-http.js';
import { postJson } from '../../src/notify/http-post.js';
import { createHttpFetch } from '../../src/revocation/http-fetch.js';
import { RevocationSourceError } from '../../src/revocation/revocation-answer.js';

// The one client under webhooks (postJson) and OCSP/CRL fetches, against a real loopback server.

let server: http.Server;
let port: number;
let connections = 0;
const seen: Array<{ path: string; userAgent: string | undefined }> = [];
const trickles = new Set<NodeJS.Timeout>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    seen.push({ path: req.url ?? '', userAgent: req.headers['user-agent'] });
    req.resume();
    switch (req.url) {
      case '/redirect':
        res.writeHead(302, { location: '/target' }).end('moved');
        return;
      case '/large-declared':
        res.writeHead(200, { 'content-length': String(100_000) }).end(Buffer.alloc(100_000, 'a'));
        return;
      case '/large-chunked':
        // No content-length: only counting what arrives finds it too large.
        res.writeHead(200);
        res.write(Buffer.alloc(60_000, 'b'));
        res.end(Buffer.alloc(60_000, 'b'));
        return;
      case '/trickle': {
        // One byte every 50 ms, never ending: no socket is ever idle long enough for an idle timeout.
        res.writeHead(200);
        const timer = setInterval(() => res.write('.'), 50);
        trickles.add(timer);
        res.on('close', () => {
          clearInterval(timer);
          trickles.delete(timer);
        });
        return;
      }
      default:
        res.writeHead(200).end('ok');
    }
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  for (const timer of trickles) clearInterval(timer);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const open = new OutboundHttp(new AddressPolicy());
const at = (path: string, host = '127.0.0.1') => `http://${host}:${port}${path}`;
const fetchError = (outbound: OutboundHttp, url: string, limits = { timeoutMs: 5000, maxBytes: 65536 }) =>
  createHttpFetch(outbound)({ url }, limits).then(
    () => {
      throw new Error('expected a RevocationSourceError');
    },
    (err: unknown) => {
      expect(err).toBeInstanceOf(RevocationSourceError);
      return (err as Error).message;
    },
  );

describe('the shared outbound HTTP client', () => {
  it('makes no connection to a refused address, an IP literal or a name resolving to it, for webhooks and revocation fetches alike', async () => {
    const deny = new OutboundHttp(new AddressPolicy({ deny: ['127.0.0.0/8'] }));
    const before = connections;
    for (const host of ['127.0.0.1', 'localhost']) {
      expect(await deny.request({ url: new URL(at('/x', host)), method: 'GET', timeoutMs: 5000, maxBytes: 1024, overflow: 'fail' })).toMatchObject({
        kind: 'refused',
        message: expect.stringMatching(/127\.0\.0\.1 is refused: it is in CERTKEEPER_OUTBOUND_DENY/),
      });
      expect(await postJson(new URL(at('/hook', host)), '{}', {}, deny, 5000)).toMatchObject({ ok: false, statusCode: null, error: expect.stringMatching(/CERTKEEPER_OUTBOUND_DENY/) });
      expect(await fetchError(deny, at('/crl', host))).toMatch(/127\.0\.0\.1 is refused: it is in CERTKEEPER_OUTBOUND_DENY$/);
    }
    expect(connections).toBe(before);
  });

  it('does not follow a redirect: the 3xx is the answer', async () => {
    const before = seen.length;
    expect(await open.request({ url: new URL(at('/redirect')), method: 'GET', timeoutMs: 5000, maxBytes: 1024, overflow: 'fail' })).toMatchObject({ kind: 'response', status: 302, headers: { location: '/target' } });
    expect(await postJson(new URL(at('/redirect')), '{}', {}, open, 5000)).toEqual({ ok: false, statusCode: 302, response: 'moved', error: 'the receiver answered HTTP 302' });
    expect(await fetchError(open, at('/redirect'))).toBe('HTTP 302');
    expect(seen.slice(before).map((s) => s.path)).toEqual(['/redirect', '/redirect', '/redirect']);
  });

  it('caps what it reads: a revocation fetch refuses a larger body (declared or counted), a webhook keeps only the start of its answer', async () => {
    expect(await fetchError(open, at('/large-declared'))).toBe('the response (100000 bytes) exceeds the 65536-byte limit');
    expect(await fetchError(open, at('/large-chunked'))).toBe('the response exceeds the 65536-byte limit');
    const truncated = await open.request({ url: new URL(at('/large-chunked')), method: 'GET', timeoutMs: 5000, maxBytes: 65536, overflow: 'truncate' });
    expect(truncated).toMatchObject({ kind: 'response', status: 200, truncated: true });
    expect(truncated.kind === 'response' && truncated.body.length).toBe(65536);
    expect(await postJson(new URL(at('/large-declared')), '{}', {}, open, 5000)).toEqual({ ok: true, statusCode: 200, response: 'a'.repeat(1000), error: null });
  });

  it('times out a response that never completes, although bytes keep arriving (a total timeout, not an idle one)', async () => {
    const started = Date.now();
    expect(await postJson(new URL(at('/trickle')), '{}', {}, open, 400)).toEqual({ ok: false, statusCode: null, response: null, error: 'ETIMEDOUT: no answer within 400 ms' });
    expect(await fetchError(open, at('/trickle'), { timeoutMs: 400, maxBytes: 65536 })).toBe('no complete answer within 400 ms');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('names itself certkeeper to every destination', async () => {
    const before = seen.length;
    await postJson(new URL(at('/hook')), '{}', {}, open, 5000);
    await createHttpFetch(open)({ url: at('/crl') }, { timeoutMs: 5000, maxBytes: 1024 });
    expect(seen.slice(before)).toEqual([
      { path: '/hook', userAgent: 'certkeeper' },
      { path: '/crl', userAgent: 'certkeeper' },
    ]);
  });
});
