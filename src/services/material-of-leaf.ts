import type { IssuedFacts, MaterialRecord } from '../ports/certificate-repository.js';
import type { ParsedCertificate } from '../pki/parsed-certificate.js';

/** The facts of a parsed leaf that a slot carries for its current material (import and issuance alike). */
export function issuedFactsOf(leaf: ParsedCertificate, materialId: string, hasPrivateKey: boolean): IssuedFacts {
  return {
    sslCertificateId: materialId,
    kind: leaf.kind,
    domainName: leaf.domainName,
    sans: leaf.sans,
    subject: leaf.subject,
    issuer: leaf.issuer,
    serialNumber: leaf.serialNumber,
    notBefore: leaf.notBefore,
    notAfter: leaf.notAfter,
    fingerprintSha1: leaf.fingerprintSha1,
    fingerprintSha256: leaf.fingerprintSha256,
    publicKeyInfo: leaf.publicKeyInfo,
    signatureAlgorithm: leaf.signatureAlgorithm,
    keyUsage: leaf.keyUsage,
    extendedKeyUsage: leaf.extendedKeyUsage,
    apple: leaf.apple,
    hasPrivateKey,
  };
}

/** The material row of a parsed leaf: DER, chain and sealed key (or null). */
export function materialOf(leaf: ParsedCertificate, materialId: string, certificateId: number, chainPem: string, encryptedKey: Buffer | null, at: Date): MaterialRecord {
  return {
    id: materialId,
    certificateId,
    certificateDer: leaf.der,
    chainPem,
    encryptedKey,
    fingerprintSha256: leaf.fingerprintSha256,
    notBefore: leaf.notBefore,
    notAfter: leaf.notAfter,
    createdAt: at,
  };
}
