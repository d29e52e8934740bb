import type { AuditEvent } from '../domain/audit-event.js';
import type { CertificateKind, CertificateRecord, EffectiveStatus } from '../domain/certificate.js';
import { expiryWeeks } from '../domain/expiry-weeks.js';
import type { Clock } from '../ports/clock.js';
import type { AttentionKind, AttentionRow, StatusKindCount } from '../ports/dashboard-repository.js';
import type { Store } from '../ports/store.js';
import type { AccessService } from './access-service.js';
import type { Principal } from './principal.js';

/** Weeks on the timeline after the expired bucket: the week `now` is in and the 51 after it. */
export const TIMELINE_WEEKS = 52;
const EXPIRING_NEXT = 10;
const ATTENTION_ITEMS = 10;
const ATTENTION_CAP = 1000;
const RECENT_EVENTS = 20;

/** One bar of the timeline: certificates whose notAfter is in [from, to), by kind and by status. */
export interface TimelineBucket {
  /** `expired`, or the ISO week (`2026-W51`). */
  key: string;
  /** The week's Monday 00:00 UTC; null for the expired bucket. */
  weekStart: Date | null;
  /** The window on notAfter, [from, to): the expired bucket has no start and ends just after now. */
  from: Date | null;
  to: Date;
  total: number;
  byKind: Array<{ kind: CertificateKind; count: number }>;
  byStatus: Array<{ status: EffectiveStatus; count: number }>;
}

export interface AttentionItem extends AttentionRow {
  /** Short, in words. */
  reason: string;
}

export interface Dashboard {
  now: Date;
  counts: { total: number; byStatusAndKind: StatusKindCount[] };
  timeline: TimelineBucket[];
  expiringNext: CertificateRecord[];
  attention: { total: number; groups: Array<{ kind: AttentionKind; count: number; capped: boolean; items: AttentionItem[] }> };
  recentEvents: AuditEvent[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const clip = (text: unknown, max = 200) => (typeof text === 'string' && text.length > max ? `${text.slice(0, max - 1)}…` : typeof text === 'string' ? text : '');

/** The reason of an item, in words, from its facts. */
export function attentionReason(row: AttentionRow): string {
  const f = row.facts;
  switch (row.kind) {
    case 'renewal_failed': {
      const head = f.status === 'failed' ? 'Issuance failed' : `Renewal failed ${plural(Number(f.failures), 'time')}`;
      return f.problem ? `${head}: ${clip(f.problem)}` : head;
    }
    case 'dns_records_pending':
      return `Waiting for ${plural(Number(f.records), 'DNS record')} to be published`;
    case 'push_certificate_revoked':
      return `APNs ${String(f.environment)} refused certificate ${String(f.domain)}${f.reason ? ` (${clip(f.reason, 80)})` : ''}`;
    case 'deployment_failed':
      return `Deployment failed after ${plural(Number(f.attempts), 'attempt')}${f.message ? `: ${clip(f.message)}` : ''}`;
    case 'deployment_stale':
      return 'Deployed, but an endpoint still serves the previous certificate';
    case 'endpoint_unreachable':
      return `Unreachable (${String(f.code)})`;
    case 'channel_failing':
      return `${plural(Number(f.failing), 'delivery', 'deliveries')} failing since the last one that went through`;
  }
}

/**
 * A project's dashboard in one read: counts, the expiry timeline, what expires next, what needs
 * a person, the latest events. Every figure is an aggregate the store computes (counters and
 * GROUP BY over indexes), so its cost does not grow with the inventory.
 */
export class DashboardService {
  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async dashboard(principal: Principal, projectId: string): Promise<Dashboard> {
    const project = await this.access.authorizeProject(principal, projectId, 'viewer');
    const now = this.clock.now();
    const scope = { projectId: project.id, organizationId: project.organizationId, now };
    const weeks = expiryWeeks(now, TIMELINE_WEEKS);
    const repo = this.store.dashboard;
    // Independent reads: side by side on PostgreSQL's pool (SQLite runs them one after another anyway).
    const [counts, byWeek, expiringNext, groups, recentEvents] = await Promise.all([
      repo.countByStatusAndKind(scope),
      repo.countByWeek(scope, weeks[0].start, TIMELINE_WEEKS),
      this.store.certificates.listItems({
        projectId: project.id,
        organizationId: project.organizationId,
        status: 'issued',
        sort: 'notAfter',
        descending: false,
        pageIndex: 1,
        pageSize: EXPIRING_NEXT,
        now,
      }),
      repo.attention(scope, ATTENTION_ITEMS, ATTENTION_CAP),
      repo.recentEvents(project.id, RECENT_EVENTS),
    ]);

    const expired = counts.filter((c) => c.status === 'expired');
    const timeline: TimelineBucket[] = [
      bucket('expired', null, null, new Date(now.getTime() + 1), expired),
      ...weeks.map((w) => bucket(w.name, new Date(w.start), new Date(w.from), new Date(w.to), byWeek.filter((c) => c.week === w.week))),
    ];
    return {
      now,
      counts: { total: counts.reduce((n, c) => n + c.count, 0), byStatusAndKind: counts },
      timeline,
      expiringNext,
      attention: {
        total: groups.reduce((n, g) => n + g.count, 0),
        groups: groups.map((g) => ({ ...g, items: g.items.map((row) => ({ ...row, reason: attentionReason(row) })) })),
      },
      recentEvents,
    };
  }
}

function bucket(key: string, weekStart: Date | null, from: Date | null, to: Date, counts: ReadonlyArray<{ status: EffectiveStatus; kind: CertificateKind; count: number }>): TimelineBucket {
  const byKind = new Map<CertificateKind, number>();
  const byStatus = new Map<EffectiveStatus, number>();
  for (const c of counts) {
    byKind.set(c.kind, (byKind.get(c.kind) ?? 0) + c.count);
    byStatus.set(c.status, (byStatus.get(c.status) ?? 0) + c.count);
  }
  return {
    key,
    weekStart,
    from,
    to,
    total: counts.reduce((n, c) => n + c.count, 0),
    byKind: [...byKind].map(([kind, count]) => ({ kind, count })),
    byStatus: [...byStatus].map(([status, count]) => ({ status, count })),
  };
}
