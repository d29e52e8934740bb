import { Type } from 'typebox';
import { domainToUnicode } from 'node:url';
import {
  additionalNames,
  daysLeft,
  effectiveStatus,
  scopeNames,
  scopeOptions,
  type AppleInfo,
  type CertificateRecord,
  type CertificateSource,
} from '../domain/certificate.js';
import type { AcmeProblem, ManagedInfo } from '../domain/managed-certificate.js';
import { isoDateTime } from './iso-date-time.js';
import { certificateStatusName } from './certificate-status-name.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** The native API's `certificateType` name of each source. */
const certificateTypeName: Record<CertificateSource, string> = {
  imported: 'Imported',
  acme: 'Managed',
  discovered: 'Discovered',
};

/** A certificate as the native API shows it: the fields of the CDN certificates API it is modelled on (docs/api.md), then certkeeper's own. */
export const CertificateView = Type.Object({
  id: Type.Integer({ description: 'int32, stable for the slot' }),
  projectId: Type.String({ format: 'uuid' }),
  organizationId: Type.String({ format: 'uuid' }),
  scopeId: Type.Integer({ description: '0 = Project, 1 = Organization' }),
  scope: Type.String({ description: 'Project or Organization' }),
  distributionId: Nullable(Type.String()),
  sslCertificateId: Type.String({ format: 'uuid', description: 'names the current material; changes on renewal' }),
  domainName: Type.String(),
  additionalNames: Type.String({ description: 'the SANs other than domainName, comma-separated' }),
  publicKeyInfo: Type.String(),
  signatureAlgorithm: Type.String(),
  issuer: Type.String(),
  certificateType: Type.String({ description: 'Imported, Managed or Discovered' }),
  certificateStatus: Type.String({ description: 'Active, Expired, Revoked, Failed, PendingValidation, Validating' }),
  certificateChallenge: Nullable(Type.String({ description: 'managed certificates: dns-01 or http-01' })),
  serialNumber: Type.String(),
  dnsRecords: Type.Array(Type.Object({ key: Type.String(), value: Type.String() }), { description: 'dns-01: the TXT records to publish for the pending order' }),
  notBefore: Nullable(Type.String({ format: 'date-time', description: 'null until a managed certificate is first issued' })),
  notAfter: Nullable(Type.String({ format: 'date-time', description: 'null until a managed certificate is first issued' })),
  scopeOptions: Type.Record(Type.String(), Type.Integer()),
  lastModified: Type.String({ format: 'date-time' }),
  uid: Type.String({ description: '16 characters [a-z0-9]' }),
  kind: Type.String({ description: 'tls, apns, pass, client, ca, other' }),
  source: Type.String({ description: 'imported, acme, discovered' }),
  status: Type.String({ description: 'lifecycle status with expiry applied: pending_validation, validating, issued, failed, revoked, expired' }),
  sans: Type.Array(Type.String()),
  sansUnicode: Type.Array(Type.String(), { description: 'sans with IDN labels shown in Unicode' }),
  domainNameUnicode: Type.String(),
  subject: Type.String(),
  fingerprintSha1: Type.String(),
  fingerprintSha256: Type.String(),
  daysLeft: Type.Union([Type.Integer(), Type.Null()], { description: 'whole days until notAfter, rounded down; negative once expired; null before issuance' }),
  hasPrivateKey: Type.Boolean(),
  keyUsage: Type.Array(Type.String()),
  extendedKeyUsage: Type.Array(Type.String()),
  apple: Type.Union([
    Type.Object({
      environments: Type.Optional(Type.Array(Type.String())),
      bundleId: Type.Optional(Type.String()),
      topics: Type.Optional(Type.Array(Type.String())),
      teamId: Type.Optional(Type.String()),
      passTypeIdentifier: Type.Optional(Type.String()),
      passTeamIdentifier: Type.Optional(Type.String()),
    }),
    Type.Null(),
  ]),
  createdAt: Type.String({ format: 'date-time' }),
  managed: Type.Union(
    [
      Type.Object({
        challengeType: Type.String(),
        keyType: Type.String(),
        renewAt: Nullable(Type.String({ format: 'date-time' })),
        nextAttemptAt: Nullable(Type.String({ format: 'date-time' })),
        failureCount: Type.Integer(),
        lastProblem: Type.Union([
          Type.Object({
            type: Type.String(),
            detail: Type.String(),
            hookStderr: Type.Optional(Type.String({ description: 'admins only: the last 4 KiB a failed exec DNS hook wrote to stderr (certkeeper:challenge_hook_failed)' })),
          }),
          Type.Null(),
        ]),
        revokeReason: Nullable(Type.String()),
      }),
      Type.Null(),
    ],
    { description: 'the issuing state of a certificate certkeeper issues and renews (source acme); null for the others' },
  ),
});

const dateOrNull = (d: Date | null): string | null => (d === null ? null : isoDateTime(d.getTime()));

