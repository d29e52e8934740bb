import type { DeploymentService } from '../services/deployment-service.js';
import type { Job } from './job.js';

/**
 * Deployments: every `intervalMs` (30 s by default), each target with a version to write or
 * endpoints to verify is worked on under its lease, so one server writes each version once and
 * reloads a target once per batch. First pass 5 s after start (a restart resumes).
 */
export function deploymentJob(deployments: DeploymentService, intervalMs: number): Job {
  return {
    name: 'deployments',
    everyMs: intervalMs,
    firstAfterMs: Math.min(5_000, intervalMs),
    run: () => deployments.runDue(),
  };
}
