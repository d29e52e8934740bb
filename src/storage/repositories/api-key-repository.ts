import type { Role } from '../../domain/role.js';
import type { ApiKeyRecord, ApiKeyRepository } from '../../ports/api-key-repository.js';
import type { ApiKeysTable, Executor } from '../database.js';

function toApiKey(row: ApiKeysTable): ApiKeyRecord {
  return {
    id: row.id,
    organizationId: row.organization_id,
    projectId: row.project_id,
    name: row.name,
    role: row.role as Role,
    superuser: Number(row.superuser) !== 0,
    keyHash: row.key_hash,
    prefix: row.prefix,
    createdAt: new Date(Number(row.created_at)),
    revokedAt: row.revoked_at === null ? null : new Date(Number(row.revoked_at)),
    // Only a deployment key carries its target.
    ...(row.deployment_target_id == null ? {} : { deploymentTargetId: Number(row.deployment_target_id) }),
  };
}

/** API keys; only the SHA-256 of a key is stored, looked up through a unique index. */
export class KyselyApiKeyRepository implements ApiKeyRepository {
  constructor(private readonly db: Executor) {}

  async insert(key: ApiKeyRecord): Promise<ApiKeyRecord> {
    await this.db
      .insertInto('api_keys')
      .values({
        id: key.id,
        organization_id: key.organizationId,
        project_id: key.projectId,
        name: key.name,
        role: key.role,
        superuser: key.superuser ? 1 : 0,
        key_hash: key.keyHash,
        prefix: key.prefix,
        created_at: key.createdAt.getTime(),
        revoked_at: key.revokedAt === null ? null : key.revokedAt.getTime(),
        deployment_target_id: key.deploymentTargetId ?? null,
      })
      .execute();
    return { ...key };
  }

  async findByHash(keyHash: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('key_hash', '=', keyHash).executeTakeFirst();
    return row && toApiKey(row);
  }

  async get(id: string): Promise<ApiKeyRecord | undefined> {
    const row = await this.db.selectFrom('api_keys').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toApiKey(row);
  }

  /** Keys limited to this project (not the organization-wide ones, not deployment keys), oldest first. */
  async listForProject(projectId: string): Promise<ApiKeyRecord[]> {
    const rows = await this.db.selectFrom('api_keys').selectAll().where('project_id', '=', projectId).where('deployment_target_id', 'is', null).orderBy('created_at').orderBy('id').execute();
    return rows.map(toApiKey);
  }

  async revokeDeploymentKeys(targetId: number, at: Date): Promise<string[]> {
    const rows = await this.db.updateTable('api_keys').set({ revoked_at: at.getTime() }).where('deployment_target_id', '=', targetId).where('revoked_at', 'is', null).returning('id').execute();
    return rows.map((r) => r.id);
  }

  /** Sets revokedAt once; revoking again keeps the first time. */
  async revoke(id: string, at: Date): Promise<void> {
    await this.db.updateTable('api_keys').set({ revoked_at: at.getTime() }).where('id', '=', id).where('revoked_at', 'is', null).execute();
  }
}
