import type { User } from '../domain/user.js';
import type { Page, PageResult } from './page.js';

/** A user as stored: hashes, never a password or a token. */
export interface UserRecord extends Omit<User, 'pending'> {
  /** The self-describing password hash (`PasswordHasher`); null while invited, or for an account that signs in elsewhere. */
  passwordHash: string | null;
  /** SHA-256 (hex) of the outstanding invitation token, if any. */
  invitationHash: string | null;
  invitationExpiresAt: Date | null;
}

/** User accounts, by id, by email (lower-cased) and by invitation. */
export interface UserRepository {
  /** Inserts the user; `user_already_exists` when the email is taken. */
  insert(user: UserRecord): Promise<UserRecord>;
  get(id: string): Promise<UserRecord | undefined>;
  findByEmail(email: string): Promise<UserRecord | undefined>;
  findByInvitationHash(invitationHash: string): Promise<UserRecord | undefined>;
  /** Oldest first. */
  list(page: Page): Promise<PageResult<UserRecord>>;
  /** Whether any user exists (the first one ends the setup). */
  any(): Promise<boolean>;
  /** Sets the password hash and ends the invitation; false when the user does not exist. */
  setPassword(id: string, passwordHash: string): Promise<boolean>;
  /** Replaces the password hash only if it is still `expected` (a rehash after sign-in must not undo a change made meanwhile). */
  replacePasswordHash(id: string, expected: string, passwordHash: string): Promise<boolean>;
  setInvitation(id: string, invitationHash: string, expiresAt: Date): Promise<void>;
  /** Sets the password of the user whose invitation this is and ends the invitation; false when it is no longer there (used meanwhile). */
  acceptInvitation(invitationHash: string, passwordHash: string): Promise<boolean>;
  setSuperuser(id: string, superuser: boolean): Promise<void>;
  /** Deletes the user with its memberships, sessions and identities; false when there was none. */
  delete(id: string): Promise<boolean>;
  /** The user an external identity provider's account (issuer, subject) belongs to: the seam for OpenID Connect sign-in. */
  findByIdentity(issuer: string, subject: string): Promise<UserRecord | undefined>;
  linkIdentity(userId: string, issuer: string, subject: string, at: Date): Promise<void>;
}
