import { describe, expect, it } from 'vitest';
import { ssoErrorText, ssoStartHref } from '../../web/src/lib/sso-errors.js';
import { ssoFailureReasons } from '../../src/services/sso-service.js';

describe('the sign-in page and single sign-on', () => {
  it('has words for every reason the server sends back, and some for one it does not know', () => {
    const fallback = ssoErrorText('?sso_error=something_new');
    expect(fallback).toMatch(/did not succeed/);
    for (const reason of ssoFailureReasons) expect(ssoErrorText(`?sso_error=${reason}`), reason).not.toBe(fallback);
    expect(ssoErrorText('')).toBeUndefined();
  });

  it('the SSO link carries the page to come back to, without the failure shown', () => {
    expect(ssoStartHref('/', '')).toBe('/api/v1/auth/oidc/start');
    expect(ssoStartHref('/', '?sso_error=replayed')).toBe('/api/v1/auth/oidc/start');
    expect(ssoStartHref('/projects/p/certificates', '?status=expired&sso_error=x')).toBe(`/api/v1/auth/oidc/start?returnTo=${encodeURIComponent('/projects/p/certificates?status=expired')}`);
  });
});
