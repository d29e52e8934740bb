import type { Executor } from './database.js';

/** What the store tells a transaction it opens about the work inside. */
export interface TransactionOptions {
  /** fn reads a large range (a sweep over a project's whole inventory). */
  scan?: boolean;
}

/**
 * Runs fn atomically: in the caller's transaction when there is one (`options` then change
 * nothing), else in a new one told `options`.
 */
export type Atomic = <T>(fn: (db: Executor) => Promise<T>, options?: TransactionOptions) => Promise<T>;
