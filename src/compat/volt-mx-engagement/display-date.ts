/**
 * Dates as Volt MX's certexpirydetails shows them: `07 Jan, 2018 11.41:02 AM IST` — Java's
 * pattern `dd MMM, yyyy hh.mm:ss a zzz` — in a display time zone (see
 * src/compat/volt-mx-engagement/README.md, 'Ambiguities'). Pure: the date and the zone are
 * passed in.
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * English locales asked, in order, for a zone's short name. ICU's en-US data names only a few
 * zones (UTC, GMT and the North American ones: EST, PDT…) and gives `GMT+5:30` for the rest;
 * the regional English locales name their own zones (en-IN: IST for Asia/Kolkata; en-GB: BST,
 * CET, CEST; en-AU: AEST, AEDT…). The first name that is not a `GMT±h[:mm]` offset wins, so
 * each zone gets the abbreviation its own region uses; a zone no English locale names keeps
 * the offset form (`GMT+9` for Asia/Tokyo). en-IE is left out on purpose: its IST (Irish
 * Standard Time) would collide with India's.
 */
const ABBREVIATION_LOCALES = ['en-US', 'en-IN', 'en-GB', 'en-AU'] as const;
const OFFSET_NAME = /^GMT[+\-\u2212]/;

const numericCache = new Map<string, Intl.DateTimeFormat>();
const nameCache = new Map<string, Intl.DateTimeFormat>();

function numericFormat(timeZone: string): Intl.DateTimeFormat {
  let f = numericCache.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      hourCycle: 'h23',
    });
    numericCache.set(timeZone, f);
  }
  return f;
}

function nameFormat(locale: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${locale} ${timeZone}`;
  let f = nameCache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'short' });
    nameCache.set(key, f);
  }
  return f;
}

/** The zone's short name at that instant (IST, EST, BST, UTC…), or its `GMT±h[:mm]` offset when no English locale names it. */
export function timeZoneAbbreviation(date: Date, timeZone: string): string {
  let fallback = '';
  for (const locale of ABBREVIATION_LOCALES) {
    const name = nameFormat(locale, timeZone).formatToParts(date).find((p) => p.type === 'timeZoneName')?.value ?? '';
    if (name && !OFFSET_NAME.test(name)) return name;
    fallback ||= name;
  }
  return fallback.replace('\u2212', '-');
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `dd MMM, yyyy hh.mm:ss a zzz` in the zone: two-digit day, English month abbreviation,
 * four-digit year, 12-hour clock with a leading zero (midnight and noon are 12), AM/PM and the
 * zone's abbreviation (`timeZoneAbbreviation`). Throws RangeError for an unknown zone.
 */
export function formatDisplayDate(date: Date, timeZone: string): string {
  const parts: Record<string, number> = {};
  for (const p of numericFormat(timeZone).formatToParts(date)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const hour12 = parts.hour % 12 === 0 ? 12 : parts.hour % 12;
  const ampm = parts.hour < 12 ? 'AM' : 'PM';
  return `${pad(parts.day)} ${MONTHS[parts.month - 1]}, ${String(parts.year).padStart(4, '0')} ${pad(hour12)}.${pad(parts.minute)}:${pad(parts.second)} ${ampm} ${timeZoneAbbreviation(date, timeZone)}`;
}
