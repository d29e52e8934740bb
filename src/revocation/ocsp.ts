/**
 * OCSP (RFC 6960) over the PKI module's DER helpers: the request for one certificate (SHA-1
 * CertID, §4.1.1, with a nonce, RFC 8954) and the checks of a basic response (§4.2.2): a
 * successful status, the signature by the issuer itself or by a responder certificate the
 * issuer signed for id-kp-OCSPSigning (§4.2.2.2), the echoed nonce when there is one, and the
 * time window (thisUpdate not in the future, nextUpdate not past, §3.2 items 4-5).
 */
import { createHash, createPublicKey, randomBytes, verify, X509Certificate } from 'node:crypto';
import { contents, decodeTime, der, DerError, encoding, expectTlv, oidToString, readChildren, readTlv, Tag, type Tlv } from '../pki/der.js';
import { certificateFields, extendedKeyUsages, revocationOids, type CertificateFields } from './certificate-fields.js';
import { reasonName, REVOCATION_CLOCK_SKEW_MS, RevocationSourceError, type RevocationAnswer } from './revocation-answer.js';

const OID = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  basicResponse: '1.3.6.1.5.5.7.48.1.1',
  nonce: '1.3.6.1.5.5.7.48.1.2',
} as const;

const HASHES: Record<string, string> = { [OID.sha1]: 'sha1', [OID.sha256]: 'sha256', [OID.sha384]: 'sha384', [OID.sha512]: 'sha512' };

/** Signature algorithms a response may be signed with → node:crypto digest (null for Ed25519). */
const SIGNATURES: Record<string, string | null> = {
  '1.2.840.113549.1.1.5': 'sha1',
  '1.2.840.113549.1.1.11': 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  '1.2.840.10045.4.1': 'sha1',
  '1.2.840.10045.4.3.2': 'sha256',
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.3.101.112': null,
};

const RESPONSE_STATUS: Record<number, string> = {
  1: 'malformedRequest',
  2: 'internalError',
  3: 'tryLater',
  5: 'sigRequired',
  6: 'unauthorized',
};

export interface OcspRequest {
  der: Buffer;
  nonce: Buffer;
}

/** The DER OCSPRequest for `leaf`, issued by `issuer`, with a fresh 16-octet nonce. */
export function buildOcspRequest(leaf: CertificateFields, issuer: CertificateFields, nonce: Buffer = randomBytes(16)): OcspRequest {
  const certId = der.sequence(
    der.sequence(der.oid(OID.sha1), der.null()),
    der.octetString(createHash('sha1').update(issuer.subjectDer).digest()),
    der.octetString(createHash('sha1').update(issuer.publicKeyBits).digest()),
    der.tlv(Tag.INTEGER, leaf.serialContent),
  );
  // requestExtensions [2] EXPLICIT Extensions: the nonce's extnValue is an OCTET STRING (RFC 8954 §2.1).
  const extensions = der.explicit(2, der.sequence(der.sequence(der.oid(OID.nonce), der.octetString(der.octetString(nonce)))));
  const tbsRequest = der.sequence(der.sequence(der.sequence(certId)), extensions);
  return { der: der.sequence(tbsRequest), nonce };
}

interface SingleResponse {
  hashOid: string;
  issuerNameHash: Buffer;
  issuerKeyHash: Buffer;
  serial: Buffer;
  status: 'good' | 'revoked' | 'unknown';
  revokedAt: Date | null;
  reason: string | null;
  thisUpdate: Date;
  nextUpdate: Date | null;
}

function children(buf: Buffer, tlv: Tlv): Tlv[] {
  return readChildren(buf, tlv);
}

