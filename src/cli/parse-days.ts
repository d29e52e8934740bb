import { CliError } from './cli-error.js';

/** `30d`, `2w` or a bare number of days → whole days (for `--expiring`). */
export function parseDays(value: string): number {
  const m = /^\s*(\d+)\s*(d|day|days|w|wk|week|weeks)?\s*$/i.exec(value);
  if (!m) throw new CliError('invalid_option', `--expiring takes a number of days, like 30, 30d or 2w (got "${value}")`);
  const n = Number(m[1]);
  const days = m[2] && /^w/i.test(m[2]) ? n * 7 : n;
  if (days > 36500) throw new CliError('invalid_option', `--expiring must be at most 36500 days (got ${days})`);
  return days;
}

/** A positive integer option, in [min, max]. */
export function parseIntegerOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isInteger(n) || n < min || n > max) {
    throw new CliError('invalid_option', `${name} must be an integer from ${min} to ${max} (got "${value}")`);
  }
  return n;
}
