import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Watched endpoints: host, port, protocol and SNI of a project's servers, with the
 * last probe.
 *
 * - `server_name`: '' when none is given (the host is used), so that the unique index over
 *   (project, host, port, protocol, server_name) treats "none" as one value on both dialects;
 * - `certificate_id`: the inventory certificate whose material was served last, by leaf
 *   fingerprint (ON DELETE SET NULL: deleting the certificate unlinks it);
 * - `probed_at`, `probe_error` (stable code), `chain_fingerprints` (JSON array, leaf first),
 *   `probe` (JSON of the whole last probe, findings included);
 * - `claimed_at`: a server claimed the endpoint for a scheduled probe at that time (a
 *   conditional UPDATE, so of several servers one probes it).
 * Times are epoch milliseconds.
 */
export function endpoints(dialect: SqlDialect): Migration {
  const pg = dialect === 'postgres';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('endpoints')
        .addColumn('id', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement()))
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id'))
        .addColumn('organization_id', 'text', (c) => c.notNull())
        .addColumn('host', 'text', (c) => c.notNull())
        .addColumn('port', 'integer', (c) => c.notNull())
        .addColumn('server_name', 'text', (c) => c.notNull())
        .addColumn('protocol', 'text', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('certificate_id', 'integer', (c) => c.references('certificates.id').onDelete('set null'))
        .addColumn('probed_at', 'bigint')
        .addColumn('probe_error', 'text')
        .addColumn('chain_fingerprints', 'text')
        .addColumn('probe', 'text')
        .addColumn('claimed_at', 'bigint')
        .execute();
      await db.schema.createIndex('endpoints_target_idx').on('endpoints').columns(['project_id', 'host', 'port', 'protocol', 'server_name']).unique().execute();
      await db.schema.createIndex('endpoints_probed_idx').on('endpoints').column('probed_at').execute();
      await db.schema.createIndex('endpoints_certificate_idx').on('endpoints').column('certificate_id').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('endpoints').execute();
    },
  };
}
