import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Push health of bound APNs certificates. One row per (app, environment,
 * certificate): a verdict belongs to the certificate it was observed on, so binding another
 * certificate to the environment leaves the old row behind and the new certificate starts
 * without a verdict (reads keep only rows whose certificate is still bound there).
 *
 * - `status` (`ok` | `revoked`, null = no verdict yet: the row only carries check bookkeeping),
 *   `reason`, `source` (`push-result` | `push-check`), `observed_at`: the current verdict;
 * - `checked_at`, `check_outcome` (`ok` | `revoked` | `failed`), `check_detail`: the last
 *   active check, whatever it found (a failed check changes no verdict);
 * - `check_claimed_at`: a server claimed the scheduled check of this row at that time (a
 *   conditional UPDATE, so several servers do not all check the same certificate).
 * Times are epoch milliseconds. Both foreign keys cascade.
 */
export function pushHealth(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('push_health')
        .addColumn('app_uuid', 'text', (c) => c.notNull().references('apps.id').onDelete('cascade'))
        .addColumn('environment', 'text', (c) => c.notNull())
        .addColumn('certificate_id', 'integer', (c) => c.notNull().references('certificates.id').onDelete('cascade'))
        .addColumn('status', 'text')
        .addColumn('reason', 'text')
        .addColumn('source', 'text')
        .addColumn('observed_at', 'bigint')
        .addColumn('checked_at', 'bigint')
        .addColumn('check_outcome', 'text')
        .addColumn('check_detail', 'text')
        .addColumn('check_claimed_at', 'bigint')
        .addPrimaryKeyConstraint('push_health_pk', ['app_uuid', 'environment', 'certificate_id'])
        .execute();
      // Deleting a certificate looks up its rows (the foreign key action).
      await db.schema.createIndex('push_health_certificate_idx').on('push_health').column('certificate_id').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('push_health').execute();
    },
  };
}
