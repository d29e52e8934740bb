import { describe, expect, it } from 'vitest';
import { dnAttribute, scmBrand, scmCertificateView, scmType, validityMonths } from '../../../src/compat/huawei-scm/scm-certificate-view.js';
import type { CertificateRecord, CertificateSource, LifecycleStatus } from '../../../src/domain/certificate.js';
import type { ManagedInfo } from '../../../src/domain/managed-certificate.js';
import type { CertificateDetails } from '../../../src/compat/huawei-scm/certificate-details-service.js';
import { aCertificate } from '../../storage/certificate-builder.js';

const NOW = new Date('2026-03-15T10:30:00.000Z');
const DAY = 86_400_000;

function managed(overrides: Partial<ManagedInfo> = {}): ManagedInfo {
  return {
    challengeType: 'dns-01',
    keyType: 'ec-p256',
    identifiers: ['shop.example.com', '*.shop.example.com'],
    dnsRecords: [],
    orderUrl: 'https://acme.example/acme/order/1234/5678',
    orderCreatedAt: new Date('2026-03-15T10:00:00Z'),
    renewAt: null,
    nextAttemptAt: null,
    failureCount: 0,
    lastProblem: null,
    revokeReason: null,
    ...overrides,
  };
}

function details(status: LifecycleStatus, source: CertificateSource, info: ManagedInfo | null, extra: Partial<CertificateRecord> = {}, hasMaterial = true, policyOids: string[] = []): CertificateDetails {
  const { cert } = aCertificate({ domainName: 'shop.example.com', sans: ['shop.example.com', '*.shop.example.com'], status, source, ...extra });
  return { record: { ...cert, id: 7, uid: 'abcdefghij012345' }, managed: info, hasMaterial, policyOids };
}

const dnsRecords = [
  { key: '_acme-challenge.shop.example.com', value: 'tok-apex' },
  { key: '_acme-challenge.shop.example.com', value: 'tok-wildcard' },
];

describe('scmCertificateView: every row of the status table in src/compat/huawei-scm/README.md', () => {
  it.each([
    [
      'pending_validation, dns-01',
      details('pending_validation', 'acme', managed({ dnsRecords }), {}, false),
      {
        status: 'CHECKING',
        validation_method: 'DNS',
        type: 'DV_SSL_CERT',
        order_id: '5678',
        authentification: [
          { record_name: '_acme-challenge.shop.example.com', record_type: 'TXT', record_value: 'tok-apex', domain: 'shop.example.com' },
          { record_name: '_acme-challenge.shop.example.com', record_type: 'TXT', record_value: 'tok-wildcard', domain: 'shop.example.com' },
        ],
        // No material yet: what would come from it is unknown.
        fingerprint: null,
        not_before: null,
        not_after: null,
        issue_time: null,
        signature_algorithm: null,
        validity_period: null,
        brand: null,
      },
    ],
    ['validating, http-01', details('validating', 'acme', managed({ challengeType: 'http-01' }), {}, false), { status: 'CHECKING', validation_method: 'FILE', authentification: [], fingerprint: null }],
    ['issued, managed', details('issued', 'acme', managed()), { status: 'ISSUED', validation_method: 'DNS', type: 'DV_SSL_CERT', authentification: [], brand: 'Test', not_before: '2026-02-13T10:30:00.000Z' }],
    ['issued, imported', details('issued', 'imported', null, {}, true, ['2.23.140.1.2.1']), { status: 'UPLOAD', validation_method: null, type: 'DV_SSL_CERT', order_id: null, authentification: [] }],
    ['issued, discovered', details('issued', 'discovered', null), { status: 'UPLOAD', validation_method: null, type: null }],
    [
      'failed',
      details('failed', 'acme', managed({ failureCount: 3, lastProblem: { type: 'urn:ietf:params:acme:error:dns', detail: 'NXDOMAIN' } }), {}, false),
      { status: 'UNPASSED', validation_method: 'DNS', fingerprint: null },
    ],
    ['revoked', details('revoked', 'acme', managed({ revokeReason: 'keyCompromise' })), { status: 'REVOKED', revoke_reason: 'keyCompromise' }],
    ['revoked, imported', details('revoked', 'imported', null), { status: 'REVOKED', revoke_reason: null }],
    ['expired (derived), managed', details('issued', 'acme', managed(), { notAfter: new Date(NOW.getTime() - 1) }), { status: 'EXPIRED', not_after: '2026-03-15T10:29:59.999Z' }],
    ['expired (derived), imported', details('issued', 'imported', null, { notAfter: NOW }), { status: 'EXPIRED' }],
  ])('%s', (_name, input, expected) => {
    const view = scmCertificateView(input, NOW);
    expect(view).toMatchObject(expected);
    expect(view).toMatchObject({ id: 'abcdefghij012345', name: 'shop.example.com', domain: 'shop.example.com', domain_type: 'MULTI_DOMAIN', multi_domain_type: 'primary_single', domain_count: 2, wildcard_count: 1, sans: '*.shop.example.com' });
    if (input.hasMaterial) expect(view.fingerprint).toBe(input.record.fingerprintSha1);
  });
});

