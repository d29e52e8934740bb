/** The clock's numbers in a certificate list statement (src/storage/time-window.ts), on a fake clock. */
import { describe, expect, it } from 'vitest';
import type { CertificateQuery } from '../../src/ports/certificate-repository.js';
import { sentinelWindow, timeWindow, windowNumbers, windowShape } from '../../src/storage/time-window.js';

const DAY = 86_400_000;
const MIDNIGHT = Date.UTC(2026, 2, 15);
const at = (ms: number, more: Partial<CertificateQuery> = {}): CertificateQuery => ({
  projectId: 'p',
  organizationId: 'o',
  now: new Date(ms),
  sort: 'id',
  descending: false,
  pageIndex: 1,
  pageSize: 20,
  ...more,
});

describe('timeWindow', () => {
  it.each([
    // [what, query, days, ranges]
    ['no bound', at(MIDNIGHT + 5), undefined, []],
    ['30 days from mid-day: two partial edge days', at(MIDNIGHT + 5, { expiringWithinDays: 30 }), [20528, 20556], [[MIDNIGHT + 5, MIDNIGHT + DAY - 1], [MIDNIGHT + 30 * DAY, MIDNIGHT + 30 * DAY + 5]]],
    ['30 days from midnight: the first day whole', at(MIDNIGHT, { expiringWithinDays: 30 }), [20527, 20556], [[MIDNIGHT + 30 * DAY, MIDNIGHT + 30 * DAY]]],
    ['0 days: no whole day, counted directly', at(MIDNIGHT + 5, { expiringWithinDays: 0 }), undefined, [[MIDNIGHT + 5, MIDNIGHT + 5]]],
    ['expired: unbounded below', at(MIDNIGHT + 5, { status: 'expired' }), [-Infinity, 20526], [[MIDNIGHT, MIDNIGHT + 5]]],
    ['issued: from the next millisecond, unbounded above', at(MIDNIGHT + 5, { status: 'issued' }), [20528, Infinity], [[MIDNIGHT + 6, MIDNIGHT + DAY - 1]]],
  ] as const)('%s', (_, q, days, ranges) => {
    const w = timeWindow(q);
    expect(w.days).toEqual(days);
    expect(w.ranges).toEqual(ranges);
    expect(w.bounded).toBe(days !== undefined || ranges.length > 0);
    expect(w.empty).toBe(false);
  });

  it('is empty when the bounds cross (not yet expired, expiring within 0 days), and not when they meet', () => {
    expect(timeWindow(at(MIDNIGHT + 5, { status: 'issued', expiringWithinDays: 0 })).empty).toBe(true);
    expect(timeWindow(at(MIDNIGHT + 5, { status: 'expired', expiringWithinDays: 30 })).ranges).toEqual([[MIDNIGHT + 5, MIDNIGHT + 5]]);
  });

  it('keeps its shape from one moment to the next, and its sentinel twin has the same shape and distinct numbers', () => {
    const a = timeWindow(at(MIDNIGHT + 5, { expiringWithinDays: 30 }));
    const b = timeWindow(at(MIDNIGHT + 7 * DAY + 3_600_000, { expiringWithinDays: 30 }));
    expect(windowShape(a)).toBe(windowShape(b));
    expect(windowShape(a)).not.toBe(windowShape(timeWindow(at(MIDNIGHT, { expiringWithinDays: 30 }))));
    const s = sentinelWindow(a);
    expect(windowShape(s)).toBe(windowShape(a));
    const numbers = windowNumbers(s);
    expect(numbers).toHaveLength(windowNumbers(a).length);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(Math.max(...numbers)).toBeLessThan(-8e15);
    // Unbounded sides are no numbers to bind.
    expect(windowNumbers(timeWindow(at(MIDNIGHT + 5, { status: 'expired' })))).toEqual([MIDNIGHT + 5, 20526, MIDNIGHT, MIDNIGHT + 5]);
  });
});
