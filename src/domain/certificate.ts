/** The certificate inventory's vocabulary (docs/api.md, "Concepts"). Pure types and functions; time is passed in. */
import type { ManagedInfo } from './managed-certificate.js';

export type CertificateKind = 'tls' | 'apns' | 'pass' | 'client' | 'ca' | 'other';
export type CertificateSource = 'imported' | 'acme' | 'discovered';
/** Stored lifecycle status. `expired` is never stored here: it is derived from notAfter. */
export type LifecycleStatus = 'pending_validation' | 'validating' | 'issued' | 'failed' | 'revoked';
export type EffectiveStatus = LifecycleStatus | 'expired';
/** 0 = Project, 1 = Organization (the native API's scopeId). */
export type ScopeId = 0 | 1;

export const scopeOptions = { Project: 0, Organization: 1 } as const;
export const scopeNames: Record<ScopeId, 'Project' | 'Organization'> = { 0: 'Project', 1: 'Organization' };

export const certificateKinds: readonly CertificateKind[] = ['tls', 'apns', 'pass', 'client', 'ca', 'other'];
export const certificateSources: readonly CertificateSource[] = ['imported', 'acme', 'discovered'];

/** What Apple-specific facts a certificate carries (read from Apple's extensions by pki/parse-certificate.ts). */
export interface AppleInfo {
  /** APNs: 'production' and/or 'development'. */
  environments?: Array<'production' | 'development'>;
  bundleId?: string;
  topics?: string[];
  teamId?: string;
  passTypeIdentifier?: string;
  passTeamIdentifier?: string;
}

/** A certificate slot as stored, with the facts of its current material denormalized onto it. */
export interface CertificateRecord {
  id: number;
  uid: string;
  projectId: string;
  organizationId: string;
  scopeId: ScopeId;
  source: CertificateSource;
  kind: CertificateKind;
  status: LifecycleStatus;
  sslCertificateId: string;
  domainName: string;
  sans: string[];
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: Date;
  notAfter: Date;
  fingerprintSha1: string;
  fingerprintSha256: string;
  publicKeyInfo: string;
  signatureAlgorithm: string;
  keyUsage: string[];
  extendedKeyUsage: string[];
  apple: AppleInfo | null;
  hasPrivateKey: boolean;
  createdAt: Date;
  lastModified: Date;
  /** The issuing state of a managed (source `acme`) slot; null or absent for the others. */
  managed?: ManagedInfo | null;
  /** false for a managed slot before its first issuance: the material facts above are placeholders. */
  issued?: boolean;
}

/** Lifecycle status as the clock sees it: an issued certificate past its notAfter is expired. */
export function effectiveStatus(status: LifecycleStatus, notAfter: Date, now: Date): EffectiveStatus {
  if (status === 'issued' && notAfter.getTime() <= now.getTime()) return 'expired';
  return status;
}

const DAY_MS = 86_400_000;

/** Whole days until notAfter, rounded down; negative once expired. */
export function daysLeft(notAfter: Date, now: Date): number {
  return Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
}

/** The SANs other than domainName, as the native API's comma-separated additionalNames. */
export function additionalNames(domainName: string, sans: readonly string[]): string {
  return sans.filter((s) => s !== domainName).join(',');
}
