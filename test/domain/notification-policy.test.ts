import { describe, expect, it } from 'vitest';
import {
  DAY_MS,
  alertDecision,
  crossedThreshold,
  defaultNotificationPolicy as P,
  normalizePolicy,
  policyWindowMs,
  thresholdKey,
  type AlertSubject,
} from '../../src/domain/notification-policy.js';
import { AppError } from '../../src/domain/app-error.js';
import { FakeClock } from '../support/fake-clock.js';

const HOUR = 3_600_000;
const clock = new FakeClock('2026-06-01T00:00:00Z');
const now = () => clock.now();
/** A certificate living `lifetimeDays`, expiring `leftMs` after now. */
const cert = (lifetimeDays: number, leftMs: number, extra: Partial<AlertSubject> = {}): AlertSubject => {
  const notAfter = new Date(now().getTime() + leftMs);
  return { notBefore: new Date(notAfter.getTime() - lifetimeDays * DAY_MS), notAfter, sslCertificateId: 'm1', muted: false, ...extra };
};

describe('crossedThreshold', () => {
  it.each([
    // lifetime days, time left, expected key
    [365, 31 * DAY_MS, null],
    [365, 30 * DAY_MS + 1, null],
    [365, 30 * DAY_MS, 'days:30'],
    [365, 15 * DAY_MS, 'days:30'],
    [365, 14 * DAY_MS, 'days:14'],
    [365, 5 * DAY_MS, 'days:7'],
    [365, 3 * DAY_MS, 'days:3'],
    [365, 2 * DAY_MS, 'days:3'],
    [365, 1 * DAY_MS, 'days:1'],
    [365, 1, 'days:1'],
    [365, 0, 'expired'],
    [365, -400 * DAY_MS, 'expired'],
    [90, 30 * DAY_MS, 'days:30'], // exactly 90 days lives long: day thresholds
    // 45-day certificate: 1/3 = 15 d, 1/6 = 7.5 d, 1/12 = 3.75 d
    [45, 16 * DAY_MS, null],
    [45, 15 * DAY_MS, 'fraction:0.333333'],
    [45, 8 * DAY_MS, 'fraction:0.333333'],
    [45, 7.5 * DAY_MS, 'fraction:0.166667'],
    [45, 3.75 * DAY_MS, 'fraction:0.083333'],
    [45, HOUR, 'fraction:0.083333'],
    [45, 0, 'expired'],
    // 6-day certificate: 2 d, 1 d, 12 h
    [6, 3 * DAY_MS, null],
    [6, 2 * DAY_MS, 'fraction:0.333333'],
    [6, 1 * DAY_MS, 'fraction:0.166667'],
    [6, 12 * HOUR, 'fraction:0.083333'],
    [6, -1, 'expired'],
  ])('lifetime %s d, %s ms left → %s', (lifetimeDays, leftMs, expected) => {
    const t = crossedThreshold(cert(lifetimeDays, leftMs), P, now());
    expect(t ? thresholdKey(t) : null).toBe(expected);
  });

  it('follows the clock: a year-long certificate crosses 30, 14, 7, 3, 1 and expiry as time passes', () => {
    const c = new FakeClock('2026-06-01T00:00:00Z');
    const subject = { ...cert(365, 40 * DAY_MS), notAfter: new Date(c.now().getTime() + 40 * DAY_MS) };
    const seen: string[] = [];
    for (let i = 0; i < 42 * 24; i++) {
      const t = crossedThreshold(subject, P, c.now());
      const key = t ? thresholdKey(t) : null;
      if (key && seen[seen.length - 1] !== key) seen.push(key);
      c.advance(HOUR);
    }
    expect(seen).toEqual(['days:30', 'days:14', 'days:7', 'days:3', 'days:1', 'expired']);
  });
});

