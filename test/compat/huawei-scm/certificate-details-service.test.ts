import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../src/domain/app-error.js';
import type { CertificateRecord } from '../../../src/domain/certificate.js';
import type { ManagedInfo } from '../../../src/domain/managed-certificate.js';
import { der } from '../../../src/pki/der.js';
import type { MaterialRecord } from '../../../src/ports/certificate-repository.js';
import type { Store } from '../../../src/ports/store.js';
import { AccessService } from '../../../src/services/access-service.js';
import { CertificateDetailsService } from '../../../src/compat/huawei-scm/certificate-details-service.js';
import type { Principal } from '../../../src/services/principal.js';
import { aCertificate as aTestCertificate } from '../../support/test-ca.js';
import { FakeClock } from '../../support/fake-clock.js';
import { aCertificate } from '../../storage/certificate-builder.js';

const UID = 'abcdefghij012345';
const superuser: Principal = { kind: 'api_key', keyId: 'k', superuser: true, organizationId: null, projectId: null, role: 'admin' };
const ovDer = aTestCertificate({ commonName: 'ov.example.com', extensions: [{ oid: '2.5.29.32', value: der.sequence(der.sequence(der.oid('2.23.140.1.2.2'))) }] }).certDer;

/** The service over a store holding one certificate and (maybe) its material. */
function serviceWith(record: CertificateRecord, material: Partial<MaterialRecord> | undefined) {
  const store = {
    certificates: {
      findByUid: async (uid: string) => (uid === record.uid ? record : undefined),
      getMaterial: async (id: string) => (material && id === record.sslCertificateId ? (material as MaterialRecord) : undefined),
    },
  } as unknown as Store;
  return new CertificateDetailsService(store, new AccessService(store, new FakeClock()));
}

function record(extra: Partial<CertificateRecord> = {}): CertificateRecord {
  const { cert } = aCertificate();
  return { ...cert, id: 1, uid: UID, ...extra };
}

const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: unknown) => (isAppError(e) ? e.code : String(e)));

describe('CertificateDetailsService.byUid', () => {
  it('reads the policies of the current material', async () => {
    const d = await serviceWith(record(), { certificateDer: ovDer }).byUid(superuser, UID);
    expect(d).toMatchObject({ hasMaterial: true, policyOids: ['2.23.140.1.2.2'], managed: null });
  });

  it('treats a managed slot before its first issuance as having no material, whatever rows exist', async () => {
    const managed = { challengeType: 'dns-01', dnsRecords: [] } as unknown as ManagedInfo;
    const d = await serviceWith(record({ issued: false, source: 'acme', status: 'pending_validation', managed }), { certificateDer: ovDer }).byUid(superuser, UID);
    expect(d).toMatchObject({ hasMaterial: false, policyOids: [], managed });
    expect((await serviceWith(record(), undefined).byUid(superuser, UID)).hasMaterial).toBe(false);
  });

  it('leaves the policies empty, not the request failed, when the stored DER cannot be read', async () => {
    const d = await serviceWith(record(), { certificateDer: Buffer.from('garbage') }).byUid(superuser, UID);
    expect(d).toMatchObject({ hasMaterial: true, policyOids: [] });
  });

  it('refuses a malformed uid, an unknown one, and another organization’s certificate', async () => {
    const service = serviceWith(record({ organizationId: 'o1', projectId: 'p1' }), { certificateDer: ovDer });
    expect(await codeOf(service.byUid(superuser, 'ABCDEFGHIJ012345'))).toBe('validation_failed');
    expect(await codeOf(service.byUid(superuser, 'zzzzzzzzzzzzzzzz'))).toBe('certificate_not_found');
    const stranger: Principal = { kind: 'api_key', keyId: 'x', superuser: false, organizationId: 'o2', projectId: null, role: 'admin' };
    expect(await codeOf(service.byUid(stranger, UID))).toBe('certificate_not_found');
    const sibling: Principal = { kind: 'api_key', keyId: 'y', superuser: false, organizationId: 'o1', projectId: 'p2', role: 'viewer' };
    expect(await codeOf(service.byUid(sibling, UID))).toBe('forbidden');
    const orgWide: Principal = { kind: 'api_key', keyId: 'z', superuser: false, organizationId: 'o1', projectId: null, role: 'viewer' };
    expect(await codeOf(service.byUid(orgWide, UID))).toBe('resolved');
  });
});
