import { createHash, createHmac, randomBytes } from 'node:crypto';

/** A new secret token (session, invitation, setup code): 32 random bytes, base64url (43 characters). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored instead of a token: lower-case hex SHA-256 (256 random bits need no slow hash). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The CSRF token of a session: an HMAC of a fixed label under the session token. It is random
 * for each session, known only to whoever holds the session token (the console gets it from the
 * sign-in answer or GET /auth/me), and needs no storage; it cannot be turned back into the
 * session token.
 */
export function csrfTokenOf(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('certkeeper csrf token').digest('base64url');
}
