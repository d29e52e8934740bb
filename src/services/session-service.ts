import { randomUUID } from 'node:crypto';
import { AppError } from '../domain/app-error.js';
import type { NewAuditEvent } from '../domain/audit-event.js';
import { normalizeEmail, type User } from '../domain/user.js';
import type { Clock } from '../ports/clock.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { SessionRecord } from '../ports/session-repository.js';
import type { Store } from '../ports/store.js';
import type { UserRecord } from '../ports/user-repository.js';
import { checkPasswordStrength } from '../secrets/password-policy.js';
import type { AccessService } from './access-service.js';
import type { Grant, UserPrincipal } from './principal.js';
import { csrfTokenOf, generateToken, hashToken } from './session-secret.js';
import { SignInThrottle, type ThrottledAttempt } from './sign-in-throttle.js';

/** How long a session lives. */
export interface SessionOptions {
  /** Unused for this long, it ends. */
  idleMs: number;
  /** It ends this long after sign-in, however much it is used. */
  absoluteMs: number;
}

/** Where a request came from, as sessions record it. */
export interface ClientInfo {
  address: string | null;
  userAgent: string | null;
}

/** A new session: the token goes into the cookie, and is never stored or shown again. */
export interface SignedIn {
  user: User;
  token: string;
  csrfToken: string;
  /** When the session ends if it is not used again: the earlier of its idle and absolute ends. */
  expiresAt: Date;
  /** The absolute end (the cookie's lifetime). */
  absoluteExpiresAt: Date;
}

/** A session as its owner sees it in the list. */
export interface SessionView {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  address: string | null;
  current: boolean;
}

/** A session's last use is written at most this often: idle expiry is exact to within it. */
const TOUCH_EVERY_MS = 60_000;
const USER_AGENT_MAX = 256;

/** The public view of a stored user. */
export function userOf(record: UserRecord): User {
  return { id: record.id, email: record.email, superuser: record.superuser, pending: record.invitationHash !== null, createdAt: record.createdAt };
}

/** An audit event of the deployment (no organization, no project): sign-ins, sessions, users. */
export function accountEvent(actor: string, type: string, objectType: string, objectId: string, data: Record<string, unknown>, createdAt: Date): NewAuditEvent {
  return { organizationId: null, projectId: null, type, actor, objectType, objectId, data, createdAt };
}

/**
 * Sign-in, sessions and sign-out. A session is a row; the cookie holds a random token whose
 * SHA-256 finds it. Every request reads the row (nothing is cached), so a session deleted on one
 * server (sign-out, revocation, a password reset, the user deleted) is refused by every server
 * at its next request. Failed sign-ins are throttled per account and per address
 * (`SignInThrottle`); every sign-in, failure and lock is an audit event of the deployment.
 */
export class SessionService {
  private readonly throttle: SignInThrottle;
  private dummyHash?: Promise<string>;

  constructor(
    private readonly store: Store,
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly options: SessionOptions,
  ) {
    this.throttle = new SignInThrottle(store.signInThrottle, clock);
  }

  /**
   * Signs in with email and password. The same 401 `sign_in_failed` for an unknown email, a
   * wrong password and an account without a password (the password is hashed either way, so
   * the time taken does not tell them apart); 429 `sign_in_locked` during a lock.
   */
  async signIn(emailInput: string, password: string, client: ClientInfo): Promise<SignedIn> {
    const email = normalizeEmail(emailInput);
    const attempt = await this.throttle.begin(email ?? emailInput.trim().toLowerCase(), client.address);
    const user = email ? await this.store.users.findByEmail(email) : undefined;
    const storedHash = user?.passwordHash ?? null;
    const matches = storedHash !== null ? await this.hasher.verify(password, storedHash) : (await this.hasher.verify(password, await this.dummy()), false);
    const now = this.clock.now();
    if (!user || !matches) {
      await this.recordFailure('anonymous', user, attempt, client, now, {});
      throw new AppError('sign_in_failed', 'the email or the password is wrong');
    }
    await attempt.succeeded();
    if (this.hasher.needsRehash(storedHash!)) {
      // The hashing cost rose since this password was set: store it under the current one.
      await this.store.users.replacePasswordHash(user.id, storedHash!, await this.hasher.hash(password));
    }
    return this.start(user, client, 'auth.signed_in');
  }

  /**
   * Starts a session for a user whose credentials were just checked (sign-in, the first setup,
   * an accepted invitation, a single sign-on) and records `eventType` (with `eventData`).
   */
  async start(user: UserRecord, client: ClientInfo, eventType: string, eventData: Record<string, unknown> = {}): Promise<SignedIn> {
    const now = this.clock.now();
    const token = generateToken();
    const session: SessionRecord = {
      id: randomUUID(),
      tokenHash: hashToken(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + this.options.absoluteMs),
      userAgent: client.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      address: client.address,
    };
    await this.store.transaction(async (tx) => {
      await tx.sessions.insert(session);
      await tx.events.append(accountEvent(`user:${user.id}`, eventType, 'user', user.id, { sessionId: session.id, address: client.address, ...eventData }, now));
    });
    return { user: userOf(user), token, csrfToken: csrfTokenOf(token), expiresAt: this.endOf(session), absoluteExpiresAt: session.expiresAt };
  }

