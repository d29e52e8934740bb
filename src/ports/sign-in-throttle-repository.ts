import type { ThrottleState } from '../domain/sign-in-throttle.js';

/** Failed sign-ins per account or address (`domain/sign-in-throttle.ts`), shared by every server. */
export interface SignInThrottleRepository {
  get(key: string): Promise<ThrottleState | undefined>;
  /**
   * Writes `next` if the row is still `expected` (undefined: there is no row yet); false when
   * another attempt changed it first, and the caller reads again.
   */
  compareAndSet(key: string, expected: ThrottleState | undefined, next: ThrottleState): Promise<boolean>;
  delete(key: string): Promise<void>;
  /** Deletes rows last changed before `before` whose lock (if any) ended by `now`; how many. */
  purge(before: Date, now: Date): Promise<number>;
}
