import { describe, expect, it } from 'vitest';
import { accountThrottle, addressKey, addressThrottle, afterAttempt, lockedUntil, lockMsFor, type ThrottleState } from '../../src/domain/sign-in-throttle.js';

const T0 = new Date('2026-06-01T00:00:00Z');
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('sign-in throttle rules', () => {
  it.each([
    [1, 0],
    [4, 0],
    [5, 60_000],
    [6, 120_000],
    [7, 240_000],
    [10, 1_920_000],
    [11, 3_600_000],
    [60, 3_600_000],
  ])('the attempt with count %i on an account locks for %i ms', (failures, ms) => {
    expect(lockMsFor(accountThrottle, failures)).toBe(ms);
  });

  it('an address locks from its 20th attempt', () => {
    expect(lockMsFor(addressThrottle, 19)).toBe(0);
    expect(lockMsFor(addressThrottle, 20)).toBe(60_000);
  });

  it('counts on from the last attempt, starts again after a day without one, and knows when a lock is in force', () => {
    let state: ThrottleState | undefined;
    for (let i = 0; i < 5; i++) state = afterAttempt(accountThrottle, state, at(i));
    expect(state).toEqual({ failures: 5, lockedUntil: at(4 + 60_000), updatedAt: at(4) });
    expect(lockedUntil(state, at(60_003))).toEqual(at(60_004));
    expect(lockedUntil(state, at(60_004))).toBeNull();
    expect(afterAttempt(accountThrottle, state, at(70_000))).toEqual({ failures: 6, lockedUntil: at(70_000 + 120_000), updatedAt: at(70_000) });
    expect(afterAttempt(accountThrottle, state, at(4 + 86_400_000))).toEqual({ failures: 1, lockedUntil: null, updatedAt: at(4 + 86_400_000) });
  });

  it.each([
    ['192.0.2.7', '192.0.2.7'],
    ['::ffff:192.0.2.7', '192.0.2.7'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:DB8:0001:0002::', '2001:db8:1:2::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('counts %s as %s', (ip, key) => {
    expect(addressKey(ip)).toBe(key);
  });
});
