import { Type, type TSchema } from 'typebox';
import { effectiveStatus, type CertificateRecord } from '../../domain/certificate.js';
import type { ManagedInfo } from '../../domain/managed-certificate.js';
import type { CertificateDetails } from './certificate-details-service.js';

const Nullable = <T extends TSchema>(t: T) => Type.Union([t, Type.Null()]);
const Str = Nullable(Type.String());

const Authentification = Type.Object({
  record_name: Type.String(),
  record_type: Type.String(),
  record_value: Type.String(),
  domain: Type.String(),
});

const ApplicationInfo = Type.Object({
  country: Str,
  company_name: Str,
  company_province: Str,
  company_city: Str,
  applicant_name: Str,
  applicant_phone: Str,
  applicant_email: Str,
  contact_name: Str,
  contact_phone: Str,
  contact_email: Str,
});

/**
 * Huawei Cloud SCM's certificate details: every field the vendor documents, with its documented
 * type, null where certkeeper does not know it, in the order of the vendor's example (the
 * fields only its table has come before `authentification`). See
 * src/compat/huawei-scm/README.md, 'Mapping' and 'Ambiguities'.
 */
export const ScmCertificateSchema = Type.Object({
  id: Type.String({ description: 'the certificate uid (16 characters [a-z0-9])' }),
  order_id: Str,
  name: Type.String(),
  type: Str,
  brand: Str,
  push_support: Type.String(),
  revoke_reason: Str,
  status: Type.String({ description: 'ISSUED, CHECKING, UNPASSED, EXPIRED, REVOKED or UPLOAD' }),
  signature_algorithm: Str,
  issue_time: Str,
  not_before: Str,
  not_after: Str,
  validity_period: Nullable(Type.Integer()),
  validation_method: Str,
  domain_type: Type.String(),
  multi_domain_type: Str,
  domain: Type.String(),
  sans: Str,
  domain_count: Type.Integer(),
  wildcard_count: Type.Integer(),
  fingerprint: Str,
  enterprise_project_id: Type.String({ description: 'certkeeper: the project of the certificate' }),
  shared: Type.Boolean(),
  application_info: ApplicationInfo,
  description: Str,
  authentification: Type.Array(Authentification),
});

export interface ScmAuthentification {
  record_name: string;
  record_type: string;
  record_value: string;
  domain: string;
}

export interface ScmCertificateView {
  id: string;
  order_id: string | null;
  name: string;
  type: string | null;
  brand: string | null;
  push_support: string;
  revoke_reason: string | null;
  status: string;
  signature_algorithm: string | null;
  issue_time: string | null;
  not_before: string | null;
  not_after: string | null;
  validity_period: number | null;
  validation_method: string | null;
  domain_type: string;
  multi_domain_type: string | null;
  domain: string;
  sans: string | null;
  domain_count: number;
  wildcard_count: number;
  fingerprint: string | null;
  enterprise_project_id: string;
  shared: boolean;
  application_info: Record<(typeof applicationInfoKeys)[number], string | null>;
  description: string | null;
  authentification: ScmAuthentification[];
}

const applicationInfoKeys = [
  'country',
  'company_name',
  'company_province',
  'company_city',
  'applicant_name',
  'applicant_phone',
  'applicant_email',
  'contact_name',
  'contact_phone',
  'contact_email',
] as const;

/** SCM's status (src/compat/huawei-scm/README.md, 'Mapping'); expired is derived from notAfter and `now`. */
export function scmStatus(record: Pick<CertificateRecord, 'status' | 'notAfter' | 'source'>, now: Date): string {
  switch (effectiveStatus(record.status, record.notAfter, now)) {
    case 'pending_validation':
    case 'validating':
      return 'CHECKING';
    case 'failed':
      return 'UNPASSED';
    case 'revoked':
      return 'REVOKED';
    case 'expired':
      return 'EXPIRED';
    case 'issued':
      // Issued by certkeeper → ISSUED; brought in from elsewhere → UPLOAD ("being managed").
      return record.source === 'acme' ? 'ISSUED' : 'UPLOAD';
  }
}

/** CA/Browser Forum reserved policy OIDs (Baseline Requirements §7.1.6.1, EV Guidelines §9.3.2). */
const cabfPolicies: ReadonlyArray<[string, string]> = [
  ['2.23.140.1.1', 'EV_SSL_CERT'],
  ['2.23.140.1.2.2', 'OV_SSL_CERT'],
  ['2.23.140.1.2.1', 'DV_SSL_CERT'],
];

/**
 * SCM's type: a certificate certkeeper issues through ACME is domain-validated; any other from
 * its CA/Browser Forum policy OID, the strongest validation first (EV, OV, DV); null when it
 * carries none of them (e.g. individual-validated 2.23.140.1.2.3, which SCM has no name for).
 */
export function scmType(source: CertificateRecord['source'], policyOids: readonly string[]): string | null {
  if (source === 'acme') return 'DV_SSL_CERT';
  return cabfPolicies.find(([oid]) => policyOids.includes(oid))?.[1] ?? null;
}

/** The CAs SCM names, by the issuer organization's name. */
const brands: ReadonlyArray<[RegExp, string]> = [
  [/globalsign/i, 'GLOBALSIGN'],
  [/symantec/i, 'SYMANTEC'],
  [/geotrust/i, 'GEOTRUST'],
  [/^cfca$|china financial certification/i, 'CFCA'],
];

/** SCM's brand: the issuer's O= (one of SCM's names when it is one of those CAs), or null when the issuer has no O. */
export function scmBrand(issuer: string): string | null {
  const org = dnAttribute(issuer, 'O');
  if (org === null) return null;
  return brands.find(([re]) => re.test(org))?.[1] ?? org;
}