  /** The signed-in user of a session token, with the grants of their memberships; 401 when it is unknown or ended. */
  async authenticate(token: string): Promise<{ principal: UserPrincipal; csrfToken: string }> {
    const found = await this.store.sessions.findByTokenHash(hashToken(token));
    if (!found) throw new AppError('unauthorized', 'the session has ended; sign in again');
    const { session, user } = found;
    const now = this.clock.now();
    if (now.getTime() >= this.endOf(session).getTime()) {
      await this.store.sessions.delete(session.id);
      throw new AppError('unauthorized', 'the session has ended; sign in again');
    }
    if (now.getTime() - session.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await this.store.sessions.touch(session.id, now);
    const grants: Grant[] = [];
    for (const m of await this.store.memberships.listForUser(user.id)) {
      // A disabled organization's memberships do nothing, as its keys are refused.
      if (!(await this.access.isOrganizationDisabled(m.organizationId))) grants.push({ organizationId: m.organizationId, projectId: m.projectId, role: m.role });
    }
    return { principal: { kind: 'user', userId: user.id, email: user.email, sessionId: session.id, superuser: user.superuser, grants }, csrfToken: csrfTokenOf(token) };
  }

  /**
   * Changes the signed-in user's own password. The current password is checked as a sign-in
   * checks it (throttled, audited: a stolen session must not guess it freely); the user's other
   * sessions end, this one stays.
   */
  async changePassword(principal: UserPrincipal, currentPassword: string, newPassword: string, client: ClientInfo): Promise<void> {
    const user = await this.store.users.get(principal.userId);
    if (!user) throw new AppError('unauthorized', 'the session has ended; sign in again');
    const attempt = await this.throttle.begin(user.email, client.address);
    const matches = user.passwordHash !== null && (await this.hasher.verify(currentPassword, user.passwordHash));
    const now = this.clock.now();
    if (!matches) {
      await this.recordFailure(`user:${user.id}`, user, attempt, client, now, { changingPassword: true });
      throw new AppError('sign_in_failed', 'the current password is wrong');
    }
    await attempt.succeeded();
    checkPasswordStrength(newPassword, { email: user.email });
    const hash = await this.hasher.hash(newPassword);
    await this.store.transaction(async (tx) => {
      await tx.users.setPassword(user.id, hash);
      await tx.sessions.deleteForUser(user.id, principal.sessionId);
      await tx.events.append(accountEvent(`user:${user.id}`, 'user.password_changed', 'user', user.id, { sessionId: principal.sessionId }, now));
    });
  }

  /** Ends the principal's session: its row is deleted, so no server accepts it again. */
  async signOut(principal: UserPrincipal): Promise<void> {
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      if (await tx.sessions.delete(principal.sessionId)) {
        await tx.events.append(accountEvent(`user:${principal.userId}`, 'auth.signed_out', 'session', principal.sessionId, {}, now));
      }
    });
  }

  /** The user's own sessions that have not ended, newest first. */
  async listSessions(principal: UserPrincipal): Promise<SessionView[]> {
    const now = this.clock.now().getTime();
    return (await this.store.sessions.listForUser(principal.userId))
      .filter((s) => this.endOf(s).getTime() > now)
      .map((s) => ({ id: s.id, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, expiresAt: this.endOf(s), userAgent: s.userAgent, address: s.address, current: s.id === principal.sessionId }));
  }

  /** Ends one of the user's own sessions (the current one included); another user's is not found. */
  async revokeSession(principal: UserPrincipal, sessionId: string): Promise<void> {
    const now = this.clock.now();
    const own = (await this.store.sessions.listForUser(principal.userId)).some((s) => s.id === sessionId);
    if (!own) throw new AppError('session_not_found', `session ${sessionId} was not found`);
    await this.store.transaction(async (tx) => {
      if (await tx.sessions.delete(sessionId)) {
        await tx.events.append(accountEvent(`user:${principal.userId}`, 'auth.session_revoked', 'session', sessionId, {}, now));
      }
    });
  }

  /** Deletes ended sessions and stale sign-in counts (the `sessions` job). */
  async purge(): Promise<{ sessions: number; throttles: number }> {
    const now = this.clock.now();
    const sessions = await this.store.sessions.purgeExpired(now, new Date(now.getTime() - this.options.idleMs));
    const throttles = await this.throttle.purge();
    // Single sign-ons that never came back from the provider (their rows end after 10 minutes).
    await this.store.oidcLogins.purgeEnded(new Date(now.getTime() - 3_600_000));
    return { sessions, throttles };
  }

  /**
   * The audit events of a failed attempt: the failure, and each lock it set. The email of an
   * unknown account is not recorded: people type their password into the email field.
   */
  private async recordFailure(actor: string, user: UserRecord | undefined, attempt: ThrottledAttempt, client: ClientInfo, now: Date, data: Record<string, unknown>): Promise<void> {
    const events = [accountEvent(actor, 'auth.sign_in_failed', 'user', user?.id ?? 'unknown', { address: client.address, knownAccount: user !== undefined, ...data }, now)];
    for (const lock of attempt.locks) {
      const objectType = lock.scope === 'account' ? 'user' : 'address';
      const objectId = lock.scope === 'account' ? (user?.id ?? 'unknown') : (client.address ?? 'unknown');
      events.push(accountEvent('system', 'auth.locked', objectType, objectId, { scope: lock.scope, until: lock.until.toISOString(), failures: lock.failures, address: client.address }, now));
    }
    await this.store.events.appendMany(events);
  }

  /** When a session ends unless it is used again. */
  private endOf(session: Pick<SessionRecord, 'lastSeenAt' | 'expiresAt'>): Date {
    return new Date(Math.min(session.expiresAt.getTime(), session.lastSeenAt.getTime() + this.options.idleMs));
  }

  /** A hash of a random password, verified against for an account that has none, so that it takes as long. */
  private dummy(): Promise<string> {
    this.dummyHash ??= this.hasher.hash(generateToken()).catch((err: unknown) => {
      this.dummyHash = undefined;
      throw err;
    });
    return this.dummyHash;
  }
}
