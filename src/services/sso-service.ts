import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { grantOfClaimValue, type OidcConfig, type OidcGrant } from '../config/oidc-config.js';
import { AppError, isAppError } from '../domain/app-error.js';
import type { Role } from '../domain/role.js';
import { normalizeEmail } from '../domain/user.js';
import type { Clock } from '../ports/clock.js';
import { OidcProviderError, type OidcClaims, type OidcProvider } from '../ports/oidc-provider.js';
import type { Repositories, Store } from '../ports/store.js';
import type { UserRecord } from '../ports/user-repository.js';
import { accountEvent, type ClientInfo, type SessionService, type SignedIn } from './session-service.js';
import { generateToken, hashToken } from './session-secret.js';

/** How long a sign-in may spend at the provider. */
export const SSO_LOGIN_TTL_MS = 10 * 60_000;

/**
 * Why a single sign-on failed, as `/?sso_error=<reason>` tells the sign-in page. Stable: the
 * console words each one (web/src/lib/sso-errors.ts) and docs/api.md lists them.
 */
export const ssoFailureReasons = [
  'login_not_found',
  'login_expired',
  'replayed',
  'state_mismatch',
  'provider_error',
  'access_denied',
  'provider_unreachable',
  'token_invalid',
  'email_missing',
  'email_unverified',
  'account_not_found',
  'setup_required',
] as const;
export type SsoFailureReason = (typeof ssoFailureReasons)[number];

/** A sign-in sent to the provider: where to send the browser, and the token its cookie keeps meanwhile. */
export interface SsoStart {
  url: URL;
  cookieToken: string;
  maxAgeSeconds: number;
}

/** A finished single sign-on: the session, and the page of this site to land on. */
export interface SsoSignedIn {
  signedIn: SignedIn;
  returnTo: string;
}

const ROLE_RANK: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

function failure(reason: SsoFailureReason, message: string): AppError {
  return new AppError('sso_failed', message, { details: { reason } });
}

/** The reason of an `sso_failed` error. */
export function ssoReasonOf(err: unknown): SsoFailureReason | undefined {
  return isAppError(err) && err.code === 'sso_failed' ? (err.details?.reason as SsoFailureReason) : undefined;
}

/**
 * A path of this site to go back to after sign-in, or `/`: absolute-path only (no scheme, no
 * `//host`, no backslash that a browser reads as a slash, no control characters), not an API
 * path, at most 512 characters. Anything else could send the person to another site.
 */
export function safeReturnPath(input: string | undefined): string {
  if (typeof input !== 'string' || input.length === 0 || input.length > 512) return '/';
  if (!input.startsWith('/') || input.startsWith('//') || /[\\\x00-\x1f\x7f]/.test(input)) return '/';
  if (/^\/api(\/|$)/i.test(input)) return '/';
  try {
    // The browser resolves it against this origin; it must stay there.
    if (new URL(input, 'http://certkeeper.invalid').origin !== 'http://certkeeper.invalid') return '/';
  } catch {
    return '/';
  }
  return input;
}

/** The PKCE verifier of a sign-in: derived from the browser's token, so the database never holds it. */
function codeVerifierOf(cookieToken: string): string {
  return createHmac('sha256', cookieToken).update('certkeeper pkce verifier').digest('base64url');
}

