import { describe, expect, it } from 'vitest';
import { isValidTimeZone } from '../../../src/config/is-valid-time-zone.js';
import { formatDisplayDate, timeZoneAbbreviation } from '../../../src/compat/volt-mx-engagement/display-date.js';

describe('formatDisplayDate (Volt MX’s dd MMM, yyyy hh.mm:ss a zzz)', () => {
  it.each([
    // The vendor's own samples, in India time.
    ['2018-01-07T06:11:02Z', 'Asia/Kolkata', '07 Jan, 2018 11.41:02 AM IST'],
    ['2017-11-16T12:29:07Z', 'Asia/Kolkata', '16 Nov, 2017 05.59:07 PM IST'],
    ['2018-03-03T06:26:13Z', 'Asia/Kolkata', '03 Mar, 2018 11.56:13 AM IST'],
    ['2017-09-07T10:18:31Z', 'Asia/Kolkata', '07 Sep, 2017 03.48:31 PM IST'],
    // The default zone.
    ['2018-01-07T06:11:02Z', 'UTC', '07 Jan, 2018 06.11:02 AM UTC'],
    // Midnight and noon are 12 on a 12-hour clock.
    ['2026-06-01T00:00:00Z', 'UTC', '01 Jun, 2026 12.00:00 AM UTC'],
    ['2026-06-01T12:00:00Z', 'UTC', '01 Jun, 2026 12.00:00 PM UTC'],
    ['2026-12-31T23:59:59Z', 'UTC', '31 Dec, 2026 11.59:59 PM UTC'],
    // The zone moves the date across midnight, and summer time changes the abbreviation.
    ['2026-01-01T03:00:00Z', 'America/New_York', '31 Dec, 2025 10.00:00 PM EST'],
    ['2026-07-01T03:00:00Z', 'America/New_York', '30 Jun, 2026 11.00:00 PM EDT'],
    ['2026-07-01T12:00:00Z', 'America/Los_Angeles', '01 Jul, 2026 05.00:00 AM PDT'],
    ['2026-01-15T12:00:00Z', 'Europe/London', '15 Jan, 2026 12.00:00 PM GMT'],
    ['2026-07-15T12:00:00Z', 'Europe/London', '15 Jul, 2026 01.00:00 PM BST'],
    ['2026-01-15T12:00:00Z', 'Europe/Berlin', '15 Jan, 2026 01.00:00 PM CET'],
    ['2026-07-15T12:00:00Z', 'Europe/Berlin', '15 Jul, 2026 02.00:00 PM CEST'],
    ['2026-01-15T12:00:00Z', 'Australia/Sydney', '15 Jan, 2026 11.00:00 PM AEDT'],
    // No English locale names these zones: the offset stands in.
    ['2026-01-15T12:00:00Z', 'Asia/Tokyo', '15 Jan, 2026 09.00:00 PM GMT+9'],
    ['2026-01-15T12:00:00Z', 'Asia/Kathmandu', '15 Jan, 2026 05.45:00 PM GMT+5:45'],
    ['2026-01-15T12:00:00Z', 'America/Sao_Paulo', '15 Jan, 2026 09.00:00 AM GMT-3'],
  ])('%s in %s → %s', (iso, zone, expected) => {
    expect(formatDisplayDate(new Date(iso), zone)).toBe(expected);
  });

  it('Dublin summer time is not called IST (that name is India\'s here)', () => {
    expect(timeZoneAbbreviation(new Date('2026-07-15T12:00:00Z'), 'Europe/Dublin')).toBe('GMT+1');
  });

  it('refuses an unknown zone', () => {
    expect(isValidTimeZone('Asia/Kolkata')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
    expect(() => formatDisplayDate(new Date(), 'Mars/Olympus')).toThrow(RangeError);
  });
});
