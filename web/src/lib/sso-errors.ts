/**
 * The reasons a single sign-on failed, as the server sends them back (`/?sso_error=<reason>`,
 * src/services/sso-service.ts), in words a person can act on.
 */
const words: Record<string, string> = {
  login_not_found: 'Single sign-on could not be finished in this browser (its sign-in cookie was missing). Try again.',
  login_expired: 'Single sign-on took too long. Try again.',
  replayed: 'That single sign-on answer was already used. Try again.',
  state_mismatch: 'The identity provider\'s answer did not belong to the sign-in this browser started. Try again.',
  access_denied: 'The identity provider did not let you sign in here (the sign-in was cancelled or refused).',
  provider_error: 'The identity provider answered with an error. Try again, or ask your administrator.',
  provider_unreachable: 'The identity provider could not be reached. Try again in a moment.',
  token_invalid: 'The identity provider\'s answer could not be checked. Try again, or ask your administrator.',
  email_missing: 'The identity provider did not give your email address, which certkeeper needs. Ask your administrator.',
  email_unverified: 'The identity provider does not say your email address is verified, so it cannot be used here. Verify it there, or ask your administrator.',
  account_not_found: 'There is no certkeeper account for you. Ask an administrator to add you.',
  setup_required: 'certkeeper has no administrator yet: the first one is created with the setup code before anyone signs in with SSO.',
};

/** The sentence for `sso_error=<reason>`; undefined without one. */
export function ssoErrorText(search: string): string | undefined {
  const reason = new URLSearchParams(search).get('sso_error');
  if (reason === null) return undefined;
  return words[reason] ?? 'Single sign-on did not succeed. Try again, or ask your administrator.';
}

/** Where the SSO button goes: the server's start, with this page to come back to (without the failure it shows). */
export function ssoStartHref(pathname: string, search: string): string {
  const params = new URLSearchParams(search);
  params.delete('sso_error');
  const rest = params.toString();
  const back = `${pathname}${rest ? `?${rest}` : ''}`;
  return back === '/' ? '/api/v1/auth/oidc/start' : `/api/v1/auth/oidc/start?returnTo=${encodeURIComponent(back)}`;
}
