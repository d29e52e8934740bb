import type {
  CertificateKind,
  CertificateRecord,
  CertificateSource,
  EffectiveStatus,
  LifecycleStatus,
  ScopeId,
  AppleInfo,
} from '../domain/certificate.js';
import type { ManagedInfo } from '../domain/managed-certificate.js';
import type { AutocertStatus, CertType, Service, ServiceDomain } from '../domain/service-domain.js';
import type { ApnsEnvironment, App, AppCertificateBinding, PushPlatform } from '../domain/app.js';
import type { Endpoint, EndpointProbe } from '../domain/endpoint.js';
import type { PushCheckOutcome, PushHealthSource, PushHealthStatus } from '../domain/push-outcome.js';
import type { NotificationPolicy } from '../domain/notification-policy.js';
import type { Leases } from './leases.js';

export type Role = 'viewer' | 'editor' | 'admin';

export interface Organization {
  id: string;
  name: string;
  createdAt: Date;
  /** When it was disabled, or null while enabled: its keys are refused. */
  disabledAt?: Date | null;
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

/** The issuing state of a managed slot as stored: what the API shows plus what only the issuing service uses. */
export interface ManagedState extends ManagedInfo {
  certificateId: number;
  /** true when no person is needed to answer challenges (http-01, or dns-01 through the project's provider). */
  automated: boolean;
  /** Sealed PKCS#8 of the order being finalized, or null. */
  pendingKey: Buffer | null;
  updatedAt: Date;
}

export type ManagedPatch = Partial<Omit<ManagedState, 'certificateId'>>;

export interface AcmeAccountRecord {
  organizationId: string;
  directoryUrl: string;
  accountUrl: string | null;
  /** Sealed PKCS#8 of the account key. */
  sealedKey: Buffer;
  contactEmail: string | null;
  createdAt: Date;
}

export interface DnsProviderSettings {
  type: 'rfc2136' | 'exec';
  /** The provider's settings without its secret (server, port, zone, key name, algorithm; or the hook's name). */
  settings: Record<string, unknown>;
  /** Sealed secret (the TSIG key), or null. */
  sealedSecret: Buffer | null;
}

export interface ProjectSettings {
  projectId: string;
  renewBeforeDays: number | null;
  dnsProvider: DnsProviderSettings | null;
  updatedAt: Date;
}

export interface OrganizationSettings {
  organizationId: string;
  acmeDirectoryUrl: string | null;
  acmeContactEmail: string | null;
  updatedAt: Date;
}

export type IssuanceSecret =
  | { kind: 'acmeAccountKey'; organizationId: string; directoryUrl: string; sealed: Buffer }
  | { kind: 'pendingKey'; certificateId: number; sealed: Buffer }
  | { kind: 'dnsProviderSecret'; projectId: string; sealed: Buffer };

/** Managed certificates' issuing state, ACME accounts, http-01 tokens and the settings issuance reads. */
export interface ManagedCertificateRepository {
  insert(state: ManagedState): Promise<void>;
  get(certificateId: number): Promise<ManagedState | undefined>;
  update(certificateId: number, patch: ManagedPatch): Promise<void>;
  /**
   * Slots with work due at `now`, oldest due first: issued ones whose renewAt passed, automated
   * ones whose nextAttemptAt passed, and validating ones whose issuance lease (Leases) ran out
   * (a server died), or is held by `owner` (a lease this server, under the same instance id,
   * left behind when it died: Leases.acquire lets it take that back at once).
   */
  listDue(now: Date, limit: number, owner?: string): Promise<number[]>;
  putHttpTokens(certificateId: number, tokens: ReadonlyArray<{ token: string; keyAuthorization: string }>, at: Date): Promise<void>;
  deleteHttpTokens(certificateId: number): Promise<void>;
  findHttpKeyAuthorization(token: string): Promise<string | undefined>;
  getAccount(organizationId: string, directoryUrl: string): Promise<AcmeAccountRecord | undefined>;
  /** Inserts the account unless one exists for (organization, directory); returns the stored one. */
  insertAccountIfAbsent(account: AcmeAccountRecord): Promise<AcmeAccountRecord>;
  setAccountUrl(organizationId: string, directoryUrl: string, accountUrl: string): Promise<void>;
  /** Every sealed issuance secret (account keys, pending order keys, DNS provider secrets), for `keys rotate`. */
  listIssuanceSecrets(): Promise<IssuanceSecret[]>;
  updateIssuanceSecret(secret: IssuanceSecret, sealed: Buffer): Promise<void>;
  getProjectSettings(projectId: string): Promise<ProjectSettings | undefined>;
  putProjectSettings(settings: ProjectSettings): Promise<void>;
  /** Moves renewAt of the project's issued certificates to notAfter - leadMs where it is later; returns how many moved. */
  bringRenewalsForward(projectId: string, leadMs: number, now: Date): Promise<number>;
  getOrganizationSettings(organizationId: string): Promise<OrganizationSettings | undefined>;
  putOrganizationSettings(settings: OrganizationSettings): Promise<void>;
}

export interface OrganizationRepository {
  insert(org: Organization): Promise<Organization>;
  get(id: string): Promise<Organization | undefined>;
  list(page: Page): Promise<PageResult<Organization>>;
  /** Disables (at) or enables (null) the organization; undefined when it does not exist. */
  setDisabled(id: string, at: Date | null): Promise<Organization | undefined>;
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

export type NewService = Omit<Service, 'id'>;

/** The fields of a domain that change after it is added; a field left out is kept. */
export interface ServiceDomainPatch {
  certificateId?: number | null;
  certType?: CertType;
  autocertStatus?: AutocertStatus | null;
  autocertRequestedAt?: Date | null;
}

/**
 * Services and their domains. A domain's `certificateId` is cleared by the database when its
 * certificate is deleted (foreign key ON DELETE SET NULL), and a `manual` domain without a
 * certificate reads as `none`: no delete path has to know about services.
 */
export interface ServiceRepository {
  /** Inserts a service; the store assigns its integer id (unique in the deployment). */
  insert(service: NewService): Promise<Service>;
  get(id: number): Promise<Service | undefined>;
  /** A project's services, oldest first. */
  list(projectId: string, page: Page): Promise<PageResult<Service>>;
  /** Deletes the service and all its domains. */
  delete(id: number): Promise<void>;
  /** Adds a domain (certType none); AppError('domain_already_exists') when the service has it. */
  insertDomain(domain: Omit<ServiceDomain, 'certificateId' | 'certType' | 'autocertStatus' | 'autocertRequestedAt'>): Promise<ServiceDomain>;
  getDomain(serviceId: number, domain: string): Promise<ServiceDomain | undefined>;
  /** A service's domains, by name. */
  listDomains(serviceId: number, page: Page): Promise<PageResult<ServiceDomain>>;
  /** Changes a domain; undefined when the service has no such domain. */
  updateDomain(serviceId: number, domain: string, patch: ServiceDomainPatch): Promise<ServiceDomain | undefined>;
  /** Sets the auto request status of every domain whose auto certificate this is; returns how many. */
  setAutocertStatusOf(certificateId: number, status: AutocertStatus): Promise<number>;
  /** true when the domain existed. */
  deleteDomain(serviceId: number, domain: string): Promise<boolean>;
}

// --- Apps and their APNs certificate bindings (issue 4 §2) ------------------------------------

/** An app to insert; the store assigns `appKey`. */
export type NewApp = Omit<App, 'appKey'>;

/** Which apps a reader may see: all (superuser), an organization's, or one project's. */
export interface AppScope {
  organizationId?: string;
  projectId?: string;
}

/** A binding with its certificate's expiry, as document 001 and the binding list read it. */
export interface AppBindingWithExpiry extends AppCertificateBinding {
  notAfter: Date;
}

/**
 * Mobile apps and their APNs certificate bindings. Bindings are read joined with the
 * certificates table: a binding whose certificate is gone never shows (the foreign key also
 * deletes it, ON DELETE CASCADE).
 */
export interface AppRepository {
  /**
   * Inserts the app with the first key from `nextAppKey` that no app has (a few tries);
   * AppError('app_already_exists') when the organization already has an app with that appId.
   */
  insert(app: NewApp, nextAppKey: () => number): Promise<App>;
  /** The app with this appId in the organization. */
  findByAppId(organizationId: string, appId: string): Promise<App | undefined>;
  findByAppKey(appKey: number): Promise<App | undefined>;
  /** A project's apps, by appId. */
  list(projectId: string, page: Page): Promise<PageResult<App>>;
  /** Every app in the scope (optionally only this appId), by appId then project. */
  listInScope(scope: AppScope, appId?: string): Promise<App[]>;
  /** Deletes the app and its bindings; true when it existed. */
  delete(id: string): Promise<boolean>;
  /** Binds the certificate for (app, platform, environment), replacing any earlier one. */
  putBinding(binding: AppCertificateBinding): Promise<void>;
  /** Bindings of these apps, by app, platform (iPhone, iPad), environment (production first). */
  listBindings(appUuids: readonly string[]): Promise<AppBindingWithExpiry[]>;
  /** true when there was such a binding. */
  deleteBinding(appUuid: string, platform: PushPlatform, environment: ApnsEnvironment): Promise<boolean>;
}

// --- Push health of bound APNs certificates (issue 4 §3) -------------------------------------

/** Which certificate of which app and environment a push-health row is about. */
export interface PushHealthKey {
  appUuid: string;
  environment: ApnsEnvironment;
  certificateId: number;
}

/** The current verdict about a bound certificate, as other features (document 000) read it. */
export interface PushHealthVerdict {
  environment: ApnsEnvironment;
  certificateId: number;
  status: PushHealthStatus;
  /** e.g. `tls_alert_44_certificate_revoked`, `BadCertificate`, `BadDeviceToken` (a check that authenticated). */
  reason: string | null;
  /** When the outcome behind the verdict was observed. */
  at: Date;
}

/** A whole push-health row: the verdict (null status = none yet) and the last active check. */
export interface PushHealthRecord extends PushHealthKey {
  status: PushHealthStatus | null;
  reason: string | null;
  source: PushHealthSource | null;
  at: Date | null;
  checkedAt: Date | null;
  checkOutcome: PushCheckOutcome | null;
  checkDetail: string | null;
}

/** A bound certificate whose scheduled check this server claimed. */
export interface DuePushCheck extends PushHealthKey {
  appId: string;
  projectId: string;
  organizationId: string;
}

/**
 * Push health per (app, environment, certificate). A verdict belongs to the certificate it was
 * observed on: reads return only rows whose certificate is still bound to the app in that
 * environment (for some platform), so binding another certificate clears the verdict without
 * deleting anything, and a row of an unbound certificate never shows.
 */
export interface PushHealthRepository {
  /** The verdicts of the app's currently bound certificates (no row = no verdict = not known to be revoked), production first. */
  listForApp(appUuid: string): Promise<PushHealthVerdict[]>;
  /** Every row (verdict and last check) of the app's currently bound certificates. */
  listRecordsForApp(appUuid: string): Promise<PushHealthRecord[]>;
  find(key: PushHealthKey): Promise<PushHealthRecord | undefined>;
  /** Sets the verdict (inserting the row when missing). */
  putVerdict(key: PushHealthKey, verdict: { status: PushHealthStatus; reason: string | null; source: PushHealthSource; at: Date }): Promise<void>;
  /** Records an active check's result (inserting the row when missing) and releases its claim. */
  recordCheck(key: PushHealthKey, check: { checkedAt: Date; outcome: PushCheckOutcome; detail: string | null }): Promise<void>;
}

// --- Access keys of signed requests, document 000 (issue 4 §4) --------------------------------

/** An access key for requests signed as the Alibaba Cloud SDKs sign them. The secret is never in here. */
export interface AccessKeyRecord {
  /** Public id, `LTAI` + 20 base62 characters. */
  accessKeyId: string;
  projectId: string;
  organizationId: string;
  name: string;
  role: Role;
  createdAt: Date;
  revokedAt: Date | null;
}

/**
 * Access keys (their secrets sealed with the master key, AAD = sealedSecretAad.accessKeySecret)
 * and the signature nonces they have used.
 */
export interface AccessKeyRepository {
  insert(key: AccessKeyRecord, sealedSecret: Buffer): Promise<void>;
  /** The key and its sealed secret, revoked or not. */
  find(accessKeyId: string): Promise<{ key: AccessKeyRecord; sealedSecret: Buffer } | undefined>;
  /** The project's keys, oldest first. */
  listForProject(projectId: string): Promise<AccessKeyRecord[]>;
  /** Sets revokedAt once; revoking again keeps the first time. */
  revoke(accessKeyId: string, at: Date): Promise<void>;
  /** Every sealed secret, for `keys rotate`. */
  listSealedSecrets(): Promise<Array<{ accessKeyId: string; sealedSecret: Buffer }>>;
  updateSealedSecret(accessKeyId: string, sealedSecret: Buffer): Promise<void>;
  /**
   * Records that the key used this nonce, kept until `expiresAt`. true when it was not in use
   * (never seen, or seen with an expiry at or before `now`); false when it was: a replay. One
   * statement (insert, or update only an expired row), so of concurrent uses on several servers
   * exactly one gets true.
   */
  useNonce(accessKeyId: string, nonce: string, expiresAt: Date, now: Date): Promise<boolean>;
  /** Deletes nonces whose expiry is at or before `now`; returns how many. */
  pruneNonces(now: Date): Promise<number>;
}

// --- Revocation checks, OCSP and CRL (issue 5 §4) ---------------------------------------------

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

// --- Watched endpoints (issue 5 §3) ----------------------------------------------------------

/** An endpoint to insert; the store assigns its id. */
export type NewEndpoint = Omit<Endpoint, 'id' | 'certificateId' | 'lastProbe'>;

/**
 * Watched endpoints and their last probe. `certificateId` is cleared by the database when the
 * certificate is deleted (ON DELETE SET NULL).
 */
export interface EndpointRepository {
  /** AppError('endpoint_already_exists') when the project watches the same host, port, protocol and server name. */
  insert(endpoint: NewEndpoint): Promise<Endpoint>;
  get(id: number): Promise<Endpoint | undefined>;
  /** A project's endpoints, oldest first. */
  list(projectId: string, page: Page): Promise<PageResult<Endpoint>>;
  /** true when it existed. */
  delete(id: number): Promise<boolean>;
  /** Stores the probe as the endpoint's last one, links the served certificate and releases any claim; false when the endpoint is gone. */
  recordProbe(id: number, probe: EndpointProbe, certificateId: number | null): Promise<boolean>;
}

// --- Expiry sweeps and notification policy (issue 5 §1, §2) -----------------------------------

/** A project's stored notification policy. */
export interface NotificationPolicyRecord extends NotificationPolicy {
  projectId: string;
  updatedAt: Date;
}

/** One event a sweep created (a threshold fired for the first time for this material). */
/** What one sweep fired: counts of every new event, and the first ones in full. */
export interface SweepFired {
  expiring: number;
  expired: number;
  /** Of those, the events of muted certificates: recorded, not sent. */
  muted: number;
  /** The first `detailLimit` new events (default 1000) by id, with their data: a first sweep over a large inventory creates 100,000s. */
  events: SweepFiredEvent[];
}

export interface SweepFiredEvent {
  eventId: number;
  /** `certificate.expiring` or `certificate.expired`. */
  type: string;
  certificateId: number;
  /** false: recorded but not to be sent (the certificate is muted). */
  notify: boolean;
  /** threshold, sslCertificateId, domainName, notAfter (ISO), daysLeft. */
  data: Record<string, unknown>;
  createdAt: Date;
}

/**
 * Sweeps: policies, mutes, the fired table and per-project sweep leases. `fire` is set-based
 * (two INSERT … SELECT statements whatever the number of certificates) and must run in a
 * transaction, so fired rows and their events land together.
 */
export interface SweepRepository {
  getPolicy(projectId: string): Promise<NotificationPolicyRecord | undefined>;
  putPolicy(record: NotificationPolicyRecord): Promise<void>;
  setMuted(certificateId: number, muted: boolean, at: Date): Promise<void>;
  isMuted(certificateId: number): Promise<boolean>;
  /** Those of the certificates that are muted. */
  listMuted(certificateIds: readonly number[]): Promise<number[]>;
  /**
   * Fires, for the project's issued certificates, each newly crossed threshold (policy.ts's
   * alertDecision, in SQL) once per material (conflicts do nothing), and appends one event per
   * fired row; returns those events (`runId` names this sweep's rows).
   */
  fire(projectId: string, policy: NotificationPolicy, now: Date, runId: string, detailLimit?: number): Promise<SweepFired>;
  /** When the scheduler sweeps the project next; undefined before its first sweep lease. */
  nextSweepDue(projectId: string): Promise<Date | undefined>;
  /** Records a finished sweep and when the scheduler sweeps the project next (under its sweep lease). */
  recordSwept(projectId: string, sweptAt: Date, nextDueAt: Date): Promise<void>;
  /** Projects whose scheduled sweep is due at `now` and whose sweep lease is free, most overdue first. */
  listDueProjects(now: Date, limit: number): Promise<string[]>;
}

// --- Notification channels and deliveries (issue 5 §2) ----------------------------------------

export type NotificationChannelType = 'webhook' | 'email' | 'slack' | 'teams';

/** A channel of a project. `config` is what may be shown (recipients, a redacted URL); secrets are sealed apart. */
export interface NotificationChannelRecord {
  id: string;
  projectId: string;
  name: string;
  type: NotificationChannelType;
  config: Record<string, unknown>;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NotificationDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One message to one channel and the outcome of its last attempt. */
export interface NotificationDeliveryRecord {
  id: string;
  projectId: string;
  channelId: string;
  /** 'each' (one event), 'digest' (all events of one dispatch transaction), 'test' (a test message). */
  kind: 'each' | 'digest' | 'test';
  /** The items' event type, or 'digest' / 'test'. */
  eventType: string;
  payload: Record<string, unknown>;
  status: NotificationDeliveryStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastResponse: string | null;
  lastError: string | null;
  redeliveryOf: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** The outcome of one attempt, as stored. */
export interface NotificationAttemptUpdate {
  status: NotificationDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date;
  lastStatusCode: number | null;
  lastResponse: string | null;
  lastError: string | null;
  deliveredAt: Date | null;
}

/**
 * Where a project's notification dispatch stands in its events (migration 0012): every event at
 * or before it has been dispatched or passed over. Events are ordered by (txId, eventId).
 * SQLite commits writers one at a time, so event ids commit in order and txId is always 0.
 * PostgreSQL may commit a lower id after a higher one (two transactions inserting at once), so
 * there txId is the id of the transaction that wrote the event (events.tx_id), and a dispatch
 * only reads events of transactions that no longer run: a later commit never lands behind it.
 */
export interface DispatchPosition {
  txId: number;
  eventId: number;
}

/** Events read after a dispatch position, and where the cursor goes once they are dispatched. */
export interface DispatchBatch {
  events: AuditEvent[];
  /** After the last event when `limit` were read (more may follow); else the end of what could be read, events of other types included. */
  next: DispatchPosition;
  /** false when `limit` events were read: read again from `next`. */
  done: boolean;
}

export interface NotificationRepository {
  insertChannel(channel: NotificationChannelRecord, sealedSecret: Buffer | null): Promise<void>;
  /** A channel of the project with its sealed secret; undefined when absent. */
  getChannel(projectId: string, id: string): Promise<{ channel: NotificationChannelRecord; sealedSecret: Buffer | null } | undefined>;
  listChannels(projectId: string): Promise<NotificationChannelRecord[]>;
  /** The enabled channels of a project, with their sealed secrets. */
  listEnabledChannels(projectId: string): Promise<Array<{ channel: NotificationChannelRecord; sealedSecret: Buffer | null }>>;
  updateChannel(channel: NotificationChannelRecord, sealedSecret: Buffer | null): Promise<void>;
  /** false when there was no such channel in the project. */
  deleteChannel(projectId: string, id: string): Promise<boolean>;
  /** Inserts deliveries; `claimedAt` set = already claimed by the inserting server. */
  insertDeliveries(deliveries: NotificationDeliveryRecord[], claimedAt: Date | null): Promise<void>;
  getDelivery(projectId: string, id: string): Promise<NotificationDeliveryRecord | undefined>;
  listDeliveries(projectId: string, page: Page, filter?: { channelId?: string; status?: NotificationDeliveryStatus }): Promise<PageResult<NotificationDeliveryRecord>>;
  /** Stores an attempt's outcome and releases the claim. */
  recordAttempt(id: string, update: NotificationAttemptUpdate): Promise<void>;
  listSealedSecrets(): Promise<Array<{ channelId: string; sealedSecret: Buffer }>>;
  updateSealedSecret(channelId: string, sealedSecret: Buffer): Promise<void>;