describe('alertDecision', () => {
  const managed = (renewAtLeftMs: number | null, failureCount = 0, lastProblem: unknown = null) => ({
    renewAt: renewAtLeftMs === null ? null : new Date(now().getTime() + renewAtLeftMs),
    failureCount,
    lastProblem,
  });
  it.each([
    ['plain certificate at 7 days', cert(365, 7 * DAY_MS), [], { key: 'days:7', notify: true }],
    ['already fired for this material', cert(365, 7 * DAY_MS), ['days:7'], null],
    ['a larger threshold fired earlier does not stop the next one', cert(365, 7 * DAY_MS), ['days:30', 'days:14'], { key: 'days:7', notify: true }],
    ['nothing crossed', cert(365, 100 * DAY_MS), [], null],
    ['muted: no alert', cert(365, 7 * DAY_MS, { muted: true }), [], null],
    ['muted and expired: recorded, not sent', cert(365, -1, { muted: true }), [], { key: 'expired', notify: false }],
    ['expired once', cert(365, -1), ['expired'], null],
    // Threshold point of days:7 = now (7 days left); renewal scheduled 1 ms before it.
    ['managed, renewal scheduled before the threshold', cert(365, 7 * DAY_MS, { renewal: managed(-1) }), [], null],
    ['managed, renewal scheduled after the threshold', cert(365, 7 * DAY_MS, { renewal: managed(1) }), [], { key: 'days:7', notify: true }],
    ['managed, renewal not scheduled', cert(365, 7 * DAY_MS, { renewal: managed(null) }), [], { key: 'days:7', notify: true }],
    ['managed, renewal failed', cert(365, 7 * DAY_MS, { renewal: managed(-DAY_MS, 2) }), [], { key: 'days:7', notify: true }],
    ['managed, a problem recorded', cert(365, 7 * DAY_MS, { renewal: managed(-DAY_MS, 0, { type: 'x', detail: 'y' }) }), [], { key: 'days:7', notify: true }],
    ['managed and expired: always recorded and sent', cert(365, -1, { renewal: managed(-30 * DAY_MS) }), [], { key: 'expired', notify: true }],
    ['short-lived managed, renewal before 1/3 point', cert(45, 15 * DAY_MS, { renewal: managed(-DAY_MS) }), [], null],
  ] as const)('%s', (_name, subject, fired, expected) => {
    const d = alertDecision(subject, P, now(), new Set(fired));
    expect(d ? { key: d.key, notify: d.notify } : null).toEqual(expected);
  });
});

describe('normalizePolicy', () => {
  it('keeps defaults for fields left out and sorts largest first', () => {
    expect(normalizePolicy({ thresholdDays: [1, 60, 10] })).toEqual({ thresholdDays: [60, 10, 1], lifetimeFractions: P.lifetimeFractions, digest: false });
    expect(normalizePolicy({ digest: true }).digest).toBe(true);
  });
  it.each([
    [{ thresholdDays: [0] }],
    [{ thresholdDays: [1.5] }],
    [{ thresholdDays: [3, 3] }],
    [{ thresholdDays: 'x' }],
    [{ lifetimeFractions: [1] }],
    [{ lifetimeFractions: [0] }],
    [{ lifetimeFractions: [0.5, 0.5] }],
    [{ digest: 'yes' }],
  ])('refuses %j', (input) => {
    expect(() => normalizePolicy(input)).toThrow(AppError);
  });
  it('an empty list turns that kind of threshold off', () => {
    const p = normalizePolicy({ thresholdDays: [] });
    expect(crossedThreshold(cert(365, DAY_MS), p, now())).toBeNull();
    expect(thresholdKey(crossedThreshold(cert(365, -1), p, now())!)).toBe('expired');
  });
  it('window covers the largest threshold of either kind', () => {
    expect(policyWindowMs(P)).toBe(30 * DAY_MS);
    expect(policyWindowMs({ thresholdDays: [7], lifetimeFractions: [0.5], digest: false })).toBe(45 * DAY_MS);
  });
});
