/**
 * The parts of an X.509 certificate (RFC 5280 §4.1) that revocation checking needs, read with
 * the PKI module's DER reader: the serial as encoded, issuer and subject names as DER, the
 * subjectPublicKey bits, and the OCSP and CRL locations from the AIA (§4.2.2.1) and CRL
 * distribution points (§4.2.1.13) extensions.
 */
import { contents, DerError, encoding, expectTlv, oidToString, readChildren, readTlv, Tag, type Tlv } from '../pki/der.js';

export const revocationOids = {
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  adOcsp: '1.3.6.1.5.5.7.48.1',
  crlDistributionPoints: '2.5.29.31',
  extKeyUsage: '2.5.29.37',
  ocspSigning: '1.3.6.1.5.5.7.3.9',
} as const;

export interface CertificateFields {
  der: Buffer;
  /** The serialNumber INTEGER's content octets, as encoded (what an OCSP CertID carries). */
  serialContent: Buffer;
  /** Upper-case hex of the serial's magnitude (as OpenSSL and @peculiar/x509 print it). */
  serialHex: string;
  issuerDer: Buffer;
  subjectDer: Buffer;
  /** The SubjectPublicKeyInfo, whole. */
  spkiDer: Buffer;
  /** The subjectPublicKey BIT STRING's value without the unused-bits octet (hashed for OCSP key ids). */
  publicKeyBits: Buffer;
  /** Extension values (extnValue contents) by dotted OID. */
  extensions: Map<string, Buffer>;
}

/** Reads the fields; throws DerError on a malformed certificate. */
export function certificateFields(der: Buffer): CertificateFields {
  const cert = expectTlv(der, 0, der.length, Tag.SEQUENCE, 'Certificate');
  const [tbs] = readChildren(der, cert);
  if (!tbs || tbs.tag !== Tag.SEQUENCE) throw new DerError('Certificate: no tbsCertificate');
  const parts = readChildren(der, tbs);
  let i = parts[0]?.tag === 0xa0 ? 1 : 0; // [0] EXPLICIT version
  const serial = parts[i++];
  i++; // signature AlgorithmIdentifier
  const issuer = parts[i++];
  i++; // validity
  const subject = parts[i++];
  const spki = parts[i++];
  if (!serial || serial.tag !== Tag.INTEGER || !issuer || !subject || !spki || spki.tag !== Tag.SEQUENCE) {
    throw new DerError('tbsCertificate is missing fields');
  }
  const [, bits] = readChildren(der, spki);
  if (!bits || bits.tag !== Tag.BIT_STRING) throw new DerError('SubjectPublicKeyInfo has no BIT STRING');
  const extensions = new Map<string, Buffer>();
  for (const p of parts.slice(i)) {
    if (p.tag !== 0xa3) continue;
    const [list] = readChildren(der, p);
    for (const ext of readChildren(der, list)) {
      const fields = readChildren(der, ext);
      const value = fields[fields.length - 1];
      if (fields[0]?.tag !== Tag.OID || value?.tag !== Tag.OCTET_STRING) throw new DerError('malformed extension');
      extensions.set(oidToString(der, fields[0]), Buffer.from(contents(der, value)));
    }
  }
  const serialContent = Buffer.from(contents(der, serial));
  let magnitude = serialContent;
  while (magnitude.length > 1 && magnitude[0] === 0) magnitude = magnitude.subarray(1);
  return {
    der,
    serialContent,
    serialHex: magnitude.toString('hex').toUpperCase(),
    issuerDer: Buffer.from(encoding(der, issuer)),
    subjectDer: Buffer.from(encoding(der, subject)),
    spkiDer: Buffer.from(encoding(der, spki)),
    publicKeyBits: Buffer.from(contents(der, bits).subarray(1)),
    extensions,
  };
}

/** uniformResourceIdentifier [6] IA5String of a GeneralName, or null for another kind of name. */
function uriOf(buf: Buffer, name: Tlv): string | null {
  return name.tag === 0x86 ? buf.toString('latin1', name.valueStart, name.end) : null;
}

/** The OCSP responder URLs of the AIA extension (id-ad-ocsp access descriptions), in order. */
export function ocspUrls(fields: CertificateFields): string[] {
  const value = fields.extensions.get(revocationOids.authorityInfoAccess);
  if (!value) return [];
  const out: string[] = [];
  const seq = readTlv(value, 0);
  for (const ad of readChildren(value, seq)) {
    const [method, location] = readChildren(value, ad);
    if (method?.tag === Tag.OID && oidToString(value, method) === revocationOids.adOcsp && location) {
      const uri = uriOf(value, location);
      if (uri) out.push(uri);
    }
  }
  return out;
}

/**
 * The URLs of the CRL distribution points: each point's fullName URIs. Points with a
 * nameRelativeToCRLIssuer, a reasons subset or a cRLIssuer (indirect CRLs) are skipped: their
 * CRL does not simply cover every certificate of the issuer (RFC 5280 §4.2.1.13).
 */
export function crlUrls(fields: CertificateFields): string[] {
  const value = fields.extensions.get(revocationOids.crlDistributionPoints);
  if (!value) return [];
  const out: string[] = [];
  const seq = readTlv(value, 0);
  for (const dp of readChildren(value, seq)) {
    const members = readChildren(value, dp);
    if (members.some((m) => m.tag !== 0xa0)) continue; // reasons [1] or cRLIssuer [2]
    const dpName = members[0];
    if (!dpName) continue;
    const [fullName] = readChildren(value, dpName);
    if (fullName?.tag !== 0xa0) continue; // nameRelativeToCRLIssuer [1]
    for (const name of readChildren(value, fullName)) {
      const uri = uriOf(value, name);
      if (uri) out.push(uri);
    }
  }
  return out;
}

/** The EKU OIDs of a certificate (empty when it has no EKU extension). */
export function extendedKeyUsages(fields: CertificateFields): string[] {
  const value = fields.extensions.get(revocationOids.extKeyUsage);
  if (!value) return [];
  return readChildren(value, readTlv(value, 0)).map((t) => oidToString(value, t));
}
