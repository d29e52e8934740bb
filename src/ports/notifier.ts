/**
 * What the sweep hands to notification channels (issue 5 §2). The sweep decides what is worth
 * telling (thresholds, once per material, mutes); the notifier delivers it to every channel of
 * the project, one message per item or one digest for all, and records each delivery. A failing
 * channel never blocks the others or the caller.
 */
export interface NotificationItem {
  /** The event type, e.g. `certificate.expiring`, `certificate.expired`, `certificate.revoked`. */
  type: string;
  /** The audit event this item reports, when there is one. */
  eventId?: number;
  certificateId?: number;
  /** One line for humans, e.g. "www.example.com expires in 7 days (2026-12-01)". */
  title: string;
  /** Machine-readable facts (domainName, notAfter, daysLeft, threshold, …). */
  data: Record<string, unknown>;
  at: Date;
}

export interface Notifier {
  /** Delivers the items to every enabled channel of the project: one message each, or one digest. */
  notify(projectId: string, items: readonly NotificationItem[], mode: 'each' | 'digest'): Promise<void>;
}

/** For deployments and tests without channels. */
export const noNotifier: Notifier = { notify: async () => undefined };
