import type { AuditEvent } from '../domain/audit-event.js';
import type { NotificationChannelType } from '../domain/notification-channel-type.js';
import type { Page, PageResult } from './page.js';

/** A channel of a project. `config` is what may be shown (recipients, a redacted URL); secrets are sealed apart. */
export interface NotificationChannelRecord {
  id: string;
  projectId: string;
  name: string;
  type: NotificationChannelType;
  config: Record<string, unknown>;
  enabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export type NotificationDeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One message to one channel and the outcome of its last attempt. */
export interface NotificationDeliveryRecord {
  id: string;
  projectId: string;
  channelId: string;
  /** 'each' (one event), 'digest' (all events of one dispatch transaction), 'test' (a test message). */
  kind: 'each' | 'digest' | 'test';
  /** The items' event type, or 'digest' / 'test'. */
  eventType: string;
  payload: Record<string, unknown>;
  status: NotificationDeliveryStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastResponse: string | null;
  lastError: string | null;
  redeliveryOf: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/** The outcome of one attempt, as stored. */
export interface NotificationAttemptUpdate {
  status: NotificationDeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date;
  lastStatusCode: number | null;
  lastResponse: string | null;
  lastError: string | null;
  deliveredAt: Date | null;
}

/**
 * Where a project's notification dispatch stands in its events (migration 0012): every event at
 * or before it has been dispatched or passed over. Events are ordered by (txId, eventId).
 * SQLite commits writers one at a time, so event ids commit in order and txId is always 0.
 * PostgreSQL may commit a lower id after a higher one (two transactions inserting at once), so
 * there txId is the id of the transaction that wrote the event (events.tx_id), and a dispatch
 * only reads events of transactions that no longer run: a later commit never lands behind it.
 */
export interface DispatchPosition {
  txId: number;
  eventId: number;
}

/** Events read after a dispatch position, and where the cursor goes once they are dispatched. */
export interface DispatchBatch {
  events: AuditEvent[];
  /** After the last event when `limit` were read (more may follow); else the end of what could be read, events of other types included. */
  next: DispatchPosition;
  /** false when `limit` events were read: read again from `next`. */
  done: boolean;
}

/**
 * Notification channels (their secrets sealed apart), deliveries with their claims and attempts,
 * and the per-project dispatch cursors over the events table, which is the outbox.
 */
export interface NotificationRepository {
  insertChannel(channel: NotificationChannelRecord, sealedSecret: Buffer | null): Promise<void>;
  /** A channel of the project with its sealed secret; undefined when absent. */
  getChannel(projectId: string, id: string): Promise<{ channel: NotificationChannelRecord; sealedSecret: Buffer | null } | undefined>;
  listChannels(projectId: string): Promise<NotificationChannelRecord[]>;
  /** The enabled channels of a project, with their sealed secrets. */
  listEnabledChannels(projectId: string): Promise<Array<{ channel: NotificationChannelRecord; sealedSecret: Buffer | null }>>;
  updateChannel(channel: NotificationChannelRecord, sealedSecret: Buffer | null): Promise<void>;
  /** false when there was no such channel in the project. */
  deleteChannel(projectId: string, id: string): Promise<boolean>;
  /** Inserts deliveries; `claimedAt` set = already claimed by the inserting server. */
  insertDeliveries(deliveries: NotificationDeliveryRecord[], claimedAt: Date | null): Promise<void>;
  getDelivery(projectId: string, id: string): Promise<NotificationDeliveryRecord | undefined>;
  listDeliveries(projectId: string, page: Page, filter?: { channelId?: string; status?: NotificationDeliveryStatus }): Promise<PageResult<NotificationDeliveryRecord>>;
  /** Stores an attempt's outcome and releases the claim. */
  recordAttempt(id: string, update: NotificationAttemptUpdate): Promise<void>;
  listSealedSecrets(): Promise<Array<{ channelId: string; sealedSecret: Buffer }>>;
  updateSealedSecret(channelId: string, sealedSecret: Buffer): Promise<void>;

  // The dispatch cursor (the events table is the outbox).
  /** Where a cursor placed now starts: after every event committed so far (PostgreSQL: of every transaction no longer running). */
  endPosition(projectId: string): Promise<DispatchPosition>;
  /** Creates the project's cursor at `at`, or (`onlyIfAbsent` false) moves an existing one forward to it; never backward. */
  placeCursor(projectId: string, at: DispatchPosition, onlyIfAbsent: boolean): Promise<void>;
  /** The project's cursor position; undefined when it has none. Read under the project's dispatch lease (Leases). */
  cursorPosition(projectId: string): Promise<DispatchPosition | undefined>;
  /** Up to `limit` events of `types` after `after`, in dispatch order. */
  readEventsAfter(projectId: string, after: DispatchPosition, types: readonly string[], limit: number): Promise<DispatchBatch>;
  /** Moves the cursor to `to`; under the project's dispatch lease, in the transaction that read the events. */
  moveCursor(projectId: string, to: DispatchPosition): Promise<void>;
  /** Projects whose dispatch lease is free at `now` and whose cursor has events after it, up to `limit`. */
  listProjectsToDispatch(now: Date, limit: number): Promise<string[]>;
  /** The domain names of those certificates that exist (for notification titles). */
  certificateNames(certificateIds: readonly number[]): Promise<Map<number, string>>;
}
