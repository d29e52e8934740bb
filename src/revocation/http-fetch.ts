/**
 * Plain-HTTP fetches for revocation sources. OCSP (RFC 6960 App. A) and CRL distribution points
 * (RFC 5280 §4.2.1.13) use http: the answers are signed, and https would need revocation
 * checks of its own. Each fetch has a total timeout and a size cap (a CRL can be large).
 *
 * Not yet done: refusing link-local and cloud-metadata addresses (the URLs come from
 * certificates, which anyone can import); that belongs with the endpoint prober's allow/deny
 * list (issue 5 §3).
 */
import http from 'node:http';
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

/** Fetches over http://; throws (with a message that does not repeat the URL) RevocationSourceError on any failure (unreachable, status ≠ 200, too large, timeout). */
export const httpFetch: RevocationFetch = (request, limits) =>
  new Promise<Buffer>((resolve, reject) => {
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
    const fail = (message: string, cause?: unknown) => reject(new RevocationSourceError(message, { cause }));
    const headers: Record<string, string> = {};
    if (request.contentType) headers['content-type'] = request.contentType;
    if (request.accept) headers.accept = request.accept;
    if (request.body) headers['content-length'] = String(request.body.length);
    const req = http.request(url, { method: request.method ?? 'GET', headers, agent: false }, (res) => {
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
    req.on('error', (err) => fail(`unreachable (${(err as NodeJS.ErrnoException).code ?? err.message})`, err));
    req.end(request.body);
  });
