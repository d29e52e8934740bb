import type { AppleInfo, CertificateKind } from '../domain/certificate.js';

/** Everything certkeeper reads out of one X.509 certificate (RFC 5280). */
export interface ParsedCertificate {
  der: Buffer;
  /** PEM of `der`, one CERTIFICATE block with a trailing newline. */
  pem: string;
  /** One-line distinguished names, most significant RDN last as OpenSSL prints them: "CN=a.example, O=Org, C=US". */
  subject: string;
  issuer: string;
  commonName: string | null;
  /** DNS names of the SAN extension as written in the certificate (A-labels, lower-cased). */
  dnsNames: string[];
  /** IP address SANs, textual. */
  ipAddresses: string[];
  /** The names certkeeper shows: dnsNames then ipAddresses; falls back to [commonName] when there is no SAN. */
  sans: string[];
  /** The primary name: the CN when it is one of the SANs, else the first SAN, else the CN, else the subject. */
  domainName: string;
  /** Unicode (U-label) forms of any IDN among sans, same order; equal to sans when none is IDN. */
  sansUnicode: string[];
  /** Upper-case hex of the serial's magnitude, no separators (as OpenSSL prints it). */
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  /** Lower-case hex, no separators. */
  fingerprintSha1: string;
  fingerprintSha256: string;
  /** Lower-case hex SHA-256 of the DER SubjectPublicKeyInfo: identifies the key pair. */
  spkiSha256: string;
  /** e.g. "RSA 2048", "EC P-256", "Ed25519". */
  publicKeyInfo: string;
  /** e.g. "sha256WithRSAEncryption", "ecdsa-with-SHA256", "ED25519". */
  signatureAlgorithm: string;
  /** RFC 5280 §4.2.1.3 names: digitalSignature, nonRepudiation, keyEncipherment, dataEncipherment, keyAgreement, keyCertSign, cRLSign, encipherOnly, decipherOnly. */
  keyUsage: string[];
  /** serverAuth, clientAuth, codeSigning, emailProtection, timeStamping, OCSPSigning, or the dotted OID when unnamed. */
  extendedKeyUsage: string[];
  isCa: boolean;
  selfSigned: boolean;
  /** Lower-case hex, or null when the extension is absent. */
  subjectKeyId: string | null;
  authorityKeyId: string | null;
  /** Classified from the certificate itself: Apple OIDs, EKUs, basic constraints. */
  kind: CertificateKind;
  apple: AppleInfo | null;
}

/** A private key read from the caller's input, normalized. */
export interface ParsedPrivateKey {
  /** PKCS#8 DER: what certkeeper encrypts and stores. */
  pkcs8Der: Buffer;
  /** Lower-case hex SHA-256 of the matching public key's DER SPKI. */
  spkiSha256: string;
  /** 'rsa' | 'ec' | 'ed25519' | 'ed448' */
  type: string;
}

/** What one import request resolves to, after every check passed. */
export interface ImportMaterial {
  leaf: ParsedCertificate;
  /** Issuers of leaf, ordered leaf's issuer first, up to (and including) a root if given. */
  chain: ParsedCertificate[];
  privateKey: ParsedPrivateKey | null;
  /** Human-readable notes for the envelope's `messages` (e.g. "chain was reordered"). */
  notes: string[];
}
