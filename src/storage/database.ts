import type { Generated, Kysely, Transaction } from 'kysely';

/**
 * The database schema as Kysely sees it (storage-private: nothing outside `storage/` imports
 * Kysely). Times are epoch milliseconds (BIGINT on PostgreSQL, INTEGER on SQLite) so both
 * dialects compare and sort them the same way; booleans are 0/1 integers; arrays and objects
 * are JSON text.
 */
export interface Database {
  organizations: OrganizationsTable;
  projects: ProjectsTable;
  api_keys: ApiKeysTable;
  events: EventsTable;
  settings: SettingsTable;
  certificates: CertificatesTable;
  certificate_materials: CertificateMaterialsTable;
  certificate_chains: CertificateChainsTable;
  certificate_names: CertificateNamesTable;
  certificate_tallies: CertificateTalliesTable;
  certificate_expiry_days: CertificateExpiryDaysTable;
  managed_certificates: ManagedCertificatesTable;
  acme_accounts: AcmeAccountsTable;
  acme_http_tokens: AcmeHttpTokensTable;
  project_settings: ProjectSettingsTable;
  organization_settings: OrganizationSettingsTable;
  apps: AppsTable;
  app_certificate_bindings: AppCertificateBindingsTable;
  push_health: PushHealthTable;
  access_keys: AccessKeysTable;
  signature_nonces: SignatureNoncesTable;
  revocation_cache: RevocationCacheTable;
  notification_policies: NotificationPoliciesTable;
  certificate_mutes: CertificateMutesTable;
  notification_fired: NotificationFiredTable;
  sweep_leases: SweepLeasesTable;
  notification_channels: NotificationChannelsTable;
  notification_deliveries: NotificationDeliveriesTable;
  users: UsersTable;
  user_identities: UserIdentitiesTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  sign_in_throttle: SignInThrottleTable;
  oidc_logins: OidcLoginsTable;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  created_at: number;
  /** Set while the organization is disabled (migration 0007). */
  disabled_at?: number | null;
}

export interface ProjectsTable {
  id: string;
  organization_id: string;
  name: string;
  created_at: number;
}

export interface ApiKeysTable {
  id: string;
  organization_id: string | null;
  project_id: string | null;
  name: string;
  role: string;
  superuser: number;
  key_hash: string;
  prefix: string;
  created_at: number;
  revoked_at: number | null;
  /** Set: a deployment key of this agent target (migration 0016). */
  deployment_target_id: number | null;
}

