import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDateTime, parseIsoDateTime } from '../../src/api/iso-date-time.js';

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

describe('parseIsoDateTime', () => {
  // [text, the time it names (ISO, UTC), or null when refused]
  it.each<[string, string | null]>([
    ['2026-06-01T12:00:00Z', '2026-06-01T12:00:00.000Z'],
    ['2026-06-01T12:00:00.5Z', '2026-06-01T12:00:00.500Z'],
    ['2026-06-01T12:00:00.123456789Z', '2026-06-01T12:00:00.123Z'],
    ['2026-06-01T12:00Z', '2026-06-01T12:00:00.000Z'],
    ['2026-06-01t12:00:00z', '2026-06-01T12:00:00.000Z'],
    ['2026-06-01T14:30:00+02:30', '2026-06-01T12:00:00.000Z'],
    ['2026-06-01T00:00:00-05:00', '2026-06-01T05:00:00.000Z'],
    ['2026-06-01T12:00:00+23:59', '2026-05-31T12:01:00.000Z'],
    ['2026-06-01T12:00:00-00:00', '2026-06-01T12:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
    ['2026-12-31T23:59:59.999Z', '2026-12-31T23:59:59.999Z'],
    ['0099-01-01T00:00:00Z', '0099-01-01T00:00:00.000Z'],
    ['2026-02-30T00:00:00Z', null],
    ['2026-02-29T00:00:00Z', null],
    ['1900-02-29T00:00:00Z', null],
    ['2026-04-31T00:00:00Z', null],
    ['2026-13-01T00:00:00Z', null],
    ['2026-00-10T00:00:00Z', null],
    ['2026-06-00T00:00:00Z', null],
    ['2026-06-32T00:00:00Z', null],
    ['2026-06-01T24:00:00Z', null],
    ['2026-06-01T23:60:00Z', null],
    ['2026-06-01T23:59:60Z', null],
    ['2026-06-01T12:00:00+24:00', null],
    ['2026-06-01T12:00:00+01:60', null],
    ['2026-06-01T12:00:00', null],
    ['2026-06-01 12:00:00Z', null],
    ['2026-06-01', null],
    ['2026-6-1T12:00:00Z', null],
    ['+002026-06-01T12:00:00Z', null],
    ['2026-06-01T12:00:00.Z', null],
    ['2026-06-01T12:00:00.1234567890Z', null],
    ['2026-06-01T12:00:00+0200', null],
    [' 2026-06-01T12:00:00Z', null],
    ['yesterday', null],
  ])('%j → %s', (text, expected) => {
    expect(parseIsoDateTime(text)?.toISOString() ?? null).toBe(expected);
  });

  it('agrees with Date.parse wherever the date exists', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_102_444_800_000 }),
        fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }),
        fc.constantFrom('', '.1', '.12', '.123', '.1234', '.123456789'),
        (ms, offset, fraction) => {
          const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
          const zone = offset === 0 ? 'Z' : `${offset < 0 ? '-' : '+'}${String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0')}:${String(Math.abs(offset) % 60).padStart(2, '0')}`;
          const text = `${local}${fraction}${zone}`;
          return parseIsoDateTime(text)?.getTime() === Date.parse(text);
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
