/**
 * What a certificate's state means to a person, the same everywhere in the console: one
 * urgency with its colour, icon and word, so colour is never the only sign.
 */

/** expired/revoked/failed: red; ≤ 7 days: orange; ≤ 30 days: amber; in progress: blue; else neutral. */
export type Urgency = 'critical' | 'week' | 'month' | 'pending' | 'ok';

/** The API's `status` values (lifecycle with expiry applied). */
export type LifecycleStatus = 'pending_validation' | 'validating' | 'issued' | 'failed' | 'revoked' | 'expired';

const STATUS_WORDS: Record<string, string> = {
  pending_validation: 'Pending validation',
  validating: 'Validating',
  issued: 'Active',
  failed: 'Failed',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** The word for a status; an unknown one is shown as it came. */
export function statusWord(status: string): string {
  return STATUS_WORDS[status] ?? status;
}

export function urgencyOf(status: string, daysLeft: number | null): Urgency {
  if (status === 'expired' || status === 'revoked' || status === 'failed') return 'critical';
  if (status === 'pending_validation' || status === 'validating') return 'pending';
  if (daysLeft !== null && daysLeft < 0) return 'critical';
  if (daysLeft !== null && daysLeft <= 7) return 'week';
  if (daysLeft !== null && daysLeft <= 30) return 'month';
  return 'ok';
}

/** A glyph per urgency, read out by nothing (the word beside it is). */
export const URGENCY_ICON: Record<Urgency, string> = {
  critical: '✕',
  week: '!',
  month: '◷',
  pending: '…',
  ok: '✓',
};

/** The API's status filter values, in the order a person thinks of them. */
export const STATUS_FILTERS = ['Active', 'Expired', 'Revoked', 'Failed', 'PendingValidation', 'Validating'] as const;
export const STATUS_FILTER_WORDS: Record<string, string> = {
  Active: 'Active',
  Expired: 'Expired',
  Revoked: 'Revoked',
  Failed: 'Failed',
  PendingValidation: 'Pending validation',
  Validating: 'Validating',
};
export const KINDS = ['tls', 'apns', 'pass', 'client', 'ca', 'other'] as const;
export const KIND_WORDS: Record<string, string> = { tls: 'TLS', apns: 'APNs', pass: 'Wallet pass', client: 'Client', ca: 'CA', other: 'Other' };
export const SOURCES = ['imported', 'acme', 'discovered'] as const;
export const SOURCE_WORDS: Record<string, string> = { imported: 'Imported', acme: 'Managed (ACME)', discovered: 'Discovered' };
