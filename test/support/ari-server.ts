/**
 * A loopback stand-in for a CA's ACME Renewal Information (RFC 9773), which Pebble 2.4 lacks.
 *
 * 1. `startAriServer`: a plain HTTP server for the issuer's unit tests.
 *
 *   const ari = await startAriServer();                  // or { baseDirectory: pebbleDirectory }
 *   ari.setRenewalInfo(certId, { start, end, explanationUrl, retryAfterSeconds: 3600 });
 *   new AcmeIssuer().renewalInfo({ directoryUrl: ari.directoryUrl, … }, certDer);
 *
 * It serves a directory that advertises `renewalInfo` (or not, with `renewalInfo: false`);
 * unknown certificate ids answer 404. Its own `newNonce` and `newOrder` let a test see what an
 * order request carried (the decoded JWS payload, e.g. RFC 9773 §5 `replaces`): the order is
 * recorded and refused with a problem document. Any other resource comes from `baseDirectory`.
 *
 * 2. `startAriProxy`: Pebble with ARI, for end-to-end issuance and renewal.
 *
 *   const pebble = await startPebble();
 *   const ari = await startAriProxy({ upstreamDirectoryUrl: pebble.directoryUrl, upstreamCaPem: pebble.caPem });
 *   // trust pebble.caPem + ari.caPem, order from ari.directoryUrl
 *   ari.onRenewalInfo((certId, cert) => cert && { start: …, end: … });   // cert: as Pebble issued it
 *
 * An HTTPS reverse proxy in front of Pebble that forwards every request unchanged, Host header
 * included. Pebble builds every URL it hands out (directory, Location, Link) from the request's
 * Host, and checks each JWS's protected `url` (RFC 8555 §6.4) against that same Host and path,
 * so the client signs for the proxy's URLs and Pebble accepts them: nothing is re-signed. On the
 * way through it adds `renewalInfo` to the directory, answers `renewalInfo` lookups itself,
 * records the decoded payload of every newOrder request Pebble accepted (Pebble 2.4 ignores the
 * `replaces` member it does not know, as JSON decoding in Go does), and records every
 * certificate Pebble hands out (RFC 8555 §7.4.2) with its RFC 9773 id, computed here from
 * openssl's reading of the certificate, independently of certkeeper's code.
 */
import http from 'node:http';
import https from 'node:https';
import { X509Certificate, randomBytes } from 'node:crypto';
import { openssl, createTestCa } from './test-ca.js';

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
  /** Answer 200 with these bytes as the body (content-type application/json, need not be JSON) instead. */
  rawText?: string;
}

/** A certificate the CA handed out (seen by `startAriProxy`). */
export interface IssuedCertificate {
  /** RFC 9773 §4.1: base64url(AKI keyIdentifier) "." base64url(DER serial), computed with openssl. */
  certId: string;
  der: Buffer;
  /** Upper-case hex as openssl prints it (whole octets: an odd-length magnitude gets a leading 0). */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  dnsNames: string[];
}

/** Picks the answer for a lookup of an id not given to `setRenewalInfo`; undefined → 404. */
export type RenewalInfoResolver = (certId: string, cert: IssuedCertificate | undefined) => AriWindow | undefined;

export interface AriServer {
  directoryUrl: string;
  /** null when started with `renewalInfo: false`. */
  renewalInfoUrl: string | null;
  setRenewalInfo(certId: string, window: AriWindow): void;
  /** Answers lookups of ids not set with `setRenewalInfo` (replaces an earlier resolver). */
  onRenewalInfo(resolver: RenewalInfoResolver | null): void;
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

/** The renewalInfo answers both servers give (RFC 9773 §4.2). */
class RenewalInfoResponder {
  readonly windows = new Map<string, AriWindow>();
  readonly lookups: string[] = [];
  resolver: RenewalInfoResolver | null = null;

  constructor(private readonly certOf: (certId: string) => IssuedCertificate | undefined = () => undefined) {}

