/**
 * Revocation peers for tests: `openssl ocsp` answering each OCSP request (from a file) over an
 * OpenSSL CA database (index.txt) of a TestCa's intermediate, a CRL made by `openssl ca -gencrl`
 * from the same database, and an HTTP front server on 127.0.0.1 (what the certificates' AIA and
 * CRL DP URLs name) that serves the CRL and answers OCSP requests through openssl, counting
 * both, and can tamper with OCSP responses (one bit of the signature flipped).
 *
 *   const peer = await startRevocationPeer(ca, [{ cert: good }, { cert: bad, revoked: { reason: 'keyCompromise' } }]);
 *   aCertificate({ ca, extensions: revocationExtensions({ ocsp: peer.ocspUrl, crl: peer.crlUrl }) })
 *
 * Register every certificate before starting (the database is written once). A
 * certificate not in the database is answered `unknown`. The delegated responder certificate
 * (EKU OCSPSigning, issued by the intermediate) signs the OCSP responses.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contents, der, readChildren, readTlv } from '../../src/pki/der.js';
import { aCertificate, openssl, type TestCa, type TestCertificate } from './test-ca.js';

export interface PeerEntry {
  cert: TestCertificate;
  /** Revoked at `at` (default an hour ago) for `reason` (OpenSSL names: keyCompromise, superseded, …). */
  revoked?: { reason?: string; at?: Date };
}

export interface RevocationPeer {
  /** The front server: http://127.0.0.1:PORT */
  baseUrl: string;
  ocspUrl: string;
  crlUrl: string;
  /** Requests the front server got, by kind. */
  counts: { ocsp: number; crl: number };
  /** When true, OCSP responses are forwarded with one signature bit flipped. */
  tamper: boolean;
  /** The CRL (DER) being served. */
  crlDer: Buffer;
  /** The certificate that signs OCSP responses. */
  responder: TestCertificate;
  close(): Promise<void>;
}

/** AIA (OCSP) and CRL distribution point extensions for `aCertificate({ extensions })`. */
export function revocationExtensions(urls: { ocsp?: string; crl?: string }): Array<{ oid: string; value: Buffer }> {
  const out: Array<{ oid: string; value: Buffer }> = [];
  if (urls.ocsp) {
    out.push({ oid: '1.3.6.1.5.5.7.1.1', value: der.sequence(der.sequence(der.oid('1.3.6.1.5.5.7.48.1'), der.implicit(6, Buffer.from(urls.ocsp, 'latin1')))) });
  }
  if (urls.crl) {
    // DistributionPoint { distributionPoint [0] { fullName [0] { uniformResourceIdentifier [6] } } }
    out.push({ oid: '2.5.29.31', value: der.sequence(der.sequence(der.explicit(0, der.explicit(0, der.implicit(6, Buffer.from(urls.crl, 'latin1')))))) });
  }
  return out;
}

/** A free loopback TCP port (closed again; a tiny race other test runs could lose). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

function indexTime(d: Date): string {
  const iso = d.toISOString();
  return iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + iso.slice(11, 13) + iso.slice(14, 16) + iso.slice(17, 19) + 'Z';
}

function serialForIndex(hex: string): string {
  return hex.length % 2 === 1 ? '0' + hex : hex;
}

/** Flips the last bit of a BasicOCSPResponse's signature inside an OCSPResponse, in place. */
export function tamperOcspSignature(response: Buffer): Buffer {
  const out = Buffer.from(response);
  const top = readTlv(out, 0);
  const [, bytes] = readChildren(out, top);
  const [rb] = readChildren(out, bytes);
  const [, octets] = readChildren(out, rb);
  const basicBuf = contents(out, octets); // a view into `out`
  const basic = readTlv(basicBuf, 0);
  const [, , signature] = readChildren(basicBuf, basic);
  basicBuf[signature.end - 1] ^= 0x01;
  return out;
}

/**
 * Starts the peer for certificates issued by `ca`'s intermediate. `crlDays` sets the CRL's
 * nextUpdate, `ocspMinutes` the OCSP responses' nextUpdate.
 */
