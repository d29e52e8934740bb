import { DerError, Tag, oidKey, oidKeyOf, readChildren, readTlv, type Tlv } from './der.js';
import { oids } from './oids.js';

/** What a DER blob looks like, judged from its outer shape only (no full parse). */
export type DerKind =
  | 'certificate'
  | 'certificate-request'
  | 'pkcs7'
  | 'pkcs8'
  | 'encrypted-pkcs8'
  | 'pkcs1-rsa'
  | 'sec1-ec'
  | 'dsa-private-key'
  | 'pkcs12'
  | 'unknown';

/** True for the kinds that hold a private key (plain or encrypted). */
export function isPrivateKeyKind(kind: DerKind): boolean {
  return (
    kind === 'pkcs8' || kind === 'encrypted-pkcs8' || kind === 'pkcs1-rsa' || kind === 'sec1-ec' || kind === 'dsa-private-key'
  );
}

const SIGNED_DATA = oidKeyOf(oids.pkcs7SignedData);

function small(buf: Buffer, t: Tlv): number {
  const len = t.end - t.valueStart;
  if (len < 1 || len > 4) return -1;
  return buf.readUIntBE(t.valueStart, len);
}

/**
 * Classifies the element `tlv` of `buf` by its outer shape: certificate (RFC 5280), CSR
 * (RFC 2986), PKCS#7 SignedData (RFC 2315), PKCS#8 plain or encrypted (RFC 5958), PKCS#1 RSA
 * (RFC 8017), SEC1 EC (RFC 5915), OpenSSL's DSA key, PKCS#12 (RFC 7292). Never throws.
 */
export function sniffDer(buf: Buffer, tlv: Tlv): DerKind {
  if (tlv.tag !== Tag.SEQUENCE) return 'unknown';
  let c: Tlv[];
  try {
    c = readChildren(buf, tlv);
  } catch (err) {
    if (err instanceof DerError) return 'unknown';
    throw err;
  }
  const [c0, c1, c2] = c;
  if (!c0) return 'unknown';
  try {
    if (c0.tag === Tag.SEQUENCE) {
      if (c.length === 3 && c1.tag === Tag.SEQUENCE && c2.tag === Tag.BIT_STRING) {
        const inner = readChildren(buf, c0);
        if (inner[0]?.tag === 0xa0) return 'certificate';
        if (inner[0]?.tag === Tag.INTEGER && inner.length === 4 && inner[3].tag === 0xa0) return 'certificate-request';
        if (inner[0]?.tag === Tag.INTEGER && inner.length >= 6 && inner[3]?.tag === Tag.SEQUENCE) return 'certificate';
        return 'unknown';
      }
      if (c.length === 2 && c1.tag === Tag.OCTET_STRING) {
        const alg = readTlv(buf, c0.valueStart, c0.end);
        if (alg.tag === Tag.OID) return 'encrypted-pkcs8';
      }
      return 'unknown';
    }
    if (c0.tag === Tag.INTEGER) {
      const v = small(buf, c0);
      if (v === 3 && c1?.tag === Tag.SEQUENCE && c1.valueStart < c1.end && buf[c1.valueStart] === Tag.OID) return 'pkcs12';
      if ((v === 0 || v === 1) && c1?.tag === Tag.SEQUENCE && c2?.tag === Tag.OCTET_STRING) return 'pkcs8';
      if (v === 1 && c1?.tag === Tag.OCTET_STRING) return 'sec1-ec';
      if (v === 0 && c.length >= 9 && c.every((x) => x.tag === Tag.INTEGER)) return 'pkcs1-rsa';
      if (v === 0 && c.length === 6 && c.every((x) => x.tag === Tag.INTEGER)) return 'dsa-private-key';
      return 'unknown';
    }
    if (c0.tag === Tag.OID && oidKey(buf, c0) === SIGNED_DATA) return 'pkcs7';
  } catch (err) {
    if (err instanceof DerError) return 'unknown';
    throw err;
  }
  return 'unknown';
}

/**
 * The certificates of a PKCS#7 SignedData (RFC 2315 §9.1, a ".p7b" bundle): the DER elements
 * of its `certificates [0] IMPLICIT` set, in order. Throws DerError when malformed.
 */
export function pkcs7Certificates(buf: Buffer, tlv: Tlv): Tlv[] {
  const [, content] = readChildren(buf, tlv);
  if (!content || content.tag !== 0xa0) throw new DerError('PKCS#7: missing content');
  const signedData = readTlv(buf, content.valueStart, content.end);
  if (signedData.tag !== Tag.SEQUENCE) throw new DerError('PKCS#7: SignedData must be a SEQUENCE');
  const parts = readChildren(buf, signedData);
  const certs = parts.find((p) => p.tag === 0xa0);
  if (!certs) return [];
  return readChildren(buf, certs);
}