  answer(id: string, res: http.ServerResponse): void {
    this.lookups.push(id);
    const w = this.windows.get(id) ?? this.resolver?.(id, this.certOf(id));
    if (!w) {
      sendJson(res, 404, { type: 'urn:ietf:params:acme:error:malformed', detail: 'unknown certificate id' });
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
    if (w.rawText !== undefined) {
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      res.end(w.rawText);
      return;
    }
    // RFC 9773 §4.2: suggestedWindow {start, end} as RFC 3339, optional explanationURL.
    const body = w.rawBody ?? {
      suggestedWindow: { start: w.start.toISOString(), end: w.end.toISOString() },
      ...(w.explanationUrl ? { explanationURL: w.explanationUrl } : {}),
    };
    sendJson(res, 200, body, headers);
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': status >= 400 ? 'application/problem+json' : 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The decoded payload of a flattened JWS (RFC 7515 §7.2.2) request body; null for POST-as-GET or no JWS. */
function jwsPayload(body: Buffer): Record<string, unknown> | null {
  try {
    const jws = JSON.parse(body.toString('utf8')) as { payload?: string };
    if (!jws.payload) return null;
    return JSON.parse(Buffer.from(jws.payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

export async function startAriServer(options: AriServerOptions = {}): Promise<AriServer> {
  const responder = new RenewalInfoResponder();
  const orders: Array<Record<string, unknown>> = [];
  let base = '';

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', base);
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => sendJson(res, status, body, headers);
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
        responder.answer(decodeURIComponent(m[1]), res);
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
    setRenewalInfo: (certId, window) => void responder.windows.set(certId, window),
    onRenewalInfo: (resolver) => void (responder.resolver = resolver),
    lookups: responder.lookups,
    orders,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---- the HTTPS reverse proxy in front of Pebble -----------------------------------------------

/** RFC 9773 §4.1 certificate id from openssl's text (not certkeeper's DER code), and the facts tests compare. */
export function describeIssued(der: Buffer): IssuedCertificate {
  const text = openssl(['x509', '-inform', 'DER', '-noout', '-serial', '-ext', 'authorityKeyIdentifier'], der).toString('utf8');
  const serialMatch = /serial=([0-9A-F]+)/.exec(text);
  // OpenSSL 3 prints the key id alone; 1.1 prefixes it with "keyid:".
  const akiMatch = /Authority Key Identifier:\s*\n\s*(?:keyid:)?([0-9A-F:]+)/.exec(text);
  if (!serialMatch || !akiMatch) throw new Error(`cannot read serial and AKI from:\n${text}`);
  let serialHex = serialMatch[1];
  if (serialHex.length % 2) serialHex = `0${serialHex}`;
  // A DER INTEGER is signed: a magnitude with the high bit set is sent with a leading zero octet.
  const serialOctets = parseInt(serialHex.slice(0, 2), 16) >= 0x80 ? `00${serialHex}` : serialHex;
  const aki = Buffer.from(akiMatch[1].replace(/:/g, ''), 'hex');
  const x509 = new X509Certificate(der);
  return {
    certId: `${aki.toString('base64url')}.${Buffer.from(serialOctets, 'hex').toString('base64url')}`,
    der,
    serialNumber: serialHex,
    notBefore: new Date(x509.validFrom),
    notAfter: new Date(x509.validTo),
    dnsNames: (x509.subjectAltName ?? '')
      .split(/,\s*/)
      .filter((s) => s.startsWith('DNS:'))
      .map((s) => s.slice(4)),
  };
}

export interface AriProxyOptions {
  /** Pebble's `https://127.0.0.1:PORT/dir`. */
  upstreamDirectoryUrl: string;
  /** The CA of Pebble's HTTPS listener. */
  upstreamCaPem: string;
}

/** `orders` holds the decoded payloads of the newOrder requests Pebble accepted (201), in order. */
export interface AriProxy extends AriServer {
  /** Root of the throwaway CA of the proxy's own HTTPS certificate (127.0.0.1): trust it. */
  caPem: string;
  /** Every certificate the CA handed out through the proxy, in order. */
  readonly issued: IssuedCertificate[];
  /** The issued certificates whose SANs include this name, oldest first. */
  issuedFor(dnsName: string): IssuedCertificate[];
}

const hopByHop = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', 'content-length']);

function forwardable(headers: http.IncomingHttpHeaders): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !hopByHop.has(name)) out[name] = value;
  return out;
}

export async function startAriProxy(options: AriProxyOptions): Promise<AriProxy> {
  const upstream = new URL(options.upstreamDirectoryUrl);
  const agent = new https.Agent({ keepAlive: true, ca: options.upstreamCaPem });
  const tlsCa = createTestCa({ name: 'certkeeper ARI proxy', notBefore: new Date(Date.now() - 3_600_000), notAfter: new Date(Date.now() + 7 * 86_400_000) });
  const tlsCert = tlsCa.issue({ sans: ['127.0.0.1', 'localhost'], notBefore: new Date(Date.now() - 3_600_000), notAfter: new Date(Date.now() + 7 * 86_400_000) });
  const issued: IssuedCertificate[] = [];
  const orders: Array<Record<string, unknown>> = [];
  const responder = new RenewalInfoResponder((id) => issued.find((c) => c.certId === id));
  let base = '';
  let newOrderPath: string | null = null;

  const forward = (req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> =>
    new Promise((resolve, reject) => {
      const up = https.request(
        {
          host: upstream.hostname,
          port: upstream.port,
          method: req.method,
          path: req.url,
          agent,
          // Host stays the proxy's: Pebble builds its URLs from it and checks each JWS url against it.
          headers: { ...forwardable(req.headers), 'content-length': String(body.length) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      up.on('error', reject);
      up.end(body);
    });

  const server = https.createServer({ cert: tlsCert.fullchainPem, key: tlsCert.keyPem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const path = (req.url ?? '/').split('?')[0];
      const m = /^\/renewal-info\/([^/]+)$/.exec(path);
      if (m && req.method === 'GET') {
        responder.answer(decodeURIComponent(m[1]), res);
        return;
      }
      forward(req, body).then(
        (up) => {
          // Only orders Pebble created: a refused one (e.g. Pebble's deliberate badNonce, RFC 8555 §6.5) is sent again.
          if (req.method === 'POST' && path === newOrderPath && up.status === 201) {
            const payload = jwsPayload(body);
            if (payload) orders.push(payload);
          }
          let out = up.body;
          if (path === upstream.pathname && up.status === 200) {
            const directory = JSON.parse(up.body.toString('utf8')) as Record<string, unknown>;
            out = Buffer.from(JSON.stringify({ ...directory, renewalInfo: `${base}/renewal-info` }));
          }
          if (String(up.headers['content-type'] ?? '').startsWith('application/pem-certificate-chain') && up.status === 200) {
            const first = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(up.body.toString('utf8'));
            if (first) {
              const der = Buffer.from(first[0].replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
              if (!issued.some((c) => c.der.equals(der))) issued.push(describeIssued(der));
            }
          }
          res.writeHead(up.status, { ...forwardable(up.headers), 'content-length': String(out.length) });
          res.end(out);
        },
        (err: Error) => sendJson(res, 502, { type: 'about:blank', detail: `ARI proxy: upstream failed: ${err.message}` }),
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  base = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const stop = () =>
    new Promise<void>((resolve) => {
      agent.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });

  // Ask the proxy itself for the directory: every URL in it must lead back here (Pebble honours
  // the Host header); otherwise signed requests would bypass the proxy and nothing is observed.
  const directory = await new Promise<Record<string, string>>((resolve, reject) => {
    https
      .get(`${base}${upstream.pathname}`, { ca: tlsCa.root.certPem, agent: false }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>);
          } catch (err) {
            reject(err);
          }
        });
      })
      .on('error', reject);
  }).catch(async (err: unknown) => {
    await stop();
    throw err;
  });
  for (const name of ['newNonce', 'newAccount', 'newOrder', 'revokeCert', 'renewalInfo']) {
    if (typeof directory[name] !== 'string' || !directory[name].startsWith(`${base}/`)) {
      await stop();
      throw new Error(`ARI proxy: directory member ${name} is ${String(directory[name])}, not under ${base}`);
    }
  }
  newOrderPath = new URL(directory.newOrder).pathname;

  return {
    directoryUrl: `${base}${upstream.pathname}`,
    renewalInfoUrl: `${base}/renewal-info`,
    caPem: tlsCa.root.certPem,
    setRenewalInfo: (certId, window) => void responder.windows.set(certId, window),
    onRenewalInfo: (resolver) => void (responder.resolver = resolver),
    lookups: responder.lookups,
    orders,
    issued,
    issuedFor: (dnsName) => issued.filter((c) => c.dnsNames.includes(dnsName)),
    stop,
  };
}
