import type { X509Certificate } from 'node:crypto';
import net from 'node:net';
import tls from 'node:tls';
import { rememberNodeCertificate } from '../pki/node-certificate-of.js';
import { PreambleError, SocketReader } from './socket-reader.js';
import { StartTlsRefused, startTls, type ProbeProtocol } from './starttls.js';

/** Stable codes of a probe that did not get a certificate. */
export type ProbeErrorCode =
  | 'connection_refused'
  | 'host_not_found'
  | 'unreachable'
  | 'connection_reset'
  | 'timeout'
  | 'not_tls'
  | 'tls_alert'
  | 'tls_version_mismatch'
  | 'tls_error'
  | 'no_certificate'
  | 'starttls_unsupported'
  | 'starttls_refused'
  | 'protocol_mismatch'
  | 'too_long';

export interface ProbeError {
  code: ProbeErrorCode;
  /** Where it failed: connect, starttls, handshake. */
  step: 'connect' | 'starttls' | 'handshake';
  message: string;
}

export interface ProbeTimings {
  /** TCP connect (name resolution included). */
  connectMs: number | null;
  /** The plaintext STARTTLS exchange (0 for `tls`). */
  startTlsMs: number | null;
  handshakeMs: number | null;
  totalMs: number;
}

export interface ProbeResult {
  host: string;
  port: number;
  protocol: ProbeProtocol;
  /** The SNI sent, null for IP literals. */
  serverName: string | null;
  /** The name the leaf was checked against: serverName ?? host. */
  checkedName: string;
  /** The remote address connected to (after name resolution), null when connect failed. */
  address: string | null;
  /**
   * DER certificates exactly as the server sent them, leaf first, in the order sent, extra or
   * unrelated certificates included and nothing added from the local trust store. Empty on error.
   */
  chain: Buffer[];
  /** "TLSv1.3", "TLSv1.2", … */
  tlsVersion: string | null;
  /** OpenSSL cipher name, e.g. "TLS_AES_256_GCM_SHA384". */
  cipher: string | null;
  /** Whether OpenSSL built and verified a path from the served chain to the trust store (dates included); null on error. */
  chainTrusted: boolean | null;
  /** OpenSSL's verify code when not trusted: UNABLE_TO_GET_ISSUER_CERT_LOCALLY, CERT_HAS_EXPIRED, DEPTH_ZERO_SELF_SIGNED_CERT, … */
  trustError: string | null;
  /** tls.checkServerIdentity(checkedName, leaf) passed; null on error. */
  nameMatches: boolean | null;
  nameError: string | null;
  timings: ProbeTimings;
  error: ProbeError | null;
}

export interface ProbeOptions {
  host: string;
  port: number;
  /** Default 'tls' (TLS from the first byte). */
  protocol?: ProbeProtocol;
  /** SNI and the name checked; default host (no SNI is sent for IP literals). */
  serverName?: string;
  /** Limit of each step (connect, each plaintext answer, handshake) in ms. Default 10,000. */
  timeoutMs?: number;
  /** What the chain is verified against (default: `defaultProbeTrust()`). */
  trust?: ProbeTrust;
}

/** A verification store, built once and shared by many probes (building one with ~150 roots costs milliseconds). */
export interface ProbeTrust {
  readonly secureContext: tls.SecureContext;
}

let defaultTrust: ProbeTrust | undefined;

/**
 * Node's bundled Mozilla roots (`tls.rootCertificates`) plus NODE_EXTRA_CA_CERTS, as every Node
 * client sees them. Node 20 has no API for the OS store (`tls.getCACertificates('system')` came in
 * Node 22); pass the distribution's bundle as extra CAs to use it.
 */
export function defaultProbeTrust(): ProbeTrust {
  defaultTrust ??= { secureContext: tls.createSecureContext({}) };
  return defaultTrust;
}

/** The default roots plus `extraCaPems` (a project's own CAs, or a CA bundle file's contents). */
export function createProbeTrust(extraCaPems: string[]): ProbeTrust {
  if (extraCaPems.length === 0) return defaultProbeTrust();
  return { secureContext: tls.createSecureContext({ ca: [...tls.rootCertificates, ...extraCaPems] }) };
}

const now = () => performance.now();
const ms = (from: number, to: number) => Math.round((to - from) * 100) / 100;

