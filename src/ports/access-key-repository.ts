import type { Role } from '../domain/role.js';

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
