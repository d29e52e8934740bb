import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Mobile apps and their APNs certificate bindings. An app's `app_id` (the caller's id,
 * typically the bundle id) is unique in its organization, so HCL Volt MX certexpirydetails'
 * `?appId=` names one app for any key; `app_key` is a random 8-digit integer unique in the
 * deployment (Alibaba Cloud CheckCertificate's AppKey). A binding holds one certificate per (app,
 * platform, environment); its certificate is a foreign key with ON DELETE CASCADE, so deleting
 * a certificate unbinds it in the same statement (and reads join the certificates table, so a
 * dangling row never shows where SQLite's foreign_keys pragma is off).
 */
export function apps(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('apps')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
        .addColumn('app_id', 'text', (c) => c.notNull())
        .addColumn('app_key', 'integer', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('platforms', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addUniqueConstraint('apps_organization_app_id_unique', ['organization_id', 'app_id'])
        .execute();
      await db.schema.createIndex('apps_project_idx').on('apps').columns(['project_id', 'app_id']).execute();

      await db.schema
        .createTable('app_certificate_bindings')
        .addColumn('app_uuid', 'text', (c) => c.notNull().references('apps.id').onDelete('cascade'))
        .addColumn('platform', 'text', (c) => c.notNull())
        .addColumn('environment', 'text', (c) => c.notNull())
        .addColumn('certificate_id', 'integer', (c) => c.notNull().references('certificates.id').onDelete('cascade'))
        .addColumn('bound_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('app_certificate_bindings_pk', ['app_uuid', 'platform', 'environment'])
        .execute();
      // Deleting a certificate looks up its bindings (the foreign key action).
      await db.schema.createIndex('app_certificate_bindings_certificate_idx').on('app_certificate_bindings').column('certificate_id').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('app_certificate_bindings').execute();
      await db.schema.dropTable('apps').execute();
    },
  };
}
