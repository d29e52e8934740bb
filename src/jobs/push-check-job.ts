import type { PushHealthService } from '../services/push-health-service.js';
import type { Job } from './job.js';

/**
 * Push checks: each bound APNs certificate is checked against APNs once per `checkIntervalMs`
 * (claimed, so one server checks it); due ones are looked for every five minutes at most, the
 * first time at once.
 */
export function pushCheckJob(pushHealth: PushHealthService, checkIntervalMs: number): Job {
  return {
    name: 'push-checks',
    everyMs: Math.min(checkIntervalMs, 300_000),
    firstAfterMs: 0,
    run: async () => {
      const { checked, failed } = await pushHealth.runDue();
      return { processed: checked, failed };
    },
  };
}
