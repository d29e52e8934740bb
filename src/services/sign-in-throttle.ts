import { createHash } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import { accountThrottle, addressKey, addressThrottle, afterAttempt, lockedUntil, type ThrottlePolicy, type ThrottleState } from '../domain/sign-in-throttle.js';
import type { Clock } from '../ports/clock.js';
import type { SignInThrottleRepository } from '../ports/sign-in-throttle-repository.js';

/** What a throttle counts: the account (by the email asked for, whether it exists or not) or the client's address. */
export type ThrottleScope = 'account' | 'address';

/** One counted sign-in attempt. */
export interface ThrottledAttempt {
  /** The locks this attempt set (the threshold reached): in force if it fails. */
  locks: Array<{ scope: ThrottleScope; until: Date; failures: number }>;
  /** The password was right: clears the account's count and takes this attempt back from the address's. */
  succeeded(): Promise<void>;
}

const CAS_TRIES = 5;

/** The throttle key of an account: the SHA-256 of the (lower-cased) email asked for, so a mistyped one stores nothing readable. */
export function accountThrottleKey(email: string): string {
  return `account:${createHash('sha256').update(email).digest('hex')}`;
}

/**
 * Counts sign-in attempts per account and per address in the database (`domain/sign-in-throttle.ts`
 * has the rules), so that a lock holds on every server. An attempt while a lock is in force is
 * refused with 429 `sign_in_locked` before any password is checked, and is not counted.
 */
export class SignInThrottle {
  constructor(
    private readonly repo: SignInThrottleRepository,
    private readonly clock: Clock,
  ) {}

  /** Counts an attempt at the account of `email` from `address`; throws `sign_in_locked` while either is locked. */
  async begin(email: string, address: string | null): Promise<ThrottledAttempt> {
    const now = this.clock.now();
    const keys: Array<{ scope: ThrottleScope; key: string; policy: ThrottlePolicy }> = [
      { scope: 'account', key: accountThrottleKey(email), policy: accountThrottle },
    ];
    if (address) keys.push({ scope: 'address', key: `address:${addressKey(address)}`, policy: addressThrottle });
    const states = await Promise.all(keys.map((k) => this.repo.get(k.key)));
    const until = states.map((s) => lockedUntil(s, now)).filter((d): d is Date => d !== null);
    if (until.length > 0) throw locked(new Date(Math.max(...until.map((d) => d.getTime()))), now);

    const counted: Array<{ scope: ThrottleScope; key: string; before: ThrottleState | undefined; after: ThrottleState }> = [];
    for (const k of keys) counted.push({ ...k, ...(await this.count(k.key, k.policy, now)) });
    return {
      locks: counted.flatMap((c) => (c.after.lockedUntil ? [{ scope: c.scope, until: c.after.lockedUntil, failures: c.after.failures }] : [])),
      succeeded: async () => {
        for (const c of counted) {
          if (c.scope === 'account') await this.repo.delete(c.key);
          // Best effort: if another attempt counted meanwhile, this one stays counted.
          else await this.repo.compareAndSet(c.key, c.after, { failures: c.after.failures - 1, lockedUntil: lockedUntil(c.before, now), updatedAt: c.after.updatedAt });
        }
      },
    };
  }

  /** Deletes counts untouched for a day (their lock, if any, over). */
  async purge(): Promise<number> {
    const now = this.clock.now();
    return this.repo.purge(new Date(now.getTime() - Math.max(accountThrottle.forgetAfterMs, addressThrottle.forgetAfterMs)), now);
  }

  private async count(key: string, policy: ThrottlePolicy, now: Date): Promise<{ before: ThrottleState | undefined; after: ThrottleState }> {
    for (let i = 0; i < CAS_TRIES; i++) {
      const before = await this.repo.get(key);
      const until = lockedUntil(before, now);
      if (until) throw locked(until, now);
      const after = afterAttempt(policy, before, now);
      if (await this.repo.compareAndSet(key, before, after)) return { before, after };
    }
    // Attempts on this key keep racing each other: that is a burst, and a burst waits.
    throw locked(new Date(now.getTime() + 1000), now);
  }
}

function locked(until: Date, now: Date): AppError {
  const retryAfterSeconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
  return new AppError('sign_in_locked', `too many failed sign-ins: try again in ${retryAfterSeconds} s`, { details: { retryAfterSeconds } });
}
