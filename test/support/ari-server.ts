/**
 * A loopback stand-in for a CA's ACME Renewal Information (RFC 9773), which Pebble 2.4 lacks:
 *
 *   const ari = await startAriServer();                  // or { baseDirectory: pebbleDirectory }
 *   ari.setRenewalInfo(certId, { start, end, explanationUrl, retryAfterSeconds: 3600 });
 *   new AcmeIssuer().renewalInfo({ directoryUrl: ari.directoryUrl, … }, certDer);
 *
 * It serves a directory that advertises `renewalInfo` (or not, with `renewalInfo: false`);
 * unknown certificate ids answer 404. Its own `newNonce` and `newOrder` let a test see what an
 * order request carried (the decoded JWS payload, e.g. RFC 9773 §5 `replaces`): the order is
 * recorded and refused with a problem document. Any other resource comes from `baseDirectory`.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';

export interface AriWindow {
  start: Date;
  end: Date;
  explanationUrl?: string;
  /** Sent as Retry-After, delay-seconds form. */
  retryAfterSeconds?: number;
  /** Sent as Retry-After, HTTP-date form (RFC 9110 §5.6.7). */
  retryAfterDate?: Date;
  /** Answer with this status and no body instead (e.g. 500). */
  status?: number;
  /** Answer with this JSON body verbatim instead. */
  rawBody?: unknown;
}

export interface AriServer {
  directoryUrl: string;
  /** null when started with `renewalInfo: false`. */
  renewalInfoUrl: string | null;
  setRenewalInfo(certId: string, window: AriWindow): void;
  /** Certificate ids asked for, in order. */
  readonly lookups: string[];
  /** Decoded JWS payloads of the newOrder requests received. */
  readonly orders: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

export interface AriServerOptions {
  /** Advertise renewalInfo in the directory. Default true. */
  renewalInfo?: boolean;
  /** Directory members to copy (e.g. Pebble's newAccount), overridden by this server's own. */
  baseDirectory?: Record<string, unknown>;
}

export async function startAriServer(options: AriServerOptions = {}): Promise<AriServer> {
  const windows = new Map<string, AriWindow>();
  const lookups: string[] = [];
  const orders: Array<Record<string, unknown>> = [];
  let base = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === '/dir') {
        json(200, {
          newAccount: `${base}/new-account`,
          ...options.baseDirectory,
          newNonce: `${base}/new-nonce`,
          newOrder: `${base}/new-order`,
          ...(options.renewalInfo === false ? {} : { renewalInfo: `${base}/renewal-info` }),
        });
        return;
      }
      if (url.pathname === '/new-nonce') {
        res.writeHead(req.method === 'HEAD' ? 200 : 204, { 'replay-nonce': randomBytes(16).toString('base64url'), 'cache-control': 'no-store' });
        res.end();
        return;
      }
      if (url.pathname === '/new-order' && req.method === 'POST') {
        const jws = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { payload: string };
        orders.push(JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as Record<string, unknown>);
        json(403, { type: 'urn:ietf:params:acme:error:unauthorized', detail: 'recorded by the test ARI server, not a CA' }, { 'replay-nonce': randomBytes(16).toString('base64url') });
        return;
      }
      const m = /^\/renewal-info\/([^/]+)$/.exec(url.pathname);
      if (m && req.method === 'GET' && options.renewalInfo !== false) {
        const id = decodeURIComponent(m[1]);
        lookups.push(id);
        const w = windows.get(id);
        if (!w) {
          json(404, { type: 'urn:ietf:params:acme:error:malformed', detail: 'unknown certificate id' });
          return;
        }
        if (w.status !== undefined) {
          res.writeHead(w.status);
          res.end();
          return;
        }
        const headers: Record<string, string> = {};
        if (w.retryAfterSeconds !== undefined) headers['retry-after'] = String(w.retryAfterSeconds);
        if (w.retryAfterDate !== undefined) headers['retry-after'] = w.retryAfterDate.toUTCString();
        // RFC 9773 §4.2: suggestedWindow {start, end} as RFC 3339, optional explanationURL.
        const body = w.rawBody ?? {
          suggestedWindow: { start: w.start.toISOString(), end: w.end.toISOString() },
          ...(w.explanationUrl ? { explanationURL: w.explanationUrl } : {}),
        };
        json(200, body, headers);
        return;
      }
      json(404, { type: 'about:blank', detail: `no ${req.method} ${url.pathname} here` });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  return {
    directoryUrl: `${base}/dir`,
    renewalInfoUrl: options.renewalInfo === false ? null : `${base}/renewal-info`,
    setRenewalInfo: (certId, window) => void windows.set(certId, window),
    lookups,
    orders,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