/**
 * Connects to host:port, runs the protocol's STARTTLS step if any, completes a TLS handshake
 * without rejecting anything (`rejectUnauthorized: false`, so whatever is served can be read)
 * and reports the served chain, the negotiated version and cipher, whether the chain verifies
 * against `trust`, and whether the leaf matches the name. Never throws for anything the remote
 * side does: failures come back in `error`, with `step` and a stable `code`.
 *
 * Every step has its own limit (`timeoutMs`); plaintext answers are bounded to 64 KiB and the
 * certificate list by OpenSSL (100 KiB by default). The connection is destroyed right after the
 * handshake: nothing is sent over TLS.
 *
 * The served chain comes from `getPeerX509Certificate()`, whose issuerCertificate links follow
 * OpenSSL's SSL_get_peer_cert_chain — the certificates as sent. `getPeerCertificate(true)` is not
 * used: it re-orders them by issuer, drops unrelated ones and appends the root from the local
 * store, so an incomplete or padded chain would look complete. Node 20's
 * `getPeerX509Certificate()` consumes that stack, so it is called exactly once per connection.
 */
export async function probeEndpoint(options: ProbeOptions): Promise<ProbeResult> {
  const protocol = options.protocol ?? 'tls';
  const timeoutMs = options.timeoutMs ?? 10_000;
  const isIp = net.isIP(options.host) !== 0;
  const sni = options.serverName ?? (isIp ? undefined : options.host);
  const result: ProbeResult = {
    host: options.host,
    port: options.port,
    protocol,
    serverName: sni !== undefined && net.isIP(sni) === 0 ? sni : null,
    checkedName: options.serverName ?? options.host,
    address: null,
    chain: [],
    tlsVersion: null,
    cipher: null,
    chainTrusted: null,
    trustError: null,
    nameMatches: null,
    nameError: null,
    timings: { connectMs: null, startTlsMs: null, handshakeMs: null, totalMs: 0 },
    error: null,
  };
  const t0 = now();
  let socket: net.Socket | undefined;
  let tlsSocket: tls.TLSSocket | undefined;
  try {
    socket = await connect(options.host, options.port, timeoutMs);
    const t1 = now();
    result.timings.connectMs = ms(t0, t1);
    result.address = socket.remoteAddress ?? null;

    if (protocol !== 'tls') {
      const reader = new SocketReader(socket);
      try {
        await startTls(protocol, reader, timeoutMs);
      } catch (err) {
        if (err instanceof StartTlsRefused) return fail(result, t0, { code: err.code, step: 'starttls', message: err.message });
        if (err instanceof PreambleError) return fail(result, t0, { code: err.code === 'closed' ? 'connection_reset' : err.code, step: 'starttls', message: err.message });
        throw err;
      } finally {
        reader.release();
      }
    }
    const t2 = now();
    result.timings.startTlsMs = ms(t1, t2);

    const handshake = await handshakeOn(socket, result.serverName ?? undefined, (options.trust ?? defaultProbeTrust()).secureContext, timeoutMs);
    tlsSocket = handshake.socket;
    if ('error' in handshake) return fail(result, t0, handshake.error);
    result.timings.handshakeMs = ms(t2, now());
    result.tlsVersion = tlsSocket.getProtocol() ?? null;
    result.cipher = tlsSocket.getCipher()?.name ?? null;
    result.chainTrusted = tlsSocket.authorized;
    result.trustError = tlsSocket.authorized ? null : String(tlsSocket.authorizationError ?? 'unknown');

    const leaf = tlsSocket.getPeerX509Certificate();
    if (!leaf) return fail(result, t0, { code: 'no_certificate', step: 'handshake', message: 'the server sent no certificate' });
    result.chain = servedChain(leaf);
    const identityError = tls.checkServerIdentity(result.checkedName, peerIdentity(leaf));
    result.nameMatches = identityError === undefined;
    result.nameError = identityError?.message ?? null;
    result.timings.totalMs = ms(t0, now());
    return result;
  } catch (err) {
    return fail(result, t0, classify(err, result.timings.connectMs === null ? 'connect' : 'handshake'));
  } finally {
    tlsSocket?.destroy();
    socket?.destroy();
  }
}

function fail(result: ProbeResult, t0: number, error: ProbeError): ProbeResult {
  result.error = error;
  result.timings.totalMs = ms(t0, now());
  return result;
}

/** The leaf and the certificates after it, as sent (bounded: a server can send at most what OpenSSL accepts). */
function servedChain(leaf: X509Certificate): Buffer[] {
  const chain: Buffer[] = [];
  for (let c: X509Certificate | undefined = leaf; c && chain.length < 32; c = c.issuerCertificate) {
    chain.push(c.raw);
    // OpenSSL already read it: importing the served leaf as discovered reuses this view.
    rememberNodeCertificate(c);
  }
  return chain;
}

