import { sql } from 'kysely';
import type { AuditEvent } from '../../domain/audit-event.js';
import type { NotificationChannelType } from '../../domain/notification-channel-type.js';
import type {
  DispatchBatch,
  DispatchPosition,
  NotificationAttemptUpdate,
  NotificationChannelRecord,
  NotificationDeliveryRecord,
  NotificationDeliveryStatus,
  NotificationRepository,
} from '../../ports/notification-repository.js';
import type { Page, PageResult } from '../../ports/page.js';
import type { ClaimWindow } from '../../ports/leases.js';
import type { Executor, NotificationChannelsTable, NotificationDeliveriesTable } from '../database.js';
import type { SqlDialectAdapter } from '../dialect/sql-dialect-adapter.js';
import { pageWindow } from './paging.js';
import { toEvent, type EventRow } from './event-repository.js';

const time = (v: number | string | null): Date | null => (v === null ? null : new Date(Number(v)));

function toChannel(row: NotificationChannelsTable): NotificationChannelRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    name: row.name,
    type: row.type as NotificationChannelType,
    config: JSON.parse(row.config) as Record<string, unknown>,
    enabled: Number(row.enabled) === 1,
    createdAt: new Date(Number(row.created_at)),
    updatedAt: new Date(Number(row.updated_at)),
  };
}

function toDelivery(row: NotificationDeliveriesTable): NotificationDeliveryRecord {
  return {
    id: row.id,
    projectId: row.project_id,
    channelId: row.channel_id,
    kind: row.kind as NotificationDeliveryRecord['kind'],
    eventType: row.event_type,
    payload: JSON.parse(row.payload) as Record<string, unknown>,
    status: row.status as NotificationDeliveryStatus,
    attempts: Number(row.attempts),
    maxAttempts: Number(row.max_attempts),
    nextAttemptAt: time(row.next_attempt_at),
    lastAttemptAt: time(row.last_attempt_at),
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastResponse: row.last_response,
    lastError: row.last_error,
    redeliveryOf: row.redelivery_of,
    createdAt: new Date(Number(row.created_at)),
    deliveredAt: time(row.delivered_at),
  };
}

const sealed = (b: Buffer | Uint8Array | null): Buffer | null => (b === null ? null : Buffer.from(b));

/** Rows of one multi-row INSERT: far below SQLite's 32,766 and PostgreSQL's 65,535 bound parameters at 18 columns. */
const INSERT_CHUNK = 500;

/** The columns of an event as the dispatch reads them (ids and times as the driver returns them). */
type DispatchEventRow = EventRow & { tx_id?: number | string | null };

const after = (a: DispatchPosition, b: DispatchPosition): boolean => a.txId > b.txId || (a.txId === b.txId && a.eventId > b.eventId);

/**
 * Notification channels and deliveries (migration 0010), and the per-project dispatch cursors
 * over the events table (migration 0012, SQL written out: the cursor table and events.tx_id are
 * not part of the typed schema, and the PostgreSQL reads need its snapshot functions).
 */
export class KyselyNotificationRepository implements NotificationRepository {
  constructor(
    private readonly db: Executor,
    private readonly adapter: SqlDialectAdapter,
  ) {}

  async insertChannel(c: NotificationChannelRecord, sealedSecret: Buffer | null): Promise<void> {
    await this.db
      .insertInto('notification_channels')
      .values({
        id: c.id,
        project_id: c.projectId,
        name: c.name,
        type: c.type,
        config: JSON.stringify(c.config),
        sealed_secret: sealedSecret,
        enabled: c.enabled ? 1 : 0,
        created_at: c.createdAt.getTime(),
        updated_at: c.updatedAt.getTime(),
      })
      .execute();
  }

  async getChannel(projectId: string, id: string): Promise<{ channel: NotificationChannelRecord; sealedSecret: Buffer | null } | undefined> {
    const row = await this.db.selectFrom('notification_channels').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    return row && { channel: toChannel(row), sealedSecret: sealed(row.sealed_secret) };
  }

  async listChannels(projectId: string): Promise<NotificationChannelRecord[]> {
    const rows = await this.db.selectFrom('notification_channels').selectAll().where('project_id', '=', projectId).orderBy('created_at').orderBy('id').execute();
    return rows.map(toChannel);
  }

  async listEnabledChannels(projectId: string): Promise<Array<{ channel: NotificationChannelRecord; sealedSecret: Buffer | null }>> {
    const rows = await this.db
      .selectFrom('notification_channels')
      .selectAll()
      .where('project_id', '=', projectId)
      .where('enabled', '=', 1)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map((row) => ({ channel: toChannel(row), sealedSecret: sealed(row.sealed_secret) }));
  }

  async updateChannel(c: NotificationChannelRecord, sealedSecret: Buffer | null): Promise<void> {
    await this.db
      .updateTable('notification_channels')
      .set({ name: c.name, config: JSON.stringify(c.config), sealed_secret: sealedSecret, enabled: c.enabled ? 1 : 0, updated_at: c.updatedAt.getTime() })
      .where('project_id', '=', c.projectId)
      .where('id', '=', c.id)
      .execute();
  }

