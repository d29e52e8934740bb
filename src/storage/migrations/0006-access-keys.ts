import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Access keys for requests signed as the Alibaba Cloud SDKs sign them (Mobile Push
 * CheckCertificate), and the signature nonces already used. An access key belongs to one
 * project and has a public id (`LTAI…`) and a secret. Unlike an API key, the secret cannot be
 * stored as a hash: the server must recompute the HMAC-SHA1 signature with it, so it is sealed
 * with the master key (AES-256-GCM, AAD bound to the access key id; `keys rotate` re-encrypts
 * it).
 *
 * `signature_nonces` makes a replayed request fail on every server of one database: a nonce is
 * inserted once per access key (primary key; insert-or-conflict), kept until `expires_at` (the
 * end of the window in which its request's Timestamp is still accepted) and pruned afterwards.
 */
export function accessKeys(dialect: SqlDialect): Migration {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('access_keys')
        .addColumn('access_key_id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('sealed_secret', binary, (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema.createIndex('access_keys_project_idx').on('access_keys').columns(['project_id', 'created_at']).execute();

      await db.schema
        .createTable('signature_nonces')
        // No foreign key: a nonce row outlives nothing (it expires within the signature window).
        .addColumn('access_key_id', 'text', (c) => c.notNull())
        .addColumn('nonce', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('signature_nonces_pk', ['access_key_id', 'nonce'])
        .$call((b) => (dialect === 'postgres' ? b : b.modifyEnd(sql`without rowid`)))
        .execute();
      await db.schema.createIndex('signature_nonces_expires_idx').on('signature_nonces').column('expires_at').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('signature_nonces').execute();
      await db.schema.dropTable('access_keys').execute();
    },
  };
}
