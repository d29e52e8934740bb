import type { NotificationPolicy } from '../domain/notification-policy.js';

/** A project's stored notification policy. */
export interface NotificationPolicyRecord extends NotificationPolicy {
  projectId: string;
  updatedAt: Date;
}

/** What one sweep fired: counts of every new event, and the first ones in full. */
export interface SweepFired {
  expiring: number;
  expired: number;
  /** Of those, the events of muted certificates: recorded, not sent. */
  muted: number;
  /** The first `detailLimit` new events (default 1000) by id, with their data: a first sweep over a large inventory creates 100,000s. */
  events: SweepFiredEvent[];
}

/** One event a sweep created (a threshold fired for the first time for this material). */
export interface SweepFiredEvent {
  eventId: number;
  /** `certificate.expiring` or `certificate.expired`. */
  type: string;
  certificateId: number;
  /** false: recorded but not to be sent (the certificate is muted). */
  notify: boolean;
  /** threshold, sslCertificateId, domainName, notAfter (ISO), daysLeft; and muted: true when notify is false. */
  data: Record<string, unknown>;
  createdAt: Date;
}

/** How `fire` cuts a sweep into chunks. */
export interface SweepChunking {
  /**
   * Certificates considered per chunk, fixed (tests). By default the store picks it, and adapts
   * it as it goes to keep each chunk's transaction to a few milliseconds.
   */
  candidates?: number;
  /**
   * Called between two chunks, outside their transactions (the sweep's lease is renewed there);
   * what it throws ends the sweep, the chunks done staying committed.
   */
  between?: () => Promise<void>;
}

/**
 * Sweeps: policies, mutes, the fired table and per-project sweep leases. `fire` is set-based
 * (two INSERT … SELECT statements per chunk of the project's certificates) and each chunk is
 * atomic, so fired rows and their events land together.
 */
export interface SweepRepository {
  getPolicy(projectId: string): Promise<NotificationPolicyRecord | undefined>;
  putPolicy(record: NotificationPolicyRecord): Promise<void>;
  /** Mutes or unmutes; unmuting re-arms the thresholds fired while muted, not the expiry (the rule: `fire`). */
  setMuted(certificateId: number, muted: boolean, at: Date): Promise<void>;
  isMuted(certificateId: number): Promise<boolean>;
  /**
   * Those of the certificates that the project muted. A mute is the project's that owns the
   * certificate: it silences that project's notifications, never those of a project the
   * certificate is shared with.
   */
  listMuted(projectId: string, certificateIds: readonly number[]): Promise<number[]>;
  /**
   * Fires, for the project's issued certificates, each newly crossed threshold (the alert rule,
   * stated where it runs: storage/repositories/sweep-repository.ts) once per material (conflicts
   * do nothing), and appends one event per fired row; returns those events (`runId` names this
   * sweep's rows). The certificates are taken in chunks, each a few milliseconds' work: in the
   * caller's transaction when there is one, else each chunk in its own transaction, with the
   * event loop free between chunks. A failure (or a crash) between chunks leaves the chunks done
   * committed, their fired rows with their events; the next sweep fires the rest, since what
   * fired is recorded.
   */
  fire(projectId: string, policy: NotificationPolicy, now: Date, runId: string, detailLimit?: number, chunking?: SweepChunking): Promise<SweepFired>;
  /** When the scheduler sweeps the project next; undefined before its first sweep lease. */
  nextSweepDue(projectId: string): Promise<Date | undefined>;
  /** Records a finished sweep and when the scheduler sweeps the project next (under its sweep lease). */
  recordSwept(projectId: string, sweptAt: Date, nextDueAt: Date): Promise<void>;
  /** Projects whose scheduled sweep is due at `now` and whose sweep lease is free, most overdue first. */
  listDueProjects(now: Date, limit: number): Promise<string[]>;
}