export interface EventsTable {
  id: Generated<number>;
  organization_id: string | null;
  project_id: string | null;
  type: string;
  actor: string;
  object_type: string;
  object_id: string;
  data: string;
  created_at: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface CertificatesTable {
  id: Generated<number>;
  uid: string;
  project_id: string;
  organization_id: string;
  scope_id: number;
  source: string;
  kind: string;
  status: string;
  ssl_certificate_id: string;
  domain_name: string;
  /** JSON array. */
  sans: string;
  /** Lower-cased domain name and SANs, space-separated: the haystack of `search`. */
  names_lower: string;
  subject: string;
  issuer: string;
  serial_number: string;
  not_before: number;
  not_after: number;
  fingerprint_sha1: string;
  fingerprint_sha256: string;
  public_key_info: string;
  signature_algorithm: string;
  /** JSON array. */
  key_usage: string;
  /** JSON array. */
  extended_key_usage: string;
  /** JSON object or null. */
  apple: string | null;
  has_private_key: number;
  created_at: number;
  last_modified: number;
}

export interface CertificateMaterialsTable {
  id: string;
  certificate_id: number;
  der: Buffer;
  /** The issuer chain in certificate_chains, or null when none was given. */
  chain_sha256: string | null;
  encrypted_key: Buffer | null;
  fingerprint_sha256: string;
  not_before: number;
  not_after: number;
  created_at: number;
}

export interface CertificateChainsTable {
  sha256: string;
  pem: string;
}

export interface CertificateNamesTable {
  certificate_id: number;
  name: string;
}

/**
 * Exact number of certificates per project, scope and (status, kind, source). Kept in the same
 * transaction as every insert, delete, scope change and status change.
 */
export interface CertificateTalliesTable {
  project_id: string;
  organization_id: string;
  scope_id: number;
  status: string;
  kind: string;
  source: string;
  count: number;
}

/**
 * Exact histogram of notAfter by UTC day (floor(notAfter / 86400000)), per project, scope and
 * (status, kind, source); kept like `certificate_tallies`. Time-window counts sum whole days
 * here and count only the two partial boundary days from the certificates index.
 */
export interface CertificateExpiryDaysTable {
  project_id: string;
  organization_id: string;
  scope_id: number;
  status: string;
  kind: string;
  source: string;
  day: number;
  count: number;
}

/** The issuing state of a managed certificate slot (migration 0002). */
export interface ManagedCertificatesTable {
  certificate_id: number;
  challenge_type: string;
  key_type: string;
  /** JSON array. */
  identifiers: string;
  automated: number;
  order_url: string | null;
  order_created_at: number | null;
  /** JSON array of {key, value}. */
  dns_records: string;
  pending_key: Buffer | null;
  renew_at: number | null;
  next_attempt_at: number | null;
  failure_count: number;
  /** JSON problem document or null. */
  last_problem: string | null;
  revoke_reason: string | null;
  lease_owner: string | null;
  lease_expires_at: number | null;
  updated_at: number;
}

export interface AcmeAccountsTable {
  organization_id: string;
  directory_url: string;
  account_url: string | null;
  sealed_key: Buffer;
  contact_email: string | null;
  created_at: number;
}

export interface AcmeHttpTokensTable {
  token: string;
  key_authorization: string;
  certificate_id: number;
  created_at: number;
}

export interface ProjectSettingsTable {
  project_id: string;
  renew_before_days: number | null;
  dns_provider_type: string | null;
  /** JSON object: the provider's settings without its secret. */
  dns_provider_settings: string | null;
  dns_provider_secret: Buffer | null;
  updated_at: number;
}

export interface OrganizationSettingsTable {
  organization_id: string;
  acme_directory_url: string | null;
  acme_contact_email: string | null;
  updated_at: number;
}

/** Mobile apps (migration 0004). */
export interface AppsTable {
  id: string;
  project_id: string;
  organization_id: string;
  app_id: string;
  app_key: number;
  name: string;
  /** JSON array of 'ios' | 'android'. */
  platforms: string;
  created_at: number;
}

/** One APNs certificate per (app, platform, environment) (migration 0004). */
export interface AppCertificateBindingsTable {
  app_uuid: string;
  platform: string;
  environment: string;
  certificate_id: number;
  bound_at: number;
}

/** Push health of a bound APNs certificate per (app, environment, certificate) (migration 0005). */
export interface PushHealthTable {
  app_uuid: string;
  environment: string;
  certificate_id: number;
  /** 'ok' | 'revoked'; null = no verdict yet. */
  status: string | null;
  reason: string | null;
  /** 'push-result' | 'push-check'. */
  source: string | null;
  observed_at: number | null;
  checked_at: number | null;
  /** 'ok' | 'revoked' | 'failed'. */
  check_outcome: string | null;
  check_detail: string | null;
  check_claimed_at: number | null;
}

/** Access keys of signed (Alibaba Cloud RPC) requests to CheckCertificate (migration 0006). */
export interface AccessKeysTable {
  access_key_id: string;
  project_id: string;
  organization_id: string;
  name: string;
  role: string;
  /** The secret, sealed (secret-box.ts) with AAD sealedSecretAad.accessKeySecret(access_key_id). */
  sealed_secret: Buffer;
  created_at: number;
  revoked_at: number | null;
}

/** Signature nonces already used, per access key, until the request's window ends (migration 0006). */
export interface SignatureNoncesTable {
  access_key_id: string;
  nonce: string;
  expires_at: number;
}

export type Db = Kysely<Database>;
/** Notification channels (migration 0010): public config as JSON, secrets sealed. */
export interface NotificationChannelsTable {
  id: string;
  project_id: string;
  name: string;
  type: string;
  config: string;
  sealed_secret: Buffer | null;
  enabled: number;
  created_at: number;
  updated_at: number;
}

/** One message to one channel and its attempts (migration 0010). */
export interface NotificationDeliveriesTable {
  id: string;
  project_id: string;
  channel_id: string;
  kind: string;
  event_type: string;
  payload: string;
  status: string;
  attempts: number;
  max_attempts: number;
  next_attempt_at: number | null;
  claimed_at: number | null;
  last_attempt_at: number | null;
  last_status_code: number | null;
  last_response: string | null;
  last_error: string | null;
  redelivery_of: string | null;
  created_at: number;
  delivered_at: number | null;
}

/** User accounts (migration 0014). */
export interface UsersTable {
  id: string;
  /** Lower-cased. */
  email: string;
  password_hash: string | null;
  superuser: number;
  invitation_hash: string | null;
  invitation_expires_at: number | null;
  created_at: number;
}

/** External identities (OpenID Connect issuer and subject) of users (migration 0014). */
export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: number;
}

