/**
 * What services count for `GET /metrics`. Services depend on this port only (never on
 * prom-client); the composition root injects the Prometheus adapter
 * (observability/prometheus-metrics.ts), everything else gets `noopMetrics`.
 */
import type { NotificationChannelType } from '../domain/notification-channel-type.js';

/** An ACME issuance attempt's end: first issuance or renewal, success or failure. */
export type IssuanceOperation = 'issue' | 'renew';
export type Outcome = 'success' | 'failure';

/** The protocols an endpoint is probed over. */
export type ProbeProtocol = 'tls' | 'smtp' | 'imap' | 'ldap' | 'postgres';
/** `unreachable`: no TLS handshake at all; `failure`: connected, but the probe could not complete. */
export type ProbeOutcome = 'success' | 'unreachable' | 'failure';

/** One finished pass of a background job (jobs/job-runner.ts). */
export interface JobPass {
  /** `failure`: the pass as a whole threw. */
  outcome: Outcome;
  endedAt: Date;
  seconds: number;
  /** Items worked on, and of those, failed. */
  processed: number;
  failed: number;
}

export interface Metrics {
  /** ManagedCertificateService: certificate.issued / renewed (success), validation_failed / renewal_failed (failure). */
  issuance(operation: IssuanceOperation, outcome: Outcome): void;
  /** One delivery attempt to a notification channel (retries count again). */
  notification(channelType: NotificationChannelType, outcome: Outcome): void;
  /** One probe of an endpoint. */
  probe(protocol: ProbeProtocol, outcome: ProbeOutcome): void;
  /** A job is scheduled: its series exist (at zero) from the first scrape. */
  jobScheduled(job: string): void;
  /** One pass of a job ended. */
  jobPass(job: string, pass: JobPass): void;
}

export const noopMetrics: Metrics = {
  issuance: () => {},
  notification: () => {},
  probe: () => {},
  jobScheduled: () => {},
  jobPass: () => {},
};
