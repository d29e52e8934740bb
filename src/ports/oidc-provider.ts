/** What the service sends to start a sign-in at the provider. */
export interface AuthorizationRequest {
  state: string;
  nonce: string;
  /** S256 PKCE challenge of the verifier the callback will present. */
  codeChallenge: string;
}

/** What the callback must match: the values sent at the start, and the PKCE verifier. */
export interface AuthorizationChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** The claims about the person: the ID token's, completed by the userinfo answer when it lacks some. */
export type OidcClaims = Record<string, unknown> & { sub: string };

/**
 * Why talking to the provider failed: it answered the callback with an error (`provider_error`,
 * its OAuth error code in `providerError`), it could not be reached or answered nonsense
 * (`provider_unreachable`), or what it answered did not validate (`token_invalid`: a bad
 * signature, a wrong nonce or audience, a code refused at the token endpoint).
 */
export class OidcProviderError extends Error {
  constructor(
    readonly reason: 'provider_error' | 'provider_unreachable' | 'token_invalid',
    message: string,
    readonly providerError?: string,
  ) {
    super(message);
    this.name = 'OidcProviderError';
  }
}

/** An OpenID Connect provider, as the relying party sees it (authorization code flow with PKCE). */
export interface OidcProvider {
  /** Where to send the browser; rejects with OidcProviderError when discovery fails. */
  authorizationUrl(request: AuthorizationRequest): Promise<URL>;
  /** Validates the callback (`callbackUrl` holds the provider's query), redeems the code and returns the claims. */
  redeem(callbackUrl: URL, checks: AuthorizationChecks): Promise<OidcClaims>;
}
