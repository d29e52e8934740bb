import type {
  CertificateKind,
  CertificateRecord,
  CertificateSource,
  EffectiveStatus,
  LifecycleStatus,
  ScopeId,
  AppleInfo,
} from '../domain/certificate.js';

export type Role = 'viewer' | 'editor' | 'admin';

export interface Organization {
  id: string;
  name: string;
  createdAt: Date;
}

export interface Project {
  id: string;
  organizationId: string;
  name: string;
  createdAt: Date;
}

export interface ApiKeyRecord {
  id: string;
  /** null for a superuser key. */
  organizationId: string | null;
  /** The one project the key covers; null = every project of its organization (or all, for a superuser). */
  projectId: string | null;
  name: string;
  role: Role;
  superuser: boolean;
  /** Lower-case hex SHA-256 of the key. The key itself is never stored. */
  keyHash: string;
  /** First characters of the key, for people to recognise it in lists. */
  prefix: string;
  createdAt: Date;
  revokedAt: Date | null;
}

export interface AuditEvent {
  id: number;
  organizationId: string | null;
  projectId: string | null;
  /** e.g. "certificate.imported", "certificate.deleted", "api_key.created". */
  type: string;
  /** Who: "api_key:<id>", "system", "cli". */
  actor: string;
  objectType: string;
  objectId: string;
  /** Small JSON facts about the change; never secrets. */
  data: Record<string, unknown>;
  createdAt: Date;
}

export type NewAuditEvent = Omit<AuditEvent, 'id'>;

export interface Page {
  /** 1-based. */
  pageIndex: number;
  pageSize: number;
}

export interface PageResult<T> {
  items: T[];
  totalCount: number;
}

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
  /** Sealed PKCS#8 (see services/secret-box.ts), or null when there is no key. */
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
  /**
   * Inside a transaction: serializes imports into the project until the transaction ends, so a
   * fingerprint checked for duplicates cannot be inserted by a concurrent import meanwhile.
   */
  lockForImport(projectId: string): Promise<void>;
  /** The visible certificates whose current material has one of these SHA-256 fingerprints, by fingerprint; the project's own is preferred, then the lowest id. */
  findVisibleByFingerprints(projectId: string, organizationId: string, fingerprintsSha256: readonly string[]): Promise<Map<string, CertificateRecord>>;
  findByUid(uid: string): Promise<CertificateRecord | undefined>;
  list(query: CertificateQuery): Promise<PageResult<CertificateRecord>>;
  updateScope(id: number, scopeId: ScopeId, at: Date): Promise<CertificateRecord | undefined>;
  updateStatus(id: number, status: LifecycleStatus, at: Date): Promise<void>;
  /** Deletes the slot with all its materials and names. */
  delete(id: number): Promise<void>;
  getMaterial(sslCertificateId: string): Promise<MaterialRecord | undefined>;
  listMaterials(certificateId: number): Promise<MaterialRecord[]>;
  /** Every material id with a sealed key, in batches, for `keys rotate`. */
  listSealedKeys(afterId: string | null, limit: number): Promise<Array<{ id: string; encryptedKey: Buffer }>>;
  updateSealedKey(id: string, encryptedKey: Buffer): Promise<void>;
}

export interface OrganizationRepository {
  insert(org: Organization): Promise<Organization>;
  get(id: string): Promise<Organization | undefined>;
  list(page: Page): Promise<PageResult<Organization>>;
}

export interface ProjectRepository {
  insert(project: Project): Promise<Project>;
  get(id: string): Promise<Project | undefined>;
  /** All projects (organizationId undefined) or those of one organization. */
  list(page: Page, organizationId?: string): Promise<PageResult<Project>>;
}

export interface ApiKeyRepository {
  insert(key: ApiKeyRecord): Promise<ApiKeyRecord>;
  findByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  get(id: string): Promise<ApiKeyRecord | undefined>;
  listForProject(projectId: string): Promise<ApiKeyRecord[]>;
  revoke(id: string, at: Date): Promise<void>;
}

export interface EventRepository {
  append(event: NewAuditEvent): Promise<AuditEvent>;
  /** Appends many events with one statement. */
  appendMany(events: readonly NewAuditEvent[]): Promise<void>;
  listForProject(projectId: string, page: Page, type?: string): Promise<PageResult<AuditEvent>>;
}

export interface SettingRepository {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
}

/** The repositories, over one connection or one transaction. */
export interface Repositories {
  organizations: OrganizationRepository;
  projects: ProjectRepository;
  apiKeys: ApiKeyRepository;
  events: EventRepository;
  certificates: CertificateRepository;
  settings: SettingRepository;
}

/** The storage port: repositories plus atomic units of work. */
export interface Store extends Repositories {
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs fn in one transaction: all its writes land, or none. */
  transaction<T>(fn: (repos: Repositories) => Promise<T>): Promise<T>;
  /** true when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type { AppleInfo };