/**
 * The first value of an attribute in a one-line RFC 4514 distinguished name as
 * `parseCertificate` writes it ("CN=a, O=Org\, Inc., C=US"), unescaped; null when absent.
 */
export function dnAttribute(dn: string, type: string): string | null {
  for (const rdn of splitUnescaped(dn, ',')) {
    for (const atv of splitUnescaped(rdn, '+')) {
      const eq = atv.indexOf('=');
      if (eq > 0 && atv.slice(0, eq).trim() === type) return unescapeValue(atv.slice(eq + 1));
    }
  }
  return null;
}

function splitUnescaped(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && i + 1 < text.length) {
      current += ch + text[i + 1];
      i++;
    } else if (ch === separator) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  // RDNs are joined by ", ": the space after the comma is not part of the value.
  return parts.map((p) => p.replace(/^ /, ''));
}

/** RFC 4514 §2.4 escapes: `\` + special character, or `\XX` hex of a UTF-8 byte. */
function unescapeValue(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '\\' && /^[0-9a-fA-F]{2}$/.test(value.slice(i + 1, i + 3))) {
      bytes.push(parseInt(value.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (ch === '\\' && i + 1 < value.length) {
      bytes.push(...Buffer.from(value[i + 1], 'utf8'));
      i++;
    } else bytes.push(...Buffer.from(ch, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

const DAY_MS = 86_400_000;
const MONTH_MS = (365.2425 / 12) * DAY_MS;

/** Whole months from notBefore to notAfter, rounded (90 days → 3, 365 days → 12, 398 → 13). */
export function validityMonths(notBefore: Date, notAfter: Date): number {
  return Math.max(0, Math.round((notAfter.getTime() - notBefore.getTime()) / MONTH_MS));
}

/** The last path segment of the ACME order URL, when it fits SCM's 63 characters. */
function orderId(managed: ManagedInfo | null): string | null {
  const segment = managed?.orderUrl?.replace(/\/+$/, '').split('/').pop();
  return segment && segment.length <= 63 ? segment : null;
}

const challengeMethods: Record<ManagedInfo['challengeType'], string> = { 'dns-01': 'DNS', 'http-01': 'FILE' };

/** dns-01 records to publish (RFC 8555 §8.4), as SCM's Authentification objects. */
function authentification(managed: ManagedInfo | null): ScmAuthentification[] {
  if (!managed || managed.challengeType !== 'dns-01') return [];
  return managed.dnsRecords.map((r) => ({ record_name: r.key, record_type: 'TXT', record_value: r.value, domain: r.key.replace(/^_acme-challenge\./, '') }));
}

/**
 * A certificate as Huawei Cloud SCM shows it. The certificate's names (domainName then SANs) are
 * one domain (SINGLE_DOMAIN, or WILDCARD when it is `*.…`) or several (MULTI_DOMAIN, with
 * multi_domain_type primary_single / primary_wildcard after domainName); `sans` lists the names
 * other than domainName, comma-separated (null when none); `domain_count` counts every name and
 * `wildcard_count` the wildcard ones. Fields read from the certificate material (signature
 * algorithm, times, validity, fingerprint) are null while a managed slot has no material yet.
 */
export function scmCertificateView(details: CertificateDetails, now: Date): ScmCertificateView {
  const { record: rec, managed, hasMaterial } = details;
  const names = [...new Set([rec.domainName, ...rec.sans].map((n) => n.toLowerCase()).filter((n) => n !== ''))];
  const others = rec.sans.filter((s) => s.toLowerCase() !== rec.domainName.toLowerCase());
  const wildcard = (n: string) => n.startsWith('*.');
  const primaryWildcard = wildcard(rec.domainName);
  const multi = names.length > 1;
  const material = <T>(value: T): T | null => (hasMaterial ? value : null);
  return {
    id: rec.uid,
    order_id: orderId(managed),
    name: rec.domainName,
    type: scmType(rec.source, details.policyOids),
    brand: material(scmBrand(rec.issuer)),
    push_support: 'OFF',
    revoke_reason: managed?.revokeReason ?? null,
    status: scmStatus(rec, now),
    signature_algorithm: material(rec.signatureAlgorithm),
    issue_time: material(rec.notBefore.toISOString()),
    not_before: material(rec.notBefore.toISOString()),
    not_after: material(rec.notAfter.toISOString()),
    validity_period: material(validityMonths(rec.notBefore, rec.notAfter)),
    validation_method: managed ? challengeMethods[managed.challengeType] : null,
    domain_type: multi ? 'MULTI_DOMAIN' : primaryWildcard ? 'WILDCARD' : 'SINGLE_DOMAIN',
    multi_domain_type: multi ? (primaryWildcard ? 'primary_wildcard' : 'primary_single') : null,
    domain: rec.domainName,
    sans: others.length > 0 ? others.join(',') : null,
    domain_count: Math.max(1, names.length),
    wildcard_count: names.filter(wildcard).length,
    fingerprint: material(rec.fingerprintSha1),
    enterprise_project_id: rec.projectId,
    shared: rec.scopeId === 1,
    application_info: {
      // What the subject of an OV/EV certificate says about its holder; the rest is not known.
      country: dnAttribute(rec.subject, 'C'),
      company_name: dnAttribute(rec.subject, 'O'),
      company_province: dnAttribute(rec.subject, 'ST'),
      company_city: dnAttribute(rec.subject, 'L'),
      applicant_name: null,
      applicant_phone: null,
      applicant_email: null,
      contact_name: null,
      contact_phone: null,
      contact_email: null,
    },
    description: null,
    authentification: authentification(managed),
  };
}
