import type { Kysely, Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * Notification channels and their deliveries.
 *
 * `notification_channels`: one row per channel of a project. `type` is `webhook`, `email`,
 * `slack` or `teams`; `config` (JSON) holds only what may be shown (the email recipients, a
 * redacted URL); `sealed_secret` holds the rest (the URL, which for Slack and Teams embeds a
 * token, and the webhook's signing secret) sealed with the master key, AAD bound to the channel
 * id (`keys rotate` re-encrypts it). `enabled` is 0/1.
 *
 * `notification_deliveries`: one row per message to one channel. `payload` (JSON) is what the
 * message says (the items, the mode), rendered per channel type at each attempt. `status` is
 * `pending` | `delivered` | `failed`; a pending row is due at `next_attempt_at`; `claimed_at`
 * is set by the server attempting it (a conditional UPDATE, so several servers deliver once) and
 * cleared afterwards; a claim older than the lease may be taken over. `last_status_code`,
 * `last_response` (an excerpt) and `last_error` describe the last attempt. Times are epoch ms.
 */
export function notificationChannels(dialect: SqlDialect): Migration {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('notification_channels')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('config', 'text', (c) => c.notNull())
        .addColumn('sealed_secret', binary)
        .addColumn('enabled', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('updated_at', 'bigint', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('notification_channels_project_idx').on('notification_channels').columns(['project_id', 'created_at']).execute();

      await db.schema
        .createTable('notification_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('project_id', 'text', (c) => c.notNull().references('projects.id').onDelete('cascade'))
        .addColumn('channel_id', 'text', (c) => c.notNull().references('notification_channels.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull())
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('next_attempt_at', 'bigint')
        .addColumn('claimed_at', 'bigint')
        .addColumn('last_attempt_at', 'bigint')
        .addColumn('last_status_code', 'integer')
        .addColumn('last_response', 'text')
        .addColumn('last_error', 'text')
        .addColumn('redelivery_of', 'text')
        .addColumn('created_at', 'bigint', (c) => c.notNull())
        .addColumn('delivered_at', 'bigint')
        .execute();
      await db.schema.createIndex('notification_deliveries_project_idx').on('notification_deliveries').columns(['project_id', 'created_at']).execute();
      await db.schema.createIndex('notification_deliveries_due_idx').on('notification_deliveries').columns(['status', 'next_attempt_at']).execute();
    },

    async down(db: Kysely<any>): Promise<void> {
      await db.schema.dropTable('notification_deliveries').execute();
      await db.schema.dropTable('notification_channels').execute();
    },
  };
}
