import type { ApnsEnvironment } from './app.js';

/**
 * Push health: what one push outcome, reported by the customer's sender or observed by
 * certkeeper's own check, says about the APNs certificate it was sent with. Pure functions, no
 * I/O.
 */

/** The verdict stored per (app, environment, certificate). */
export type PushHealthStatus = 'ok' | 'revoked';
/** Where a verdict came from: a result the customer's sender reported, or certkeeper's own check. */
export type PushHealthSource = 'push-result' | 'push-check';
/** What an active check found: the certificate authenticated, was refused, or nothing was learnt. */
export type PushCheckOutcome = 'ok' | 'revoked' | 'failed';

/** TLS alerts (RFC 8446 §6.2, RFC 5246 §7.2) by which a server refuses the client certificate itself. */
export const certificateTlsAlerts: Readonly<Record<number, string>> = {
  42: 'bad_certificate',
  44: 'certificate_revoked',
  45: 'certificate_expired',
};

/** APNs `reason`s of an HTTP 403 that are about the provider certificate (Apple, "Handling notification responses from APNs"). */
export const certificateApnsReasons: readonly string[] = ['BadCertificate', 'BadCertificateEnvironment'];

/** APNs `reason`s of an HTTP 400 that a push to a dummy device token gets once the certificate authenticated. */
export const authenticatedApnsReasons: readonly string[] = ['BadDeviceToken', 'DeviceTokenNotForTopic'];

/** One outcome as the customer's push sender reports it (already shape-checked). */
export interface PushOutcome {
  outcome: 'delivered' | 'rejected';
  /** The HTTP status APNs answered (200, 400, 403, 410, 429, 5xx…), when there was an answer. */
  apnsStatus?: number;
  /** APNs' `reason` string (`BadCertificate`, `BadDeviceToken`…). */
  apnsReason?: string;
  /** The TLS alert number the connection was refused with, when the handshake failed. */
  tlsAlert?: number;
}

/**
 * What an outcome says about the certificate:
 * - `revoked`: APNs refused the certificate itself (TLS alert 42/44/45, or 403 `BadCertificate`
 *   / `BadCertificateEnvironment`), with a stable reason (`tls_alert_44_certificate_revoked`,
 *   `BadCertificate`…);
 * - `authenticated`: APNs accepted the certificate (a delivery). It does not clear an earlier
 *   REVOKED: the issue keeps REVOKED "until another certificate is bound or an active check
 *   succeeds", and a sender may still be using an older connection;
 * - `none`: a rejection about something else (a device token, 410 Unregistered, 429, 5xx…).
 */
export type PushVerdict = { kind: 'revoked'; reason: string } | { kind: 'authenticated' } | { kind: 'none' };

export function classifyPushOutcome(o: PushOutcome): PushVerdict {
  if (o.outcome === 'delivered') return { kind: 'authenticated' };
  if (o.tlsAlert !== undefined && certificateTlsAlerts[o.tlsAlert] !== undefined) {
    return { kind: 'revoked', reason: tlsAlertReason(o.tlsAlert) };
  }
  if (o.apnsStatus === 403 && o.apnsReason !== undefined && certificateApnsReasons.includes(o.apnsReason)) {
    return { kind: 'revoked', reason: o.apnsReason };
  }
  return { kind: 'none' };
}

/** `tls_alert_44_certificate_revoked` and the like: the stored reason for a certificate TLS alert. */
export function tlsAlertReason(alert: number): string {
  return `tls_alert_${alert}_${certificateTlsAlerts[alert] ?? 'unknown'}`;
}

/**
 * The TLS alert an OpenSSL error (as node surfaces it on a failed handshake) reports having
 * received, from its `code` (`ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED`,
 * `ERR_SSL_TLSV1_ALERT_…`) or, failing that, its message (`… sslv3 alert certificate revoked …`,
 * `SSL alert number 44`). Only the three certificate alerts are recognised; undefined otherwise.
 */
export function tlsAlertOf(error: { code?: unknown; message?: unknown; reason?: unknown }): number | undefined {
  const text = [error.code, error.reason, error.message].filter((v) => typeof v === 'string').join(' ').toLowerCase().replace(/[_\s]+/g, ' ');
  const number = /alert number (\d+)/.exec(text);
  if (number && certificateTlsAlerts[Number(number[1])] !== undefined) return Number(number[1]);
  if (/alert certificate revoked/.test(text)) return 44;
  if (/alert certificate expired/.test(text)) return 45;
  if (/alert bad certificate/.test(text)) return 42;
  return undefined;
}

/**
 * What an active check's HTTP answer says: 403 about the certificate → revoked; 400
 * `BadDeviceToken` / `DeviceTokenNotForTopic` (the dummy token was refused only after the
 * certificate authenticated), or a 200 → ok; anything else (5xx, 429, an unexpected reason)
 * → failed, which changes no verdict.
 */
export function classifyCheckResponse(status: number, reason: string | undefined): { outcome: PushCheckOutcome; reason: string } {
  if (status === 403 && reason !== undefined && certificateApnsReasons.includes(reason)) return { outcome: 'revoked', reason };
  if (status === 400 && reason !== undefined && authenticatedApnsReasons.includes(reason)) return { outcome: 'ok', reason };
  if (status === 200) return { outcome: 'ok', reason: 'delivered' };
  return { outcome: 'failed', reason: `http_${status}${reason ? `_${reason}` : ''}` };
}

/** How far in the future a reported `at` may be (clock skew between the sender and certkeeper). */
export const PUSH_RESULT_MAX_FUTURE_MS = 5 * 60_000;

/** The APNs gateway of each environment (Apple, "Sending notification requests to APNs"). */
export const apnsGateways: Readonly<Record<ApnsEnvironment, string>> = {
  production: 'https://api.push.apple.com',
  development: 'https://api.sandbox.push.apple.com',
};
