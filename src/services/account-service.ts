import { randomUUID, timingSafeEqual } from 'node:crypto';
import { AppError, isAppError } from '../domain/app-error.js';
import { normalizeEmail, type User } from '../domain/user.js';
import type { Clock } from '../ports/clock.js';
import type { MembershipView } from '../ports/membership-repository.js';
import type { Page, PageResult } from '../ports/page.js';
import type { PasswordHasher } from '../ports/password-hasher.js';
import type { Store } from '../ports/store.js';
import type { UserRecord } from '../ports/user-repository.js';
import { checkPasswordStrength } from '../secrets/password-policy.js';
import { actorOf, type Principal, type UserPrincipal } from './principal.js';
import { accountEvent, userOf, type ClientInfo, type SessionService, type SignedIn } from './session-service.js';
import { accountThrottleKey } from './sign-in-throttle.js';
import { generateToken, hashToken } from './session-secret.js';

/** Who manages accounts: a principal (a superuser for most), or the command line on the server's host. */
export type AccountActor = Principal | 'cli';

export interface AccountOptions {
  /** How long an invitation link works. */
  invitationTtlMs: number;
  /** Whether single sign-on (OpenID Connect) is configured. */
  sso?: boolean;
}

/** An invitation: the token is shown once (the link `/invite#TOKEN`); only its hash is stored. */
export interface Invitation {
  token: string;
  expiresAt: Date;
}

/** A user made by `createUser`, with the invitation when no password was given. */
export interface CreatedUser {
  user: User;
  invitation?: Invitation;
}

/** What the console shows of the signed-in user. */
export interface Me {
  user: User;
  memberships: MembershipView[];
}

/** The settings row holding the SHA-256 of the current setup code. */
const SETUP_CODE_SETTING = 'accounts.setup_code_sha256';

/** A new invitation token, valid for `ttlMs`. */
export function newInvitation(now: Date, ttlMs: number): Invitation {
  return { token: generateToken(), expiresAt: new Date(now.getTime() + ttlMs) };
}

function invitationNotFound(): AppError {
  return new AppError('invitation_not_found', 'the invitation is unknown, was used or replaced, or has expired: ask for a new one');
}

function requireSuperuser(actor: AccountActor, what: string): void {
  if (actor !== 'cli' && !actor.superuser) throw new AppError('forbidden', `${what} needs a superuser`);
}

export function emailOf(input: string): string {
  const email = normalizeEmail(input);
  if (!email) throw new AppError('validation_failed', 'email must be an email address (local-part@domain)');
  return email;
}

/**
 * User accounts: created, listed, deleted and given passwords by superusers (or the command
 * line); the signed-in user's own view. Passwords are checked (`checkPasswordStrength`) and
 * hashed (`PasswordHasher`) here; nothing else ever sees one.
 */
