/**
 * Loopback TLS servers that play an APNs gateway for push-check tests.
 *
 *   const apns = await startApnsServer({ environment: 'production', clientCa });
 *   const revoking = await startRevokingGateway({ clientCa, revokedSerials: [c.serialNumber] });
 *
 * `startApnsServer` is an HTTP/2 server (node:http2) that asks for a client certificate
 * (requestCert) and trusts `clientCa` (the test CA that mints the APNs certificates). A
 * verified certificate gets 403 `BadCertificateEnvironment` when it lacks this environment's
 * Apple OID, else 400 `BadDeviceToken` (as APNs answers a push to a token no device has),
 * unless `answer` says otherwise.
 *
 * Node's TLS server cannot send a chosen alert: it accepts every client certificate inside
 * OpenSSL and enforces `rejectUnauthorized` afterwards in JavaScript by closing the socket
 * (tried with a CRL: the client sees a closed connection, no alert). So revocation is played
 * by `startRevokingGateway`: `openssl s_server` with a real CRL (RFC 5280 §5) signed by the
 * client CA, `-verify_return_error` and `-crl_check_all`; OpenSSL's verification fails with
 * X509_V_ERR_CERT_REVOKED and OpenSSL sends TLS alert certificate_revoked (44) itself. A
 * certificate it does not refuse gets an HTTP/1 server, which the probe reports as unreachable.
 */
import http2 from 'node:http2';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sign } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { der, oidContent } from '../../src/pki/der.js';
import { toPem } from '../../src/pki/pem.js';
import { createTestCa, type TestCa, type TestCertificate } from './test-ca.js';

const APNS_OID = { production: '1.2.840.113635.100.6.3.2', development: '1.2.840.113635.100.6.3.1' } as const;

export interface ApnsRequest {
  path: string;
  headers: http2.IncomingHttpHeaders;
  body: string;
  /** Serial (upper-case hex) of the client certificate. */
  clientSerial: string;
}

export interface ApnsServer {
  url: string;
  /** PEM of the CA that signed the server's certificate (CERTKEEPER_APNS_CA_FILE). */
  caPem: string;
  requests: ApnsRequest[];
  /** Overrides the answer to verified clients (e.g. 500, or 200). */
  answer?: (req: ApnsRequest) => { status: number; reason?: string } | undefined;
  close(): Promise<void>;
}

/** A CRL (v2) of `issuer` listing `serials` (upper-case hex), valid for a day around now. */
export function crlPem(issuer: TestCertificate, serials: readonly string[]): string {
  const algId = der.sequence(der.oid('1.2.840.10045.4.3.2')); // ecdsa-with-SHA256: the test CAs are EC P-256
  const now = Date.now();
  const revoked = serials.map((s) => {
    let content = Buffer.from(s.length % 2 ? `0${s}` : s, 'hex');
    if (content[0] & 0x80) content = Buffer.concat([Buffer.from([0]), content]);
    return der.sequence(der.integerRaw(content), der.time(new Date(now - 3_600_000)));
  });
  const tbs = der.sequence(
    der.integer(1),
    algId,
    issuer.subjectDer,
    der.time(new Date(now - 3_600_000)),
    der.time(new Date(now + 86_400_000)),
    ...(revoked.length ? [der.sequence(...revoked)] : []),
  );
  const signature = sign('sha256', tbs, issuer.privateKey);
  return toPem(der.sequence(tbs, algId, der.bitString(signature)), 'X509 CRL');
}

const hasOid = (certDer: Buffer, dotted: string) => {
  const content = oidContent(dotted);
  return certDer.includes(Buffer.concat([Buffer.from([0x06, content.length]), content]));
};

/**
 * `unverified: 'bad-certificate'` answers a client certificate the gateway does not verify
 * (another CA, no clientAuth usage) with 403 `BadCertificate` instead of closing the
 * connection: where APNs would send a TLS alert, which Node's server cannot, the closed
 * connection would read as an unreachable gateway.
 */
export async function startApnsServer(options: { environment: 'production' | 'development'; clientCa: TestCa; unverified?: 'close' | 'bad-certificate' }): Promise<ApnsServer> {
  const serverCa = createTestCa({ name: 'fake APNs' });
  const serverCert = serverCa.issue({ commonName: 'api.push.test', sans: ['127.0.0.1'] });
  const server = http2.createSecureServer({
    key: serverCert.keyPem,
    cert: serverCert.fullchainPem,
    ca: [options.clientCa.root.certPem, options.clientCa.intermediate.certPem],
    requestCert: true,
    rejectUnauthorized: options.unverified !== 'bad-certificate',
    allowHTTP1: false,
  });
  const sessions = new Set<http2.ServerHttp2Session>();
  server.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  server.on('tlsClientError', () => undefined);
  const state: ApnsServer = {
    url: '',
    caPem: serverCa.root.certPem,
    requests: [],
    close: async () => {
      for (const s of sessions) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  server.on('stream', (stream, headers) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      const socket = stream.session?.socket as TLSSocket;
      const peer = socket.getPeerCertificate();
      const req: ApnsRequest = { path: String(headers[':path']), headers, body: Buffer.concat(chunks).toString('utf8'), clientSerial: String(peer.serialNumber ?? '').toUpperCase() };
      state.requests.push(req);
      const answer = !socket.authorized
        ? { status: 403, reason: 'BadCertificate' }
        : (state.answer?.(req) ?? (!hasOid(peer.raw, APNS_OID[options.environment]) ? { status: 403, reason: 'BadCertificateEnvironment' } : { status: 400, reason: 'BadDeviceToken' }));
      stream.respond({ ':status': answer.status, 'apns-id': '00000000-0000-0000-0000-000000000000', 'content-type': 'application/json' });
      stream.end(answer.status === 200 ? '' : JSON.stringify({ reason: answer.reason }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

export interface RevokingGateway {
  url: string;
  /** PEM of the CA that signed the gateway's certificate. */
  caPem: string;
  close(): Promise<void>;
}

/** `openssl s_server` refusing the revoked serials with TLS alert 44 (see the file comment). */
export async function startRevokingGateway(options: { clientCa: TestCa; revokedSerials: string[] }): Promise<RevokingGateway> {
  const serverCa = createTestCa({ name: 'fake APNs revoking' });
  // Signed by the root, so the gateway needs no chain file.
  const serverCert = serverCa.issue({ issuer: 'root', commonName: 'api.push.test', sans: ['127.0.0.1'] });
  const dir = mkdtempSync(join(tmpdir(), 'certkeeper-apns-'));
  const file = (name: string, text: string) => {
    const f = join(dir, name);
    writeFileSync(f, text);
    return f;
  };
  const args = [
    's_server',
    '-accept', '127.0.0.1:0',
    '-cert', file('server.pem', serverCert.certPem),
    '-key', file('server.key', serverCert.keyPem),
    '-CAfile', file('clients.pem', options.clientCa.root.certPem + options.clientCa.intermediate.certPem),
    '-CRL', file('crl.pem', crlPem(options.clientCa.intermediate, options.revokedSerials) + crlPem(options.clientCa.root, [])),
    '-crl_check_all',
    '-Verify', '4',
    '-verify_return_error',
    '-alpn', 'h2',
    '-www',
  ];
  const child = spawn('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const port = await new Promise<number>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`openssl s_server did not start: ${out}`)), 10_000);
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /ACCEPT .*:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`openssl s_server exited (${code}): ${out}`)));
  });
  return {
    url: `https://127.0.0.1:${port}`,
    caPem: serverCa.root.certPem,
    close: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill();
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
