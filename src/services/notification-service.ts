import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError } from '../domain/app-error.js';
import { notifiableEventTypes, notificationItemOf, subjectCertificateId, type NotificationItem } from '../domain/notifiable-event.js';
import { defaultNotificationPolicy } from '../domain/notification-policy.js';
import type { Clock } from '../ports/clock.js';
import type { DispatchResult, Notifier } from '../ports/notifier.js';
import type { AuditEvent } from '../domain/audit-event.js';
import type { NotificationChannelRecord, NotificationDeliveryRecord, NotificationDeliveryStatus } from '../ports/notification-repository.js';
import type { NotificationChannelType } from '../domain/notification-channel-type.js';
import type { Page } from '../ports/page.js';
import type { Repositories, Store } from '../ports/store.js';
import type { AttemptOutcome, ChannelSecret, ChannelsByType, NotificationPayload, PayloadItem } from '../ports/channel.js';
import { generateUid } from '../domain/uid.js';
import type { AccessService } from './access-service.js';
import { actorOf, type Principal } from './principal.js';
import { sealedSecretAad } from '../secrets/sealed-secret-aad.js';
import type { SecretBox } from '../secrets/secret-box.js';
import { noopMetrics, type Metrics } from '../ports/metrics.js';

export const channelTypes: readonly NotificationChannelType[] = ['webhook', 'email', 'slack', 'teams'];

/** A channel as the API takes it. `config` is checked per type; on update, absent secret fields keep their stored value. */
export interface ChannelInput {
  name?: string;
  type?: string;
  config?: Record<string, unknown>;
  enabled?: boolean;
}

/** A channel as the API shows it: never a secret, a redacted URL and whether a secret is stored. */
export interface ChannelView {
  id: string;
  name: string;
  type: NotificationChannelType;
  enabled: boolean;
  config: Record<string, unknown>;
  hasSecret: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A delivery as the delivery log shows it. */
export type DeliveryView = Omit<NotificationDeliveryRecord, 'projectId' | 'eventType' | 'payload'> & {
  /** The record's eventType. */
  type: string;
  /** The payload's items. */
  events: PayloadItem[];
};

export interface NotificationOptions {
  /** Attempts of a sweep's delivery before it is `failed` (default 8: about an hour of backoff). */
  maxAttempts?: number;
  /** The first retry's delay; each next one doubles, capped at `maxBackoffMs` (defaults 30 s, 1 h). */
  baseBackoffMs?: number;
  maxBackoffMs?: number;
  /** How long a server's claim on a delivery holds before another may take it over (default 2 min). */
  claimLeaseMs?: number;
  /** This server's name in dispatch cursor leases. */
  instanceId?: string;
  /** Events turned into deliveries per transaction (default 1000): a giant sweep is dispatched in several. */
  dispatchBatch?: number;
}

const CONCURRENCY = 8;
const BATCH = 50;
/** Projects dispatched per worker pass; the next pass takes the rest. */
const DISPATCH_PROJECTS = 100;

type EnabledChannel = { channel: NotificationChannelRecord; sealedSecret: Buffer | null };
/** A stored delivery and the channel it goes to. */
type Work = { delivery: NotificationDeliveryRecord; channel: EnabledChannel };

/**
 * Notification channels of a project (webhook, email, Slack, Teams) and the deliveries to them.
 * What differs by type (the config's checks, the message and its transport) is a Channel
 * (ports/channel.ts), one of each type given by the composition root.
 *
 * Implements the Notifier port with the events table as the outbox: `dispatch` reads the
 * project's notifiable events (domain/notifiable-event.ts) after its cursor, leaves out those of
 * certificates the project muted, builds one delivery per event per enabled channel (or one digest per
 * channel when the project's policy says so), stores them claimed by this server and advances
 * the cursor, all in one transaction; then attempts them at once (all channels in parallel, each
 * bounded by a timeout). A delivery that fails is retried with exponential backoff by the worker
 * (`start`/`stop`), which also dispatches every project with new events on each pass, so events
 * that no one dispatched right away (another service recorded them, or the server died after
 * committing them) go out on the next pass. Cursors and deliveries are claimed with conditional
 * UPDATEs: of several servers, one dispatches each event and one attempts each delivery. A
 * failing channel never blocks the others or the caller: dispatch never throws. Channel secrets
 * are sealed (AAD bound to the channel id) and never returned or logged.
 */
export class NotificationService implements Notifier {
  private readonly o: Required<NotificationOptions>;

  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly box: SecretBox,
    private readonly clock: Clock,
    /** How each type is checked and sent. */
    private readonly channels: ChannelsByType,
    private readonly logger?: Logger,
    options: NotificationOptions = {},
    private readonly metrics: Metrics = noopMetrics,
  ) {
    this.o = {
      maxAttempts: options.maxAttempts ?? 8,
      baseBackoffMs: options.baseBackoffMs ?? 30_000,
      maxBackoffMs: options.maxBackoffMs ?? 3_600_000,
      claimLeaseMs: options.claimLeaseMs ?? 120_000,
      instanceId: options.instanceId ?? 'certkeeper',
      dispatchBatch: options.dispatchBatch ?? 1000,
    };
  }

