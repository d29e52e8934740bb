import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Revocation checks: one row per certificate, the last answer about its current
 * material (`material_id`; a renewal makes the row stale without deleting it).
 *
 * - `status`: `good` | `revoked` | `unknown` (what an OCSP responder or CRL said) or `error`
 *   (no source gave a usable answer: `detail` says why);
 * - `method` (`ocsp` | `crl`, null for an error), `url`, `reason`, `revoked_at`, `this_update`,
 *   `next_update`: the answer as the source gave it;
 * - `checked_at`; `due_at`: when the answer stops being cached and the scheduler checks again
 *   (nextUpdate, or a default when the source gave none, or a retry delay after an error).
 * Times are epoch milliseconds. The foreign key cascades.
 */
export function revocation(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('revocation_cache')
        .addColumn('certificate_id', 'integer', (c) => c.primaryKey().references('certificates.id').onDelete('cascade'))
        .addColumn('material_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('method', 'text')
        .addColumn('url', 'text')
        .addColumn('reason', 'text')
        .addColumn('revoked_at', 'bigint')
        .addColumn('this_update', 'bigint')
        .addColumn('next_update', 'bigint')
        .addColumn('detail', 'text')
        .addColumn('checked_at', 'bigint', (c) => c.notNull())
        .addColumn('due_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('revocation_cache_due_idx').on('revocation_cache').column('due_at').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('revocation_cache').execute();
    },
  };
}
