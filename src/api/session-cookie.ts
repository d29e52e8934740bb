import type { FastifyRequest } from 'fastify';

/** The cookie that carries the console's session token. */
export const SESSION_COOKIE = 'certkeeper_session';

/** A session token as SessionService makes it: 32 random bytes, base64url. Anything else is not looked up. */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The session token of the request's `Cookie` header, or undefined. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(eq + 1).trim();
    return TOKEN.test(value) ? value : '';
  }
  return undefined;
}

/**
 * `Set-Cookie` for a session: HttpOnly (no script reads it), SameSite=Strict (no other site's
 * page sends it), Secure when the request came over HTTPS (as `trustProxy` lets fastify see
 * behind a proxy), for the whole site (the console's pages and the API), until the session's
 * absolute end.
 */
export function sessionCookie(request: FastifyRequest, token: string, expiresAt: Date, now: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Strict${request.protocol === 'https' ? '; Secure' : ''}`;
}

/** `Set-Cookie` that removes the session cookie from the browser. */
export function clearedSessionCookie(request: FastifyRequest): string {
  return `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict${request.protocol === 'https' ? '; Secure' : ''}`;
}
