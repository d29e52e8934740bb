/** What one revocation source (an OCSP responder or a CRL) said about one certificate. */
export interface RevocationAnswer {
  method: 'ocsp' | 'crl';
  /** `unknown`: an OCSP responder that does not know the certificate (RFC 6960 §2.2). */
  status: 'good' | 'revoked' | 'unknown';
  /** RFC 5280 §5.3.1 reason name (keyCompromise, superseded, …) when revoked and given. */
  reason: string | null;
  revokedAt: Date | null;
  thisUpdate: Date;
  /** When newer information will be available; null when the source did not say. */
  nextUpdate: Date | null;
  url: string;
}

/**
 * A source that could not give a usable answer: unreachable, a non-success OCSP status, an
 * invalid signature, a stale or mismatched response. Nothing about the certificate changes.
 */
export class RevocationSourceError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'RevocationSourceError';
  }
}

/** CRLReason (RFC 5280 §5.3.1) names by code; 7 is unused. */
const REASONS: Record<number, string> = {
  0: 'unspecified',
  1: 'keyCompromise',
  2: 'cACompromise',
  3: 'affiliationChanged',
  4: 'superseded',
  5: 'cessationOfOperation',
  6: 'certificateHold',
  8: 'removeFromCRL',
  9: 'privilegeWithdrawn',
  10: 'aACompromise',
};

export function reasonName(code: number | undefined | null): string | null {
  if (code === undefined || code === null) return null;
  return REASONS[code] ?? `reason${code}`;
}

/** Allowed clock difference between certkeeper and a source when checking thisUpdate/nextUpdate. */
export const REVOCATION_CLOCK_SKEW_MS = 5 * 60_000;
