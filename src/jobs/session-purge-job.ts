import type { SessionService } from '../services/session-service.js';
import type { Job } from './job.js';

/**
 * Deletes ended sessions (past their absolute end or idle for too long) and failed sign-in counts
 * untouched for a day: rows that no request can use any more. Several servers may do it at once
 * (harmless: each deletes what the other did not).
 */
export function sessionPurgeJob(sessions: SessionService, intervalMs: number): Job {
  return {
    name: 'sessions',
    everyMs: intervalMs,
    firstAfterMs: Math.min(120_000, intervalMs),
    run: async () => {
      const { sessions: ended, throttles } = await sessions.purge();
      return { processed: ended + throttles, failed: 0 };
    },
  };
}
