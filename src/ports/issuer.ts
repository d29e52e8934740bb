/**
 * The issuing side of managed certificates, as a port: an order-based CA (ACME,
 * RFC 8555) and the solvers that publish its challenges. Adapters live in `src/issuers/`.
 * Every failure is an AppError; a CA's refusal keeps the ACME problem `type` and `detail`
 * in `details.problem` so it can be stored and shown.
 */

import type { AcmeProblem, ChallengeType } from '../domain/managed-certificate.js';

export type { AcmeProblem, ChallengeType, KeyType } from '../domain/managed-certificate.js';
export { challengeTypes, keyTypes } from '../domain/managed-certificate.js';

/** External account binding (RFC 8555 §7.3.4), for CAs that require it. */
export interface ExternalAccountBinding {
  keyId: string;
  /** base64url of the HMAC key, as CAs hand it out. */
  hmacKey: string;
}

/** Who talks to the CA: one account per organization and directory, its key kept sealed by the caller. */
export interface IssuerAccount {
  directoryUrl: string;
  /** PKCS#8 PEM of the account key (EC P-256). */
  accountKeyPem: string;
  /** Known once registered; the issuer looks it up (onlyReturnExisting) when absent. */
  accountUrl?: string;
  contactEmail?: string;
  externalAccountBinding?: ExternalAccountBinding;
  /**
   * The directory is not the operator's but an organization's setting: every connection (to the
   * directory and to every URL it or the CA hands out) must be https and is checked against the
   * outbound address policy; a refusal fails with `acme_directory_forbidden` before connecting.
   */
  tenantDirectory?: boolean;
}

/** One challenge the CA wants answered for one identifier. */
export interface OrderChallenge {
  /** The identifier as ordered (`*.example.com` for a wildcard). */
  identifier: string;
  wildcard: boolean;
  type: ChallengeType;
  authorizationUrl: string;
  challengeUrl: string;
  token: string;
  /** token + "." + account key thumbprint (RFC 8555 §8.1). */
  keyAuthorization: string;
  /** dns-01: `_acme-challenge.<base name>` (a wildcard uses its base name), without the trailing dot. */
  dnsRecordName: string;
  /** dns-01: base64url(SHA-256(keyAuthorization)) (RFC 8555 §8.4). */
  dnsRecordValue: string;
  /** The authorization's status: pending, valid, invalid, deactivated, expired, revoked. */
  status: string;
}

export interface IssuerOrder {
  orderUrl: string;
  /** pending, ready, processing, valid, invalid (RFC 8555 §7.1.6). */
  status: string;
  identifiers: string[];
  expiresAt: Date | null;
  finalizeUrl: string;
  certificateUrl: string | null;
  /** One per identifier that still needs (or had) a challenge of the requested type. */
  challenges: OrderChallenge[];
  /** The order's problem when it is invalid. */
  problem: AcmeProblem | null;
}

export interface IssuedChain {
  /** The leaf, then its issuers, PEM. */
  certificatePem: string;
  chainPem: string;
}

/** RFC 9773 renewal information. */
export interface RenewalInfo {
  windowStart: Date;
  windowEnd: Date;
  explanationUrl: string | null;
  /** When to ask again (Retry-After), if the CA said. */
  retryAfter: Date | null;
}

/** An order-based certificate authority (ACME). */
export interface Issuer {
  /** Registers the account or finds the existing one; returns its URL. Idempotent. */
  ensureAccount(account: IssuerAccount): Promise<{ accountUrl: string }>;
  /**
   * Creates an order for the identifiers and returns it with the challenges of `challengeType`.
   * `replaces` is the RFC 9773 certificate id of the certificate this order renews (sent only
   * when the CA advertises renewalInfo).
   */
  createOrder(account: IssuerAccount, identifiers: readonly string[], challengeType: ChallengeType, replaces?: string): Promise<IssuerOrder>;
  /** The order as the CA sees it now, challenges included. */
  getOrder(account: IssuerAccount, orderUrl: string, challengeType: ChallengeType): Promise<IssuerOrder>;
  /**
   * Tells the CA every pending challenge is ready, then waits until each authorization is valid
   * or invalid. Resolves with the order (status `ready` when all passed); an invalid
   * authorization rejects with AppError `acme_validation_failed` carrying the CA's problem.
   */
  completeChallenges(account: IssuerAccount, order: IssuerOrder): Promise<IssuerOrder>;
  /** Finalizes a ready order with a CSR (DER) and downloads the chain; an order finalized before (valid or processing) is only waited for and downloaded. */
  finalize(account: IssuerAccount, order: IssuerOrder, csrDer: Buffer): Promise<IssuedChain>;
  /** Revokes at the CA (RFC 8555 §7.6); reason is an RFC 5280 CRLReason code. */
  revoke(account: IssuerAccount, certificateDer: Buffer, reason: number): Promise<void>;
  /** RFC 9773 renewalInfo for a certificate, or null when the CA does not offer it. */
  renewalInfo(account: IssuerAccount, certificateDer: Buffer): Promise<RenewalInfo | null>;
}

/** Publishes and removes the proof of a dns-01 challenge (a TXT record). */
export interface DnsChallengeSolver {
  /** Publishes `value` as a TXT record at `recordName` (no trailing dot) and returns once the provider accepted it. */
  present(recordName: string, value: string): Promise<void>;
  /** Removes that TXT record; removing what is not there is not an error. */
  cleanup(recordName: string, value: string): Promise<void>;
}
