/**
 * A project's notification policy: which thresholds before notAfter are worth telling someone
 * about, and whether they go out one by one or as a digest. Pure: validation, defaults and the
 * window a sweep has to look at.
 *
 * The rule that applies a policy (which threshold a certificate crosses, once per material, mutes
 * and managed renewals) lives once, in the sweep's SQL (storage/repositories/sweep-repository.ts,
 * `fire`); its cases are the table of test/storage/alert-rule.test.ts.
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

/** A fraction rounded to 6 decimals, without trailing zeros: the `fraction:0.166667` threshold key the sweep records and reports. */
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

/** How far before notAfter a certificate can cross the policy's first threshold (for an index range). */
export function policyWindowMs(policy: NotificationPolicy): number {
  const days = Math.max(0, ...policy.thresholdDays) * DAY_MS;
  const fractions = Math.max(0, ...policy.lifetimeFractions) * LONG_LIFETIME_MS;
  return Math.ceil(Math.max(days, fractions));
}
