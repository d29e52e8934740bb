import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Deployment keys: an API key row with `deployment_target_id` set belongs to one `agent`
 * deployment target and may do nothing but what `certkeeper agent` needs (read the target's
 * deployments and their current versions, report outcomes; src/api/auth.ts refuses it
 * everywhere else). No foreign key: deleting a target revokes its keys first
 * (services/deployment-service.ts), and a revoked row is kept for the audit trail. Lists of a
 * project's API keys leave these rows out.
 */
export function deploymentKeys(_dialect: SqlDialect): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema.alterTable('api_keys').addColumn('deployment_target_id', 'integer').execute();
      await db.schema.createIndex('api_keys_deployment_target_idx').on('api_keys').column('deployment_target_id').execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropIndex('api_keys_deployment_target_idx').execute();
      await db.schema.alterTable('api_keys').dropColumn('deployment_target_id').execute();
    },
  };
}
