import { describe, expect, it } from 'vitest';
import { DAY_MS, defaultNotificationPolicy as P, normalizePolicy, policyWindowMs } from '../../src/domain/notification-policy.js';
import { AppError } from '../../src/domain/app-error.js';

// What a policy fires is the sweep's rule: test/storage/alert-rule.test.ts.
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
    [{ lifetimeFractions: [0.1234567, 0.1234568] }], // the same threshold key, fraction:0.123457
    [{ digest: 'yes' }],
  ])('refuses %j', (input) => {
    expect(() => normalizePolicy(input)).toThrow(AppError);
  });
  it('accepts an empty list (that kind of threshold off)', () => {
    expect(normalizePolicy({ thresholdDays: [] })).toEqual({ thresholdDays: [], lifetimeFractions: P.lifetimeFractions, digest: false });
    expect(normalizePolicy({ lifetimeFractions: [] }).lifetimeFractions).toEqual([]);
  });
  it('window covers the largest threshold of either kind', () => {
    expect(policyWindowMs(P)).toBe(30 * DAY_MS);
    expect(policyWindowMs({ thresholdDays: [7], lifetimeFractions: [0.5], digest: false })).toBe(45 * DAY_MS);
  });
});