function readSingle(buf: Buffer, tlv: Tlv): SingleResponse {
  const [certId, certStatus, thisUpdate, ...rest] = children(buf, tlv);
  if (!certId || !certStatus || !thisUpdate) throw new DerError('SingleResponse is missing fields');
  const [alg, nameHash, keyHash, serial] = children(buf, certId);
  const [hashOid] = children(buf, alg);
  let status: SingleResponse['status'];
  let revokedAt: Date | null = null;
  let reason: string | null = null;
  if (certStatus.tag === 0x80) status = 'good';
  else if (certStatus.tag === 0x82) status = 'unknown';
  else if (certStatus.tag === 0xa1) {
    status = 'revoked';
    const [time, why] = children(buf, certStatus);
    revokedAt = decodeTime(buf, time, 'revocationTime');
    if (why?.tag === 0xa0) {
      const [code] = children(buf, why);
      if (code?.tag !== 0x0a) throw new DerError('revocationReason is not an ENUMERATED');
      reason = reasonName(buf.readUIntBE(code.valueStart, Math.min(6, code.end - code.valueStart)));
    }
  } else throw new DerError(`unknown CertStatus tag 0x${certStatus.tag.toString(16)}`);
  const next = rest.find((t) => t.tag === 0xa0);
  return {
    hashOid: oidToString(buf, hashOid),
    issuerNameHash: Buffer.from(contents(buf, nameHash)),
    issuerKeyHash: Buffer.from(contents(buf, keyHash)),
    serial: Buffer.from(contents(buf, serial)),
    status,
    revokedAt,
    reason,
    thisUpdate: decodeTime(buf, thisUpdate, 'thisUpdate'),
    nextUpdate: next ? decodeTime(buf, children(buf, next)[0], 'nextUpdate') : null,
  };
}

interface BasicResponse {
  tbsDer: Buffer;
  signatureOid: string;
  signature: Buffer;
  responderByName: Buffer | null;
  responderByKey: Buffer | null;
  responses: SingleResponse[];
  nonce: Buffer | null;
  certs: Buffer[];
}

function readBasic(buf: Buffer): BasicResponse {
  const top = expectTlv(buf, 0, buf.length, Tag.SEQUENCE, 'BasicOCSPResponse');
  const [tbs, sigAlg, sig, certsTlv] = children(buf, top);
  if (!tbs || !sigAlg || sig?.tag !== Tag.BIT_STRING) throw new DerError('BasicOCSPResponse is missing fields');
  const parts = children(buf, tbs);
  let i = parts[0]?.tag === 0xa0 ? 1 : 0; // version [0]
  const responder = parts[i++];
  i++; // producedAt
  const list = parts[i++];
  const exts = parts.slice(i).find((t) => t.tag === 0xa1);
  if (!responder || !list) throw new DerError('ResponseData is missing fields');
  const [rid] = children(buf, responder);
  let nonce: Buffer | null = null;
  if (exts) {
    for (const ext of children(buf, children(buf, exts)[0])) {
      const f = children(buf, ext);
      if (oidToString(buf, f[0]) === OID.nonce) {
        const value = contents(buf, f[f.length - 1]);
        // RFC 8954: extnValue holds an OCTET STRING; some old responders put the raw octets.
        const inner = value[0] === Tag.OCTET_STRING ? readTlv(value, 0) : null;
        nonce = Buffer.from(inner && inner.end === value.length ? contents(value, inner) : value);
      }
    }
  }
  const certs: Buffer[] = [];
  if (certsTlv?.tag === 0xa0) {
    for (const c of children(buf, children(buf, certsTlv)[0])) certs.push(Buffer.from(encoding(buf, c)));
  }
  return {
    tbsDer: Buffer.from(encoding(buf, tbs)),
    signatureOid: oidToString(buf, children(buf, sigAlg)[0]),
    signature: Buffer.from(contents(buf, sig).subarray(1)),
    responderByName: responder.tag === 0xa1 ? Buffer.from(encoding(buf, rid)) : null,
    responderByKey: responder.tag === 0xa2 ? Buffer.from(contents(buf, rid)) : null,
    responses: children(buf, list).map((t) => readSingle(buf, t)),
    nonce,
    certs,
  };
}

function verifySignature(basic: BasicResponse, signer: CertificateFields): boolean {
  const digest = SIGNATURES[basic.signatureOid];
  if (digest === undefined) throw new RevocationSourceError(`the OCSP response is signed with an unsupported algorithm ${basic.signatureOid}`);
  const key = createPublicKey({ key: signer.spkiDer, format: 'der', type: 'spki' });
  try {
    return verify(digest, basic.tbsDer, key, basic.signature);
  } catch {
    return false;
  }
}

function identifies(basic: BasicResponse, candidate: CertificateFields): boolean {
  if (basic.responderByName) return basic.responderByName.equals(candidate.subjectDer);
  if (basic.responderByKey) return basic.responderByKey.equals(createHash('sha1').update(candidate.publicKeyBits).digest());
  return false;
}

