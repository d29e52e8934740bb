import { sql, type Kysely, type Migration } from 'kysely';
import type { SqlDialect } from '../database.js';

/**
 * The events table becomes the notification outbox: a per-project dispatch cursor
 * says which events have been turned into deliveries.
 *
 * - `notification_cursors`: one row per project that has (had) a channel. Every event at or
 *   before (`last_tx_id`, `last_event_id`) was dispatched or passed over. `owner` holds the
 *   cursor until `lease_until` (epoch ms) while it dispatches a backlog in several transactions,
 *   taken with a conditional UPDATE so that of several servers one dispatches each event.
 * - PostgreSQL only: `events.tx_id`, the id of the transaction that wrote the event
 *   (pg_current_xact_id(), as bigint), indexed with the project. PostgreSQL can commit an event
 *   with a lower id after one with a higher id, so dispatch orders by (tx_id, id) and reads only
 *   events of transactions that no longer run. Added without a default first, then given one:
 *   a volatile default on ADD COLUMN would rewrite the whole table. Older events keep NULL and are
 *   never dispatched. SQLite commits one writer at a time, so ids commit in order; tx_id stays 0.
 *
 * Projects that already have channels start at the current end of their events: the upgrade
 * sends nothing old.
 */
export function notificationCursors(dialect: SqlDialect): Migration {
  const pg = dialect === 'postgres';
  return {
    async up(db: Kysely<any>): Promise<void> {
      await db.schema
        .createTable('notification_cursors')
        .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
        .addColumn('last_tx_id', 'bigint', (c) => c.notNull())
        .addColumn('last_event_id', 'bigint', (c) => c.notNull())
        .addColumn('owner', 'text')
        .addColumn('lease_until', 'bigint', (c) => c.notNull())
        .execute();
      if (pg) {
        await db.schema.alterTable('events').addColumn('tx_id', 'bigint').execute();
        await sql`alter table events alter column tx_id set default (pg_current_xact_id()::text::bigint)`.execute(db);
        await db.schema.createIndex('events_project_tx_idx').on('events').columns(['project_id', 'tx_id', 'id']).execute();
        // From the oldest transaction still running: one that writes an event after this commits gets a tx_id at or after it.
        await sql`
          insert into notification_cursors (project_id, last_tx_id, last_event_id, owner, lease_until)
          select distinct project_id, pg_snapshot_xmin(pg_current_snapshot())::text::bigint, 0, null::text, 0 from notification_channels`.execute(db);
      } else {
        await sql`
          insert into notification_cursors (project_id, last_tx_id, last_event_id, owner, lease_until)
          select c.project_id, 0, coalesce((select max(e.id) from events e where e.project_id = c.project_id), 0), null, 0
          from (select distinct project_id from notification_channels) c`.execute(db);
      }
    },

    async down(db: Kysely<any>): Promise<void> {
      if (pg) {
        await db.schema.dropIndex('events_project_tx_idx').execute();
        await db.schema.alterTable('events').dropColumn('tx_id').execute();
      }
      await db.schema.dropTable('notification_cursors').execute();
    },
  };
}
