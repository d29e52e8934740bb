/**
 * The dashboard's pure logic: what each bar of the expiry timeline says and links to, its
 * stacked segments, the scale, and where a "needs a person" item leads.
 */
// The generated types directly (not api/client.ts): this file is pure logic the unit tests import.
import type { operations } from '../api/schema.js';
import { DEFAULT_VIEW, searchFromView, withFilter } from './filters.js';
import { KIND_WORDS, KINDS, STATUS_FILTER_WORDS, STATUS_FILTERS } from './status.js';

type DashboardAnswer = operations['getProjectDashboard']['responses'][200]['content']['application/json'];
export type DashboardData = DashboardAnswer extends { result: infer R } ? R : never;
export type Bucket = DashboardData['timeline'][number];
export type AttentionItem = DashboardData['needsAttention']['groups'][number]['items'][number];
export type StackBy = 'kind' | 'status';

export interface Segment {
  key: string;
  words: string;
  count: number;
}

const dayText = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const certificates = (n: number) => `${n} ${n === 1 ? 'certificate' : 'certificates'}`;

/** The certificates list showing exactly a bar's certificates: status=Expired, or the week's window on notAfter. */
export function bucketHref(projectId: string, b: Bucket): string {
  const base = `/projects/${encodeURIComponent(projectId)}/certificates`;
  if (b.from === null) return base + searchFromView(withFilter(DEFAULT_VIEW, { status: 'Expired' }));
  return base + searchFromView(withFilter(DEFAULT_VIEW, { expiringAfter: b.from, expiringBefore: b.to }));
}

/** What a bar is, in words: "12 certificates expire in the week of 14 Dec 2026". */
export function bucketTitle(b: Bucket): string {
  if (b.weekStart === null) return `${certificates(b.total)} ${b.total === 1 ? 'has' : 'have'} expired`;
  return `${certificates(b.total)} ${b.total === 1 ? 'expires' : 'expire'} in the week of ${dayText(b.weekStart)}`;
}

/** The bar's non-empty segments, bottom first, in the order of the legend. */
export function segmentsOf(b: Bucket, by: StackBy): Segment[] {
  if (by === 'kind') return KINDS.map((k) => ({ key: k, words: KIND_WORDS[k], count: b.byKind[k] })).filter((s) => s.count > 0);
  return STATUS_FILTERS.map((s) => ({ key: s, words: STATUS_FILTER_WORDS[s] ?? s, count: b.byStatus[s] })).filter((s) => s.count > 0);
}

/** The bar's link label: its title and, when it holds several, how it splits. */
export function bucketLabel(b: Bucket, by: StackBy): string {
  const parts = segmentsOf(b, by);
  const split = parts.length > 1 ? `: ${parts.map((p) => `${p.count} ${p.words}`).join(', ')}` : parts.length === 1 ? ` (${parts[0].words})` : '';
  return bucketTitle(b) + split;
}

/** A round top for the chart's scale, at least 1. */
export function scaleMax(buckets: readonly Bucket[]): number {
  const max = Math.max(1, ...buckets.map((b) => b.total));
  const step = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * step >= max) return m * step;
  return 10 * step;
}

/** The month a week starts in, when it differs from the previous week's: the axis labels. */
export function monthTicks(buckets: readonly Bucket[]): Array<{ index: number; text: string }> {
  const ticks: Array<{ index: number; text: string }> = [];
  let last = '';
  buckets.forEach((b, index) => {
    if (!b.weekStart) return;
    const d = new Date(b.weekStart);
    const key = `${d.getUTCFullYear()}-${d.getUTCMonth()}`;
    if (key !== last) {
      const text = d.toLocaleDateString('en-GB', { month: 'short', timeZone: 'UTC' }) + (d.getUTCMonth() === 0 || ticks.length === 0 ? ` ${d.getUTCFullYear()}` : '');
      ticks.push({ index, text });
      last = key;
    }
  });
  return ticks;
}

export const ATTENTION_WORDS: Record<string, string> = {
  renewal_failed: 'Renewals failed',
  dns_records_pending: 'DNS records to publish',
  push_certificate_revoked: 'Push certificates refused',
  deployment_failed: 'Deployments failed',
  deployment_stale: 'Stale deployments',
  endpoint_unreachable: 'Endpoints unreachable',
  channel_failing: 'Notification channels failing',
};

/** Where an item is dealt with: its certificate when it has one, else its object's page. */
export function attentionHref(projectId: string, item: AttentionItem): string {
  const base = `/projects/${encodeURIComponent(projectId)}`;
  switch (item.objectType) {
    case 'certificate':
      return `${base}/certificates/${encodeURIComponent(item.objectId)}`;
    case 'endpoint':
      return `${base}/endpoints`;
    case 'notification_channel':
      return `${base}/notifications`;
    case 'app':
      return `${base}/apps`;
    default:
      return item.certificateId !== null ? `${base}/certificates/${item.certificateId}` : base;
  }
}
