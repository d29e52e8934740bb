/** The dashboard's pure logic (web/src/lib/dashboard.ts) and the list's expiry window in the URL. */
import { describe, expect, it } from 'vitest';
import { attentionHref, bucketHref, bucketLabel, bucketTitle, monthTicks, scaleMax, segmentsOf, type Bucket } from '../../web/src/lib/dashboard.js';
import { apiQueryOf, isFiltered, searchFromView, viewFromSearch } from '../../web/src/lib/filters.js';

const zeros = { tls: 0, apns: 0, pass: 0, client: 0, ca: 0, other: 0 };
const none = { Active: 0, Expired: 0, Revoked: 0, Failed: 0, PendingValidation: 0, Validating: 0 };
const week = (o: Partial<Bucket>): Bucket => ({ key: '2026-W51', weekStart: '2026-12-14T00:00:00.000Z', from: '2026-12-14T00:00:00.000Z', to: '2026-12-21T00:00:00.000Z', total: 0, byKind: { ...zeros }, byStatus: { ...none }, ...o });

describe('the expiry timeline', () => {
  it('words a bar and links it to exactly its window, or to status=Expired', () => {
    const b = week({ total: 12, byKind: { ...zeros, tls: 10, apns: 2 }, byStatus: { ...none, Active: 11, Revoked: 1 } });
    expect(bucketTitle(b)).toBe('12 certificates expire in the week of 14 Dec 2026');
    expect(bucketLabel(b, 'kind')).toBe('12 certificates expire in the week of 14 Dec 2026: 10 TLS, 2 APNs');
    expect(bucketLabel(b, 'status')).toBe('12 certificates expire in the week of 14 Dec 2026: 11 Active, 1 Revoked');
    expect(bucketLabel(week({ total: 1, byKind: { ...zeros, ca: 1 } }), 'kind')).toBe('1 certificate expires in the week of 14 Dec 2026 (CA)');
    expect(bucketLabel(week({}), 'kind')).toBe('0 certificates expire in the week of 14 Dec 2026');
    const href = bucketHref('p 1', b);
    expect(href.startsWith('/projects/p%201/certificates?')).toBe(true);
    const view = viewFromSearch(href.slice(href.indexOf('?')));
    expect(view).toMatchObject({ expiringAfter: b.from, expiringBefore: b.to, page: 1 });
    expect(apiQueryOf(view)).toMatchObject({ expiringAfter: b.from, expiringBefore: b.to });
    const expired = week({ key: 'expired', weekStart: null, from: null, to: '2026-12-15T10:00:00.001Z', total: 3 });
    expect(bucketTitle(expired)).toBe('3 certificates have expired');
    expect(bucketHref('p', expired)).toBe('/projects/p/certificates?status=Expired');
  });

  it('stacks the non-empty segments in the legend’s order, on a round scale, with month labels', () => {
    const b = week({ total: 7, byKind: { ...zeros, client: 3, tls: 4 } });
    expect(segmentsOf(b, 'kind').map((s) => [s.key, s.count])).toEqual([
      ['tls', 4],
      ['client', 3],
    ]);
    expect([scaleMax([]), scaleMax([b]), scaleMax([week({ total: 12 })]), scaleMax([week({ total: 240 })]), scaleMax([week({ total: 5001 })])]).toEqual([1, 10, 20, 250, 10000]);
    const ticks = monthTicks([week({ weekStart: null }), week({ weekStart: '2026-12-28T00:00:00.000Z' }), week({ weekStart: '2027-01-04T00:00:00.000Z' }), week({ weekStart: '2027-01-11T00:00:00.000Z' })]);
    expect(ticks).toEqual([
      { index: 1, text: 'Dec 2026' },
      { index: 2, text: 'Jan 2027' },
    ]);
  });

  it('leads each item that needs a person to where it is dealt with', () => {
    const item = { kind: 'renewal_failed', objectType: 'certificate', objectId: '7', certificateId: 7, name: 'x', reason: 'r', since: null } as const;
    expect(attentionHref('p', item)).toBe('/projects/p/certificates/7');
    expect(attentionHref('p', { ...item, objectType: 'deployment', objectId: '3', certificateId: 9 })).toBe('/projects/p/certificates/9');
    expect(attentionHref('p', { ...item, objectType: 'endpoint', objectId: '3', certificateId: null })).toBe('/projects/p/endpoints');
    expect(attentionHref('p', { ...item, objectType: 'notification_channel', objectId: 'c', certificateId: null })).toBe('/projects/p/notifications');
  });
});

describe('the list’s expiry window in the URL', () => {
  it('reads and writes expiringAfter/expiringBefore, ignoring what is not a date-time', () => {
    const v = viewFromSearch('?expiringAfter=2026-12-14T00:00:00.000Z&expiringBefore=2026-12-21T00:00:00.000Z&status=Active');
    expect(v).toMatchObject({ expiringAfter: '2026-12-14T00:00:00.000Z', expiringBefore: '2026-12-21T00:00:00.000Z', status: 'Active' });
    expect(isFiltered({ ...v, status: undefined })).toBe(true);
    expect(searchFromView(v)).toBe('?status=Active&expiringAfter=2026-12-14T00%3A00%3A00.000Z&expiringBefore=2026-12-21T00%3A00%3A00.000Z');
    expect(viewFromSearch('?expiringAfter=tomorrow&expiringBefore=%3Cscript%3E').expiringAfter).toBeUndefined();
    expect(viewFromSearch('?expiringAfter=tomorrow&expiringBefore=%3Cscript%3E').expiringBefore).toBeUndefined();
  });
});