  // --- channels ---------------------------------------------------------------------------

  async createChannel(principal: Principal, projectId: string, input: ChannelInput): Promise<ChannelView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const now = this.clock.now();
    const id = generateUid();
    const type = checkType(input.type);
    const { config, secret } = this.checkConfig(type, input.config ?? {}, undefined);
    const channel: NotificationChannelRecord = { id, projectId: project.id, name: checkName(input.name), type, config, enabled: input.enabled ?? true, createdAt: now, updatedAt: now };
    await this.store.transaction(async (tx) => {
      if (channel.enabled) await startCursorForNewListener(tx, project.id);
      await tx.notifications.insertChannel(channel, this.sealSecret(id, secret));
      await tx.events.append(this.audit(principal, project, 'notification_channel.created', channel, now));
    });
    return this.view(channel, secret !== undefined);
  }

  async listChannels(principal: Principal, projectId: string): Promise<ChannelView[]> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const channels = await this.store.notifications.listChannels(project.id);
    // A channel of a type that seals a secret always has one: its URL is required.
    return channels.map((c) => this.view(c, true));
  }

  async getChannel(principal: Principal, projectId: string, id: string): Promise<ChannelView> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const found = await this.findChannel(project.id, id);
    return this.view(found.channel, found.sealedSecret !== null);
  }

  async updateChannel(principal: Principal, projectId: string, id: string, input: ChannelInput): Promise<ChannelView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const now = this.clock.now();
    return this.store.transaction(async (tx) => {
      const found = await tx.notifications.getChannel(project.id, id);
      if (!found) throw notFound(id);
      const type = input.type === undefined ? found.channel.type : checkType(input.type);
      // Same type: absent fields keep the stored ones (the secret need not be sent again).
      const stored = type === found.channel.type ? this.openSecret(found.channel, found.sealedSecret) : undefined;
      const base = type === found.channel.type ? this.channels[type].storedInput(found.channel.config, stored) : {};
      const { config, secret } = input.config === undefined && type === found.channel.type ? { config: found.channel.config, secret: stored } : this.checkConfig(type, { ...base, ...(input.config ?? {}) }, stored);
      const channel: NotificationChannelRecord = {
        ...found.channel,
        name: input.name === undefined ? found.channel.name : checkName(input.name),
        type,
        config,
        enabled: input.enabled ?? found.channel.enabled,
        updatedAt: now,
      };
      if (channel.enabled && !found.channel.enabled) await startCursorForNewListener(tx, project.id);
      await tx.notifications.updateChannel(channel, this.sealSecret(id, secret));
      await tx.events.append(this.audit(principal, project, 'notification_channel.updated', channel, now));
      return this.view(channel, secret !== undefined);
    });
  }

  async deleteChannel(principal: Principal, projectId: string, id: string): Promise<void> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      const found = await tx.notifications.getChannel(project.id, id);
      if (!found) throw notFound(id);
      await tx.notifications.deleteChannel(project.id, id);
      await tx.events.append(this.audit(principal, project, 'notification_channel.deleted', found.channel, now));
    });
  }

  /** Sends a test message now (one attempt, not retried) and answers its outcome. */
  async testChannel(principal: Principal, projectId: string, id: string): Promise<DeliveryView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const found = await this.findChannel(project.id, id);
    const payload: NotificationPayload = { kind: 'test', projectId: project.id, projectName: project.name, items: [] };
    const delivery = this.newDelivery(found.channel, 'test', 'test', payload, 1, null);
    await this.store.notifications.insertDeliveries([delivery], this.clock.now());
    return deliveryView(await this.attempt(delivery, found));
  }

  // --- delivery log ---------------------------------------------------------------------------

  async listDeliveries(principal: Principal, projectId: string, page: Page, filter: { channelId?: string; status?: NotificationDeliveryStatus } = {}) {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const result = await this.store.notifications.listDeliveries(project.id, page, filter);
    return { items: result.items.map(deliveryView), totalCount: result.totalCount };
  }

  async getDelivery(principal: Principal, projectId: string, id: string): Promise<DeliveryView> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const d = await this.store.notifications.getDelivery(project.id, id);
    if (!d) throw new AppError('notification_not_found', `notification ${id} was not found`);
    return deliveryView(d);
  }

  /** Sends a delivery's message again as a new delivery (retried like any other), attempted now. */
  async redeliver(principal: Principal, projectId: string, id: string): Promise<DeliveryView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const original = await this.store.notifications.getDelivery(project.id, id);
    if (!original) throw new AppError('notification_not_found', `notification ${id} was not found`);
    const found = await this.findChannel(project.id, original.channelId);
    const delivery = this.newDelivery(found.channel, original.kind, original.eventType, original.payload as unknown as NotificationPayload, original.kind === 'test' ? 1 : this.o.maxAttempts, original.id);
    await this.store.notifications.insertDeliveries([delivery], this.clock.now());
    return deliveryView(await this.attempt(delivery, found));
  }

  // --- the Notifier port: dispatch ----------------------------------------------------------

  /**
   * Turns the project's notifiable events recorded since its cursor into deliveries and attempts
   * them, a batch of events per transaction until caught up. Returns at once (nothing done) when
   * another dispatch holds the project's cursor: that one, or the worker's next pass, sends what
   * is new. Never throws.
   */
  async dispatch(projectId: string): Promise<DispatchResult> {
    const owner = `${this.o.instanceId}:${randomUUID()}`;
    const result: DispatchResult = { events: 0, deliveries: 0 };
    try {
      for (;;) {
        const batch = await this.store.transaction((tx) => this.dispatchBatch(tx, projectId, owner));
        result.events += batch.events;
        result.deliveries += batch.work.length;
        await this.attemptAll(batch.work);
        if (batch.done) break;
      }
    } catch (err) {
      // Nothing of a failed batch was committed: the events stay after the cursor for the next pass.
      this.logger?.error({ err, projectId }, 'notifications could not be dispatched');
    }
    return result;
  }

  /** Dispatches every project with events after its cursor (up to `limit` projects); answers how many events went out. */
  async dispatchPending(limit = DISPATCH_PROJECTS): Promise<number> {
    const ids = await this.store.notifications.listProjectsToDispatch(this.clock.now(), limit);
    let events = 0;
    for (const id of ids) events += (await this.dispatch(id)).events;
    return events;
  }

  /** One transaction of a dispatch: claim the cursor, read, build and store the deliveries, advance. */
  private async dispatchBatch(tx: Repositories, projectId: string, owner: string): Promise<{ work: Work[]; events: number; done: boolean }> {
    const now = this.clock.now();
    const leaseUntil = new Date(now.getTime() + this.o.claimLeaseMs);
    const nothing = { work: [], events: 0, done: true };
    const lease = { kind: 'dispatch', projectId } as const;
    const from = (await tx.leases.acquire(lease, owner, now, leaseUntil)) ? await tx.notifications.cursorPosition(projectId) : undefined;
    const channels = await tx.notifications.listEnabledChannels(projectId);
    if (!from) {
      // No cursor (a channel made by other means than createChannel): start one at the end, so it hears what happens from now on.
      if (channels.length > 0) await tx.notifications.placeCursor(projectId, await tx.notifications.endPosition(projectId), true);
      return nothing;
    }
    if (channels.length === 0) {
      // No one to tell: skip to the end without reading a single event.
      await tx.notifications.moveCursor(projectId, await tx.notifications.endPosition(projectId));
      await tx.leases.release(lease, owner);
      return nothing;
    }
    const read = await tx.notifications.readEventsAfter(projectId, from, notifiableEventTypes, this.o.dispatchBatch);
    await tx.notifications.moveCursor(projectId, read.next);
    // A dispatch that read a full batch keeps the lease for its next transaction.
    if (read.done) await tx.leases.release(lease, owner);
    const items = await this.itemsOf(tx, projectId, read.events);
    const project = items.length > 0 ? await tx.projects.get(projectId) : undefined;
    if (!project) return { work: [], events: 0, done: read.done };
    const digest = ((await tx.sweeps.getPolicy(projectId)) ?? defaultNotificationPolicy).digest;
    const work = this.deliveriesOf(project, channels, items, digest ? 'digest' : 'each');
    // Recorded claimed by this server, so a crash before the attempts leaves them to the worker.
    await tx.notifications.insertDeliveries(
      work.map((w) => w.delivery),
      now,
    );
    return { work, events: items.length, done: read.done };
  }

  /**
   * The events as notification items, without those of certificates the project muted, nor those
   * recorded muted (a sweep's `muted: true`): such an event is never sent, even once unmuted.
   */
  private async itemsOf(tx: Repositories, projectId: string, events: readonly AuditEvent[]): Promise<NotificationItem[]> {
    if (events.length === 0) return [];
    const subjects = events.map((e) => subjectCertificateId(e));
    const ids = subjects.filter((id): id is number => id !== null);
    const muted = new Set(await tx.sweeps.listMuted(projectId, ids));
    const unnamed = events.filter((e, i) => subjects[i] !== null && typeof e.data.domainName !== 'string').map((e) => subjectCertificateId(e)!);
    const names = unnamed.length > 0 ? await tx.notifications.certificateNames(unnamed) : new Map<number, string>();
    const items: NotificationItem[] = [];
    events.forEach((e, i) => {
      const subject = subjects[i];
      if (e.data.muted === true || (subject !== null && muted.has(subject))) return;
      items.push(notificationItemOf(e, subject === null ? undefined : names.get(subject)));
    });
    return items;
  }

  /** One delivery per item per channel, or one digest per channel. */
  private deliveriesOf(project: { id: string; name: string }, channels: readonly EnabledChannel[], items: readonly NotificationItem[], mode: 'each' | 'digest'): Work[] {
    if (items.length === 0) return [];
    const payloadItems = items.map(toPayloadItem);
    const work: Work[] = [];
    for (const c of channels) {
      if (mode === 'digest') {
        const payload: NotificationPayload = { kind: 'digest', projectId: project.id, projectName: project.name, items: payloadItems };
        work.push({ delivery: this.newDelivery(c.channel, 'digest', 'digest', payload, this.o.maxAttempts, null), channel: c });
      } else {
        for (const item of payloadItems) {
          const payload: NotificationPayload = { kind: 'each', projectId: project.id, projectName: project.name, items: [item] };
          work.push({ delivery: this.newDelivery(c.channel, 'each', item.type, payload, this.o.maxAttempts, null), channel: c });
        }
      }
    }
    return work;
  }

  /**
   * Attempts stored deliveries now, interleaved across channels; once a channel fails here, its
   * other messages are left to the worker (due now, claimed until the lease ends), so a dead
   * receiver costs the caller one timeout, not one per message.
   */
  private async attemptAll(work: readonly Work[]): Promise<void> {
    if (work.length === 0) return;
    const failedChannels = new Set<string>();
    await pool(interleave(work, (w) => w.channel.channel.id), CONCURRENCY, async (w) => {
      if (failedChannels.has(w.channel.channel.id)) return;
      const done = await this.attempt(w.delivery, w.channel);
      if (done.status !== 'delivered') failedChannels.add(w.channel.channel.id);
    });
  }

  // --- the retry worker -----------------------------------------------------------------------

  /** Attempts every due delivery this server can claim (a batch); answers how many were attempted, and how many of those failed. */
  async retryDue(limit = BATCH): Promise<{ attempted: number; failed: number }> {
    const now = this.clock.now();
    const claimed = await this.store.leases.claimDue('delivery', { now, dueBefore: now, claimExpiredBefore: new Date(now.getTime() - this.o.claimLeaseMs) }, limit);
    let failed = 0;
    await pool(claimed, CONCURRENCY, async (d) => {
      const found = await this.store.notifications.getChannel(d.projectId, d.channelId);
      if (found && (await this.attempt(d, found)).status !== 'delivered') failed++;
    });
    return { attempted: claimed.length, failed };
  }

  /**
   * One worker pass: dispatches projects with new events, then retries due deliveries; a failure
   * of the dispatch does not stop the retries (it counts as one failure).
   */
  async workerPass(): Promise<{ events: number; attempted: number; failed: number }> {
    let events = 0;
    let dispatchFailed = 0;
    try {
      events = await this.dispatchPending();
    } catch (err) {
      dispatchFailed = 1;
      this.logger?.error({ err }, 'notification dispatch pass failed');
    }
    const retried = await this.retryDue();
    return { events, attempted: retried.attempted, failed: retried.failed + dispatchFailed };
  }

  // --- internals ------------------------------------------------------------------------------

  /** One attempt of a delivery this server holds; stores the outcome and the next retry. Never throws. */
  private async attempt(d: NotificationDeliveryRecord, found: { channel: NotificationChannelRecord; sealedSecret: Buffer | null }): Promise<NotificationDeliveryRecord> {
    let outcome: AttemptOutcome;
    try {
      outcome = found.channel.enabled || d.kind === 'test' ? await this.send(d, found.channel, found.sealedSecret) : { ok: false, statusCode: null, response: null, error: 'the channel is disabled' };
    } catch (err) {
      outcome = { ok: false, statusCode: null, response: null, error: err instanceof AppError ? err.message : 'the message could not be sent' };
      if (!(err instanceof AppError)) this.logger?.error({ err, deliveryId: d.id }, 'notification attempt failed unexpectedly');
    }
    this.metrics.notification(found.channel.type, outcome.ok ? 'success' : 'failure');
    const now = this.clock.now();
    const attempts = d.attempts + 1;
    const status: NotificationDeliveryStatus = outcome.ok ? 'delivered' : attempts >= d.maxAttempts ? 'failed' : 'pending';
    const update = {
      status,
      attempts,
      nextAttemptAt: status === 'pending' ? new Date(now.getTime() + this.backoff(attempts)) : null,
      lastAttemptAt: now,
      lastStatusCode: outcome.statusCode,
      lastResponse: outcome.response,
      lastError: outcome.error,
      deliveredAt: outcome.ok ? now : null,
    };
    try {
      await this.store.notifications.recordAttempt(d.id, update);
    } catch (err) {
      this.logger?.error({ err, deliveryId: d.id }, 'a notification attempt could not be recorded');
    }
    if (!outcome.ok) this.logger?.warn({ deliveryId: d.id, channelId: d.channelId, channelType: found.channel.type, attempts, status, error: outcome.error }, 'notification delivery failed');
    return { ...d, ...update };
  }

  private async send(d: NotificationDeliveryRecord, channel: NotificationChannelRecord, sealedSecret: Buffer | null): Promise<AttemptOutcome> {
    const message = { deliveryId: d.id, eventType: d.eventType, payload: d.payload as unknown as NotificationPayload };
    return this.channels[channel.type].send(message, channel.config, this.openSecret(channel, sealedSecret));
  }

  private backoff(attempts: number): number {
    return Math.min(this.o.maxBackoffMs, this.o.baseBackoffMs * 2 ** (attempts - 1));
  }

  private newDelivery(channel: NotificationChannelRecord, kind: NotificationDeliveryRecord['kind'], eventType: string, payload: NotificationPayload, maxAttempts: number, redeliveryOf: string | null): NotificationDeliveryRecord {
    const now = this.clock.now();
    return {
      id: generateUid(),
      projectId: channel.projectId,
      channelId: channel.id,
      kind,
      eventType,
      payload: payload as unknown as Record<string, unknown>,
      status: 'pending',
      attempts: 0,
      maxAttempts,
      nextAttemptAt: now,
      lastAttemptAt: null,
      lastStatusCode: null,
      lastResponse: null,
      lastError: null,
      redeliveryOf,
      createdAt: now,
      deliveredAt: null,
    };
  }

  private async findChannel(projectId: string, id: string) {
    const found = await this.store.notifications.getChannel(projectId, id);
    if (!found) throw notFound(id);
    return found;
  }

  /** Checks a type's config; answers what may be shown and the secret parts (sealed apart). */
  private checkConfig(type: NotificationChannelType, config: Record<string, unknown>, stored: ChannelSecret | undefined): { config: Record<string, unknown>; secret: ChannelSecret | undefined } {
    if (typeof config !== 'object' || config === null || Array.isArray(config)) throw configInvalid('config must be an object');
    const channel = this.channels[type];
    for (const key of Object.keys(config)) if (!channel.fields.includes(key)) throw configInvalid(`config.${key} is not a field of a ${type} channel (fields: ${channel.fields.join(', ')})`);
    return channel.configure(config, stored);
  }

  private sealSecret(channelId: string, secret: ChannelSecret | undefined): Buffer | null {
    return secret === undefined ? null : this.box.seal(Buffer.from(JSON.stringify(secret), 'utf8'), sealedSecretAad.notificationChannelSecret(channelId));
  }

  private openSecret(channel: NotificationChannelRecord, sealed: Buffer | null): ChannelSecret | undefined {
    if (!sealed) return undefined;
    return JSON.parse(this.box.open(sealed, sealedSecretAad.notificationChannelSecret(channel.id)).toString('utf8')) as ChannelSecret;
  }

  private view(c: NotificationChannelRecord, hasSecret: boolean): ChannelView {
    return { id: c.id, name: c.name, type: c.type, enabled: c.enabled, config: c.config, hasSecret: this.channels[c.type].sealsSecret && hasSecret, createdAt: c.createdAt, updatedAt: c.updatedAt };
  }

  private audit(principal: Principal, project: { id: string; organizationId: string }, type: string, channel: NotificationChannelRecord, at: Date) {
    return {
      projectId: project.id,
      organizationId: project.organizationId,
      type,
      actor: actorOf(principal),
      objectType: 'notification_channel',
      objectId: channel.id,
      // Never a secret: the shown config only.
      data: { name: channel.name, type: channel.type, enabled: channel.enabled, config: channel.config },
      createdAt: at,
    };
  }
}

