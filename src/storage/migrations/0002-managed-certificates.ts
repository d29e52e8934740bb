import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Managed certificates (source `acme`): the issuing state of each slot, one row per slot
 * (renewAt, nextAttemptAt, failureCount and the lease live here, so a restart loses nothing);
 * ACME accounts (one per organization and directory, key sealed); the http-01 tokens every
 * replica answers; per-project DNS providers (secret sealed) and settings.
 */
export function managedCertificates(dialect: SqlDialect): Migration {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('managed_certificates')
        .addColumn('certificate_id', 'integer', (c) => c.primaryKey().references('certificates.id').onDelete('cascade'))
        .addColumn('challenge_type', 'text', (c) => c.notNull())
        .addColumn('key_type', 'text', (c) => c.notNull())
        .addColumn('identifiers', 'text', (c) => c.notNull())
        // true when no person is needed: http-01, or dns-01 through the project's provider.
        .addColumn('automated', 'integer', (c) => c.notNull())
        .addColumn('order_url', 'text')
        .addColumn('order_created_at', 'bigint')
        .addColumn('dns_records', 'text', (c) => c.notNull())
        // The key of the order being finalized, sealed, kept until its certificate is stored so
        // that a restart after finalize can still download and store the certificate.
        .addColumn('pending_key', binary)
        .addColumn('renew_at', 'bigint')
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('failure_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_problem', 'text')
        .addColumn('revoke_reason', 'text')
        .addColumn('lease_owner', 'text')
        .addColumn('lease_expires_at', 'bigint')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      // The scheduler's two questions: what is due for renewal, what is due for another attempt.
      await db.schema.createIndex('managed_certificates_renew_idx').on('managed_certificates').columns(['renew_at']).execute();
      await db.schema.createIndex('managed_certificates_attempt_idx').on('managed_certificates').columns(['next_attempt_at']).execute();

      await db.schema
        .createTable('acme_accounts')
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('directory_url', 'text', (c) => c.notNull())
        .addColumn('account_url', 'text')
        .addColumn('sealed_key', binary, (c) => c.notNull())
        .addColumn('contact_email', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('acme_accounts_pk', ['organization_id', 'directory_url'])
        .execute();

      await db.schema
        .createTable('acme_http_tokens')
        .addColumn('token', 'text', (c) => c.primaryKey())
        .addColumn('key_authorization', 'text', (c) => c.notNull())
        .addColumn('certificate_id', 'integer', (c) => c.notNull().references('certificates.id').onDelete('cascade'))
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('acme_http_tokens_certificate_idx').on('acme_http_tokens').column('certificate_id').execute();

      await db.schema
        .createTable('project_settings')
        .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id'))
        .addColumn('renew_before_days', 'integer')
        .addColumn('dns_provider_type', 'text')
        .addColumn('dns_provider_settings', 'text')
        .addColumn('dns_provider_secret', binary)
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('organization_settings')
        .addColumn('organization_id', 'text', (c) => c.primaryKey().references('organizations.id'))
        .addColumn('acme_directory_url', 'text')
        .addColumn('acme_contact_email', 'text')
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      for (const t of ['organization_settings', 'project_settings', 'acme_http_tokens', 'acme_accounts', 'managed_certificates']) await db.schema.dropTable(t).execute();
    },
  };
}
