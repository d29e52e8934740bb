import type { Endpoint } from '../domain/endpoint.js';
import type { NotificationDeliveryRecord } from './notification-repository.js';
import type { DuePushCheck } from './push-health-repository.js';

/**
 * One piece of work that a single server does at a time, named by what it works on:
 * - `issuance`: an attempt at a managed certificate's issuance or renewal;
 * - `sweep`: a project's expiry sweep;
 * - `dispatch`: a project's notification dispatch (its event cursor; the cursor must exist);
 * - `deployment`: writing to a deployment target and reloading it (the target must exist).
 */
export type LeaseName =
  | { kind: 'issuance'; certificateId: number }
  | { kind: 'sweep'; projectId: string }
  | { kind: 'dispatch'; projectId: string }
  | { kind: 'deployment'; targetId: number };

/** What each queue of due work hands out when it is claimed. */
export interface ClaimedWork {
  /** A watched endpoint due for a probe (released when its probe is recorded). */
  probe: Endpoint;
  /** A bound APNs certificate due for a push check (released when the check is recorded). */
  pushCheck: DuePushCheck;
  /** A notification delivery due for an attempt (released when the attempt is recorded). */
  delivery: NotificationDeliveryRecord;
}

export type WorkQueue = keyof ClaimedWork;

export interface ClaimWindow {
  /** The claim's time. */
  now: Date;
  /** Work last done at or before this (or never) is due; a delivery is due when its next attempt is. */
  dueBefore: Date;
  /** A claim made at or before this has lapsed (its server died mid-work) and may be taken over. */
  claimExpiredBefore: Date;
}

/**
 * How several servers on one database share background work, as one idea: a lease is held on a
 * named piece of work until it is released or its time runs out; a claim takes due items of a
 * queue in a batch. Each is one conditional statement per row, so of several servers racing
 * exactly one wins, and a server that dies mid-work is taken over once its lease or claim lapses.
 * Callers check again under the lease that the work is still needed (another server may have
 * done it meanwhile).
 */
export interface Leases {
  /**
   * Takes the lease for `owner` until `until` when it is free, has run out at `now`, or is
   * already `owner`'s (a restarted server under the same name takes its work back at once).
   * true when `owner` holds it afterwards; false when another does, or the work does not exist.
   */
  acquire(name: LeaseName, owner: string, now: Date, until: Date): Promise<boolean>;
  /** Frees the lease if `owner` holds it. */
  release(name: LeaseName, owner: string): Promise<void>;
  /** Claims up to `limit` due items of the queue that no live claim holds, oldest due first. */
  claimDue<Q extends WorkQueue>(queue: Q, window: ClaimWindow, limit: number): Promise<Array<ClaimedWork[Q]>>;
}