  // The dispatch cursor (the events table is the outbox).
  /** Where a cursor placed now starts: after every event committed so far (PostgreSQL: of every transaction no longer running). */
  endPosition(projectId: string): Promise<DispatchPosition>;
  /** Creates the project's cursor at `at`, or (`onlyIfAbsent` false) moves an existing one forward to it; never backward. */
  placeCursor(projectId: string, at: DispatchPosition, onlyIfAbsent: boolean): Promise<void>;
  /** The project's cursor position; undefined when it has none. Read under the project's dispatch lease (Leases). */
  cursorPosition(projectId: string): Promise<DispatchPosition | undefined>;
  /** Up to `limit` events of `types` after `after`, in dispatch order. */
  readEventsAfter(projectId: string, after: DispatchPosition, types: readonly string[], limit: number): Promise<DispatchBatch>;
  /** Moves the cursor to `to`; under the project's dispatch lease, in the transaction that read the events. */
  moveCursor(projectId: string, to: DispatchPosition): Promise<void>;
  /** Projects whose dispatch lease is free at `now` and whose cursor has events after it, up to `limit`. */
  listProjectsToDispatch(now: Date, limit: number): Promise<string[]>;
  /** The domain names of those certificates that exist (for notification titles). */
  certificateNames(certificateIds: readonly number[]): Promise<Map<number, string>>;
}

export interface TransactionOptions {
  scan?: boolean;
}

/** The repositories, over one connection or one transaction. */
export interface Repositories {
  organizations: OrganizationRepository;
  projects: ProjectRepository;
  apiKeys: ApiKeyRepository;
  events: EventRepository;
  certificates: CertificateRepository;
  managed: ManagedCertificateRepository;
  settings: SettingRepository;
  services: ServiceRepository;
  apps: AppRepository;
  pushHealth: PushHealthRepository;
  accessKeys: AccessKeyRepository;
  revocation: RevocationRepository;
  notifications: NotificationRepository;
  endpoints: EndpointRepository;
  sweeps: SweepRepository;
  leases: Leases;
}

/** The storage port: repositories plus atomic units of work. */
export interface Store extends Repositories {
  readonly dialect: 'sqlite' | 'postgres';
  /**
   * Runs fn in one transaction: all its writes land, or none. `scan: true` hints that fn reads
   * a large range (a sweep over the whole inventory): SQLite then reads through a memory map for
   * this transaction only.
   */
  transaction<T>(fn: (repos: Repositories) => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** true when the database answers. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export type { AppleInfo };
