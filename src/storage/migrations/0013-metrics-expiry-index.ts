import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * `certificates_not_after_idx` (not_after, id) across projects: /metrics exports per-certificate
 * series for the certificates expiring soonest (CERTKEEPER_METRICS_MAX_CERTIFICATES) and reads
 * them as one short index range instead of sorting the whole table at every scrape.
 */
export function metricsExpiryIndex(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.createIndex('certificates_not_after_idx').on('certificates').columns(['not_after', 'id']).execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('certificates_not_after_idx').execute();
    },
  };
}
