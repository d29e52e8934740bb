import type { ManagedInfo } from '../domain/managed-certificate.js';

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