export async function startRevocationPeer(ca: TestCa, entries: PeerEntry[], options: {
    crlHours?: number;
    ocspMinutes?: number;
    frontPort?: number;
    /** Who signs OCSP responses: a delegated responder (default), the issuer itself, or a responder certificate without id-kp-OCSPSigning. */
    signer?: 'delegated' | 'issuer' | 'no-eku';
  } = {}): Promise<RevocationPeer> {
  const dir = mkdtempSync(join(tmpdir(), 'certkeeper-ocsp-'));
  const frontPort = options.frontPort ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${frontPort}`;
  const signer = options.signer ?? 'delegated';
  const responder =
    signer === 'issuer'
      ? ca.intermediate
      : aCertificate({ ca, commonName: 'certkeeper test OCSP responder', sans: [], extendedKeyUsage: signer === 'no-eku' ? ['serverAuth'] : ['OCSPSigning'], keyUsage: ['digitalSignature'] });
  const files = {
    caCert: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca.key'),
    rCert: join(dir, 'responder.pem'),
    rKey: join(dir, 'responder.key'),
    index: join(dir, 'index.txt'),
    crlnumber: join(dir, 'crlnumber'),
    cnf: join(dir, 'ca.cnf'),
    crl: join(dir, 'crl.der'),
  };
  writeFileSync(files.caCert, ca.intermediate.certPem);
  writeFileSync(files.caKey, ca.intermediate.keyPem);
  writeFileSync(files.rCert, responder.certPem);
  writeFileSync(files.rKey, responder.keyPem);
  const lines = entries.map(({ cert, revoked }) => {
    const subject = `/CN=${cert.serialNumber}`;
    const revokedField = revoked ? `${indexTime(revoked.at ?? new Date(Date.now() - 3_600_000))}${revoked.reason ? ',' + revoked.reason : ''}` : '';
    return [revoked ? 'R' : 'V', indexTime(cert.notAfter), revokedField, serialForIndex(cert.serialNumber), 'unknown', subject].join('\t');
  });
  writeFileSync(files.index, lines.map((l) => l + '\n').join(''));
  writeFileSync(join(dir, 'index.txt.attr'), 'unique_subject = no\n');
  writeFileSync(files.crlnumber, '01\n');
  writeFileSync(
    files.cnf,
    ['[ ca ]', 'default_ca = CA_default', '[ CA_default ]', `database = ${files.index}`, `crlnumber = ${files.crlnumber}`, 'default_md = sha256', 'unique_subject = no', ''].join('\n'),
  );
  const crlPem = openssl(['ca', '-gencrl', '-config', files.cnf, '-cert', files.caCert, '-keyfile', files.caKey, '-crlhours', String(options.crlHours ?? 24), '-batch']);
  const crlDer = openssl(['crl', '-outform', 'DER'], crlPem);
  writeFileSync(files.crl, crlDer);

  // `openssl ocsp` answers each request from a file (-reqin/-respout) rather than as a
  // listening responder: its -port binds every address, and tests listen on 127.0.0.1 only.
  const answerOcsp = (request: Buffer): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const reqFile = join(dir, `req-${randomUUID()}.der`);
      const respFile = reqFile.replace('req-', 'resp-');
      writeFileSync(reqFile, request);
      const args = ['ocsp', '-index', files.index, '-rsigner', files.rCert, '-rkey', files.rKey, '-CA', files.caCert, '-nmin', String(options.ocspMinutes ?? 60), '-reqin', reqFile, '-respout', respFile];
      execFile('openssl', args, (err, _stdout, stderr) => {
        if (err) return reject(new Error(`openssl ocsp failed: ${stderr || err.message}`));
        try {
          resolve(readFileSync(respFile));
        } catch (readErr) {
          reject(readErr as Error);
        } finally {
          rmSync(reqFile, { force: true });
          rmSync(respFile, { force: true });
        }
      });
    });

  const peer: RevocationPeer = {
    baseUrl,
    ocspUrl: `${baseUrl}/ocsp`,
    crlUrl: `${baseUrl}/intermediate.crl`,
    counts: { ocsp: 0, crl: 0 },
    tamper: false,
    crlDer,
    responder,
    close: async () => {
      await new Promise((r) => front.close(r));
      rmSync(dir, { recursive: true, force: true });
    },
  };

  const front = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/intermediate.crl') {
      peer.counts.crl++;
      res.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(readFileSync(files.crl));
      return;
    }
    if (req.method === 'POST' && req.url === '/ocsp') {
      peer.counts.ocsp++;
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        answerOcsp(Buffer.concat(chunks)).then(
          (response) => {
            const answer = peer.tamper ? tamperOcspSignature(response) : response;
            res.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(answer);
          },
          (err: Error) => res.writeHead(502).end(err.message),
        );
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => front.listen(frontPort, '127.0.0.1', resolve));
  return peer;
}
