/**
 * When a certificate is worth telling someone about (issue 5 §2 "Notifications without noise").
 * Pure: the caller passes the clock's now. The sweep computes the same thing in SQL (see
 * storage/repositories/sweep-repository.ts); a test checks that both agree.
 *
 * - Certificates that live `LONG_LIFETIME_MS` (90 days) or more cross thresholds in whole days
 *   before notAfter (default 30, 14, 7, 3, 1); shorter-lived ones cross fractions of their
 *   lifetime remaining (default 1/3, 1/6, 1/12), because fixed days are noise for 45-day and
 *   6-day certificates. At notAfter every certificate crosses `expired`.
 * - Only the most urgent threshold crossed at `now` fires (a certificate imported 5 days before
 *   expiry gets "7 days", not also 30 and 14); each fires once per material (sslCertificateId).
 * - A managed certificate whose renewal is scheduled before the threshold's point in time does
 *   not alert unless its renewal has failed (failureCount > 0 or a problem is recorded).
 * - A muted certificate never alerts; its expiry is still recorded (a status transition).
 */
import { AppError } from './app-error.js';

export const DAY_MS = 86_400_000;
/** Certificates living at least this long use day thresholds; shorter ones use fractions. */
export const LONG_LIFETIME_MS = 90 * DAY_MS;

export interface NotificationPolicy {
  /** Whole days before notAfter, distinct, largest first. */
  thresholdDays: number[];
  /** Fractions of the lifetime remaining, in (0, 1), distinct, largest first. */
  lifetimeFractions: number[];
  /** true: one message per channel per sweep listing everything; false: one message per item. */
  digest: boolean;
}

export const defaultNotificationPolicy: Readonly<NotificationPolicy> = Object.freeze({
  thresholdDays: [30, 14, 7, 3, 1],
  lifetimeFractions: [1 / 3, 1 / 6, 1 / 12],
  digest: false,
});

export type Threshold = { kind: 'expired' } | { kind: 'days'; days: number } | { kind: 'fraction'; fraction: number };

/** The stable key of a threshold, as stored in the fired table and shown in events: `expired`, `days:7`, `fraction:0.166667`. */
export function thresholdKey(t: Threshold): string {
  if (t.kind === 'expired') return 'expired';
  if (t.kind === 'days') return `days:${t.days}`;
  return `fraction:${fractionLabel(t.fraction)}`;
}

/** A fraction rounded to 6 decimals, without trailing zeros (the same text in SQL and here). */
export function fractionLabel(fraction: number): string {
  return String(Number(fraction.toFixed(6)));
}

/** Validates and normalizes (sorted largest first, duplicates refused) a policy; AppError validation_failed. */
export function normalizePolicy(input: { thresholdDays?: unknown; lifetimeFractions?: unknown; digest?: unknown }, base: NotificationPolicy = defaultNotificationPolicy): NotificationPolicy {
  const days = input.thresholdDays === undefined ? base.thresholdDays : input.thresholdDays;
  const fractions = input.lifetimeFractions === undefined ? base.lifetimeFractions : input.lifetimeFractions;
  const digest = input.digest === undefined ? base.digest : input.digest;
  if (!Array.isArray(days) || days.length > 12 || !days.every((d) => Number.isInteger(d) && d >= 1 && d <= 3650)) {
    throw new AppError('validation_failed', 'thresholdDays must be at most 12 whole numbers of days from 1 to 3650');
  }
  if (new Set(days).size !== days.length) throw new AppError('validation_failed', 'thresholdDays must be distinct');
  if (!Array.isArray(fractions) || fractions.length > 12 || !fractions.every((f) => typeof f === 'number' && Number.isFinite(f) && f > 0 && f < 1)) {
    throw new AppError('validation_failed', 'lifetimeFractions must be at most 12 numbers between 0 and 1 (exclusive)');
  }
  if (new Set(fractions.map((f: number) => fractionLabel(f))).size !== fractions.length) throw new AppError('validation_failed', 'lifetimeFractions must be distinct');
  if (typeof digest !== 'boolean') throw new AppError('validation_failed', 'digest must be true or false');
  return {
    thresholdDays: [...(days as number[])].sort((a, b) => b - a),
    lifetimeFractions: [...(fractions as number[])].sort((a, b) => b - a),
    digest,
  };
}

export interface ExpiryFacts {
  notBefore: Date;
  notAfter: Date;
}

/** The most urgent threshold the certificate has crossed at `now`, or null when none. */
export function crossedThreshold(cert: ExpiryFacts, policy: NotificationPolicy, now: Date): Threshold | null {
  const notAfter = cert.notAfter.getTime();
  const remaining = notAfter - now.getTime();
  if (remaining <= 0) return { kind: 'expired' };
  const lifetime = notAfter - cert.notBefore.getTime();
  if (lifetime >= LONG_LIFETIME_MS) {
    const days = [...policy.thresholdDays].sort((a, b) => a - b).find((d) => remaining <= d * DAY_MS);
    return days === undefined ? null : { kind: 'days', days };
  }
  const fraction = [...policy.lifetimeFractions].sort((a, b) => a - b).find((f) => remaining <= lifetime * f);
  return fraction === undefined ? null : { kind: 'fraction', fraction };
}

/** The point in time at which the threshold is crossed (epoch ms). */
export function thresholdPointMs(cert: ExpiryFacts, t: Threshold): number {
  const notAfter = cert.notAfter.getTime();
  if (t.kind === 'expired') return notAfter;
  if (t.kind === 'days') return notAfter - t.days * DAY_MS;
  return notAfter - (notAfter - cert.notBefore.getTime()) * t.fraction;
}

/** The renewal state of a managed certificate, as far as alerting cares. */
export interface RenewalFacts {
  renewAt: Date | null;
  failureCount: number;
  lastProblem: unknown | null;
}

export interface AlertSubject extends ExpiryFacts {
  sslCertificateId: string;
  muted: boolean;
  /** Present for managed (ACME) certificates. */
  renewal?: RenewalFacts | null;
}

export interface AlertDecision {
  threshold: Threshold;
  key: string;
  /** false: recorded (an expiry) but not sent, because the certificate is muted. */
  notify: boolean;
}

/**
 * What the sweep does about a certificate at `now`: null = nothing (no threshold crossed, it
 * already fired for this material, the certificate is muted, or its renewal is scheduled in
 * time and has not failed); otherwise the threshold to record, and whether to notify.
 * `fired` holds the keys already fired for the certificate's current material.
 */
export function alertDecision(subject: AlertSubject, policy: NotificationPolicy, now: Date, fired: ReadonlySet<string> = new Set()): AlertDecision | null {
  const threshold = crossedThreshold(subject, policy, now);
  if (!threshold) return null;
  const key = thresholdKey(threshold);
  if (fired.has(key)) return null;
  if (threshold.kind === 'expired') return { threshold, key, notify: !subject.muted };
  if (subject.muted) return null;
  const r = subject.renewal;
  if (r && r.renewAt && r.renewAt.getTime() < thresholdPointMs(subject, threshold) && r.failureCount === 0 && r.lastProblem == null) return null;
  return { threshold, key, notify: true };
}

/** How far before notAfter a certificate can cross the policy's first threshold (for an index range). */
export function policyWindowMs(policy: NotificationPolicy): number {
  const days = Math.max(0, ...policy.thresholdDays) * DAY_MS;
  const fractions = Math.max(0, ...policy.lifetimeFractions) * LONG_LIFETIME_MS;
  return Math.ceil(Math.max(days, fractions));
}