/** What a certificate view shows beyond what every reader of the project sees. */
export interface CertificateViewOptions {
  /** For project admins (and superusers): a failed exec DNS hook's stderr, `managed.lastProblem.hookStderr`. */
  hookOutput?: boolean;
}

/**
 * The stored problem as this reader may see it. A hook failure stored before its output was
 * kept apart (no `hookStderr`) has the output and the hook's path in its detail: only admins
 * see that detail.
 */
function problemView(p: AcmeProblem | null, hookOutput: boolean) {
  if (!p) return null;
  if (p.type === 'certkeeper:challenge_hook_failed' && p.hookStderr === undefined && !hookOutput) return { type: p.type, detail: 'the DNS hook failed' };
  if (hookOutput && p.hookStderr !== undefined) return { type: p.type, detail: p.detail, hookStderr: p.hookStderr };
  return { type: p.type, detail: p.detail };
}

function managedView(m: ManagedInfo | null | undefined, hookOutput: boolean) {
  if (!m) return null;
  return {
    challengeType: m.challengeType,
    keyType: m.keyType,
    renewAt: dateOrNull(m.renewAt),
    nextAttemptAt: dateOrNull(m.nextAttemptAt),
    failureCount: m.failureCount,
    lastProblem: problemView(m.lastProblem, hookOutput),
    revokeReason: m.revokeReason,
  };
}

function unicode(name: string): string {
  if (!name.includes('xn--')) return name;
  return domainToUnicode(name) || name;
}

/** The apple object in the schema's key order, without absent or unknown keys (what the schema serializer writes). */
function appleView(apple: AppleInfo | null): AppleInfo | null {
  if (apple === null) return null;
  const out: AppleInfo = {};
  if (apple.environments !== undefined) out.environments = apple.environments;
  if (apple.bundleId !== undefined) out.bundleId = apple.bundleId;
  if (apple.topics !== undefined) out.topics = apple.topics;
  if (apple.teamId !== undefined) out.teamId = apple.teamId;
  if (apple.passTypeIdentifier !== undefined) out.passTypeIdentifier = apple.passTypeIdentifier;
  if (apple.passTeamIdentifier !== undefined) out.passTeamIdentifier = apple.passTeamIdentifier;
  return out;
}

/**
 * A certificate as the native API shows it, keys in the schema's order, so that
 * `JSON.stringify` of it writes the same text as the `CertificateView` schema serializer.
 */
export function certificateView(rec: CertificateRecord, now: Date, options: CertificateViewOptions = {}) {
  const status = effectiveStatus(rec.status, rec.notAfter, now);
  // A managed slot before its first issuance has no material: no dates to show.
  const issued = rec.issued !== false;
  return {
    id: rec.id,
    projectId: rec.projectId,
    organizationId: rec.organizationId,
    scopeId: rec.scopeId,
    scope: scopeNames[rec.scopeId],
    distributionId: null,
    sslCertificateId: rec.sslCertificateId,
    domainName: rec.domainName,
    additionalNames: additionalNames(rec.domainName, rec.sans),
    publicKeyInfo: rec.publicKeyInfo,
    signatureAlgorithm: rec.signatureAlgorithm,
    issuer: rec.issuer,
    certificateType: certificateTypeName[rec.source],
    certificateStatus: certificateStatusName[status],
    certificateChallenge: rec.managed?.challengeType ?? null,
    serialNumber: rec.serialNumber,
    dnsRecords: (rec.managed?.dnsRecords ?? []).map((r) => ({ key: r.key, value: r.value })),
    notBefore: issued ? isoDateTime(rec.notBefore.getTime()) : null,
    notAfter: issued ? isoDateTime(rec.notAfter.getTime()) : null,
    scopeOptions: scopeOptions,
    lastModified: isoDateTime(rec.lastModified.getTime()),
    uid: rec.uid,
    kind: rec.kind,
    source: rec.source,
    status,
    sans: rec.sans,
    sansUnicode: rec.sans.map(unicode),
    domainNameUnicode: unicode(rec.domainName),
    subject: rec.subject,
    fingerprintSha1: rec.fingerprintSha1,
    fingerprintSha256: rec.fingerprintSha256,
    daysLeft: issued ? daysLeft(rec.notAfter, now) : null,
    hasPrivateKey: rec.hasPrivateKey,
    keyUsage: rec.keyUsage,
    extendedKeyUsage: rec.extendedKeyUsage,
    apple: appleView(rec.apple),
    createdAt: isoDateTime(rec.createdAt.getTime()),
    managed: managedView(rec.managed, options.hookOutput === true),
  };
}

/** Printable ASCII but `"` and `\`: what JSON.stringify writes as it is. */
const PLAIN_JSON_TEXT = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/** `JSON.stringify(s)`: the string between quotes when nothing in it needs escaping (nearly always). */
function jsonString(s: string): string {
  return PLAIN_JSON_TEXT.test(s) ? '"' + s + '"' : JSON.stringify(s);
}

