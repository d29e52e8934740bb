import type { ManagedCertificateService } from '../services/managed-certificate-service.js';
import type { Job } from './job.js';

/**
 * Renewals: every managed certificate whose renewal, next attempt or interrupted validation is
 * due gets one attempt under its issuance lease. The first pass runs at once, so a restarted
 * server resumes what it left.
 */
export function renewalJob(managed: ManagedCertificateService, intervalMs: number): Job {
  return {
    name: 'renewals',
    everyMs: intervalMs,
    firstAfterMs: 0,
    run: async () => {
      const { attempted, failed } = await managed.runDue();
      return { processed: attempted, failed };
    },
  };
}
