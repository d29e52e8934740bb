import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * The first schema. Portable DDL; the few dialect differences are spelled out where they occur:
 * binary columns (`blob` / `bytea`), autoincrement keys (`AUTOINCREMENT` / identity), and the
 * binary collation of `domain_name` on PostgreSQL so that sorting by name is bytewise on both
 * dialects (SQLite's default collation is already bytewise).
 */
export function initialSchema(dialect: SqlDialect): Migration {
  const pg = dialect === 'postgres';
  const binary = pg ? 'bytea' : 'blob';

  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('organizations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('projects')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        // Target of the certificates' (project_id, organization_id) foreign key: a certificate's
        // denormalized organization always is its project's.
        .addUniqueConstraint('projects_id_organization_unique', ['id', 'organization_id'])
        .execute();
      await db.schema.createIndex('projects_organization_idx').on('projects').columns(['organization_id', 'created_at', 'id']).execute();
      await db.schema.createIndex('projects_created_idx').on('projects').columns(['created_at', 'id']).execute();

      await db.schema
        .createTable('api_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('organization_id', 'text', (c) => c.references('organizations.id'))
        .addColumn('project_id', 'text', (c) => c.references('projects.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('superuser', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('key_hash', 'text', (c) => c.notNull())
        .addColumn('prefix', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('revoked_at', 'bigint')
        .execute();
      await db.schema.createIndex('api_keys_hash_unique').on('api_keys').column('key_hash').unique().execute();
      await db.schema.createIndex('api_keys_project_idx').on('api_keys').columns(['project_id', 'created_at']).execute();

      // Audit events outlive what they describe: no foreign keys.
      await db.schema
        .createTable('events')
        .addColumn('id', pg ? 'bigint' : 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn('organization_id', 'text')
        .addColumn('project_id', 'text')
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('object_type', 'text', (c) => c.notNull())
        .addColumn('object_id', 'text', (c) => c.notNull())
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('events_project_idx').on('events').columns(['project_id', 'id']).execute();
      await db.schema.createIndex('events_project_type_idx').on('events').columns(['project_id', 'type', 'id']).execute();

      await db.schema
        .createTable('settings')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('certificates')
        // int32 on both: SQLite's AUTOINCREMENT never reuses an id; PostgreSQL's identity neither.
        .addColumn('id', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn('uid', 'text', (c) => c.notNull())
        .addColumn('project_id', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('scope_id', 'integer', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('ssl_certificate_id', 'text', (c) => c.notNull())
        .addColumn('domain_name', 'text', (c) => (pg ? c.modifyFront(sql`collate "C"`) : c).notNull())
        .addColumn('sans', 'text', (c) => c.notNull())
        .addColumn('names_lower', 'text', (c) => c.notNull())
        .addColumn('subject', 'text', (c) => c.notNull())
        .addColumn('issuer', 'text', (c) => c.notNull())
        .addColumn('serial_number', 'text', (c) => c.notNull())
        .addColumn('not_before', 'bigint', (c) => c.notNull())
        .addColumn('not_after', 'bigint', (c) => c.notNull())
        .addColumn('fingerprint_sha1', 'text', (c) => c.notNull())
        .addColumn('fingerprint_sha256', 'text', (c) => c.notNull())
        .addColumn('public_key_info', 'text', (c) => c.notNull())
        .addColumn('signature_algorithm', 'text', (c) => c.notNull())
        .addColumn('key_usage', 'text', (c) => c.notNull())
        .addColumn('extended_key_usage', 'text', (c) => c.notNull())
        .addColumn('apple', 'text')
        .addColumn('has_private_key', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('last_modified', 'bigint', (c) => c.notNull())
        .addForeignKeyConstraint('certificates_project_fk', ['project_id', 'organization_id'], 'projects', ['id', 'organization_id'])
        .execute();
      await db.schema.createIndex('certificates_uid_unique').on('certificates').column('uid').unique().execute();
      await db.schema.createIndex('certificates_fingerprint_idx').on('certificates').column('fingerprint_sha256').execute();
      // One index per sort key for the project's own rows (list's first branch), id as the tie-breaker.
      await db.schema.createIndex('certificates_project_id_idx').on('certificates').columns(['project_id', 'id']).execute();
      await db.schema.createIndex('certificates_project_not_after_idx').on('certificates').columns(['project_id', 'not_after', 'id']).execute();
      await db.schema.createIndex('certificates_project_domain_idx').on('certificates').columns(['project_id', 'domain_name', 'id']).execute();
      await db.schema.createIndex('certificates_project_modified_idx').on('certificates').columns(['project_id', 'last_modified', 'id']).execute();
      // A lifecycle status filter (revoked, failed…: a few percent of rows) sorted by notAfter.
      await db.schema.createIndex('certificates_project_status_idx').on('certificates').columns(['project_id', 'status', 'not_after', 'id']).execute();
      // The same for Organization-scoped rows (list's second branch); partial, so they cost
      // nothing for Project-scoped rows.
      for (const [name, column] of [
        ['id', 'id'],
        ['not_after', 'not_after'],
        ['domain', 'domain_name'],
        ['modified', 'last_modified'],
      ] as const) {
        const cols = column === 'id' ? ['organization_id', 'id'] : ['organization_id', column, 'id'];
        await db.schema
          .createIndex(`certificates_org_scope_${name}_idx`)
          .on('certificates')
          .columns(cols)
          .where(sql.ref('scope_id'), '=', sql.lit(1))
          .execute();
      }

      // Issuer chains are shared by many certificates (a CA's intermediates): stored once, by hash.
      await db.schema
        .createTable('certificate_chains')
        .addColumn('sha256', 'text', (c) => c.primaryKey())
        .addColumn('pem', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('certificate_materials')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('certificate_id', 'integer', (c) => c.notNull().references('certificates.id').onDelete('cascade'))
        .addColumn('der', binary, (c) => c.notNull())
        .addColumn('chain_sha256', 'text', (c) => c.references('certificate_chains.sha256'))
        .addColumn('encrypted_key', binary)
        .addColumn('fingerprint_sha256', 'text', (c) => c.notNull())
        .addColumn('not_before', 'bigint', (c) => c.notNull())
        .addColumn('not_after', 'bigint', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('certificate_materials_certificate_idx').on('certificate_materials').columns(['certificate_id', 'created_at']).execute();
      // `keys rotate` pages over sealed keys only.
      await db.schema
        .createIndex('certificate_materials_sealed_idx')
        .on('certificate_materials')
        .column('id')
        .where(sql.ref('encrypted_key'), 'is not', sql.lit(null))
        .execute();

      await db.schema
        .createTable('certificate_names')
        .addColumn('certificate_id', 'integer', (c) => c.notNull().references('certificates.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('certificate_names_pk', ['certificate_id', 'name'])
        .$call((b) => (pg ? b : b.modifyEnd(sql`without rowid`)))
        .execute();
      await db.schema.createIndex('certificate_names_name_idx').on('certificate_names').columns(['name', 'certificate_id']).execute();

      const dimensions = ['project_id', 'scope_id', 'status', 'kind', 'source'] as const;
      await db.schema
        .createTable('certificate_tallies')
        .addColumn('project_id', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('scope_id', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('count', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('certificate_tallies_pk', [...dimensions])
        .execute();
      await db.schema
        .createIndex('certificate_tallies_org_scope_idx')
        .on('certificate_tallies')
        .column('organization_id')
        .where(sql.ref('scope_id'), '=', sql.lit(1))
        .execute();

      await db.schema
        .createTable('certificate_expiry_days')
        .addColumn('project_id', 'text', (c) => c.notNull())
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('scope_id', 'integer', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .addColumn('day', 'integer', (c) => c.notNull())
        .addColumn('count', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('certificate_expiry_days_pk', ['project_id', 'day', 'scope_id', 'status', 'kind', 'source'])
        .execute();
      await db.schema
        .createIndex('certificate_expiry_days_org_scope_idx')
        .on('certificate_expiry_days')
        .columns(['organization_id', 'day'])
        .where(sql.ref('scope_id'), '=', sql.lit(1))
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      for (const table of [
        'certificate_expiry_days',
        'certificate_tallies',
        'certificate_names',
        'certificate_materials',
        'certificates',
        'settings',
        'events',
        'api_keys',
        'projects',
        'organizations',
      ]) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}
