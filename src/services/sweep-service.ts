import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError } from '../domain/app-error.js';
import { defaultNotificationPolicy, normalizePolicy, type NotificationPolicy } from '../domain/notification-policy.js';
import type { Clock } from '../ports/clock.js';
import { noNotifier, type Notifier } from '../ports/notifier.js';
import type { Store } from '../ports/store.js';
import type { SweepFired, SweepFiredEvent } from '../ports/sweep-repository.js';
import type { AccessService } from './access-service.js';
import { actorOf, type Principal } from './principal.js';

export interface SweepConfig {
  /** How often each project is swept (CERTKEEPER_SWEEP_INTERVAL_SECONDS). */
  intervalMs: number;
  /** This server's name in sweep leases. */
  instanceId: string;
  /** How long a sweep holds its project's lease before another server may take over (default 5 minutes). */
  leaseMs?: number;
  /** Certificates per chunk of a sweep, fixed (tests); by default the store sizes the chunks. */
  chunkCandidates?: number;
}

/** What one sweep of one project found. */
export interface SweepResult {
  projectId: string;
  startedAt: Date;
  finishedAt: Date;
  /** New `certificate.expiring` events. */
  expiring: number;
  /** New `certificate.expired` events (the issued → expired transition, recorded once per material). */
  expired: number;
  /** Events that will be sent to the project's channels (muted certificates' are recorded, not sent). */
  notified: number;
  /** The first EVENT_DETAILS new events, by id. */
  events: SweepFiredEvent[];
}

export interface NotificationPolicyView extends NotificationPolicy {
  projectId: string;
  /** null while the project uses the defaults. */
  updatedAt: Date | null;
}

const MANUAL_WAIT_MS = 30_000;
/** A sweep's result carries at most this many of its new events in full; the counts cover all. */
export const EVENT_DETAILS = 1000;

/**
 * Expiry sweeps: per project, one set-based pass (SweepRepository.fire, in chunks that leave the
 * event loop to requests between them) that records thresholds crossed and expiries as events,
 * then asks the Notifier to dispatch the project's new events now (one message each, or one
 * digest, per the project's policy). The events table is the outbox: the events are committed
 * first, and what the dispatch does not send (it fails, or the server dies in between) the
 * notification worker's next pass sends, so a failing notifier never fails the sweep and a
 * crash loses nothing.
 *
 * Several servers: a project's sweep runs under its lease (one conditional upsert, renewed
 * between chunks), and the scheduled sweep only when the project is due (next_due_at), so each
 * runs once per interval; the fired table's primary key makes a double firing impossible even
 * without the lease. A sweep cut short (a failure, a crash) leaves its chunks done committed,
 * and the next fires the rest.
 */
