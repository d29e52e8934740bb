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
