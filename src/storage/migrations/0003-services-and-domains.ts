import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Services and their domains: each domain of a service with its certificate, attached by hand
 * (`manual`) or issued through ACME (`auto`), and the state of its last automatic request. A
 * service id is an int32 unique in the deployment, assigned like certificate ids (SQLite
 * AUTOINCREMENT / PostgreSQL identity: never reused). A domain's certificate is a foreign key
 * with ON DELETE SET NULL, so deleting a certificate detaches it from every domain in the same
 * statement, on both dialects.
 */
export function servicesAndDomains(dialect: SqlDialect): Migration {
  const pg = dialect === 'postgres';

  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('services')
        .addColumn('id', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('services_project_idx').on('services').columns(['project_id', 'id']).execute();

      await db.schema
        .createTable('service_domains')
        .addColumn('service_id', 'integer', (c) => c.notNull().references('services.id').onDelete('cascade'))
        // Bytewise collation on PostgreSQL, as SQLite's default: domains list in the same order on both.
        .addColumn('domain', 'text', (c) => (pg ? c.modifyFront(sql`collate "C"`) : c).notNull())
        .addColumn('certificate_id', 'integer', (c) => c.references('certificates.id').onDelete('set null'))
        .addColumn('cert_type', 'text', (c) => c.notNull())
        .addColumn('autocert_status', 'text')
        .addColumn('autocert_requested_at', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('service_domains_pk', ['service_id', 'domain'])
        .execute();
      // Deleting a certificate looks up the domains that reference it (the foreign key action).
      await db.schema.createIndex('service_domains_certificate_idx').on('service_domains').column('certificate_id').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('service_domains').execute();
      await db.schema.dropTable('services').execute();
    },
  };
}