function jsonStringOrNull(s: string | null): string {
  return s === null ? 'null' : jsonString(s);
}

/** `JSON.stringify(a)` of an array of strings. */
function jsonStrings(a: readonly string[]): string {
  if (a.length === 0) return '[]';
  for (const s of a) if (!PLAIN_JSON_TEXT.test(s)) return JSON.stringify(a);
  return '["' + a.join('","') + '"]';
}

/** `JSON.stringify(n)`. */
function jsonNumber(n: number): string {
  return Number.isFinite(n) ? String(n) : 'null';
}

/** An ISO date-time (isoDateTime writes digits, `-`, `:`, `.`, `+`, `T` and `Z` only), or null. */
function jsonDate(ms: number | null): string {
  return ms === null ? 'null' : '"' + isoDateTime(ms) + '"';
}

const SCOPE_OPTIONS_JSON = JSON.stringify(scopeOptions);

/**
 * `JSON.stringify(certificateView(rec, now, options))`, written field by field: the same text
 * (a property test holds them equal over arbitrary records), made in under half the time.
 * JSON.stringify walks every property and checks every character of every string; here the
 * keys are literals and a string is checked once by a regular expression. The certificate
 * view is the hottest JSON the server writes (each GET by id, each item of a list page).
 * A field added to certificateView must be added here too: the property test fails until it is.
 */
export function certificateViewJson(rec: CertificateRecord, now: Date, options: CertificateViewOptions = {}): string {
  const status = effectiveStatus(rec.status, rec.notAfter, now);
  const issued = rec.issued !== false;
  const managed = rec.managed ?? null;
  const sans = jsonStrings(rec.sans);
  const sansUnicode = rec.sans.some((s) => s.includes('xn--')) ? jsonStrings(rec.sans.map(unicode)) : sans;
  return (
    '{"id":' + jsonNumber(rec.id) +
    ',"projectId":' + jsonString(rec.projectId) +
    ',"organizationId":' + jsonString(rec.organizationId) +
    ',"scopeId":' + jsonNumber(rec.scopeId) +
    ',"scope":' + jsonString(scopeNames[rec.scopeId]) +
    ',"distributionId":null' +
    ',"sslCertificateId":' + jsonString(rec.sslCertificateId) +
    ',"domainName":' + jsonString(rec.domainName) +
    ',"additionalNames":' + jsonString(additionalNames(rec.domainName, rec.sans)) +
    ',"publicKeyInfo":' + jsonString(rec.publicKeyInfo) +
    ',"signatureAlgorithm":' + jsonString(rec.signatureAlgorithm) +
    ',"issuer":' + jsonString(rec.issuer) +
    ',"certificateType":' + jsonString(certificateTypeName[rec.source]) +
    ',"certificateStatus":' + jsonString(certificateStatusName[status]) +
    ',"certificateChallenge":' + jsonStringOrNull(managed?.challengeType ?? null) +
    ',"serialNumber":' + jsonString(rec.serialNumber) +
    ',"dnsRecords":' + (managed?.dnsRecords?.length ? JSON.stringify(managed.dnsRecords.map((r) => ({ key: r.key, value: r.value }))) : '[]') +
    ',"notBefore":' + jsonDate(issued ? rec.notBefore.getTime() : null) +
    ',"notAfter":' + jsonDate(issued ? rec.notAfter.getTime() : null) +
    ',"scopeOptions":' + SCOPE_OPTIONS_JSON +
    ',"lastModified":' + jsonDate(rec.lastModified.getTime()) +
    ',"uid":' + jsonString(rec.uid) +
    ',"kind":' + jsonString(rec.kind) +
    ',"source":' + jsonString(rec.source) +
    ',"status":' + jsonString(status) +
    ',"sans":' + sans +
    ',"sansUnicode":' + sansUnicode +
    ',"domainNameUnicode":' + jsonString(unicode(rec.domainName)) +
    ',"subject":' + jsonString(rec.subject) +
    ',"fingerprintSha1":' + jsonString(rec.fingerprintSha1) +
    ',"fingerprintSha256":' + jsonString(rec.fingerprintSha256) +
    ',"daysLeft":' + (issued ? jsonNumber(daysLeft(rec.notAfter, now)) : 'null') +
    ',"hasPrivateKey":' + (rec.hasPrivateKey ? 'true' : 'false') +
    ',"keyUsage":' + jsonStrings(rec.keyUsage) +
    ',"extendedKeyUsage":' + jsonStrings(rec.extendedKeyUsage) +
    ',"apple":' + JSON.stringify(appleView(rec.apple)) +
    ',"createdAt":' + jsonDate(rec.createdAt.getTime()) +
    ',"managed":' + JSON.stringify(managedView(managed, options.hookOutput === true)) +
    '}'
  );
}
