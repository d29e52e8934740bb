import type { UserRecord } from './user-repository.js';

/** A signed-in session as stored: the SHA-256 of its token, never the token. */
export interface SessionRecord {
  id: string;
  /** Lower-case hex SHA-256 of the token in the cookie. */
  tokenHash: string;
  userId: string;
  createdAt: Date;
  /** When a request last used it (updated at most once a minute). */
  lastSeenAt: Date;
  /** The absolute end, whatever the activity. */
  expiresAt: Date;
  userAgent: string | null;
  address: string | null;
}

/** Server-side sessions. Every request reads its session's row: deleting it ends the session on every server. */
export interface SessionRepository {
  insert(session: SessionRecord): Promise<SessionRecord>;
  /** The session of a token hash with its user, in one read. */
  findByTokenHash(tokenHash: string): Promise<{ session: SessionRecord; user: UserRecord } | undefined>;
  /** Records a request's use; only moves forward. */
  touch(id: string, at: Date): Promise<void>;
  /** The user's sessions, newest first. */
  listForUser(userId: string): Promise<SessionRecord[]>;
  delete(id: string): Promise<boolean>;
  /** Deletes the user's sessions (but `exceptId`); how many. */
  deleteForUser(userId: string, exceptId?: string): Promise<number>;
  /** Deletes sessions past their absolute end or not seen since `idleBefore`; how many. */
  purgeExpired(now: Date, idleBefore: Date): Promise<number>;
}
