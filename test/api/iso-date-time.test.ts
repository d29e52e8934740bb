import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateTime } from '../../src/api/iso-date-time.js';

describe('isoDateTime', () => {
  it('writes what Date.prototype.toISOString writes', () => {
    for (const ms of [0, 1, 999, 1000, 86_399_999, 86_400_000, 951_782_400_000, 1_788_319_569_143, 253_402_300_799_999, 253_402_300_800_000, -1, -62_198_755_200_000, 8.64e15, -8.64e15]) {
      expect(isoDateTime(ms)).toBe(new Date(ms).toISOString());
    }
    fc.assert(
      fc.property(fc.integer({ min: -8.64e15, max: 8.64e15 }), (ms) => isoDateTime(ms) === new Date(ms).toISOString()),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_102_444_800_000 }), (ms) => isoDateTime(ms) === new Date(ms).toISOString()),
      { numRuns: 20_000 },
    );
  });
});
