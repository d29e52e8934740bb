/**
 * How the console writes times: an expiry as a countdown ("in 12 days") next to its date, the
 * exact timestamp for a hover. Pure functions of the instant and `now` (tests pass a fixed one).
 */

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;

/**
 * Whole days from now to `at`, rounded down, negative once past: the API's `daysLeft`, so the
 * list, the certificate page and the API always say the same number.
 */
export function daysUntil(at: Date, now: Date): number {
  return Math.floor((at.getTime() - now.getTime()) / DAY);
}

/** "in 12 days", "in 5 hours", "in 1 day", "3 days ago", "2 hours ago", "now". */
export function relativeTime(at: Date, now: Date): string {
  const diff = at.getTime() - now.getTime();
  const abs = Math.abs(diff);
  if (abs < MINUTE) return 'now';
  let text: string;
  if (abs < HOUR) text = plural(Math.floor(abs / MINUTE), 'minute');
  else if (abs < DAY) text = plural(Math.floor(abs / HOUR), 'hour');
  else text = plural(Math.floor(abs / DAY), 'day');
  return diff > 0 ? `in ${text}` : `${text} ago`;
}

/** An expiry's countdown: "in 12 days", or "expired 3 days ago" once past. */
export function expiryText(notAfter: Date, now: Date): string {
  const rel = relativeTime(notAfter, now);
  if (notAfter.getTime() > now.getTime()) return rel;
  return rel === 'now' ? 'expired now' : `expired ${rel}`;
}

/** "13 Jun 2026" in the given time zone (the browser's by default). */
export function dateText(at: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(at);
}

/** "13 Jun 2026, 14:03" in the given time zone (the browser's by default). */
export function dateTimeText(at: Date, timeZone?: string): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at);
}

/** The exact instant, unambiguous: "2026-06-13 14:03:07 UTC". */
export function exactText(at: Date): string {
  return `${at.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
