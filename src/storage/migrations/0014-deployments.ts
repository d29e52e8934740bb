import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Deployment targets and deployments.
 *
 * `deployment_targets`: where a project's certificates are written. `type` is `local` (more
 * types come); `config` (JSON) holds only what may be shown; `sealed_secret` the rest (a PKCS#12
 * password), sealed with the master key, AAD bound to the target id (`keys rotate` re-encrypts
 * it). `lease_owner` / `lease_until`: the server deploying to the target right now (a
 * conditional UPDATE, so of several servers one writes and reloads a target at a time).
 *
 * `deployments`: a certificate bound to a target under a folder `name` (unique per target).
 * `status` pending | deployed | verified | failed; `deployed_material_id` and
 * `deployed_fingerprint` the version last written and reloaded; `attempted_material_id`,
 * `attempts`, `next_attempt_at` the failures of a version and their backoff; `requested_at` a
 * deploy asked for; `verify_next_at` / `verify_deadline` the verification of the named
 * endpoints (`deployment_endpoints`). A deployment is due when its certificate's current
 * material differs from the one written: a renewal, or any new version, makes it due without
 * anyone telling it. Deleting the certificate or the endpoint removes the rows that name it.
 * Times are epoch milliseconds.
 */
export function deployments(dialect: SqlDialect): Migration {
  const pg = dialect === 'postgres';
  const binary = pg ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('deployment_targets')
        .addColumn('id', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('sealed_secret', binary)
        .addColumn('lease_owner', 'text')
        .addColumn('lease_until', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('deployment_targets_name_idx').on('deployment_targets').columns(['project_id', 'name']).unique().execute();

      await db.schema
        .createTable('deployments')
        .addColumn('id', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('target_id', 'integer', (c) => c.notNull().references('deployment_targets.id'))
        .addColumn('certificate_id', 'integer', (c) => c.notNull().references('certificates.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('deployed_material_id', 'text')
        .addColumn('deployed_fingerprint', 'text')
        .addColumn('deployed_at', 'bigint')
        .addColumn('attempted_material_id', 'text')
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('last_attempt_at', 'bigint')
        .addColumn('last_error', 'text')
        .addColumn('requested_at', 'bigint')
        .addColumn('verified_at', 'bigint')
        .addColumn('verify_next_at', 'bigint')
        .addColumn('verify_deadline', 'bigint')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('deployments_name_idx').on('deployments').columns(['target_id', 'name']).unique().execute();
      await db.schema.createIndex('deployments_project_idx').on('deployments').columns(['project_id', 'id']).execute();
      await db.schema.createIndex('deployments_certificate_idx').on('deployments').column('certificate_id').execute();

      await db.schema
        .createTable('deployment_endpoints')
        .addColumn('deployment_id', 'integer', (c) => c.notNull().references('deployments.id').onDelete('cascade'))
        .addColumn('endpoint_id', 'integer', (c) => c.notNull().references('endpoints.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('deployment_endpoints_pk', ['deployment_id', 'endpoint_id'])
        .execute();
      await db.schema.createIndex('deployment_endpoints_endpoint_idx').on('deployment_endpoints').column('endpoint_id').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('deployment_endpoints').execute();
      await db.schema.dropTable('deployments').execute();
      await db.schema.dropTable('deployment_targets').execute();
    },
  };
}
