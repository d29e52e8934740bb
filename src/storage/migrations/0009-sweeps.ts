import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Expiry sweeps and notification policy:
 *
 * - `notification_policies`: one row per project that changed the defaults (threshold days and
 *   lifetime fractions as JSON arrays, digest 0/1);
 * - `certificate_mutes`: a row = the certificate never alerts;
 * - `notification_fired`: each threshold fired, once per (certificate, material, threshold); the
 *   primary key makes a second firing impossible however many servers sweep (INSERT … ON
 *   CONFLICT DO NOTHING). The `expired` row is the stored issued → expired transition.
 *   `run_id` names the sweep that fired it (the sweep reads back only its own rows), `notify`
 *   0 = recorded but not sent (muted);
 * - `certificates_sweep_idx`: the sweep's candidates (a project's issued certificates by
 *   notAfter) read from the index alone, without visiting the table: measured on 1M certificates
 *   on SQLite, a sweep with nothing new took 0.44 s without it and 0.14 s with it;
 * - `sweep_leases`: one row per project: who sweeps it now (`owner` until `lease_until`) and when
 *   the scheduler sweeps it next (`next_due_at`). Times are epoch milliseconds.
 */
export function sweeps(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('notification_policies')
        .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
        .addColumn('threshold_days', 'text', (c) => c.notNull())
        .addColumn('lifetime_fractions', 'text', (c) => c.notNull())
        .addColumn('digest', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('certificate_mutes')
        .addColumn('certificate_id', 'integer', (c) => c.primaryKey().references('certificates.id').onDelete('cascade'))
        .addColumn('muted_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('notification_fired')
        .addColumn('certificate_id', 'integer', (c) => c.notNull().references('certificates.id').onDelete('cascade'))
        .addColumn('ssl_certificate_id', 'text', (c) => c.notNull())
        .addColumn('threshold', 'text', (c) => c.notNull())
        .addColumn('project_id', 'text', (c) => c.notNull())
        .addColumn('run_id', 'text', (c) => c.notNull())
        .addColumn('notify', 'integer', (c) => c.notNull())
        .addColumn('fired_at', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('notification_fired_pk', ['certificate_id', 'ssl_certificate_id', 'threshold'])
        .execute();
      await db.schema.createIndex('notification_fired_run_idx').on('notification_fired').column('run_id').execute();
      await db.schema
        .createIndex('certificates_sweep_idx')
        .on('certificates')
        .columns(['project_id', 'status', 'not_after', 'not_before', 'ssl_certificate_id', 'domain_name'])
        .execute();
      await db.schema
        .createTable('sweep_leases')
        .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
        .addColumn('owner', 'text')
        .addColumn('lease_until', 'bigint', (c) => c.notNull())
        .addColumn('next_due_at', 'bigint', (c) => c.notNull())
        .addColumn('last_swept_at', 'bigint')
        .execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('sweep_leases').execute();
      await db.schema.dropIndex('certificates_sweep_idx').execute();
      await db.schema.dropTable('notification_fired').execute();
      await db.schema.dropTable('certificate_mutes').execute();
      await db.schema.dropTable('notification_policies').execute();
    },
  };
}
