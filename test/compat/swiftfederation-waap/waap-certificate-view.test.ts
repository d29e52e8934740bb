import { describe, expect, it } from 'vitest';
import { waapCertificateView } from '../../../src/compat/swiftfederation-waap/waap-certificate-view.js';
import type { CertificateRecord, LifecycleStatus } from '../../../src/domain/certificate.js';
import type { AutocertStatus, CertType, ServiceDomain } from '../../../src/domain/service-domain.js';
import { aCertificate } from '../../storage/certificate-builder.js';

const REQUESTED = new Date('2026-05-28T06:35:55.467Z');

function domain(certType: CertType, certificateId: number | null, autocertStatus: AutocertStatus | null): ServiceDomain {
  return {
    serviceId: 67709,
    domain: 'test.example.com',
    certificateId,
    certType,
    autocertStatus,
    autocertRequestedAt: autocertStatus === null ? null : REQUESTED,
    createdAt: new Date('2026-05-01T00:00:00Z'),
  };
}

/** A record as the store reads it: `issued` false while a managed slot awaits its first certificate. */
function certificate(status: LifecycleStatus, source: 'acme' | 'imported' = 'acme', issued: boolean | undefined = status === 'issued' || status === 'revoked'): CertificateRecord {
  const { cert } = aCertificate({ domainName: 'test.example.com', sans: ['test.example.com'], status, source });
  return { ...cert, id: 2729, uid: 'abcdefghij012345', issued };
}

const validity = (c: CertificateRecord) => ({ validFrom: c.notBefore.getTime(), validTo: c.notAfter.getTime() });

describe('waapCertificateView: a domain as the WAAP shows it', () => {
  const issued = certificate('issued');
  const pending = certificate('pending_validation');
  const validating = certificate('validating');
  const failedSlot = certificate('failed');
  const revoked = certificate('revoked');
  const manual = certificate('issued', 'imported');

  it.each([
    ['auto, issuing, no certificate yet', domain('auto', null, 'issuing'), null, { certType: 'auto', autocertRequestStatus: 'issuing', autocertRequestTime: '2026-05-28T06:35:55.467Z' }],
    ['auto, issuing, its slot pending validation', domain('auto', 2729, 'issuing'), pending, { certType: 'auto', autocertRequestStatus: 'issuing', autocertRequestTime: '2026-05-28T06:35:55.467Z' }],
    ['auto, issuing, its slot validating', domain('auto', 2729, 'issuing'), validating, { certType: 'auto', autocertRequestStatus: 'issuing', autocertRequestTime: '2026-05-28T06:35:55.467Z' }],
    [
      'auto, issued',
      domain('auto', 2729, 'issued'),
      issued,
      { certificateId: 2729, certificateName: 'test.example.com', certType: 'auto', autocertRequestStatus: 'issued', autocertRequestTime: '2026-05-28T06:35:55.467Z', ...validity(issued) },
    ],
    ['auto, failed, no certificate', domain('auto', null, 'failed'), null, { certType: 'auto', autocertRequestStatus: 'failed', autocertRequestTime: '2026-05-28T06:35:55.467Z' }],
    ['auto, failed, its slot failed', domain('auto', 2729, 'failed'), failedSlot, { certType: 'auto', autocertRequestStatus: 'failed', autocertRequestTime: '2026-05-28T06:35:55.467Z' }],
    [
      'auto, issued then revoked',
      domain('auto', 2729, 'issued'),
      revoked,
      { certificateId: 2729, certificateName: 'test.example.com', certType: 'auto', autocertRequestStatus: 'issued', autocertRequestTime: '2026-05-28T06:35:55.467Z', ...validity(revoked) },
    ],
    ['manual', domain('manual', 2729, null), manual, { certificateId: 2729, certificateName: 'test.example.com', certType: 'manual', ...validity(manual) }],
    [
      'manual after a failed auto request (the vendor’s example)',
      domain('manual', 2729, 'failed'),
      manual,
      { certificateId: 2729, certificateName: 'test.example.com', certType: 'manual', autocertRequestStatus: 'failed', autocertRequestTime: '2026-05-28T06:35:55.467Z', ...validity(manual) },
    ],
    ['auto, issuing, a record without the issued flag (status decides)', domain('auto', 2729, 'issuing'), certificate('validating', 'acme', undefined), { certType: 'auto', autocertRequestStatus: 'issuing', autocertRequestTime: '2026-05-28T06:35:55.467Z' }],
    [
      'manual, a record without the issued flag (status decides)',
      domain('manual', 2729, null),
      certificate('issued', 'imported', undefined),
      { certificateId: 2729, certificateName: 'test.example.com', certType: 'manual', ...validity(manual) },
    ],
    ['none', domain('none', null, null), null, { certType: 'none' }],
    ['none after an auto request', domain('none', null, 'issued'), null, { certType: 'none' }],
  ])('%s', (_name, d, cert, expected) => {
    const view = waapCertificateView(d, cert);
    // Exact keys in the example's order, nothing else.
    expect(JSON.stringify(view)).toBe(JSON.stringify(expected));
  });
});
