/**
 * When a managed certificate is renewed, and when a failed attempt is tried again. Pure: the
 * caller passes the clock's now and the random pick, and stores the result, so a restart or
 * another replica never recomputes a different time.
 */

const DAY_MS = 86_400_000;

export interface RenewalWindow {
  windowStart: Date;
  windowEnd: Date;
}

/**
 * renewAt = the earlier of notBefore + 2/3 of the lifetime and a point inside the CA's RFC 9773
 * suggested window (at `pick` ∈ [0, 1) of its width, picked once), brought forward to
 * notAfter − renewBeforeDays when the project asks for that.
 */
export function renewAtOf(notBefore: Date, notAfter: Date, ari: RenewalWindow | null, pick: number, renewBeforeDays: number | null): Date {
  const lifetime = notAfter.getTime() - notBefore.getTime();
  let at = notBefore.getTime() + Math.floor((lifetime * 2) / 3);
  if (ari && ari.windowEnd.getTime() >= ari.windowStart.getTime()) {
    const width = ari.windowEnd.getTime() - ari.windowStart.getTime();
    at = Math.min(at, ari.windowStart.getTime() + Math.floor(width * Math.min(Math.max(pick, 0), 0.999999)));
  }
  if (renewBeforeDays !== null && renewBeforeDays > 0) at = Math.min(at, notAfter.getTime() - renewBeforeDays * DAY_MS);
  return new Date(at);
}

export const RETRY_BASE_MS = 5 * 60_000;
export const RETRY_MAX_MS = 24 * 3_600_000;

/**
 * The next attempt after the n-th consecutive failure (n ≥ 1): exponential backoff from 5
 * minutes, doubling, capped at a day, with up to 10 % jitter at `pick` ∈ [0, 1) so replicas and
 * certificates spread out.
 */
export function nextAttemptAt(now: Date, failureCount: number, pick: number): Date {
  const n = Math.max(1, failureCount);
  const base = Math.min(RETRY_BASE_MS * 2 ** Math.min(n - 1, 30), RETRY_MAX_MS);
  return new Date(now.getTime() + base + Math.floor(base * 0.1 * Math.min(Math.max(pick, 0), 0.999999)));
}
