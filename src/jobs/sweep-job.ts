import type { SweepService } from '../services/sweep-service.js';
import type { Job } from './job.js';

/**
 * Expiry sweeps: each project is swept once per `intervalMs` across all servers (its sweep lease
 * and next due time); due projects are looked for every minute at most, from a few seconds
 * after start.
 */
export function sweepJob(sweeps: SweepService, intervalMs: number): Job {
  const every = Math.min(intervalMs, 60_000);
  return {
    name: 'sweeps',
    everyMs: every,
    firstAfterMs: Math.min(5_000, every),
    run: async () => {
      const { swept, failed } = await sweeps.sweepDue();
      return { processed: swept + failed, failed };
    },
  };
}
