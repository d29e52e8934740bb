import type { Role } from '../domain/role.js';

/** An API key as stored: its hash, never the key. */
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
  /** Set: a deployment key, confined to this `agent` target's deployments (role and grants mean nothing for it). Absent or null: an API key. */
  deploymentTargetId?: number | null;
}

/** API keys, found by the hash of the key a request presents. */
export interface ApiKeyRepository {
  insert(key: ApiKeyRecord): Promise<ApiKeyRecord>;
  findByHash(keyHash: string): Promise<ApiKeyRecord | undefined>;
  get(id: string): Promise<ApiKeyRecord | undefined>;
  /** The project's own API keys (deployment keys left out). */
  listForProject(projectId: string): Promise<ApiKeyRecord[]>;
  revoke(id: string, at: Date): Promise<void>;
  /** Revokes every key of the deployment target not yet revoked; returns their ids. */
  revokeDeploymentKeys(targetId: number, at: Date): Promise<string[]>;
}
