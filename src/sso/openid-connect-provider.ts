import * as client from 'openid-client';
import type { OidcConfig } from '../config/oidc-config.js';
import type { Clock } from '../ports/clock.js';
import { OidcProviderError, type AuthorizationChecks, type AuthorizationRequest, type OidcClaims, type OidcProvider } from '../ports/oidc-provider.js';
import type { FetchLike } from '../net/outbound-fetch.js';

/** After a failed discovery, the next sign-in tries again no sooner than this. */
const RETRY_DISCOVERY_MS = 10_000;

function isLoopbackHttp(url: URL): boolean {
  return url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\./.test(url.hostname));
}

/** What went wrong with the provider, from openid-client's errors. */
function providerErrorOf(err: unknown): OidcProviderError {
  if (err instanceof OidcProviderError) return err;
  if (err instanceof client.AuthorizationResponseError) return new OidcProviderError('provider_error', `the provider answered ${err.error}${err.error_description ? `: ${err.error_description}` : ''}`, err.error);
  if (err instanceof client.ResponseBodyError) return new OidcProviderError('token_invalid', `the provider refused the code: ${err.error}${err.error_description ? ` (${err.error_description})` : ''}`, err.error);
  if (err instanceof TypeError || (err instanceof client.ClientError && /fetch|response|status|content-type|json/i.test(`${err.code ?? ''} ${err.message}`) && !/ID Token|JWT|nonce|signature|claim/i.test(err.message))) {
    return new OidcProviderError('provider_unreachable', `the provider could not be reached or answered wrongly: ${(err as Error).message}`);
  }
  return new OidcProviderError('token_invalid', `the provider's answer did not validate: ${(err as Error).message}`);
}

/**
 * The OpenID Connect provider of `CERTKEEPER_OIDC_*`, through `openid-client`: discovery (once,
 * again after a failure), the authorization URL, and the code exchange with PKCE, state and nonce
 * checks and ID token validation. Every request goes through `fetch` (the outbound address policy,
 * timeouts, size caps). Time comes from the Clock: its offset from the system clock at discovery
 * is the library's clock skew.
 */
export class OpenIdConnectProvider implements OidcProvider {
  private configuration?: Promise<client.Configuration>;
  private failedAt = -Infinity;

  constructor(
    private readonly config: OidcConfig,
    private readonly fetch: FetchLike,
    private readonly clock: Clock,
  ) {}

  async authorizationUrl(request: AuthorizationRequest): Promise<URL> {
    const configuration = await this.discover();
    return client.buildAuthorizationUrl(configuration, {
      redirect_uri: this.config.redirectUrl,
      scope: this.config.scopes,
      response_type: 'code',
      state: request.state,
      nonce: request.nonce,
      code_challenge: request.codeChallenge,
      code_challenge_method: 'S256',
    });
  }

  async redeem(callbackUrl: URL, checks: AuthorizationChecks): Promise<OidcClaims> {
    const configuration = await this.discover();
    try {
      const tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: checks.codeVerifier,
        expectedState: checks.state,
        expectedNonce: checks.nonce,
        idTokenExpected: true,
      });
      const idClaims = tokens.claims();
      if (!idClaims) throw new OidcProviderError('token_invalid', 'the provider answered without an ID token');
      const claims: OidcClaims = { ...idClaims };
      const wanted = ['email', ...(this.config.rolesClaim ? [this.config.rolesClaim] : [])];
      if (wanted.some((c) => claims[c] === undefined) && configuration.serverMetadata().userinfo_endpoint) {
        const info = await client.fetchUserInfo(configuration, tokens.access_token, idClaims.sub);
        for (const c of [...wanted, 'email_verified']) if (claims[c] === undefined && info[c] !== undefined) claims[c] = info[c];
      }
      return claims;
    } catch (err) {
      throw providerErrorOf(err);
    }
  }

  private discover(): Promise<client.Configuration> {
    const now = Date.now();
    if (!this.configuration && now - this.failedAt >= RETRY_DISCOVERY_MS) {
      const issuer = new URL(this.config.issuer);
      const auth = this.config.clientSecret === undefined ? client.None() : client.ClientSecretPost(this.config.clientSecret);
      // The library reads the system time itself: a Clock that differs (tests) shifts it by the difference.
      const metadata: Partial<client.ClientMetadata> = { [client.clockSkew]: Math.round((this.clock.now().getTime() - Date.now()) / 1000) };
      this.configuration = client
        .discovery(issuer, this.config.clientId, metadata, auth, {
          [client.customFetch]: this.fetch as client.CustomFetch,
          timeout: 10,
          ...(isLoopbackHttp(issuer) ? { execute: [client.allowInsecureRequests] } : {}),
        })
        .catch((err: unknown) => {
          this.configuration = undefined;
          this.failedAt = Date.now();
          throw new OidcProviderError('provider_unreachable', `discovery at ${this.config.issuer} failed: ${(err as Error).message}`);
        });
    }
    if (!this.configuration) return Promise.reject(new OidcProviderError('provider_unreachable', `discovery at ${this.config.issuer} failed a moment ago; trying again shortly`));
    return this.configuration;
  }
}
