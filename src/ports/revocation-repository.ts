/** The last revocation answer about a certificate's material. */
export interface RevocationRecord {
  certificateId: number;
  /** The material (sslCertificateId) the answer is about. */
  materialId: string;
  /** good / revoked / unknown as a source said; error = no source gave a usable answer (see detail). */
  status: 'good' | 'revoked' | 'unknown' | 'error';
  method: 'ocsp' | 'crl' | null;
  url: string | null;
  /** RFC 5280 §5.3.1 reason name. */
  reason: string | null;
  revokedAt: Date | null;
  thisUpdate: Date | null;
  nextUpdate: Date | null;
  detail: string | null;
  checkedAt: Date;
  /** Cached until then: the scheduler checks again from this time on. */
  dueAt: Date;
}

/** The last revocation answer of each certificate, and which certificates are due a check. */
export interface RevocationRepository {
  get(certificateId: number): Promise<RevocationRecord | undefined>;
  /** Inserts or replaces the certificate's record. */
  put(record: RevocationRecord): Promise<void>;
  /**
   * Certificates to check at `now`, most overdue first: status issued, not expired, current
   * material stored with an issuer chain, and no record, a record of older material, or a
   * record whose dueAt has passed.
   */
  listDue(now: Date, limit: number): Promise<number[]>;
}
