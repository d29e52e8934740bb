import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateFields, crlUrls, ocspUrls } from '../../src/revocation/certificate-fields.js';
import { httpFetch } from '../../src/revocation/http-fetch.js';
import { buildOcspRequest, readOcspResponse } from '../../src/revocation/ocsp.js';
import { RevocationSourceError } from '../../src/revocation/revocation-answer.js';
import { freePort, revocationExtensions, startRevocationPeer, type RevocationPeer } from '../support/ocsp-responder.js';
import { createTestCa, type TestCa, type TestCertificate } from '../support/test-ca.js';

const limits = { timeoutMs: 5000, maxBytes: 65536 };

async function ask(peer: RevocationPeer, leaf: TestCertificate, ca: TestCa) {
  const request = buildOcspRequest(certificateFields(leaf.certDer), certificateFields(ca.intermediate.certDer));
  const response = await httpFetch({ url: peer.ocspUrl, method: 'POST', body: request.der, contentType: 'application/ocsp-request' }, limits);
  return { request, response };
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(RevocationSourceError);
    return (err as Error).message;
  }
  throw new Error('expected a RevocationSourceError');
}

describe('OCSP request and response checks (RFC 6960)', () => {
  const peers: RevocationPeer[] = [];
  let ca: TestCa;
  const start = async (signer: 'delegated' | 'issuer' | 'no-eku') => {
    const port = await freePort();
    const leaf = ca.issue({ sans: [`${signer}.ocsp.test`], extensions: revocationExtensions({ ocsp: `http://127.0.0.1:${port}/ocsp`, crl: `http://127.0.0.1:${port}/intermediate.crl` }) });
    const peer = await startRevocationPeer(ca, [{ cert: leaf }], { frontPort: port, signer });
    peers.push(peer);
    return { peer, leaf };
  };
  let delegated: { peer: RevocationPeer; leaf: TestCertificate };

  beforeAll(async () => {
    ca = createTestCa();
    delegated = await start('delegated');
  });
  afterAll(async () => {
    await Promise.all(peers.map((p) => p.close()));
  });

  it('reads the AIA OCSP and CRL distribution point URLs of a certificate', () => {
    const fields = certificateFields(delegated.leaf.certDer);
    expect(ocspUrls(fields)).toEqual([delegated.peer.ocspUrl]);
    expect(crlUrls(fields)).toEqual([delegated.peer.crlUrl]);
    expect(ocspUrls(certificateFields(ca.intermediate.certDer))).toEqual([]);
  });

  it('accepts a delegated responder’s answer and checks the echoed nonce and the time window', async () => {
    const { request, response } = await ask(delegated.peer, delegated.leaf, ca);
    const leaf = certificateFields(delegated.leaf.certDer);
    const issuer = certificateFields(ca.intermediate.certDer);
    const now = new Date();
    expect(readOcspResponse(response, { leaf, issuer, nonce: request.nonce }, now, 'u')).toMatchObject({ method: 'ocsp', status: 'good', url: 'u' });
    expect(refusal(() => readOcspResponse(response, { leaf, issuer, nonce: Buffer.alloc(16, 7) }, now, 'u'))).toMatch(/nonce does not match/);
    expect(refusal(() => readOcspResponse(response, { leaf, issuer, nonce: request.nonce }, new Date(now.getTime() + 2 * 3_600_000), 'u'))).toMatch(/stale: its nextUpdate/);
    expect(refusal(() => readOcspResponse(response, { leaf, issuer, nonce: request.nonce }, new Date(now.getTime() - 3_600_000), 'u'))).toMatch(/thisUpdate .* in the future/);
  });

  it('refuses an answer when the responder was not authorized by the certificate’s issuer', async () => {
    const { request, response } = await ask(delegated.peer, delegated.leaf, ca);
    const other = createTestCa();
    const msg = refusal(() => readOcspResponse(response, { leaf: certificateFields(delegated.leaf.certDer), issuer: certificateFields(other.intermediate.certDer), nonce: request.nonce }, new Date(), 'u'));
    expect(msg).toMatch(/not issued by the certificate's issuer/);
  });

  it('accepts a response signed by the issuer itself', async () => {
    const { peer, leaf } = await start('issuer');
    const { request, response } = await ask(peer, leaf, ca);
    expect(readOcspResponse(response, { leaf: certificateFields(leaf.certDer), issuer: certificateFields(ca.intermediate.certDer), nonce: request.nonce }, new Date(), 'u').status).toBe('good');
  });

  it('refuses a responder certificate without id-kp-OCSPSigning', async () => {
    const { peer, leaf } = await start('no-eku');
    const { request, response } = await ask(peer, leaf, ca);
    const msg = refusal(() => readOcspResponse(response, { leaf: certificateFields(leaf.certDer), issuer: certificateFields(ca.intermediate.certDer), nonce: request.nonce }, new Date(), 'u'));
    expect(msg).toMatch(/lacks the id-kp-OCSPSigning/);
  });

  it('reports a non-successful response status by name, and a malformed response as such', () => {
    // OCSPResponse { responseStatus tryLater(3) } (openssl's responder never answers malformed requests: it hangs).
    const tryLater = Buffer.from([0x30, 0x03, 0x0a, 0x01, 0x03]);
    const request = { leaf: certificateFields(delegated.leaf.certDer), issuer: certificateFields(ca.intermediate.certDer), nonce: null };
    expect(refusal(() => readOcspResponse(tryLater, request, new Date(), 'u'))).toMatch(/answered tryLater/);
    expect(refusal(() => readOcspResponse(Buffer.from('<html>'), request, new Date(), 'u'))).toMatch(/malformed/);
  });

  it('caps the size of what it fetches', async () => {
    await expect(httpFetch({ url: delegated.peer.crlUrl }, { timeoutMs: 5000, maxBytes: 10 })).rejects.toThrow(/exceeds the 10-byte limit/);
    await expect(httpFetch({ url: 'https://127.0.0.1/x' }, limits)).rejects.toThrow(/only http:\/\//);
  });
});
