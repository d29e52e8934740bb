import http, { type IncomingHttpHeaders } from 'node:http';
import https from 'node:https';
import { isOutboundRefusal, type AddressPolicy } from './address-policy.js';

export interface OutboundRequest {
  url: URL;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** From the start to the response's last byte: a peer that trickles bytes is cut off too, not only a silent one. */
  timeoutMs: number;
  /** The most of the response body read. */
  maxBytes: number;
  /** Past `maxBytes`: `fail` answers too_large; `truncate` answers the first `maxBytes` and drops the connection. */
  overflow: 'fail' | 'truncate';
  /** Whether the body of a response with this status is wanted (default: always); if not, it is answered empty, unread. */
  readBody?: (status: number) => boolean;
}

export type OutboundAnswer =
  | { kind: 'response'; status: number; headers: IncomingHttpHeaders; body: Buffer; truncated: boolean }
  /** The policy refused the destination (an IP literal or a name, or an address the name resolved to): no connection was made. */
  | { kind: 'refused'; message: string }
  /** No response: the name did not resolve, the connection or TLS failed, the peer hung up. */
  | { kind: 'unreachable'; error: NodeJS.ErrnoException }
  /** The response started (`status`), then the connection broke. */
  | { kind: 'interrupted'; status: number; error: NodeJS.ErrnoException }
  | { kind: 'timeout'; timeoutMs: number }
  /** The body is over `maxBytes` (`overflow: 'fail'`); `declaredBytes` when its content-length said so before any was read. */
  | { kind: 'too_large'; status: number; maxBytes: number; declaredBytes: number | null };

/**
 * Outbound HTTP(S) requests to destinations the AddressPolicy lets through: webhooks and chat
 * channels, OCSP responders and CRL distribution points. Their URLs come from users (a channel's
 * config, an imported certificate), so the policy decides before any connection: an IP literal
 * is checked here (literals never reach `lookup`), a name through the request's `lookup`, which
 * checks every address it resolves to and connects only to those. Redirects are never followed
 * (a 3xx is answered as it is: the policy checked this URL, not the next). Every request has a
 * total timeout and a cap on what is read, and never reuses a connection.
 */
export class OutboundHttp {
  constructor(readonly policy: AddressPolicy) {}

  /** Never rejects for a failure of the destination: the answer says what happened. */
  request(request: OutboundRequest): Promise<OutboundAnswer> {
    return new Promise((resolve) => {
      const { url, maxBytes } = request;
      const refusal = this.policy.refusalOfHost(url.hostname);
      if (refusal) return resolve({ kind: 'refused', message: refusal });
      let settled = false;
      const finish = (answer: OutboundAnswer) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        // A no-op once the response has ended; otherwise nothing more is sent or read.
        req.destroy();
        resolve(answer);
      };
      const headers: Record<string, string> = { 'user-agent': 'certkeeper', ...request.headers };
      if (request.body !== undefined) headers['content-length'] = String(Buffer.byteLength(request.body));
      const req = (url.protocol === 'https:' ? https : http).request(url, { method: request.method, headers, lookup: this.policy.lookup, agent: false }, (res) => {
        const status = res.statusCode ?? 0;
        const answer = (body: Buffer, truncated: boolean) => finish({ kind: 'response', status, headers: res.headers, body, truncated });
        if (request.readBody && !request.readBody(status)) return answer(Buffer.alloc(0), false);
        const declared = Number(res.headers['content-length'] ?? NaN);
        if (request.overflow === 'fail' && declared > maxBytes) return finish({ kind: 'too_large', status, maxBytes, declaredBytes: declared });
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          if (size + chunk.length > maxBytes) {
            if (request.overflow === 'fail') return finish({ kind: 'too_large', status, maxBytes, declaredBytes: null });
            chunks.push(chunk.subarray(0, maxBytes - size));
            return answer(Buffer.concat(chunks), true);
          }
          size += chunk.length;
          chunks.push(chunk);
        });
        res.on('end', () => answer(Buffer.concat(chunks), false));
        res.on('error', (error) => finish({ kind: 'interrupted', status, error }));
      });
      const timer = setTimeout(() => finish({ kind: 'timeout', timeoutMs: request.timeoutMs }), request.timeoutMs);
      req.on('error', (error) => finish(isOutboundRefusal(error) ? { kind: 'refused', message: error.message } : { kind: 'unreachable', error }));
      req.end(request.body);
    });
  }
}
