/**
 * How failed sign-ins slow down further attempts, per account and per client address. Pure
 * rules; the state lives in the database (`SignInThrottleRepository`) so that it holds on every
 * server.
 *
 * An attempt is counted before its password is checked, and the lock it would earn is set at
 * once: of several attempts at the same time only those below the threshold are checked, and
 * after a lock runs out exactly one attempt is checked before the next, longer lock. A
 * successful sign-in clears its account's count and takes its own attempt back from its
 * address's count (so one's own account does not reset a lock earned by guessing others').
 */
export interface ThrottlePolicy {
  /** The attempt with this count (and every later one) locks: the first `threshold - 1` failures are free. */
  threshold: number;
  /** The first lock; each further failure doubles it. */
  baseLockMs: number;
  maxLockMs: number;
  /** A count not touched for this long starts again from zero. */
  forgetAfterMs: number;
}

export const accountThrottle: ThrottlePolicy = { threshold: 5, baseLockMs: 60_000, maxLockMs: 3_600_000, forgetAfterMs: 86_400_000 };
/** Higher than the account's: several people may share an address (an office's NAT). */
export const addressThrottle: ThrottlePolicy = { threshold: 20, baseLockMs: 60_000, maxLockMs: 3_600_000, forgetAfterMs: 86_400_000 };

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
  updatedAt: Date;
}

/** How long the attempt with count `failures` locks (0: it does not). */
export function lockMsFor(policy: ThrottlePolicy, failures: number): number {
  if (failures < policy.threshold) return 0;
  const doublings = Math.min(failures - policy.threshold, 30);
  return Math.min(policy.baseLockMs * 2 ** doublings, policy.maxLockMs);
}

/** The lock in force at `now`, or null. */
export function lockedUntil(state: ThrottleState | undefined, now: Date): Date | null {
  return state?.lockedUntil && state.lockedUntil.getTime() > now.getTime() ? state.lockedUntil : null;
}

/** The state after one more attempt at `now` (the caller checked that no lock is in force). */
export function afterAttempt(policy: ThrottlePolicy, state: ThrottleState | undefined, now: Date): ThrottleState {
  const fresh = !state || now.getTime() - state.updatedAt.getTime() >= policy.forgetAfterMs;
  const failures = (fresh ? 0 : state.failures) + 1;
  const lockMs = lockMsFor(policy, failures);
  return { failures, lockedUntil: lockMs > 0 ? new Date(now.getTime() + lockMs) : null, updatedAt: now };
}

/** The client address as a throttle counts it: IPv4 as is, IPv6 by its /64 (one host usually holds a whole /64). */
export function addressKey(ip: string): string {
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4mapped) return v4mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail] = ip.split('::', 2) as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail === undefined ? [] : tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => (g || '0').toLowerCase().replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
