import type { AppleInfo, CertificateKind, CertificateRecord, CertificateSource, LifecycleStatus, ScopeId } from '../domain/certificate.js';
import type { MaterialRecord } from '../ports/store.js';
import type { CertificatesTable, CertificateMaterialsTable } from './database.js';

/** A certificates row as selected (the generated id is a plain number). */
export type CertificateRow = Omit<CertificatesTable, 'id'> & { id: number };

/** Lower-cased, de-duplicated names of a certificate: its domain name and SANs. */
export function certificateNames(domainName: string, sans: readonly string[]): string[] {
  return [...new Set([domainName, ...sans].map((n) => n.toLowerCase()).filter((n) => n !== ''))];
}

export function toCertificateRecord(row: CertificateRow): CertificateRecord {
  return {
    id: Number(row.id),
    uid: row.uid,
    projectId: row.project_id,
    organizationId: row.organization_id,
    scopeId: Number(row.scope_id) as ScopeId,
    source: row.source as CertificateSource,
    kind: row.kind as CertificateKind,
    status: row.status as LifecycleStatus,
    sslCertificateId: row.ssl_certificate_id,
    domainName: row.domain_name,
    sans: JSON.parse(row.sans) as string[],
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serial_number,
    notBefore: new Date(Number(row.not_before)),
    notAfter: new Date(Number(row.not_after)),
    fingerprintSha1: row.fingerprint_sha1,
    fingerprintSha256: row.fingerprint_sha256,
    publicKeyInfo: row.public_key_info,
    signatureAlgorithm: row.signature_algorithm,
    keyUsage: JSON.parse(row.key_usage) as string[],
    extendedKeyUsage: JSON.parse(row.extended_key_usage) as string[],
    apple: row.apple === null ? null : (JSON.parse(row.apple) as AppleInfo),
    hasPrivateKey: Number(row.has_private_key) !== 0,
    createdAt: new Date(Number(row.created_at)),
    lastModified: new Date(Number(row.last_modified)),
  };
}

export function toMaterialRecord(row: CertificateMaterialsTable): MaterialRecord {
  return {
    id: row.id,
    certificateId: Number(row.certificate_id),
    certificateDer: Buffer.from(row.der),
    chainPem: row.chain_pem,
    encryptedKey: row.encrypted_key === null ? null : Buffer.from(row.encrypted_key),
    fingerprintSha256: row.fingerprint_sha256,
    notBefore: new Date(Number(row.not_before)),
    notAfter: new Date(Number(row.not_after)),
    createdAt: new Date(Number(row.created_at)),
  };
}
