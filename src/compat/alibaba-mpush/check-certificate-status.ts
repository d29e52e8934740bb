import type { ApnsEnvironment, PushPlatform } from '../../domain/app.js';
import type { LifecycleStatus } from '../../domain/certificate.js';

/**
 * CheckCertificate's `Status` of an app's push certificate per environment (see
 * src/compat/alibaba-mpush/README.md, 'Mapping' and 'Ambiguities'). Pure: the clock is a
 * parameter.
 */

/** CheckCertificate's certificate status. */
export type CheckCertificateStatus = 'OK' | 'EXPIRED' | 'REVOKED';

/** A certificate bound to the app, with the facts its status depends on. */
export interface BoundCertificateFacts {
  platform: PushPlatform;
  environment: ApnsEnvironment;
  certificateId: number;
  notAfter: Date;
  /** The certificate's stored lifecycle status. */
  lifecycleStatus: LifecycleStatus;
}

/** A push-health verdict (what APNs said of a certificate) about a certificate in an environment. */
export interface PushVerdictFacts {
  environment: ApnsEnvironment;
  certificateId: number;
  status: 'ok' | 'revoked';
  reason: string | null;
  at: Date;
}

/** What one environment reports. */
export interface EnvironmentCertificateStatus {
  status: CheckCertificateStatus;
  /** The chosen certificate's notAfter (the answer's `ExipreTime`). */
  expireTime: Date;
  certificateId: number;
  platform: PushPlatform;
  /** Why REVOKED came from push health (the APNs reason or TLS alert), when it did. */
  pushHealthReason: string | null;
}

const severity: Record<CheckCertificateStatus, number> = { OK: 0, EXPIRED: 1, REVOKED: 2 };
const platformRank: Record<PushPlatform, number> = { iPhone: 0, iPad: 1 };

/**
 * The status of each environment that has a certificate bound; an environment without one is
 * absent (the answer leaves its object out).
 *
 * One bound certificate is: REVOKED when its stored status is `revoked`, or when push health
 * holds a `revoked` verdict for that environment about that very certificate (a verdict about a
 * certificate no longer bound there does not count); else EXPIRED once `notAfter` ≤ `now`
 * (no answer calls a certificate valid after its notAfter); else OK.
 *
 * When both an iPhone and an iPad certificate are bound in one environment, the environment
 * reports the weakest: the worst status (REVOKED, then EXPIRED, then OK), and among equals the
 * one that expires first (then iPhone before iPad, then the lower certificate id). A caller
 * asking "is push to this app in production healthy?" must not get OK while one of its
 * certificates is revoked or about to lapse.
 */
export function checkCertificateStatus(
  bound: readonly BoundCertificateFacts[],
  verdicts: readonly PushVerdictFacts[],
  now: Date,
): Partial<Record<ApnsEnvironment, EnvironmentCertificateStatus>> {
  const out: Partial<Record<ApnsEnvironment, EnvironmentCertificateStatus>> = {};
  for (const b of bound) {
    const revokedVerdict = verdicts.find((v) => v.environment === b.environment && v.certificateId === b.certificateId && v.status === 'revoked');
    const status: CheckCertificateStatus =
      b.lifecycleStatus === 'revoked' || revokedVerdict ? 'REVOKED' : b.notAfter.getTime() <= now.getTime() ? 'EXPIRED' : 'OK';
    const candidate: EnvironmentCertificateStatus = {
      status,
      expireTime: b.notAfter,
      certificateId: b.certificateId,
      platform: b.platform,
      pushHealthReason: b.lifecycleStatus !== 'revoked' && revokedVerdict ? revokedVerdict.reason : null,
    };
    const current = out[b.environment];
    if (!current || weaker(candidate, current)) out[b.environment] = candidate;
  }
  return out;
}

function weaker(a: EnvironmentCertificateStatus, b: EnvironmentCertificateStatus): boolean {
  return (
    severity[a.status] - severity[b.status] ||
    b.expireTime.getTime() - a.expireTime.getTime() ||
    platformRank[b.platform] - platformRank[a.platform] ||
    b.certificateId - a.certificateId
  ) > 0;
}