/** The certificate whose key signed the response, checked to be authorized (RFC 6960 §4.2.2.2). */
function authorizedSigner(basic: BasicResponse, issuer: CertificateFields, now: Date): CertificateFields {
  if (identifies(basic, issuer)) return issuer;
  const issuerNode = new X509Certificate(issuer.der);
  for (const certDer of basic.certs) {
    const fields = certificateFields(certDer);
    if (!identifies(basic, fields)) continue;
    const node = new X509Certificate(certDer);
    if (!node.checkIssued(issuerNode) || !node.verify(issuerNode.publicKey)) {
      throw new RevocationSourceError('the OCSP responder certificate was not issued by the certificate\'s issuer');
    }
    if (!extendedKeyUsages(fields).includes(revocationOids.ocspSigning)) {
      throw new RevocationSourceError('the OCSP responder certificate lacks the id-kp-OCSPSigning extended key usage');
    }
    if (now.getTime() < new Date(node.validFrom).getTime() - REVOCATION_CLOCK_SKEW_MS || now.getTime() > new Date(node.validTo).getTime() + REVOCATION_CLOCK_SKEW_MS) {
      throw new RevocationSourceError('the OCSP responder certificate is outside its validity period');
    }
    return fields;
  }
  throw new RevocationSourceError('the OCSP response is signed by neither the issuer nor a responder certificate it includes');
}

/**
 * Checks an OCSP response for the request's certificate and returns what it says. Throws
 * RevocationSourceError when the response is not usable: not successful, malformed, badly
 * signed, by an unauthorized responder, without an answer for this certificate, a wrong
 * nonce, or outside its time window at `now`.
 */
export function readOcspResponse(
  responseDer: Buffer,
  request: { leaf: CertificateFields; issuer: CertificateFields; nonce: Buffer | null },
  now: Date,
  url: string,
): RevocationAnswer {
  let basic: BasicResponse;
  try {
    const top = expectTlv(responseDer, 0, responseDer.length, Tag.SEQUENCE, 'OCSPResponse');
    const [statusTlv, bytes] = children(responseDer, top);
    if (statusTlv?.tag !== 0x0a) throw new DerError('responseStatus is not an ENUMERATED');
    const status = responseDer[statusTlv.valueStart];
    if (status !== 0) {
      throw new RevocationSourceError(`the OCSP responder answered ${RESPONSE_STATUS[status] ?? `status ${status}`}`);
    }
    if (bytes?.tag !== 0xa0) throw new DerError('a successful OCSPResponse has no responseBytes');
    const [rb] = children(responseDer, bytes);
    const [type, response] = children(responseDer, rb);
    if (oidToString(responseDer, type) !== OID.basicResponse) throw new RevocationSourceError('the OCSP response is not a basic response');
    basic = readBasic(Buffer.from(contents(responseDer, response)));
  } catch (err) {
    if (err instanceof RevocationSourceError) throw err;
    throw new RevocationSourceError(`the OCSP response is malformed: ${(err as Error).message}`, { cause: err });
  }
  const signer = authorizedSigner(basic, request.issuer, now);
  if (!verifySignature(basic, signer)) throw new RevocationSourceError('the OCSP response signature is invalid');
  if (request.nonce && basic.nonce && !basic.nonce.equals(request.nonce)) {
    throw new RevocationSourceError('the OCSP response nonce does not match the request (a replayed response?)');
  }
  const single = basic.responses.find((r) => {
    const hash = HASHES[r.hashOid];
    if (!hash || !r.serial.equals(request.leaf.serialContent)) return false;
    return (
      r.issuerNameHash.equals(createHash(hash).update(request.issuer.subjectDer).digest()) &&
      r.issuerKeyHash.equals(createHash(hash).update(request.issuer.publicKeyBits).digest())
    );
  });
  if (!single) throw new RevocationSourceError('the OCSP response has no answer for this certificate');
  if (single.thisUpdate.getTime() > now.getTime() + REVOCATION_CLOCK_SKEW_MS) {
    throw new RevocationSourceError(`the OCSP response's thisUpdate ${single.thisUpdate.toISOString()} lies in the future`);
  }
  if (single.nextUpdate && single.nextUpdate.getTime() < now.getTime() - REVOCATION_CLOCK_SKEW_MS) {
    throw new RevocationSourceError(`the OCSP response is stale: its nextUpdate ${single.nextUpdate.toISOString()} has passed`);
  }
  return {
    method: 'ocsp',
    status: single.status,
    reason: single.reason,
    revokedAt: single.revokedAt,
    thisUpdate: single.thisUpdate,
    nextUpdate: single.nextUpdate,
    url,
  };
}
