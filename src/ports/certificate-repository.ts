import type {
  CertificateKind,
  CertificateRecord,
  CertificateSource,
  EffectiveStatus,
  LifecycleStatus,
  ScopeId,
} from '../domain/certificate.js';
import type { Page, PageResult } from './page.js';

/** A certificate slot to insert, with its first material. `id` and `uid` are assigned by the store. */
export type NewCertificate = Omit<CertificateRecord, 'id' | 'uid'> & { uid?: string };

/** One certificate material (a version of a slot): public parts in clear, private key encrypted. */
export interface MaterialRecord {
  /** = sslCertificateId, a UUID. */
  id: string;
  certificateId: number;
  certificateDer: Buffer;
  /** PEM of the issuers, ordered, or '' when none was given. */
  chainPem: string;
  /** Sealed PKCS#8 (see secrets/secret-box.ts), or null when there is no key. */
  encryptedKey: Buffer | null;
  fingerprintSha256: string;
  notBefore: Date;
  notAfter: Date;
  createdAt: Date;
}

export type CertificateSort = 'notAfter' | 'domainName' | 'lastModified' | 'id';

export interface CertificateQuery extends Page {
  /** The project asking; sees its own certificates and its organization's Organization-scoped ones. */
  projectId: string;
  organizationId: string;
  status?: EffectiveStatus;
  kind?: CertificateKind;
  source?: CertificateSource;
  /** notAfter in [now, now + days]. */
  expiringWithinDays?: number;
  /** notAfter at or after this instant. */
  expiringAfter?: Date;
  /** notAfter before this instant. */
  expiringBefore?: Date;
  /** Lower-case substring over domainName and SANs. */
  search?: string;
  /** Candidate names that cover a host (RFC 6125): the host itself and its single-label wildcard. */
  coversNames?: string[];
  sort: CertificateSort;
  descending: boolean;
  /** The clock's now, for derived status and expiry filters. */
  now: Date;
}

export interface CertificateRepository {
  /** Inserts the slot, its material and its names. Returns the stored record. */
  insert(cert: NewCertificate, material: MaterialRecord): Promise<CertificateRecord>;
  /** Inserts many slots atomically (a bulk import); records come back in input order. */
  insertMany(items: ReadonlyArray<{ cert: NewCertificate; material: MaterialRecord }>): Promise<CertificateRecord[]>;
  /** A certificate visible to the project (its own, or Organization-scoped in its organization). */
  findVisible(projectId: string, organizationId: string, id: number): Promise<CertificateRecord | undefined>;
  /** As `findVisible`, but without a promise where the store reads at once (SQLite's read-only connection). */
  findVisibleNow(projectId: string, organizationId: string, id: number): CertificateRecord | undefined | Promise<CertificateRecord | undefined>;
  /**
   * Inside a transaction: serializes imports into the project until the transaction ends, so a
   * fingerprint checked for duplicates cannot be inserted by a concurrent import meanwhile.
   */
  lockForImport(projectId: string): Promise<void>;
  /** The visible certificates whose current material has one of these SHA-256 fingerprints, by fingerprint; the project's own is preferred, then the lowest id. */
  findVisibleByFingerprints(projectId: string, organizationId: string, fingerprintsSha256: readonly string[]): Promise<Map<string, CertificateRecord>>;
  findByUid(uid: string): Promise<CertificateRecord | undefined>;
  /** A certificate by id, whoever owns it (for the scheduler: no caller to authorize). */
  findById(id: number): Promise<CertificateRecord | undefined>;
  list(query: CertificateQuery): Promise<PageResult<CertificateRecord>>;
  /** The page `list` would return, without counting the total (for callers that only read the rows). */
  listItems(query: CertificateQuery): Promise<CertificateRecord[]>;
  updateScope(id: number, scopeId: ScopeId, at: Date): Promise<CertificateRecord | undefined>;
  updateStatus(id: number, status: LifecycleStatus, at: Date): Promise<void>;
  /** Deletes the slot with all its materials and names. */
  delete(id: number): Promise<void>;
  /**
   * Inserts a managed slot before its first issuance (no material yet): the material facts are
   * placeholders (`fingerprintSha256` '', notBefore = notAfter = epoch 0) until `storeIssued`.
   */
  insertPending(cert: NewCertificate): Promise<CertificateRecord>;
  /**
   * Stores newly issued material as the slot's current one (a renewal keeps the slot's id and
   * gets a new sslCertificateId; the earlier material stays as history) and marks it issued.
   */
  storeIssued(id: number, facts: IssuedFacts, material: MaterialRecord, at: Date): Promise<CertificateRecord>;
  getMaterial(sslCertificateId: string): Promise<MaterialRecord | undefined>;
  listMaterials(certificateId: number): Promise<MaterialRecord[]>;
  /** Every material id with a sealed key, in batches, for `keys rotate`. */
  listSealedKeys(afterId: string | null, limit: number): Promise<Array<{ id: string; encryptedKey: Buffer }>>;
  updateSealedKey(id: string, encryptedKey: Buffer): Promise<void>;
  /**
   * Every certificate of every project, by ascending id after `afterId` (a keyset page of at
   * most `limit`), with only what the Prometheus scrape labels and measures.
   */
  scanForMetrics(afterId: number, limit: number): Promise<CertificateMetricRow[]>;
  /**
   * For /metrics with a cap: up to `limit` certificates whose notAfter is at or after
   * `fromNotAfter` (epoch ms), soonest first (then by id), and how many certificates there are in all.
   */
  soonestForMetrics(fromNotAfter: number, limit: number): Promise<{ rows: CertificateMetricRow[]; total: number }>;
}

/** One certificate as `GET /metrics` sees it. `notAfter` is epoch ms; `issued` false = a managed slot not issued yet (notAfter is a placeholder). */
export interface CertificateMetricRow {
  id: number;
  projectId: string;
  domainName: string;
  kind: CertificateKind;
  source: CertificateSource;
  status: LifecycleStatus;
  notAfter: number;
  issued: boolean;
}

/** The facts of a slot's current material, denormalized onto the slot. */
export type IssuedFacts = Pick<
  CertificateRecord,
  | 'sslCertificateId'
  | 'kind'
  | 'domainName'
  | 'sans'
  | 'subject'
  | 'issuer'
  | 'serialNumber'
  | 'notBefore'
  | 'notAfter'
  | 'fingerprintSha1'
  | 'fingerprintSha256'
  | 'publicKeyInfo'
  | 'signatureAlgorithm'
  | 'keyUsage'
  | 'extendedKeyUsage'
  | 'apple'
  | 'hasPrivateKey'
>;