  async deleteChannel(projectId: string, id: string): Promise<boolean> {
    // Deliveries go with their channel (explicitly: SQLite enforces foreign keys only when asked).
    await this.db.deleteFrom('notification_deliveries').where('project_id', '=', projectId).where('channel_id', '=', id).execute();
    const result = await this.db.deleteFrom('notification_channels').where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }

  async insertDeliveries(deliveries: NotificationDeliveryRecord[], claimedAt: Date | null): Promise<void> {
    for (let from = 0; from < deliveries.length; from += INSERT_CHUNK) await this.insertChunk(deliveries.slice(from, from + INSERT_CHUNK), claimedAt);
  }

  private async insertChunk(deliveries: NotificationDeliveryRecord[], claimedAt: Date | null): Promise<void> {
    await this.db
      .insertInto('notification_deliveries')
      .values(
        deliveries.map((d) => ({
          id: d.id,
          project_id: d.projectId,
          channel_id: d.channelId,
          kind: d.kind,
          event_type: d.eventType,
          payload: JSON.stringify(d.payload),
          status: d.status,
          attempts: d.attempts,
          max_attempts: d.maxAttempts,
          next_attempt_at: d.nextAttemptAt?.getTime() ?? null,
          claimed_at: claimedAt?.getTime() ?? null,
          last_attempt_at: d.lastAttemptAt?.getTime() ?? null,
          last_status_code: d.lastStatusCode,
          last_response: d.lastResponse,
          last_error: d.lastError,
          redelivery_of: d.redeliveryOf,
          created_at: d.createdAt.getTime(),
          delivered_at: d.deliveredAt?.getTime() ?? null,
        })),
      )
      .execute();
  }

  async getDelivery(projectId: string, id: string): Promise<NotificationDeliveryRecord | undefined> {
    const row = await this.db.selectFrom('notification_deliveries').selectAll().where('project_id', '=', projectId).where('id', '=', id).executeTakeFirst();
    return row && toDelivery(row);
  }

  async listDeliveries(projectId: string, page: Page, filter: { channelId?: string; status?: NotificationDeliveryStatus } = {}): Promise<PageResult<NotificationDeliveryRecord>> {
    const { limit, offset } = pageWindow(page);
    let q = this.db.selectFrom('notification_deliveries').where('project_id', '=', projectId);
    if (filter.channelId) q = q.where('channel_id', '=', filter.channelId);
    if (filter.status) q = q.where('status', '=', filter.status);
    const [rows, count] = await Promise.all([
      q.selectAll().orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
      q.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toDelivery), totalCount: Number(count.n) };
  }

  async recordAttempt(id: string, u: NotificationAttemptUpdate): Promise<void> {
    await this.db
      .updateTable('notification_deliveries')
      .set({
        status: u.status,
        attempts: u.attempts,
        next_attempt_at: u.nextAttemptAt?.getTime() ?? null,
        claimed_at: null,
        last_attempt_at: u.lastAttemptAt.getTime(),
        last_status_code: u.lastStatusCode,
        last_response: u.lastResponse,
        last_error: u.lastError,
        delivered_at: u.deliveredAt?.getTime() ?? null,
      })
      .where('id', '=', id)
      .execute();
  }

  async listSealedSecrets(): Promise<Array<{ channelId: string; sealedSecret: Buffer }>> {
    const rows = await this.db.selectFrom('notification_channels').select(['id', 'sealed_secret']).where('sealed_secret', 'is not', null).orderBy('id').execute();
    return rows.map((r) => ({ channelId: r.id, sealedSecret: Buffer.from(r.sealed_secret!) }));
  }

  async updateSealedSecret(channelId: string, sealedSecret: Buffer): Promise<void> {
    await this.db.updateTable('notification_channels').set({ sealed_secret: sealedSecret }).where('id', '=', channelId).execute();
  }

  // --- dispatch cursors ------------------------------------------------------------------------

  async endPosition(projectId: string): Promise<DispatchPosition> {
    if (this.adapter.dispatchHorizon) return { txId: await this.adapter.dispatchHorizon(this.db), eventId: 0 };
    const row = await this.db.selectFrom('events').select((eb) => eb.fn.max('id').as('m')).where('project_id', '=', projectId).executeTakeFirst();
    return { txId: 0, eventId: Number(row?.m ?? 0) };
  }

  async placeCursor(projectId: string, at: DispatchPosition, onlyIfAbsent: boolean): Promise<void> {
    const conflict = onlyIfAbsent
      ? sql`do nothing`
      : sql`do update set last_tx_id = excluded.last_tx_id, last_event_id = excluded.last_event_id
          where notification_cursors.last_tx_id < excluded.last_tx_id
            or (notification_cursors.last_tx_id = excluded.last_tx_id and notification_cursors.last_event_id < excluded.last_event_id)`;
    await sql`
      insert into notification_cursors (project_id, last_tx_id, last_event_id, owner, lease_until)
      values (${projectId}, ${at.txId}, ${at.eventId}, null, 0)
      on conflict (project_id) ${conflict}`.execute(this.db);
  }