export class AccountService {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly options: AccountOptions,
  ) {}

  /** What the sign-in page needs to know: whether the first administrator is still to be made, whether SSO is offered. */
  async authOptions(): Promise<{ setupRequired: boolean; sso: boolean }> {
    return { setupRequired: !(await this.store.users.any()), sso: this.options.sso ?? false };
  }

  /**
   * Makes sure the first administrator can come to be, at every start. With a bootstrap admin
   * (CERTKEEPER_BOOTSTRAP_ADMIN_EMAIL and _PASSWORD), a superuser account with exactly these
   * credentials exists afterwards (made, promoted, or given this password: its sessions then
   * end). Without one, while no user exists, a new setup code is made, its hash stored
   * (replacing an earlier one) and the code returned to be printed once: `POST
   * /api/v1/auth/setup` needs it to create the first administrator, and it stops working once any
   * user exists.
   */
  async ensureFirstAdmin(bootstrapAdmin?: { email: string; password: string }): Promise<{ setupCode?: string }> {
    try {
      return await this.ensureFirstAdminOnce(bootstrapAdmin);
    } catch (err) {
      // Another server starting at the same moment made the account first: look again.
      if (isAppError(err) && err.code === 'user_already_exists') return this.ensureFirstAdminOnce(bootstrapAdmin);
      throw err;
    }
  }

  private async ensureFirstAdminOnce(bootstrapAdmin?: { email: string; password: string }): Promise<{ setupCode?: string }> {
    const now = this.clock.now();
    if (!bootstrapAdmin) {
      if (await this.store.users.any()) {
        await this.store.settings.delete(SETUP_CODE_SETTING);
        return {};
      }
      const setupCode = generateToken();
      await this.store.settings.set(SETUP_CODE_SETTING, hashToken(setupCode));
      return { setupCode };
    }
    const email = normalizeEmail(bootstrapAdmin.email);
    if (!email) throw new AppError('config_invalid', 'CERTKEEPER_BOOTSTRAP_ADMIN_EMAIL must be an email address');
    try {
      checkPasswordStrength(bootstrapAdmin.password, { email });
    } catch (err) {
      throw new AppError('config_invalid', `CERTKEEPER_BOOTSTRAP_ADMIN_PASSWORD: ${(err as Error).message}`);
    }
    const existing = await this.store.users.findByEmail(email);
    const current = existing?.passwordHash ? await this.hasher.verify(bootstrapAdmin.password, existing.passwordHash) : false;
    const hash = current ? undefined : await this.hasher.hash(bootstrapAdmin.password);
    await this.store.transaction(async (tx) => {
      await tx.settings.delete(SETUP_CODE_SETTING);
      if (!existing) {
        const id = randomUUID();
        await tx.users.insert({ id, email, superuser: true, passwordHash: hash!, invitationHash: null, invitationExpiresAt: null, createdAt: now });
        await tx.events.append(accountEvent('system', 'user.created', 'user', id, { email, superuser: true, bootstrap: true }, now));
        return;
      }
      if (!existing.superuser) {
        await tx.users.setSuperuser(existing.id, true);
        await tx.events.append(accountEvent('system', 'user.superuser_granted', 'user', existing.id, { bootstrap: true }, now));
      }
      if (hash) {
        await tx.users.setPassword(existing.id, hash);
        await tx.sessions.deleteForUser(existing.id);
        await tx.events.append(accountEvent('system', 'user.password_set', 'user', existing.id, { bootstrap: true }, now));
      }
    });
    return {};
  }

  /**
   * Creates the first administrator (a superuser) with the setup code printed at start, and
   * signs them in: 409 `setup_done` once any user exists, 403 `setup_code_invalid` for another code.
   */
  async setup(setupCode: string, emailInput: string, password: string, client: ClientInfo): Promise<SignedIn> {
    if (await this.store.users.any()) throw new AppError('setup_done', 'the first administrator exists already: sign in');
    const stored = await this.store.settings.get(SETUP_CODE_SETTING);
    const given = Buffer.from(hashToken(setupCode));
    if (!stored || stored.length !== given.length || !timingSafeEqual(given, Buffer.from(stored))) {
      throw new AppError('setup_code_invalid', 'the setup code is not the one the server printed at its most recent start');
    }
    const email = emailOf(emailInput);
    checkPasswordStrength(password, { email });
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now();
    const record: UserRecord = { id: randomUUID(), email, superuser: true, passwordHash, invitationHash: null, invitationExpiresAt: null, createdAt: now };
    await this.store.transaction(async (tx) => {
      // Of two setups at once, the one that takes the code makes the account.
      if (!(await tx.settings.deleteIfEquals(SETUP_CODE_SETTING, stored)) || (await tx.users.any())) {
        throw new AppError('setup_done', 'the first administrator exists already: sign in');
      }
      await tx.users.insert(record);
      await tx.events.append(accountEvent('anonymous', 'user.created', 'user', record.id, { email, superuser: true, setup: true, address: client.address }, now));
    });
    return this.sessions.start(record, client, 'auth.signed_in');
  }

  /**
   * Creates a user (superuser). With a password, the account can sign in at once; without one,
   * it gets an invitation whose token is returned once, to be shared as a link.
   */
  async createUser(actor: AccountActor, input: { email: string; password?: string; superuser?: boolean }): Promise<CreatedUser> {
    requireSuperuser(actor, 'creating a user');
    const email = emailOf(input.email);
    if (input.password !== undefined) checkPasswordStrength(input.password, { email });
    const passwordHash = input.password === undefined ? null : await this.hasher.hash(input.password);
    const now = this.clock.now();
    const invitation = passwordHash === null ? this.newInvitation(now) : undefined;
    const record: UserRecord = {
      id: randomUUID(),
      email,
      superuser: input.superuser ?? false,
      passwordHash,
      invitationHash: invitation ? hashToken(invitation.token) : null,
      invitationExpiresAt: invitation?.expiresAt ?? null,
      createdAt: now,
    };
    await this.store.transaction(async (tx) => {
      await tx.users.insert(record);
      await tx.events.append(accountEvent(actorOf(actor), 'user.created', 'user', record.id, { email, superuser: record.superuser, invited: invitation !== undefined }, now));
    });
    return { user: userOf(record), invitation };
  }

  async listUsers(actor: AccountActor, page: Page): Promise<PageResult<User>> {
    requireSuperuser(actor, 'listing users');
    const result = await this.store.users.list(page);
    return { items: result.items.map(userOf), totalCount: result.totalCount };
  }

  /** A user by id or email (superuser). */
  async findUser(actor: AccountActor, idOrEmail: string): Promise<User> {
    requireSuperuser(actor, 'reading a user');
    return userOf(await this.record(idOrEmail));
  }

  /** Deletes a user (superuser) with their memberships and sessions: signed out everywhere at once. */
  async deleteUser(actor: AccountActor, idOrEmail: string): Promise<User> {
    requireSuperuser(actor, 'deleting a user');
    const user = await this.record(idOrEmail);
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      if (!(await tx.users.delete(user.id))) throw new AppError('user_not_found', `user ${idOrEmail} was not found`);
      await tx.events.append(accountEvent(actorOf(actor), 'user.deleted', 'user', user.id, { email: user.email }, now));
    });
    return userOf(user);
  }

  /**
   * Sets a user's password (superuser): any invitation ends, every session of the user ends
   * (whoever knew the old password is signed out), and failed sign-ins of the account are
   * forgotten with the lock they caused.
   */
  async setPassword(actor: AccountActor, idOrEmail: string, password: string): Promise<User> {
    requireSuperuser(actor, 'setting another user\'s password');
    const user = await this.record(idOrEmail);
    checkPasswordStrength(password, { email: user.email });
    const hash = await this.hasher.hash(password);
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      await tx.users.setPassword(user.id, hash);
      await tx.sessions.deleteForUser(user.id);
      await tx.signInThrottle.delete(accountThrottleKey(user.email));
      await tx.events.append(accountEvent(actorOf(actor), 'user.password_set', 'user', user.id, {}, now));
    });
    return { ...userOf(user), pending: false };
  }

  /** Whose an invitation is, for the page that accepts it; 404 `invitation_not_found` when unknown, used, replaced or expired. */
  async lookupInvitation(token: string): Promise<{ email: string; expiresAt: Date }> {
    const user = await this.invited(token);
    return { email: user.email, expiresAt: user.invitationExpiresAt! };
  }

  /** Accepts an invitation: the account gets its password, the invitation ends, and the person is signed in. */
  async acceptInvitation(token: string, password: string, client: ClientInfo): Promise<SignedIn> {
    const user = await this.invited(token);
    checkPasswordStrength(password, { email: user.email });
    const passwordHash = await this.hasher.hash(password);
    const now = this.clock.now();
    await this.store.transaction(async (tx) => {
      if (!(await tx.users.acceptInvitation(hashToken(token), passwordHash))) throw invitationNotFound();
      await tx.events.append(accountEvent(`user:${user.id}`, 'user.invitation_accepted', 'user', user.id, { address: client.address }, now));
    });
    return this.sessions.start({ ...user, passwordHash, invitationHash: null, invitationExpiresAt: null }, client, 'auth.signed_in');
  }

  private async invited(token: string): Promise<UserRecord> {
    const user = await this.store.users.findByInvitationHash(hashToken(token));
    if (!user || !user.invitationExpiresAt || user.invitationExpiresAt.getTime() <= this.clock.now().getTime()) throw invitationNotFound();
    return user;
  }

  /** The signed-in user and their memberships, with names. */
  async me(principal: UserPrincipal): Promise<Me> {
    const user = await this.store.users.get(principal.userId);
    if (!user) throw new AppError('unauthorized', 'the session has ended; sign in again');
    const memberships = await this.store.memberships.listViewsForUser(user.id);
    const enabled = new Set(principal.grants.map((g) => g.organizationId));
    return { user: userOf(user), memberships: memberships.filter((m) => enabled.has(m.organizationId)) };
  }

  private newInvitation(now: Date): Invitation {
    return newInvitation(now, this.options.invitationTtlMs);
  }

  private async record(idOrEmail: string): Promise<UserRecord> {
    const user = idOrEmail.includes('@') ? await this.store.users.findByEmail(normalizeEmail(idOrEmail) ?? '') : await this.store.users.get(idOrEmail);
    if (!user) throw new AppError('user_not_found', `user ${idOrEmail} was not found`);
    return user;
  }
}