function deliveryView(d: NotificationDeliveryRecord): DeliveryView {
  const { projectId: _projectId, eventType, payload, ...rest } = d;
  return { ...rest, type: eventType, events: (payload as unknown as NotificationPayload).items ?? [] };
}

/**
 * A channel that starts to listen while no other does: the project's cursor moves to the end of
 * its events (created there when absent), so it hears what happens from now on, not the
 * project's history. With another channel enabled the cursor is live and stays where it is.
 */
async function startCursorForNewListener(tx: Repositories, projectId: string): Promise<void> {
  const listening = (await tx.notifications.listEnabledChannels(projectId)).length > 0;
  await tx.notifications.placeCursor(projectId, await tx.notifications.endPosition(projectId), listening);
}

function toPayloadItem(i: NotificationItem): PayloadItem {
  return {
    type: i.type,
    eventId: i.eventId,
    ...(i.certificateId === undefined ? {} : { certificateId: i.certificateId }),
    title: i.title,
    data: i.data,
    at: i.at.toISOString(),
  };
}

function checkType(type: string | undefined): NotificationChannelType {
  if (!channelTypes.includes(type as NotificationChannelType)) throw new AppError('notification_type_unknown', `type must be one of ${channelTypes.join(', ')}${type === undefined ? '' : `, not ${JSON.stringify(type)}`}`);
  return type as NotificationChannelType;
}

function checkName(name: string | undefined): string {
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > 100) throw new AppError('validation_failed', 'name must be 1 to 100 characters');
  return name.trim();
}

function configInvalid(message: string): AppError {
  return new AppError('notification_config_invalid', message);
}

function notFound(id: string): AppError {
  return new AppError('notification_channel_not_found', `notification channel ${id} was not found`);
}

/** Round-robin over the groups of `key`, keeping each group's order. */
function interleave<T>(items: readonly T[], key: (item: T) => string): T[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  const out: T[] = [];
  const lists = [...groups.values()];
  for (let i = 0; out.length < items.length; i++) for (const g of lists) if (i < g.length) out.push(g[i]);
  return out;
}

async function pool<T>(items: readonly T[], concurrency: number, fn: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await fn(item).catch(() => undefined);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
