/**
 * Managed certificates (source `acme`): what certkeeper stores to issue and renew a slot itself.
 * Every decision is stored before it matters, so a restart or another server resumes it rather
 * than deciding again. Pure types; time is passed in.
 */

export type ChallengeType = 'dns-01' | 'http-01';
export type KeyType = 'ec-p256' | 'ec-p384' | 'rsa-2048' | 'rsa-3072' | 'rsa-4096';

export const challengeTypes: readonly ChallengeType[] = ['dns-01', 'http-01'];
export const keyTypes: readonly KeyType[] = ['ec-p256', 'ec-p384', 'rsa-2048', 'rsa-3072', 'rsa-4096'];

/** An RFC 7807 problem document as an ACME server sends it (RFC 8555 §6.7). */
export interface AcmeProblem {
  type: string;
  detail: string;
  /** Per-identifier problems, when the CA gives them. */
  subproblems?: Array<{ type: string; detail: string; identifier?: string }>;
  /**
   * certkeeper's own `certkeeper:challenge_hook_failed`: what the exec DNS hook wrote to stderr
   * (its last 4 KiB, possibly empty). Shown to project admins only, as a hook's output may name
   * the operator's paths and hosts or the provider's answers; `detail` never carries it.
   */
  hookStderr?: string;
}

/** A TXT record the user (or a DNS provider) must publish for a dns-01 challenge (the native API's dnsRecords). */
export interface DnsRecord {
  /** `_acme-challenge.<name>`; a wildcard uses its base name. */
  key: string;
  value: string;
}

/** The issuing state of a managed certificate slot. */
export interface ManagedInfo {
  challengeType: ChallengeType;
  keyType: KeyType;
  /** The names ordered, domainName first. */
  identifiers: string[];
  /** dns-01 records of the current order (empty for http-01 or when no order is pending). */
  dnsRecords: DnsRecord[];
  /** The current (or last) ACME order, or null before the first. */
  orderUrl: string | null;
  orderCreatedAt: Date | null;
  /** When renewal is due (RFC 9773 point or 2/3 of the lifetime, whichever is earlier); null until issued. */
  renewAt: Date | null;
  /** After a failure: not before this time (stored exponential backoff). */
  nextAttemptAt: Date | null;
  failureCount: number;
  /** The CA's problem from the last failed attempt, or null. */
  lastProblem: AcmeProblem | null;
  /** RFC 5280 reason name given at revocation, or null. */
  revokeReason: string | null;
}