/** What tls.checkServerIdentity reads (subject CN, subjectaltname) from an X509Certificate. */
function peerIdentity(leaf: X509Certificate): tls.PeerCertificate {
  const cns = leaf.subject.split('\n').filter((l) => l.startsWith('CN='));
  const cn = cns.length ? cns[cns.length - 1].slice(3) : undefined;
  return { subject: cn === undefined ? {} : { CN: cn }, subjectaltname: leaf.subjectAltName } as unknown as tls.PeerCertificate;
}

class StepTimeout extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StepTimeout';
  }
}

function connect(host: string, port: number, timeoutMs: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new StepTimeout(`no TCP connection to ${host}:${port} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      socket.on('error', () => undefined); // reported through the reader or the TLS socket
      resolve(socket);
    });
    socket.once('error', (err) => {
      clearTimeout(timer);
      socket.destroy();
      reject(err);
    });
  });
}

function handshakeOn(
  socket: net.Socket,
  servername: string | undefined,
  secureContext: tls.SecureContext,
  timeoutMs: number,
): Promise<{ socket: tls.TLSSocket } | { socket: tls.TLSSocket; error: ProbeError }> {
  return new Promise((resolve) => {
    const tlsSocket = tls.connect({
      socket,
      servername,
      secureContext,
      rejectUnauthorized: false,
      // The name is checked separately, so that `authorized` reports the chain alone.
      checkServerIdentity: () => undefined,
    });
    // When the chain verifies, Node's onConnectSecure calls getPeerCertificate(true) only to hand
    // its result to checkServerIdentity — a no-op here. Converting the whole chain into JS
    // objects was 16% of a probe's CPU (measured in bench/probe-bench.ts); nothing in this module
    // reads getPeerCertificate, so this socket's copy returns an empty object instead.
    tlsSocket.getPeerCertificate = (() => ({})) as unknown as tls.TLSSocket['getPeerCertificate'];
    const timer = setTimeout(() => {
      tlsSocket.destroy();
      resolve({ socket: tlsSocket, error: { code: 'timeout', step: 'handshake', message: `no TLS handshake within ${timeoutMs} ms` } });
    }, timeoutMs);
    tlsSocket.once('secureConnect', () => {
      clearTimeout(timer);
      tlsSocket.on('error', () => undefined); // late errors after destroy are of no interest
      resolve({ socket: tlsSocket });
    });
    tlsSocket.once('error', (err) => {
      clearTimeout(timer);
      tlsSocket.on('error', () => undefined);
      resolve({ socket: tlsSocket, error: classify(err, 'handshake') });
    });
  });
}

/** Maps Node/OpenSSL errors to a stable code; the message keeps OpenSSL's reason. */
export function classify(err: unknown, step: ProbeError['step']): ProbeError {
  if (err instanceof StepTimeout) return { code: 'timeout', step, message: err.message };
  const e = err as NodeJS.ErrnoException & { reason?: string };
  const code = String(e?.code ?? '');
  const message = String(e?.message ?? err);
  const reason = e?.reason ? ` (${e.reason})` : '';
  switch (code) {
    case 'ECONNREFUSED':
      return { code: 'connection_refused', step, message };
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NODATA':
      return { code: 'host_not_found', step, message };
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return { code: 'unreachable', step, message };
    case 'ETIMEDOUT':
      return { code: 'timeout', step, message };
    case 'ECONNRESET':
    case 'EPIPE':
      return { code: 'connection_reset', step, message };
    case 'ERR_SSL_WRONG_VERSION_NUMBER':
    case 'ERR_SSL_PACKET_LENGTH_TOO_LONG':
    case 'ERR_SSL_HTTP_REQUEST':
    case 'ERR_SSL_RECORD_LENGTH_MISMATCH':
      return { code: 'not_tls', step, message: `the server does not speak TLS here: ${message}` };
    case 'ERR_SSL_UNSUPPORTED_PROTOCOL':
    case 'ERR_SSL_NO_PROTOCOLS_AVAILABLE':
    case 'ERR_SSL_TLSV1_ALERT_PROTOCOL_VERSION':
    case 'ERR_SSL_VERSION_TOO_LOW':
      return { code: 'tls_version_mismatch', step, message };
  }
  if (/^ERR_SSL_(SSLV3|TLSV1|TLSV13)_ALERT_/.test(code)) return { code: 'tls_alert', step, message: `${message}${reason}` };
  if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) return { code: 'tls_error', step, message: `${message}${reason}` };
  return { code: 'connection_reset', step, message: code ? `${code}: ${message}` : message };
}
