import type {
  NotificationAttemptUpdate,
  NotificationChannelRecord,
  NotificationChannelType,
  NotificationDeliveryRecord,
  NotificationDeliveryStatus,
  NotificationRepository,
  Page,
  PageResult,
} from '../../ports/store.js';
import type { Executor, NotificationChannelsTable, NotificationDeliveriesTable } from '../database.js';
import { pageWindow } from './paging.js';

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

/** Notification channels and deliveries (migration 0010). */
export class KyselyNotificationRepository implements NotificationRepository {
  constructor(private readonly db: Executor) {}

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
    if (deliveries.length === 0) return;
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

  async claimDue(now: Date, claimExpiredBefore: Date, limit: number): Promise<NotificationDeliveryRecord[]> {
    const at = now.getTime();
    const expired = claimExpiredBefore.getTime();
    const candidates = await this.db
      .selectFrom('notification_deliveries')
      .select('id')
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<=', expired)]))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    const claimed: NotificationDeliveryRecord[] = [];
    for (const { id } of candidates) {
      // Check again in the UPDATE: only one server's statement matches the still-due, unclaimed row.
      const row = await this.db
        .updateTable('notification_deliveries')
        .set({ claimed_at: at })
        .where('id', '=', id)
        .where('status', '=', 'pending')
        .where('next_attempt_at', '<=', at)
        .where((eb) => eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<=', expired)]))
        .returningAll()
        .executeTakeFirst();
      if (row) claimed.push(toDelivery(row));
    }
    return claimed;
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
}