describe('scm mapping helpers', () => {
  it.each([
    ['acme', [], 'DV_SSL_CERT'],
    ['acme', ['2.23.140.1.1'], 'DV_SSL_CERT'],
    ['imported', ['2.23.140.1.2.1'], 'DV_SSL_CERT'],
    ['imported', ['2.23.140.1.2.2'], 'OV_SSL_CERT'],
    ['imported', ['1.3.6.1.4.1.4146.1.20', '2.23.140.1.1'], 'EV_SSL_CERT'],
    ['imported', ['2.23.140.1.2.1', '2.23.140.1.2.2'], 'OV_SSL_CERT'],
    ['imported', ['2.23.140.1.2.3'], null],
    ['imported', [], null],
  ] as const)('type of %s with %j is %s', (source, oids, expected) => {
    expect(scmType(source, oids)).toBe(expected);
  });

  it.each([
    ['CN=GlobalSign GCC R3 DV TLS CA 2020, O=GlobalSign nv-sa, C=BE', 'GLOBALSIGN'],
    ['CN=Symantec Class 3 Secure Server CA - G4, OU=Symantec Trust Network, O=Symantec Corporation, C=US', 'SYMANTEC'],
    ['CN=GeoTrust RSA CA 2018, OU=www.digicert.com, O=DigiCert Inc, C=US', 'DigiCert Inc'],
    ['CN=CFCA OV OCA, O=China Financial Certification Authority, C=CN', 'CFCA'],
    ['CN=R11, O=Let\'s Encrypt, C=US', "Let's Encrypt"],
    ['CN=Example CA, O=Example\\, Inc., C=US', 'Example, Inc.'],
    ['CN=Self Signed', null],
  ])('brand of %j is %j', (issuer, expected) => {
    expect(scmBrand(issuer)).toBe(expected);
  });

  it.each([
    ['CN=a, O=Org\\2C Inc\\C3\\A9, C=US', 'O', 'Org, Incé'],
    ['CN=a+UID=x, O=b', 'UID', 'x'],
    ['CN=\\ lead, O=b', 'CN', ' lead'],
    ['CN=a\\+b, O=c', 'CN', 'a+b'],
    ['CN=a', 'O', null],
  ])('dnAttribute(%j, %s) is %j', (dn, type, expected) => {
    expect(dnAttribute(dn, type)).toBe(expected);
  });

  it.each([
    [90, 3],
    [365, 12],
    [398, 13],
    [730, 24],
    [1, 0],
  ])('%i days are %i months', (days, months) => {
    const from = new Date('2026-01-01T00:00:00Z');
    expect(validityMonths(from, new Date(from.getTime() + days * DAY))).toBe(months);
  });

  it.each([
    [['a.example.com'], 'a.example.com', 'SINGLE_DOMAIN', null, 1, 0, null],
    [['*.example.com'], '*.example.com', 'WILDCARD', null, 1, 1, null],
    [['a.example.com', 'b.example.com'], 'a.example.com', 'MULTI_DOMAIN', 'primary_single', 2, 0, 'b.example.com'],
    [['*.example.com', 'example.com'], '*.example.com', 'MULTI_DOMAIN', 'primary_wildcard', 2, 1, 'example.com'],
  ])('names %j (primary %s) are %s', (sans, domainName, domainType, multiType, count, wildcards, others) => {
    const { cert } = aCertificate({ domainName, sans });
    const view = scmCertificateView({ record: { ...cert, id: 1, uid: 'abcdefghij012345' }, managed: null, hasMaterial: true, policyOids: [] }, NOW);
    expect(view).toMatchObject({ domain_type: domainType, multi_domain_type: multiType, domain_count: count, wildcard_count: wildcards, sans: others });
  });
});
