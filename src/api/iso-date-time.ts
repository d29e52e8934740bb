const DAY_MS = 86_400_000;
/** 9999-12-31T23:59:59.999Z: past it toISOString writes a six-digit, signed year. */
const MAX_FOUR_DIGIT_YEAR_MS = 253_402_300_799_999;
const TWO = Array.from({ length: 60 }, (_, i) => (i < 10 ? '0' : '') + i);
const THREE = Array.from({ length: 1000 }, (_, i) => (i < 10 ? '00' : i < 100 ? '0' : '') + i);

/** 'YYYY-MM-DDT' by day number; certificates' dates fall on a few thousand days. */
const dayPrefixes = new Map<number, string>();

/**
 * `new Date(ms).toISOString()`, without the Date: the date part is kept per day, the time of
 * day is plain arithmetic (a list page formats 400 of them).
 */
export function isoDateTime(ms: number): string {
  if (!(ms >= 0 && ms <= MAX_FOUR_DIGIT_YEAR_MS) || !Number.isInteger(ms)) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefixes.get(day);
  if (prefix === undefined) {
    if (dayPrefixes.size >= 100_000) dayPrefixes.clear();
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11);
    dayPrefixes.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const hours = Math.floor(rest / 3_600_000);
  rest -= hours * 3_600_000;
  const minutes = Math.floor(rest / 60_000);
  rest -= minutes * 60_000;
  const seconds = Math.floor(rest / 1000);
  return prefix + TWO[hours] + ':' + TWO[minutes] + ':' + TWO[seconds] + '.' + THREE[rest - seconds * 1000] + 'Z';
}

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/i;

/**
 * The time an API date-time names: `YYYY-MM-DDThh:mm[:ss[.fraction]]` with `Z` or a `±hh:mm`
 * offset (RFC 3339, seconds optional). Undefined for anything else, and for a time that does
 * not exist, which `Date.parse` would roll over: month 13, February 30 (29 outside leap years),
 * hour 24, minute or second 60 (a leap second has no JavaScript time), an offset past 23:59.
 * Fractions past milliseconds are cut off.
 */
export function parseIsoDateTime(text: string): Date | undefined {
  const m = ISO_DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year, month, day, hour, minute] = m.slice(1, 6).map(Number);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const offsetHours = m[10] === undefined ? 0 : Number(m[10]);
  const offsetMinutes = m[11] === undefined ? 0 : Number(m[11]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return undefined;
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(1, 4).padEnd(3, '0'));
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0 to 99 as 1900 to 1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, ms);
  const sign = m[9] === '-' ? -1 : 1;
  return new Date(date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 60_000);
}

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}
