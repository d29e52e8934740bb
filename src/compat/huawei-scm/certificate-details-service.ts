import { AppError, isAppError } from '../../domain/app-error.js';
import type { CertificateRecord } from '../../domain/certificate.js';
import type { ManagedInfo } from '../../domain/managed-certificate.js';
import { certificatePolicies } from '../../pki/certificate-policies.js';
import type { Store } from '../../ports/store.js';
import type { AccessService } from '../../services/access-service.js';
import type { Principal } from '../../services/principal.js';

/** A certificate with the facts Huawei Cloud SCM's details show beyond the record. */
export interface CertificateDetails {
  record: CertificateRecord;
  /** The issuing state of a managed (acme) certificate, or null. */
  managed: ManagedInfo | null;
  /** Whether the slot has certificate material yet (a first ACME order may still be pending). */
  hasMaterial: boolean;
  /** The current material's certificatePolicies OIDs (RFC 5280 §4.2.1.4); [] when none or unreadable. */
  policyOids: string[];
}

const UID = /^[a-z0-9]{16}$/;

/**
 * Reads one certificate by its deployment-wide 16-character uid (the SCM path's id) for a key
 * that may see it (`AccessService.authorizeCertificate`), with its policies read from the
 * stored DER: a single-certificate read, so the few microseconds of DER walking cost less than
 * storing the policies on every import would.
 */
export class CertificateDetailsService {
  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
  ) {}

  async byUid(principal: Principal, uid: string): Promise<CertificateDetails> {
    if (!UID.test(uid)) throw new AppError('validation_failed', 'the certificate id must be 16 characters [a-z0-9]');
    const record = await this.store.certificates.findByUid(uid);
    if (!record) throw new AppError('certificate_not_found', `certificate ${uid} was not found`);
    this.access.authorizeCertificate(principal, record);
    const material = await this.store.certificates.getMaterial(record.sslCertificateId);
    let policyOids: string[] = [];
    if (material) {
      try {
        policyOids = certificatePolicies(material.certificateDer);
      } catch (err) {
        // An unreadable policies extension only leaves the type unknown; the rest still shows.
        if (!isAppError(err)) throw err;
      }
    }
    // A managed slot before its first issuance holds placeholders, not certificate facts.
    const hasMaterial = material !== undefined && record.issued !== false;
    return { record, managed: record.managed ?? null, hasMaterial, policyOids: hasMaterial ? policyOids : [] };
  }
}
