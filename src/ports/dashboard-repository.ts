import type { AuditEvent } from '../domain/audit-event.js';
import type { CertificateKind, EffectiveStatus, LifecycleStatus } from '../domain/certificate.js';

/** What a project's dashboard is computed for: the project (its own and its organization's shared certificates) at `now`. */
export interface DashboardScope {
  projectId: string;
  organizationId: string;
  now: Date;
}

/** A number of certificates of one (effective) status and kind. */
export interface StatusKindCount {
  status: EffectiveStatus;
  kind: CertificateKind;
  count: number;
}

/** Certificates expiring in one week of the timeline, by stored status and kind. */
export interface WeekCount {
  /** 0 = the week `now` is in (from just after now), 1 = the next, … */
  week: number;
  status: LifecycleStatus;
  kind: CertificateKind;
  count: number;
}

/** What needs a person now, by kind (docs/api.md, "Dashboard"). */
export type AttentionKind = 'renewal_failed' | 'dns_records_pending' | 'push_certificate_revoked' | 'deployment_failed' | 'deployment_stale' | 'endpoint_unreachable' | 'channel_failing';
export const attentionKinds: readonly AttentionKind[] = ['renewal_failed', 'dns_records_pending', 'push_certificate_revoked', 'deployment_failed', 'deployment_stale', 'endpoint_unreachable', 'channel_failing'];

/** One thing that needs a person: what, which object, why (facts the service words), since when. */
export interface AttentionRow {
  kind: AttentionKind;
  objectType: 'certificate' | 'app' | 'deployment' | 'endpoint' | 'notification_channel';
  objectId: string;
  /** The certificate it is about, when there is one. */
  certificateId: number | null;
  /** A name to show: a domain, an app's, an endpoint's host:port, a channel's. */
  name: string;
  /** Small facts the reason is worded from (a problem's detail, an error code, a count…). */
  facts: Record<string, unknown>;
  since: Date | null;
}

export interface AttentionGroup {
  kind: AttentionKind;
  /** How many there are, counted up to `cap` + 1 (more than `cap` = capped). */
  count: number;
  capped: boolean;
  /** The first ones, newest first. */
  items: AttentionRow[];
}

/** The dashboard's aggregates, each read by SQL over indexes or the certificate counters. */
export interface DashboardRepository {
  /** Visible certificates by effective status (issued split into issued and expired at `now`) and kind. */
  countByStatusAndKind(scope: DashboardScope): Promise<StatusKindCount[]>;
  /** Visible certificates with notAfter in (now, start of week 0 + weeks·7 days), grouped by week, status and kind. `weekStart`: epoch ms of week 0's Monday 00:00 UTC. */
  countByWeek(scope: DashboardScope, weekStart: number, weeks: number): Promise<WeekCount[]>;
  /** Each kind of trouble in the project's own objects: up to `limit` items, counted up to `cap`. */
  attention(scope: DashboardScope, limit: number, cap: number): Promise<AttentionGroup[]>;
  /** The project's latest events, newest first. */
  recentEvents(projectId: string, limit: number): Promise<AuditEvent[]>;
}