export class SweepService {

  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly config: SweepConfig,
    private readonly notifier: Notifier = noNotifier,
    private readonly logger?: Logger,
  ) {}

  private get leaseMs(): number {
    return this.config.leaseMs ?? 5 * 60_000;
  }

  /** The project's policy (viewer): the stored one, or the defaults (updatedAt null). */
  async getPolicy(principal: Principal, projectId: string): Promise<NotificationPolicyView> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    return this.policyView(project.id);
  }

  /** Changes the project's policy (admin); fields left out keep their current value. AppError validation_failed. */
  async putPolicy(principal: Principal, projectId: string, input: { thresholdDays?: unknown; lifetimeFractions?: unknown; digest?: unknown }): Promise<NotificationPolicyView> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const current = await this.policyView(project.id);
    const policy = normalizePolicy(input, current);
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      await tx.sweeps.putPolicy({ projectId: project.id, ...policy, updatedAt: now });
      await tx.events.append({
        organizationId: project.organizationId,
        projectId: project.id,
        type: 'notification_policy.updated',
        actor: actorOf(principal),
        objectType: 'project',
        objectId: project.id,
        data: { ...policy },
        createdAt: now,
      });
    });
    return { projectId: project.id, ...policy, updatedAt: now };
  }

  /**
   * Mutes or unmutes one of the project's certificates (editor). A mute is its project's: a
   * certificate shared with the organization is muted by its own project only (forbidden
   * through another), so no sibling project silences the owner's alerts. AppError
   * certificate_not_found, forbidden.
   */
  /**
   * Whether the project muted one of its certificates (viewer). A mute is the owning project's:
   * through a project the certificate is shared with, it reads false (that project has none).
   */
  async getMuted(principal: Principal, projectId: string, certificateId: number): Promise<{ certificateId: number; muted: boolean }> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const cert = await this.store.certificates.findVisible(project.id, project.organizationId, certificateId);
    if (!cert) throw new AppError('certificate_not_found', `certificate ${certificateId} was not found`);
    return { certificateId: cert.id, muted: cert.projectId === project.id && (await this.store.sweeps.isMuted(cert.id)) };
  }

  async setMuted(principal: Principal, projectId: string, certificateId: number, muted: boolean): Promise<{ certificateId: number; muted: boolean }> {
    const project = await this.access.authorizeProject(principal, projectId, 'editor');
    const cert = await this.store.certificates.findVisible(project.id, project.organizationId, certificateId);
    if (!cert) throw new AppError('certificate_not_found', `certificate ${certificateId} was not found`);
    this.access.requireOwningProject(project, cert, muted ? 'mute' : 'unmute');
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      await tx.sweeps.setMuted(cert.id, muted, now);
      await tx.events.append({
        organizationId: cert.organizationId,
        projectId: cert.projectId,
        type: muted ? 'certificate.muted' : 'certificate.unmuted',
        actor: actorOf(principal),
        objectType: 'certificate',
        objectId: String(cert.id),
        data: {},
        createdAt: now,
      });
    });
    return { certificateId: cert.id, muted };
  }

  /**
   * Sweeps the project now (admin) and answers when done. Waits (up to 30 s) while another
   * sweep of the project holds its lease; then AppError sweep_in_progress.
   */
  async sweepNow(principal: Principal, projectId: string): Promise<SweepResult> {
    const project = await this.access.authorizeProject(principal, projectId, 'admin');
    const deadline = Date.now() + MANUAL_WAIT_MS;
    for (;;) {
      const result = await this.sweepProject(project.id, false);
      if (result) return result;
      if (Date.now() >= deadline) throw new AppError('sweep_in_progress', 'another sweep of this project is running; try again later', { retryable: true });
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * One sweep of one project under its lease; undefined when the lease is taken (or, when
   * `onlyIfDue`, the project is not due). For schedulers, tests and the benchmark.
   */
  async sweepProject(projectId: string, onlyIfDue: boolean): Promise<SweepResult | undefined> {
    const owner = `${this.config.instanceId}:${randomUUID()}`;
    const startedAt = this.clock.now();
    const lease = { kind: 'sweep', projectId } as const;
    if (!(await this.store.leases.acquire(lease, owner, startedAt, new Date(startedAt.getTime() + this.leaseMs)))) return undefined;
    let fired: SweepFired;
    try {
      // Lock, then check again: another server may have swept the project since it was listed.
      if (onlyIfDue && ((await this.store.sweeps.nextSweepDue(projectId))?.getTime() ?? 0) > startedAt.getTime()) return undefined;
      try {
        const policy: NotificationPolicy = (await this.store.sweeps.getPolicy(projectId)) ?? defaultNotificationPolicy;
        const runId = randomUUID();
        fired = await this.store.sweeps.fire(projectId, policy, startedAt, runId, EVENT_DETAILS, {
          candidates: this.config.chunkCandidates,
          between: this.leaseKeeper(lease, owner, startedAt),
        });
      } finally {
        // A failed sweep waits for its next turn too, rather than failing again on every pass.
        await this.store.sweeps.recordSwept(projectId, this.clock.now(), new Date(startedAt.getTime() + this.config.intervalMs));
      }
    } finally {
      await this.store.leases.release(lease, owner);
    }
    const notified = fired.expiring + fired.expired - fired.muted;
    if (notified > 0) {
      try {
        await this.notifier.dispatch(projectId);
      } catch (err) {
        this.logger?.warn({ err: String(err), projectId }, 'dispatch failed after a sweep; the events are stored and the notification worker sends them');
      }
    }
    return {
      projectId,
      startedAt,
      finishedAt: this.clock.now(),
      expiring: fired.expiring,
      expired: fired.expired,
      notified,
      events: fired.events,
    };
  }

  /**
   * Between a sweep's chunks: renews its lease once a third of it has passed, so that a sweep
   * outlasting its lease keeps the project to itself; when another server has taken the lease
   * meanwhile (this one stalled past its end), ends the sweep there, its chunks done committed:
   * the other sweep fires the rest.
   */
  private leaseKeeper(lease: { kind: 'sweep'; projectId: string }, owner: string, acquiredAt: Date): () => Promise<void> {
    let renewedAt = acquiredAt.getTime();
    return async () => {
      const now = this.clock.now();
      if (now.getTime() - renewedAt < this.leaseMs / 3) return;
      if (!(await this.store.leases.acquire(lease, owner, now, new Date(now.getTime() + this.leaseMs)))) {
        throw new AppError('sweep_in_progress', 'another server took this sweep over; it fires the rest', { retryable: true });
      }
      renewedAt = now.getTime();
    };
  }

  /** Sweeps every project that is due (up to `limit`), one after another; never throws for one project. */
  async sweepDue(limit = 100): Promise<{ swept: number; events: number; failed: number }> {
    const ids = await this.store.sweeps.listDueProjects(this.clock.now(), limit);
    let swept = 0;
    let events = 0;
    let failed = 0;
    for (const id of ids) {
      try {
        const result = await this.sweepProject(id, true);
        if (result) {
          swept++;
          events += result.expiring + result.expired;
        }
      } catch (err) {
        failed++;
        this.logger?.warn({ err: String(err), projectId: id }, 'sweep failed');
      }
    }
    return { swept, events, failed };
  }

  private async policyView(projectId: string): Promise<NotificationPolicyView> {
    const stored = await this.store.sweeps.getPolicy(projectId);
    if (stored) return { projectId, thresholdDays: stored.thresholdDays, lifetimeFractions: stored.lifetimeFractions, digest: stored.digest, updatedAt: stored.updatedAt };
    return { projectId, ...defaultNotificationPolicy, thresholdDays: [...defaultNotificationPolicy.thresholdDays], lifetimeFractions: [...defaultNotificationPolicy.lifetimeFractions], updatedAt: null };
  }
}
