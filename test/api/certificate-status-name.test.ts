import { describe, expect, it } from 'vitest';
import { certificateStatusName, parseStatusFilter, statusFilterOf } from '../../src/api/certificate-status-name.js';
import { isAppError } from '../../src/domain/app-error.js';

describe('the native API’s status names', () => {
  it('maps to the native names', () => {
    expect(certificateStatusName.issued).toBe('Active');
    expect(certificateStatusName.expired).toBe('Expired');
    expect(certificateStatusName.pending_validation).toBe('PendingValidation');
  });

  it.each([
    ['Active', 'issued'],
    ['active', 'issued'],
    ['EXPIRED', 'expired'],
    ['PendingValidation', 'pending_validation'],
    ['revoked', 'revoked'],
    ['nonsense', undefined],
  ])('parses status filter %s', (input, expected) => {
    expect(parseStatusFilter(input)).toBe(expected);
  });

  it('refuses a status filter that names no status', () => {
    expect(statusFilterOf(undefined)).toBeUndefined();
    expect(statusFilterOf('Validating')).toBe('validating');
    let err: unknown;
    try {
      statusFilterOf('nonsense');
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.code).toBe('validation_failed');
  });
});