/** A user's role in a project, or in every project of an organization (project_id null; migration 0014). */
export interface MembershipsTable {
  id: string;
  user_id: string;
  organization_id: string;
  project_id: string | null;
  role: string;
  created_at: number;
  /** 'manual' or 'sso' (migration 0017); the database fills in 'manual'. */
  source?: string;
}

/** OpenID Connect sign-ins started and not yet back, by the SHA-256 of the browser's token (migration 0017). */
export interface OidcLoginsTable {
  id: string;
  state: string;
  nonce: string;
  return_to: string;
  created_at: number;
  expires_at: number;
  used_at: number | null;
}

/** Server-side sessions; the token's SHA-256 only (migration 0014). */
export interface SessionsTable {
  id: string;
  token_hash: string;
  user_id: string;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  user_agent: string | null;
  address: string | null;
}

/** Failed sign-ins per account or address and the lock they caused (migration 0014). */
export interface SignInThrottleTable {
  key: string;
  failures: number;
  locked_until: number | null;
  updated_at: number;
}

export type Executor = Kysely<Database> | Transaction<Database>;
export type SqlDialect = 'sqlite' | 'postgres';

export const DAY_MS = 86_400_000;

/** The last revocation answer per certificate (migration 0008). */
export interface RevocationCacheTable {
  certificate_id: number;
  /** The material (ssl_certificate_id) the answer is about. */
  material_id: string;
  /** 'good' | 'revoked' | 'unknown' | 'error'. */
  status: string;
  /** 'ocsp' | 'crl'; null for an error. */
  method: string | null;
  url: string | null;
  reason: string | null;
  revoked_at: number | null;
  this_update: number | null;
  next_update: number | null;
  detail: string | null;
  checked_at: number;
  due_at: number;
}

/** Per-project notification policy (migration 0009); absent = the defaults. */
export interface NotificationPoliciesTable {
  project_id: string;
  /** JSON array of whole days. */
  threshold_days: string;
  /** JSON array of fractions in (0, 1). */
  lifetime_fractions: string;
  digest: number;
  updated_at: number;
}

/** A row = the certificate never alerts (migration 0009). */
export interface CertificateMutesTable {
  certificate_id: number;
  muted_at: number;
}

/** Each threshold fired, once per (certificate, material, threshold) (migration 0009). */
export interface NotificationFiredTable {
  certificate_id: number;
  ssl_certificate_id: string;
  threshold: string;
  project_id: string;
  run_id: string;
  notify: number;
  fired_at: number;
}

/** Who sweeps a project now and when it is due next (migration 0009). */
export interface SweepLeasesTable {
  project_id: string;
  owner: string | null;
  lease_until: number;
  next_due_at: number;
  last_swept_at: number | null;
}
