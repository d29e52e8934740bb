import { AppError } from '../domain/app-error.js';
import type { EffectiveStatus } from '../domain/certificate.js';

/** The native API's `certificateStatus` name of each status (the list's `status` filter takes them too). */
export const certificateStatusName: Record<EffectiveStatus, string> = {
  pending_validation: 'PendingValidation',
  validating: 'Validating',
  issued: 'Active',
  failed: 'Failed',
  revoked: 'Revoked',
  expired: 'Expired',
};

/** Accepts an internal status name or a native one, case-insensitively. */
export function parseStatusFilter(value: string): EffectiveStatus | undefined {
  const v = value.trim().toLowerCase();
  for (const [internal, name] of Object.entries(certificateStatusName)) {
    if (v === internal || v === name.toLowerCase()) return internal as EffectiveStatus;
  }
  if (v === 'active') return 'issued';
  return undefined;
}

/** The certificate list's `status` query parameter as a status; `validation_failed` when it names none. */
export function statusFilterOf(value: string | undefined): EffectiveStatus | undefined {
  if (value === undefined) return undefined;
  const status = parseStatusFilter(value);
  if (!status) throw new AppError('validation_failed', `status must be one of Active, Expired, Revoked, Failed, PendingValidation, Validating (got "${value}")`);
  return status;
}
