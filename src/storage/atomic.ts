import type { Executor } from './database.js';

/** What the store tells a transaction it opens about the work inside. */
export interface TransactionOptions {
  /** fn reads a large range (a chunk of a sweep over a project's inventory). */
  scan?: boolean;
}

/**
 * Runs fn atomically: in the caller's transaction when there is one (`options` then change
 * nothing), else in a new one told `options`.
 */
export type Atomic = <T>(fn: (db: Executor) => Promise<T>, options?: TransactionOptions) => Promise<T>;

/**
 * Runs fn, a sequence of transactions opened with `scan` that together read a large range (the
 * chunks of one sweep), so that the store sets its connection up for such reads once for all of
 * them rather than around each one. Inside a caller's transaction it only runs fn.
 */
export type ScanSession = <T>(fn: () => Promise<T>) => Promise<T>;