  async cursorPosition(projectId: string): Promise<DispatchPosition | undefined> {
    const result = await sql<{ last_tx_id: number | string; last_event_id: number | string }>`
      select last_tx_id, last_event_id from notification_cursors where project_id = ${projectId}`.execute(this.db);
    const row = result.rows[0];
    return row && { txId: Number(row.last_tx_id), eventId: Number(row.last_event_id) };
  }

  async readEventsAfter(projectId: string, from: DispatchPosition, types: readonly string[], limit: number): Promise<DispatchBatch> {
    // The end is fixed before reading, so "not full" means every event up to it was seen.
    const end = await this.endPosition(projectId);
    const typeList = sql.join(types.map((t) => sql`${t}`));
    const columns = sql`id, organization_id, project_id, type, actor, object_type, object_id, data, created_at`;
    const rows =
      types.length === 0
        ? []
        : this.adapter.dispatchHorizon
          ? (
              await sql<DispatchEventRow>`
                select ${columns}, tx_id from events
                where project_id = ${projectId} and (tx_id, id) > (${from.txId}, ${from.eventId}) and tx_id < ${end.txId}
                  and type in (${typeList})
                order by tx_id, id limit ${limit}`.execute(this.db)
            ).rows
          : (
              await sql<DispatchEventRow>`
                select ${columns} from events
                where project_id = ${projectId} and id > ${from.eventId} and id <= ${end.eventId} and type in (${typeList})
                order by id limit ${limit}`.execute(this.db)
            ).rows;
    const events = rows.map(toEvent);
    if (rows.length === limit && limit > 0) {
      const last = rows[rows.length - 1];
      return { events, next: { txId: Number(last.tx_id ?? 0), eventId: Number(last.id) }, done: false };
    }
    return { events, next: after(end, from) ? end : from, done: true };
  }

  async moveCursor(projectId: string, to: DispatchPosition): Promise<void> {
    await sql`update notification_cursors set last_tx_id = ${to.txId}, last_event_id = ${to.eventId} where project_id = ${projectId}`.execute(this.db);
  }

  async listProjectsToDispatch(now: Date, limit: number): Promise<string[]> {
    const free = sql`(c.owner is null or c.lease_until <= ${now.getTime()})`;
    const result =
      this.adapter.dispatchHorizon
        ? await sql<{ project_id: string }>`
            select c.project_id from notification_cursors c
            where ${free} and exists (
              select 1 from events e
              where e.project_id = c.project_id and (e.tx_id, e.id) > (c.last_tx_id, c.last_event_id) and e.tx_id < ${await this.adapter.dispatchHorizon(this.db)})
            order by c.project_id limit ${limit}`.execute(this.db)
        : await sql<{ project_id: string }>`
            select c.project_id from notification_cursors c
            where ${free} and exists (select 1 from events e where e.project_id = c.project_id and e.id > c.last_event_id)
            order by c.project_id limit ${limit}`.execute(this.db);
    return result.rows.map((r) => r.project_id);
  }

  async certificateNames(certificateIds: readonly number[]): Promise<Map<number, string>> {
    const names = new Map<number, string>();
    const ids = [...new Set(certificateIds)];
    for (let from = 0; from < ids.length; from += INSERT_CHUNK) {
      const rows = await this.db.selectFrom('certificates').select(['id', 'domain_name']).where('id', 'in', ids.slice(from, from + INSERT_CHUNK)).execute();
      for (const r of rows) names.set(Number(r.id), r.domain_name);
    }
    return names;
  }
}

/** Leases' `delivery` queue: pending deliveries whose next attempt is due by `dueBefore`, one conditional UPDATE per row. */
export async function claimDueDeliveries(db: Executor, { now, dueBefore, claimExpiredBefore }: ClaimWindow, limit: number): Promise<NotificationDeliveryRecord[]> {
  const at = now.getTime();
  const due = dueBefore.getTime();
  const expired = claimExpiredBefore.getTime();
  const candidates = await db
    .selectFrom('notification_deliveries')
    .select('id')
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', due)
    .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<=', expired)]))
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(limit)
    .execute();
  const claimed: NotificationDeliveryRecord[] = [];
  for (const { id } of candidates) {
    // Check again in the UPDATE: only one server's statement matches the still-due, unclaimed row.
    const row = await db
      .updateTable('notification_deliveries')
      .set({ claimed_at: at })
      .where('id', '=', id)
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', due)
      .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<=', expired)]))
      .returningAll()
      .executeTakeFirst();
    if (row) claimed.push(toDelivery(row));
  }
  return claimed;
}
