/** The dashboard's expiry timeline: ISO weeks (Monday 00:00 UTC to the next Monday). Pure; time is passed in. */

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** Epoch ms of the Monday 00:00 UTC that starts the ISO week `at` falls in. */
export function isoWeekStart(at: Date): number {
  const day = Math.floor(at.getTime() / DAY_MS);
  // Day 0 (1 January 1970) was a Thursday: (day + 3) mod 7 is 0 on Mondays.
  return (day - (((day + 3) % 7) + 7) % 7) * DAY_MS;
}

/** `2026-W51`: the ISO 8601 week (its year is the year of the week's Thursday). */
export function isoWeekName(weekStartMs: number): string {
  const thursday = new Date(weekStartMs + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The timeline's windows on notAfter, [from, to): week 0 from just after `now` to the end of
 * its week, then whole weeks; `weeks` of them.
 */
export function expiryWeeks(now: Date, weeks: number): Array<{ week: number; name: string; start: number; from: number; to: number }> {
  const start = isoWeekStart(now);
  return Array.from({ length: weeks }, (_, i) => {
    const weekStart = start + i * WEEK_MS;
    return { week: i, name: isoWeekName(weekStart), start: weekStart, from: i === 0 ? now.getTime() + 1 : weekStart, to: weekStart + WEEK_MS };
  });
}
