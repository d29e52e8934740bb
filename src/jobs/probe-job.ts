import type { EndpointService } from '../services/endpoint-service.js';
import type { Job } from './job.js';

/** Endpoints claimed per pass. */
const BATCH = 1000;

/**
 * Endpoint probes: each watched endpoint is probed once per `intervalMs` (claimed, so one server
 * probes it). Endpoints come due one by one, each `intervalMs` after its own last probe, so
 * passes look ten times per interval (at most once a minute), from 30 s after start.
 */
export function probeJob(endpoints: EndpointService, intervalMs: number): Job {
  const every = Math.max(Math.min(intervalMs, 60_000), Math.round(intervalMs / 10));
  return {
    name: 'probes',
    everyMs: every,
    firstAfterMs: Math.min(30_000, every),
    run: async () => {
      const { probed, failed } = await endpoints.probeDue(BATCH);
      return { processed: probed, failed };
    },
  };
}
