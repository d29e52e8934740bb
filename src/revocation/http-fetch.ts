/**
 * Plain-HTTP fetches for revocation sources. OCSP (RFC 6960 App. A) and CRL distribution points
 * (RFC 5280 §4.2.1.13) use http: the answers are signed, and https would need revocation
 * checks of its own. Each fetch has a total timeout and a size cap (a CRL can be large).
 *
 * The URLs come from certificates, which anyone with editor rights can import: every fetch goes
 * through the outbound AddressPolicy, so a responder "at" a cloud metadata address is refused
 * before any connection, and a name is checked at connect time.
 */
import { AddressPolicy } from '../net/address-policy.js';
import { OutboundHttp } from '../net/outbound-http.js';
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
 * Fetches over http:// what the client's policy lets through; rejects (with a message that does
 * not repeat the URL) with RevocationSourceError on any failure: refused by the policy (no
 * connection is made), unreachable, status ≠ 200, too large, timeout.
 */
export function createHttpFetch(outbound: OutboundHttp): RevocationFetch {
  return (request, limits) => fetchThrough(outbound, request, limits);
}

/** createHttpFetch with the built-in rules only (no CERTKEEPER_OUTBOUND_ALLOW / _DENY): for tools and tests. */
export const httpFetch: RevocationFetch = createHttpFetch(new OutboundHttp(new AddressPolicy()));

async function fetchThrough(outbound: OutboundHttp, request: FetchRequest, limits: FetchLimits): Promise<Buffer> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new RevocationSourceError(`"${request.url}" is not a URL`);
  }
  if (url.protocol !== 'http:') throw new RevocationSourceError('only http:// revocation sources are fetched (RFC 6960, RFC 5280)');
  const headers: Record<string, string> = {};
  if (request.contentType) headers['content-type'] = request.contentType;
  if (request.accept) headers.accept = request.accept;
  const answer = await outbound.request({
    url,
    method: request.method ?? 'GET',
    headers,
    body: request.body,
    timeoutMs: limits.timeoutMs,
    maxBytes: limits.maxBytes,
    overflow: 'fail',
    readBody: (status) => status === 200,
  });
  switch (answer.kind) {
    case 'response':
      if (answer.status !== 200) throw new RevocationSourceError(`HTTP ${answer.status}`);
      return answer.body;
    case 'refused':
      throw new RevocationSourceError(answer.message);
    case 'unreachable':
      throw new RevocationSourceError(`unreachable (${answer.error.code ?? answer.error.message})`, { cause: answer.error });
    case 'interrupted':
      throw new RevocationSourceError(answer.error.message, { cause: answer.error });
    case 'timeout':
      throw new RevocationSourceError(`no complete answer within ${answer.timeoutMs} ms`);
    case 'too_large':
      throw new RevocationSourceError(
        answer.declaredBytes === null ? `the response exceeds the ${answer.maxBytes}-byte limit` : `the response (${answer.declaredBytes} bytes) exceeds the ${answer.maxBytes}-byte limit`,
      );
  }
}
