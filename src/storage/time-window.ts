import type { CertificateQuery } from '../ports/certificate-repository.js';
import { DAY_MS } from './database.js';

/**
 * Every number a certificate list statement takes from the clock: `now`, the end of an
 * expiringWithinDays window, and how the total splits the notAfter window into whole UTC days
 * (summed from certificate_expiry_days) and edge ranges (counted from the rows). All else in
 * such a statement comes from the query's own fields, so a statement compiled once for a
 * window's shape serves every later `now` (CompiledShapes). ±Infinity = unbounded.
 */
export interface TimeWindow {
  now: number;
  windowEnd: number | undefined;
  /** expiringAfter (notAfter at or after it) and expiringBefore (notAfter before it), epoch ms. */
  after: number | undefined;
  before: number | undefined;
  /** Whether any filter bounds notAfter (else the total is a sum over certificate_tallies). */
  bounded: boolean;
  /** The bounds cross (lo > hi): nothing can match. */
  empty: boolean;
  /** The whole days [from, to] inside the window, if any. */
  days: [number, number] | undefined;
  /** The notAfter ranges counted from the rows: the partial days at the window's edges, or the whole window when it holds no whole day. */
  ranges: Array<[number, number]>;
}

/** Inclusive epoch-ms bounds on notAfter implied by a query; undefined side = unbounded. */
function timeBounds(q: CertificateQuery): { lo?: number; hi?: number } | undefined {
  const now = q.now.getTime();
  let lo: number | undefined;
  let hi: number | undefined;
  if (q.status === 'expired') hi = now;
  if (q.status === 'issued') lo = now + 1;
  if (q.expiringWithinDays !== undefined) {
    lo = Math.max(lo ?? -Infinity, now);
    hi = Math.min(hi ?? Infinity, now + Math.floor(q.expiringWithinDays * DAY_MS));
  }
  if (q.expiringAfter !== undefined) lo = Math.max(lo ?? -Infinity, q.expiringAfter.getTime());
  if (q.expiringBefore !== undefined) hi = Math.min(hi ?? Infinity, q.expiringBefore.getTime() - 1);
  if (lo === undefined && hi === undefined) return undefined;
  return { lo, hi };
}

export function timeWindow(q: CertificateQuery): TimeWindow {
  const now = q.now.getTime();
  const windowEnd = q.expiringWithinDays === undefined ? undefined : now + Math.floor(q.expiringWithinDays * DAY_MS);
  const after = q.expiringAfter?.getTime();
  const before = q.expiringBefore?.getTime();
  const bounds = timeBounds(q);
  if (!bounds) return { now, windowEnd, after, before, bounded: false, empty: false, days: undefined, ranges: [] };
  const lo = bounds.lo ?? -Infinity;
  const hi = bounds.hi ?? Infinity;
  if (lo > hi) return { now, windowEnd, after, before, bounded: true, empty: true, days: undefined, ranges: [] };
  const loDay = Math.floor(lo / DAY_MS);
  const hiDay = Math.floor(hi / DAY_MS);
  const loAligned = !Number.isFinite(lo) || lo === loDay * DAY_MS;
  const hiAligned = !Number.isFinite(hi) || hi === (hiDay + 1) * DAY_MS - 1;
  const fullFrom = loAligned ? loDay : loDay + 1;
  const fullTo = hiAligned ? hiDay : hiDay - 1;
  // No whole day inside: the window lies within at most two days; count it directly.
  if (!(fullFrom <= fullTo)) return { now, windowEnd, after, before, bounded: true, empty: false, days: undefined, ranges: [[lo, hi]] };
  const ranges: Array<[number, number]> = [];
  if (!loAligned) ranges.push([lo, loDay * DAY_MS + DAY_MS - 1]);
  if (!hiAligned) ranges.push([hiDay * DAY_MS, hi]);
  return { now, windowEnd, after, before, bounded: true, empty: false, days: [fullFrom, fullTo], ranges };
}

/** The window's finite numbers, in a fixed order: what a statement compiled for its shape binds. */
export function windowNumbers(w: TimeWindow): number[] {
  const all = [w.now, ...(w.windowEnd === undefined ? [] : [w.windowEnd]), ...(w.after === undefined ? [] : [w.after]), ...(w.before === undefined ? [] : [w.before]), ...(w.days ?? []), ...w.ranges.flat()];
  return all.filter((n) => Number.isFinite(n));
}

/** What fixes a window's part of the SQL: which numbers exist and which are unbounded. */
export function windowShape(w: TimeWindow): string {
  const mark = (n: number) => (Number.isFinite(n) ? 'f' : n > 0 ? '+' : '-');
  return [w.windowEnd === undefined ? '' : 'w', w.after === undefined ? '' : 'a', w.before === undefined ? '' : 'z', w.bounded ? 'b' : '', w.empty ? 'e' : '', w.days ? `d${w.days.map(mark).join('')}` : '', ...w.ranges.map((r) => `r${r.map(mark).join('')}`)].join('');
}

/** Sentinels a statement is compiled with, in windowNumbers order: below any epoch-ms a certificate carries, and distinct. */
const SENTINEL_BASE = -9_000_000_000_000_000;

/** The same shape with each finite number replaced by a distinct sentinel. */
export function sentinelWindow(w: TimeWindow): TimeWindow {
  let k = 0;
  const s = (n: number) => (Number.isFinite(n) ? SENTINEL_BASE - k++ : n);
  return {
    now: s(w.now),
    windowEnd: w.windowEnd === undefined ? undefined : s(w.windowEnd),
    after: w.after === undefined ? undefined : s(w.after),
    before: w.before === undefined ? undefined : s(w.before),
    bounded: w.bounded,
    empty: w.empty,
    days: w.days && [s(w.days[0]), s(w.days[1])],
    ranges: w.ranges.map(([a, b]) => [s(a), s(b)]),
  };
}
