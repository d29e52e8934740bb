/**
 * Plain-HTTP fetches for revocation sources. OCSP (RFC 6960 App. A) and CRL distribution points
 * (RFC 5280 §4.2.1.13) use http: the answers are signed, and https would need revocation
 * checks of its own. Each fetch has a total timeout and a size cap (a CRL can be large).
 *
 * The URLs come from certificates, which anyone with editor rights can import: every fetch goes
 * through the outbound AddressPolicy, so a responder "at" a cloud metadata address is refused
 * before any connection, and a name is checked at connect time.
 */
import http from 'node:http';
import { AddressPolicy, isOutboundRefusal } from '../net/address-policy.js';
import { RevocationSourceError } from './revocation-answer.js';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
}

export interface FetchRequest {
  url: string;
  method?: 'GET' | 'POST';
  body?: Buffer;
  contentType?: string;
  accept?: string;
}

/** A function that fetches a revocation source; injectable for tests. */
export type RevocationFetch = (request: FetchRequest, limits: FetchLimits) => Promise<Buffer>;

/**
 * Fetches over http:// what `policy` lets through; rejects (with a message that does not repeat
 * the URL) with RevocationSourceError on any failure: refused by the policy (no connection is
 * made), unreachable, status ≠ 200, too large, timeout.
 */
export function createHttpFetch(policy: AddressPolicy): RevocationFetch {
  return (request, limits) => fetchThrough(policy, request, limits);
}

/** createHttpFetch with the built-in rules only (no CERTKEEPER_OUTBOUND_ALLOW / _DENY): for tools and tests. */
export const httpFetch: RevocationFetch = createHttpFetch(new AddressPolicy());

function fetchThrough(policy: AddressPolicy, request: FetchRequest, limits: FetchLimits): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      reject(new RevocationSourceError(`"${request.url}" is not a URL`));
      return;
    }
    if (url.protocol !== 'http:') {
      reject(new RevocationSourceError('only http:// revocation sources are fetched (RFC 6960, RFC 5280)'));
      return;
    }
    // IP literals never reach `lookup`: refuse them here; names are checked by `lookup` when connecting.
    const refusal = policy.refusalOfHost(url.hostname);
    if (refusal) {
      reject(new RevocationSourceError(refusal));
      return;
    }
    const fail = (message: string, cause?: unknown) => reject(new RevocationSourceError(message, { cause }));
    const headers: Record<string, string> = {};
    if (request.contentType) headers['content-type'] = request.contentType;
    if (request.accept) headers.accept = request.accept;
    if (request.body) headers['content-length'] = String(request.body.length);
    const req = http.request(url, { method: request.method ?? 'GET', headers, agent: false, lookup: policy.lookup }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        fail(`HTTP ${res.statusCode}`);
        return;
      }
      const declared = Number(res.headers['content-length'] ?? NaN);
      if (declared > limits.maxBytes) {
        req.destroy();
        fail(`the response (${declared} bytes) exceeds the ${limits.maxBytes}-byte limit`);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          req.destroy();
          fail(`the response exceeds the ${limits.maxBytes}-byte limit`);
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve(Buffer.concat(chunks)));
      res.on('error', (err) => fail(err.message, err));
    });
    const timer = setTimeout(() => {
      req.destroy();
      fail(`no complete answer within ${limits.timeoutMs} ms`);
    }, limits.timeoutMs);
    req.on('close', () => clearTimeout(timer));
    req.on('error', (err) => (isOutboundRefusal(err) ? fail(err.message, err) : fail(`unreachable (${(err as NodeJS.ErrnoException).code ?? err.message})`, err)));
    req.end(request.body);
  });
}