function codeChallengeOf(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The values of a claim: an array of strings, or one string. */
function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** `email_verified` as providers send it: true, or (some) the string "true". */
function isVerified(value: unknown): boolean {
  return value === true || value === 'true';
}

const scopeKey = (g: { organizationId: string; projectId: string | null }) => `${g.organizationId}/${g.projectId ?? ''}`;

/**
 * Single sign-on with OpenID Connect (authorization code flow, PKCE, state and nonce).
 *
 * `start` keeps the sign-in in the database under the SHA-256 of a random token that only the
 * browser's cookie holds (any server on the database can finish it; the PKCE verifier is derived
 * from the token). `finish` takes it back once (a replay is refused), lets the provider check the
 * code, finds or makes the account, brings the memberships the provider grants up to date, and
 * starts a session exactly as a password sign-in does. Every failure is an audit event.
 *
 * Accounts: an identity (issuer, subject) already linked signs in as its user. Otherwise the
 * provider's email finds an existing account only when the provider says it is verified
 * (`email_verified`), and then the identity is linked to it; with no account, one is made
 * (unless CERTKEEPER_OIDC_CREATE_USERS is false), also only for a verified email, since the email
 * is the account's unique name here. See docs/api.md.
 */
export class SsoService {
  constructor(
    private readonly store: Store,
    private readonly sessions: SessionService,
    private readonly provider: OidcProvider,
    private readonly config: OidcConfig,
    private readonly clock: Clock,
  ) {}

  /** Starts a sign-in: the provider's authorization URL, and the token for the browser's cookie. */
  async start(returnTo: string | undefined): Promise<SsoStart> {
    const cookieToken = generateToken();
    const state = generateToken();
    const nonce = generateToken();
    let url: URL;
    try {
      url = await this.provider.authorizationUrl({ state, nonce, codeChallenge: codeChallengeOf(codeVerifierOf(cookieToken)) });
    } catch (err) {
      throw failure('provider_unreachable', err instanceof Error ? err.message : String(err));
    }
    const now = this.clock.now();
    await this.store.oidcLogins.insert({ id: hashToken(cookieToken), state, nonce, returnTo: safeReturnPath(returnTo), createdAt: now, expiresAt: new Date(now.getTime() + SSO_LOGIN_TTL_MS) });
    return { url, cookieToken, maxAgeSeconds: SSO_LOGIN_TTL_MS / 1000 };
  }

  /**
   * Finishes a sign-in from the provider's callback (`query` as received; `cookieToken` from
   * the browser's cookie). Throws `sso_failed` with a reason, recorded as `auth.sign_in_failed`.
   */
  async finish(cookieToken: string | undefined, query: URLSearchParams, client: ClientInfo): Promise<SsoSignedIn> {
    try {
      return await this.finishOnce(cookieToken, query, client);
    } catch (err) {
      // Anything else (the database failing) is the server's problem, not the sign-in's.
      const reason = ssoReasonOf(err);
      if (reason) {
        const providerError = (err as AppError).details?.providerError;
        await this.store.events.append(accountEvent('anonymous', 'auth.sign_in_failed', 'user', 'unknown', { method: 'sso', reason, address: client.address, ...(providerError ? { providerError } : {}) }, this.clock.now()));
      }
      throw err;
    }
  }

  private async finishOnce(cookieToken: string | undefined, query: URLSearchParams, client: ClientInfo): Promise<SsoSignedIn> {
    if (!cookieToken) throw failure('login_not_found', 'this browser has no sign-in under way (its cookie is missing): start again');
    const now = this.clock.now();
    const taken = await this.store.oidcLogins.take(hashToken(cookieToken), now);
    if (taken.kind === 'used') throw failure('replayed', 'this sign-in was already used: start again');
    if (taken.kind === 'unknown') throw failure('login_not_found', 'no sign-in under way matches this browser: start again');
    const login = taken.login;
    if (now.getTime() >= login.expiresAt.getTime()) throw failure('login_expired', 'the sign-in took too long: start again');
    const state = query.get('state');
    if (state === null || !sameText(state, login.state)) throw failure('state_mismatch', 'the answer does not belong to the sign-in this browser started');
    const providerError = query.get('error');
    if (providerError !== null) {
      const reason = providerError === 'access_denied' ? 'access_denied' : 'provider_error';
      throw new AppError('sso_failed', `the provider answered ${providerError.slice(0, 100)}`, { details: { reason, providerError: providerError.slice(0, 100) } });
    }
    const callback = new URL(this.config.redirectUrl);
    callback.search = query.toString();
    let claims: OidcClaims;
    try {
      claims = await this.provider.redeem(callback, { state: login.state, nonce: login.nonce, codeVerifier: codeVerifierOf(cookieToken) });
    } catch (err) {
      if (err instanceof OidcProviderError) throw new AppError('sso_failed', err.message, { details: { reason: err.reason === 'provider_error' && err.providerError === 'access_denied' ? 'access_denied' : err.reason, providerError: err.providerError } });
      throw err;
    }
    const user = await this.accountOf(claims, now);
    await this.applyGrants(user.id, this.grantsOf(claims), now);
    const signedIn = await this.sessions.start(user, client, 'auth.signed_in', { method: 'sso', issuer: this.config.issuer });
    return { signedIn, returnTo: login.returnTo };
  }

  /** The account of the person the claims describe: linked, found by verified email, or made. */
  private async accountOf(claims: OidcClaims, now: Date): Promise<UserRecord> {
    const issuer = this.config.issuer;
    const linked = await this.store.users.findByIdentity(issuer, claims.sub);
    if (linked) return linked;
    const rawEmail = typeof claims.email === 'string' ? claims.email : undefined;
    const email = rawEmail === undefined ? undefined : normalizeEmail(rawEmail);
    if (!email) throw failure('email_missing', 'the provider gave no email address (ask for the email scope, or have the provider release the email claim)');
    const verified = isVerified(claims.email_verified);
    for (let attempt = 0; ; attempt++) {
      const existing = await this.store.users.findByEmail(email);
      if (existing) {
        if (!verified) throw failure('email_unverified', 'the provider does not say this email address is verified, so it cannot be matched to an account');
        await this.store.transaction(async (tx) => {
          await tx.users.linkIdentity(existing.id, issuer, claims.sub, now);
          await tx.events.append(accountEvent(`user:${existing.id}`, 'user.identity_linked', 'user', existing.id, { issuer, subject: claims.sub }, now));
        });
        return existing;
      }
      // The first account is the administrator made with the setup code (or the bootstrap settings): a
      // person signing in through the provider first would end the setup and leave no administrator.
      if (!(await this.store.users.any())) throw failure('setup_required', 'no administrator exists yet: the first one is made with the setup code');
      if (!this.config.createUsers) throw failure('account_not_found', 'there is no account for this email address, and accounts are not made at sign-in here: ask an administrator');
      if (!verified) throw failure('email_unverified', 'the provider does not say this email address is verified, so no account is made for it');
      const user: UserRecord = { id: randomUUID(), email, superuser: false, passwordHash: null, invitationHash: null, invitationExpiresAt: null, createdAt: now };
      try {
        await this.store.transaction(async (tx) => {
          await tx.users.insert(user);
          await tx.users.linkIdentity(user.id, issuer, claims.sub, now);
          await tx.events.append(accountEvent('system', 'user.created', 'user', user.id, { email, superuser: false, sso: true, issuer }, now));
        });
        return user;
      } catch (err) {
        // The same person signing in on two servers at once: the other made the account.
        if (attempt === 0 && isAppError(err) && err.code === 'user_already_exists') {
          const again = await this.store.users.findByIdentity(issuer, claims.sub);
          if (again) return again;
          continue;
        }
        throw err;
      }
    }
  }

  /** The grants of the claims: each mapped or self-describing value of the roles claim, and the default grant. */
  private grantsOf(claims: OidcClaims): OidcGrant[] {
    const grants: OidcGrant[] = [];
    if (this.config.defaultGrant) grants.push(this.config.defaultGrant);
    if (this.config.rolesClaim) {
      for (const value of claimValues(claims[this.config.rolesClaim]).slice(0, 1000)) {
        const own = grantOfClaimValue(value);
        if (own) grants.push(own);
        const mapped = Object.hasOwn(this.config.roleMap, value) ? this.config.roleMap[value] : undefined;
        if (mapped) grants.push(...mapped);
      }
    }
    return grants;
  }

  /**
   * Brings the user's `sso` memberships to exactly `grants` (the highest role per scope): new
   * scopes are granted, changed roles updated, scopes no longer granted removed. A `manual`
   * membership in a granted scope stays as it is. Grants of an organization or project that does
   * not exist (or a project outside its organization) are ignored, and said so in the event.
   */
  private async applyGrants(userId: string, grants: OidcGrant[], now: Date): Promise<void> {
    const wanted = new Map<string, OidcGrant>();
    for (const g of grants) {
      const key = scopeKey(g);
      const had = wanted.get(key);
      if (!had || ROLE_RANK[g.role] > ROLE_RANK[had.role]) wanted.set(key, g);
    }
    await this.store.transaction(async (tx) => {
      const ignored: string[] = [];
      for (const [key, g] of wanted) {
        if (!(await this.scopeExists(tx, g))) {
          wanted.delete(key);
          ignored.push(key);
        }
      }
      const existing = new Map((await tx.memberships.listForUser(userId)).map((m) => [scopeKey(m), m]));
      const granted: string[] = [];
      const changed: string[] = [];
      const removed: string[] = [];
      for (const [key, g] of wanted) {
        const had = existing.get(key);
        if (!had) {
          await tx.memberships.insert({ userId, organizationId: g.organizationId, projectId: g.projectId, role: g.role, createdAt: now, source: 'sso' });
          granted.push(`${key}:${g.role}`);
        } else if (had.source === 'sso' && had.role !== g.role) {
          await tx.memberships.setRole(userId, g, g.role, 'sso');
          changed.push(`${key}:${had.role}->${g.role}`);
        }
      }
      for (const [key, m] of existing) {
        if (m.source === 'sso' && !wanted.has(key)) {
          await tx.memberships.delete(userId, m);
          removed.push(`${key}:${m.role}`);
        }
      }
      if (granted.length + changed.length + removed.length + ignored.length > 0) {
        await tx.events.append(accountEvent('system', 'user.sso_memberships_updated', 'user', userId, { granted, changed, removed, ignored }, now));
      }
    });
  }

  private async scopeExists(tx: Repositories, g: OidcGrant): Promise<boolean> {
    const organization = await tx.organizations.get(g.organizationId);
    if (!organization) return false;
    if (g.projectId === null) return true;
    const project = await tx.projects.get(g.projectId);
    return project !== undefined && project.organizationId === g.organizationId;
  }
}
