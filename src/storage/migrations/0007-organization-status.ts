import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * An organization may be disabled: `disabled_at` (epoch milliseconds) is set while it is, null
 * otherwise. Its keys then get 403 `organization_disabled` on the native API and
 * AccountDisabled on the signed one (Alibaba Cloud CheckCertificate).
 */
export function organizationStatus(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('organizations').addColumn('disabled_at', 'bigint').execute();
    },
    async down(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('organizations').dropColumn('disabled_at').execute();
    },
  };
}
