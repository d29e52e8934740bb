import type { Role } from '../../domain/role.js';
import type { AccessKeyRecord, AccessKeyRepository } from '../../ports/access-key-repository.js';
import type { AccessKeysTable, Executor } from '../database.js';

function toAccessKey(row: AccessKeysTable): AccessKeyRecord {
  return {
    accessKeyId: row.access_key_id,
    projectId: row.project_id,
    organizationId: row.organization_id,
    name: row.name,
    role: row.role as Role,
    createdAt: new Date(Number(row.created_at)),
    revokedAt: row.revoked_at === null ? null : new Date(Number(row.revoked_at)),
  };
}

/** Access keys of signed requests and their used signature nonces (migration 0006). */
export class KyselyAccessKeyRepository implements AccessKeyRepository {
  constructor(private readonly db: Executor) {}

  async insert(key: AccessKeyRecord, sealedSecret: Buffer): Promise<void> {
    await this.db
      .insertInto('access_keys')
      .values({
        access_key_id: key.accessKeyId,
        project_id: key.projectId,
        organization_id: key.organizationId,
        name: key.name,
        role: key.role,
        sealed_secret: sealedSecret,
        created_at: key.createdAt.getTime(),
        revoked_at: key.revokedAt === null ? null : key.revokedAt.getTime(),
      })
      .execute();
  }

  async find(accessKeyId: string): Promise<{ key: AccessKeyRecord; sealedSecret: Buffer } | undefined> {
    const row = await this.db.selectFrom('access_keys').selectAll().where('access_key_id', '=', accessKeyId).executeTakeFirst();
    return row && { key: toAccessKey(row), sealedSecret: Buffer.from(row.sealed_secret) };
  }

  async listForProject(projectId: string): Promise<AccessKeyRecord[]> {
    const rows = await this.db.selectFrom('access_keys').selectAll().where('project_id', '=', projectId).orderBy('created_at').orderBy('access_key_id').execute();
    return rows.map(toAccessKey);
  }

  async revoke(accessKeyId: string, at: Date): Promise<void> {
    await this.db.updateTable('access_keys').set({ revoked_at: at.getTime() }).where('access_key_id', '=', accessKeyId).where('revoked_at', 'is', null).execute();
  }

  async listSealedSecrets(): Promise<Array<{ accessKeyId: string; sealedSecret: Buffer }>> {
    const rows = await this.db.selectFrom('access_keys').select(['access_key_id', 'sealed_secret']).orderBy('access_key_id').execute();
    return rows.map((r) => ({ accessKeyId: r.access_key_id, sealedSecret: Buffer.from(r.sealed_secret) }));
  }

  async updateSealedSecret(accessKeyId: string, sealedSecret: Buffer): Promise<void> {
    await this.db.updateTable('access_keys').set({ sealed_secret: sealedSecret }).where('access_key_id', '=', accessKeyId).execute();
  }

  async useNonce(accessKeyId: string, nonce: string, expiresAt: Date, now: Date): Promise<boolean> {
    // INSERT … ON CONFLICT DO UPDATE … WHERE: a fresh nonce is inserted; a row of an expired use
    // is taken over; a live one is left alone and RETURNING yields nothing (SQLite ≥ 3.35 and
    // PostgreSQL alike). One statement, so no transaction is needed and none is aborted.
    const row = await this.db
      .insertInto('signature_nonces')
      .values({ access_key_id: accessKeyId, nonce, expires_at: expiresAt.getTime() })
      .onConflict((oc) =>
        oc
          .columns(['access_key_id', 'nonce'])
          .doUpdateSet({ expires_at: expiresAt.getTime() })
          .where('signature_nonces.expires_at', '<=', now.getTime()),
      )
      .returning('nonce')
      .executeTakeFirst();
    return row !== undefined;
  }

  async pruneNonces(now: Date): Promise<number> {
    const result = await this.db.deleteFrom('signature_nonces').where('expires_at', '<=', now.getTime()).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
