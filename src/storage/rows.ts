import type { AppleInfo, CertificateKind, CertificateRecord, CertificateSource, LifecycleStatus, ScopeId } from '../domain/certificate.js';
import type { AcmeProblem, ChallengeType, DnsRecord, KeyType, ManagedInfo } from '../domain/managed-certificate.js';
import type { MaterialRecord } from '../ports/certificate-repository.js';
import type { CertificatesTable, CertificateMaterialsTable } from './database.js';

/** A certificates row as selected (the generated id is a plain number). */
export type CertificateRow = Omit<CertificatesTable, 'id'> & { id: number };

/** Lower-cased, de-duplicated names of a certificate: its domain name and SANs. */
export function certificateNames(domainName: string, sans: readonly string[]): string[] {
  return [...new Set([domainName, ...sans].map((n) => n.toLowerCase()).filter((n) => n !== ''))];
}

/** A stored JSON array of strings; the common empty one without a parse. */
function stringArray(text: string): string[] {
  return text === '[]' ? [] : (JSON.parse(text) as string[]);
}

/** The certificates columns a record is read from, in the order `tupleToCertificateRecord` expects. */
export const certificateRecordColumns = [
  'id',
  'uid',
  'project_id',
  'organization_id',
  'scope_id',
  'source',
  'kind',
  'status',
  'ssl_certificate_id',
  'domain_name',
  'sans',
  'subject',
  'issuer',
  'serial_number',
  'not_before',
  'not_after',
  'fingerprint_sha1',
  'fingerprint_sha256',
  'public_key_info',
  'signature_algorithm',
  'key_usage',
  'extended_key_usage',
  'apple',
  'has_private_key',
  'created_at',
  'last_modified',
] as const;

/** The managed_certificates columns read with a record (LEFT JOIN, aliased `m_…`), in tuple order after the certificate's. */
export const managedRecordColumns = [
  'challenge_type',
  'key_type',
  'identifiers',
  'dns_records',
  'order_url',
  'order_created_at',
  'renew_at',
  'next_attempt_at',
  'failure_count',
  'last_problem',
  'revoke_reason',
] as const;

/** `mc.challenge_type as m_challenge_type`, … for a query that joined managed_certificates as mc. */
export const managedSelections = managedRecordColumns.map((c) => `mc.${c} as m_${c}` as const);

const optionalDate = (v: unknown): Date | null => (v === null || v === undefined ? null : new Date(Number(v)));

/** The managed state from the `m_…` values (in managedRecordColumns order), or null when the slot is not managed. */
export function tupleToManagedInfo(v: readonly unknown[], at: number): ManagedInfo | null {
  if (v[at] === null || v[at] === undefined) return null;
  return {
    challengeType: v[at] as ChallengeType,
    keyType: v[at + 1] as KeyType,
    identifiers: JSON.parse(v[at + 2] as string) as string[],
    dnsRecords: JSON.parse(v[at + 3] as string) as DnsRecord[],
    orderUrl: (v[at + 4] as string | null) ?? null,
    orderCreatedAt: optionalDate(v[at + 5]),
    renewAt: optionalDate(v[at + 6]),
    nextAttemptAt: optionalDate(v[at + 7]),
    failureCount: Number(v[at + 8] ?? 0),
    lastProblem: v[at + 9] ? (JSON.parse(v[at + 9] as string) as AcmeProblem) : null,
    revokeReason: (v[at + 10] as string | null) ?? null,
  };
}

function managedOfRow(row: Record<string, unknown>): ManagedInfo | null {
  if (!('m_challenge_type' in row)) return null;
  return tupleToManagedInfo(managedRecordColumns.map((c) => row[`m_${c}`]), 0);
}

/**
 * A record from the values of `certificateRecordColumns`, in that order (a raw SQLite row: an
 * array is cheaper to fetch than an object with 27 keys on the hottest read).
 */
export function tupleToCertificateRecord(v: readonly unknown[]): CertificateRecord {
  return {
    id: Number(v[0]),
    uid: v[1] as string,
    projectId: v[2] as string,
    organizationId: v[3] as string,
    scopeId: Number(v[4]) as ScopeId,
    source: v[5] as CertificateSource,
    kind: v[6] as CertificateKind,
    status: v[7] as LifecycleStatus,
    sslCertificateId: v[8] as string,
    domainName: v[9] as string,
    sans: stringArray(v[10] as string),
    subject: v[11] as string,
    issuer: v[12] as string,
    serialNumber: v[13] as string,
    notBefore: new Date(Number(v[14])),
    notAfter: new Date(Number(v[15])),
    fingerprintSha1: v[16] as string,
    fingerprintSha256: v[17] as string,
    publicKeyInfo: v[18] as string,
    signatureAlgorithm: v[19] as string,
    keyUsage: stringArray(v[20] as string),
    extendedKeyUsage: stringArray(v[21] as string),
    apple: v[22] === null ? null : (JSON.parse(v[22] as string) as AppleInfo),
    hasPrivateKey: Number(v[23]) !== 0,
    createdAt: new Date(Number(v[24])),
    lastModified: new Date(Number(v[25])),
    managed: v.length > 26 ? tupleToManagedInfo(v, 26) : null,
    issued: v[17] !== '',
  };
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
    sans: stringArray(row.sans),
    subject: row.subject,
    issuer: row.issuer,
    serialNumber: row.serial_number,
    notBefore: new Date(Number(row.not_before)),
    notAfter: new Date(Number(row.not_after)),
    fingerprintSha1: row.fingerprint_sha1,
    fingerprintSha256: row.fingerprint_sha256,
    publicKeyInfo: row.public_key_info,
    signatureAlgorithm: row.signature_algorithm,
    keyUsage: stringArray(row.key_usage),
    extendedKeyUsage: stringArray(row.extended_key_usage),
    apple: row.apple === null ? null : (JSON.parse(row.apple) as AppleInfo),
    hasPrivateKey: Number(row.has_private_key) !== 0,
    createdAt: new Date(Number(row.created_at)),
    lastModified: new Date(Number(row.last_modified)),
    managed: managedOfRow(row as unknown as Record<string, unknown>),
    issued: row.fingerprint_sha256 !== '',
  };
}

/** A materials row joined with its chain's PEM. */
export type MaterialRow = CertificateMaterialsTable & { chain_pem: string | null };

export function toMaterialRecord(row: MaterialRow): MaterialRecord {
  return {
    id: row.id,
    certificateId: Number(row.certificate_id),
    certificateDer: Buffer.from(row.der),
    chainPem: row.chain_pem ?? '',
    encryptedKey: row.encrypted_key === null ? null : Buffer.from(row.encrypted_key),
    fingerprintSha256: row.fingerprint_sha256,
    notBefore: new Date(Number(row.not_before)),
    notAfter: new Date(Number(row.not_after)),
    createdAt: new Date(Number(row.created_at)),
  };
}
