import { describe, expect, it } from 'vitest';
import { nextAttemptAt, renewAtOf } from '../../src/domain/renewal.js';

const d = (s: string) => new Date(s);

describe('renewAtOf', () => {
  const nb = d('2026-01-01T00:00:00Z');
  const na = d('2026-04-01T00:00:00Z'); // 90 days
  it.each([
    ['2/3 of the lifetime without ARI', null, 0.5, null, '2026-03-02T00:00:00.000Z'],
    ['an ARI window earlier than 2/3: its picked point', { windowStart: d('2026-02-01T00:00:00Z'), windowEnd: d('2026-02-03T00:00:00Z') }, 0.5, null, '2026-02-02T00:00:00.000Z'],
    ['an ARI window later than 2/3: 2/3 wins', { windowStart: d('2026-03-10T00:00:00Z'), windowEnd: d('2026-03-12T00:00:00Z') }, 0, null, '2026-03-02T00:00:00.000Z'],
    ['ARI pick 0 is the window start', { windowStart: d('2026-02-01T00:00:00Z'), windowEnd: d('2026-02-03T00:00:00Z') }, 0, null, '2026-02-01T00:00:00.000Z'],
    ['renewBeforeDays brings it forward', null, 0.5, 45, '2026-02-15T00:00:00.000Z'],
    ['renewBeforeDays later than 2/3 changes nothing', null, 0.5, 10, '2026-03-02T00:00:00.000Z'],
    ['an inverted ARI window is ignored', { windowStart: d('2026-02-03T00:00:00Z'), windowEnd: d('2026-02-01T00:00:00Z') }, 0.5, null, '2026-03-02T00:00:00.000Z'],
  ])('%s', (_name, ari, pick, before, expected) => {
    expect(renewAtOf(nb, na, ari, pick, before).toISOString()).toBe(expected);
  });
});

describe('nextAttemptAt', () => {
  const now = d('2026-01-01T00:00:00Z');
  it.each([
    [1, 0, 5 * 60_000],
    [2, 0, 10 * 60_000],
    [3, 0, 20 * 60_000],
    [1, 0.5, 5 * 60_000 * 1.05],
    [20, 0, 24 * 3_600_000],
    [1000, 0, 24 * 3_600_000],
  ])('failure %i, pick %f → +%i ms', (n, pick, ms) => {
    expect(nextAttemptAt(now, n, pick).getTime() - now.getTime()).toBe(ms);
  });
});
