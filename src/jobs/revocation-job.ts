import type { RevocationService } from '../services/revocation-service.js';
import type { Job } from './job.js';

/** Certificates checked per pass. */
const BATCH = 100;

/**
 * Revocation checks: certificates whose cached CRL or OCSP answer reached its nextUpdate are
 * checked again, a minute after start and then every `intervalMs`. Several servers may check the
 * same certificate (harmless: the revoked transition checks the status again in its transaction).
 */
export function revocationJob(revocation: RevocationService, intervalMs: number): Job {
  return {
    name: 'revocation',
    everyMs: intervalMs,
    firstAfterMs: Math.min(60_000, intervalMs),
    run: async () => {
      const { checked, failed } = await revocation.checkDue(BATCH);
      return { processed: checked, failed };
    },
  };
}
