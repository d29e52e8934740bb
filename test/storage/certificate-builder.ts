import { randomBytes, randomUUID } from 'node:crypto';
import type { ManagedState } from '../../src/ports/managed-certificate-repository.js';
import type { MaterialRecord, NewCertificate } from '../../src/ports/certificate-repository.js';

const DAY_MS = 86_400_000;

export interface CertificateFixture {
  cert: NewCertificate;
  material: MaterialRecord;
}

/**
 * A plain certificate slot and its first material; storage tests need no real X.509.
 * `materialOverrides` tweak the material (e.g. an encrypted key).
 */
export function aCertificate(
  overrides: Partial<NewCertificate> = {},
  materialOverrides: Partial<MaterialRecord> = {},
): CertificateFixture {
  const now = new Date('2026-03-15T10:30:00.000Z');
  const materialId = overrides.sslCertificateId ?? randomUUID();
  const domainName = overrides.domainName ?? `host-${randomBytes(4).toString('hex')}.example.com`;
  const fingerprintSha256 = overrides.fingerprintSha256 ?? randomBytes(32).toString('hex');
  const cert: NewCertificate = {
    projectId: 'p1',
    organizationId: 'o1',
    scopeId: 0,
    source: 'imported',
    kind: 'tls',
    status: 'issued',
    sslCertificateId: materialId,
    domainName,
    sans: overrides.sans ?? [domainName],
    subject: `CN=${domainName}`,
    issuer: 'CN=Test CA, O=Test',
    serialNumber: randomBytes(8).toString('hex').toUpperCase(),
    notBefore: new Date(now.getTime() - 30 * DAY_MS),
    notAfter: new Date(now.getTime() + 60 * DAY_MS),
    fingerprintSha1: randomBytes(20).toString('hex'),
    fingerprintSha256,
    publicKeyInfo: 'EC P-256',
    signatureAlgorithm: 'ecdsa-with-SHA256',
    keyUsage: ['digitalSignature'],
    extendedKeyUsage: ['serverAuth'],
    apple: null,
    hasPrivateKey: false,
    createdAt: now,
    lastModified: now,
    ...overrides,
  };
  const material: MaterialRecord = {
    id: materialId,
    certificateId: 0,
    certificateDer: randomBytes(64),
    chainPem: '',
    encryptedKey: null,
    fingerprintSha256,
    notBefore: cert.notBefore,
    notAfter: cert.notAfter,
    createdAt: cert.createdAt,
    ...materialOverrides,
  };
  return { cert, material };
}

/** The issuing state of a managed slot (automated http-01, nothing pending); `overrides` set what a test is about. */
export function aManagedState(certificateId: number, overrides: Partial<ManagedState> = {}): ManagedState {
  return {
    certificateId,
    challengeType: 'http-01',
    keyType: 'ec-p256',
    identifiers: ['x.example.com'],
    dnsRecords: [],
    orderUrl: null,
    orderCreatedAt: null,
    renewAt: null,
    nextAttemptAt: null,
    failureCount: 0,
    lastProblem: null,
    revokeReason: null,
    automated: true,
    pendingKey: null,
    updatedAt: new Date('2026-03-15T10:30:00.000Z'),
    ...overrides,
  };
}
