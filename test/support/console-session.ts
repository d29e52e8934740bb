import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestApp } from './test-app.js';

/** A password that passes the strength rules. */
export const GOOD_PASSWORD = 'correct horse battery staple';

/** A signed-in console session: its cookie, its CSRF token, and calls that carry them (no API key). */
export interface ConsoleSession {
  cookie: string;
  csrfToken: string;
  userId: string;
  /** Calls with the cookie; with the CSRF token unless `csrf: false`. */
  call(method: string, url: string, options?: { body?: unknown; csrf?: boolean; headers?: Record<string, string> }): Promise<LightMyRequestResponse>;
}

/** The `name=value` of a Set-Cookie header. */
export function cookieOf(res: LightMyRequestResponse): string {
  const header = res.headers['set-cookie'];
  const text = Array.isArray(header) ? header[0] : header;
  expect(text, 'a Set-Cookie header').toBeTypeOf('string');
  return (text as string).split(';')[0];
}

/** Calls `t`'s app with a session cookie instead of an API key. */
export function withCookie(t: TestApp, cookie: string, csrfToken: string): ConsoleSession['call'] {
  return (method, url, options = {}) =>
    t.call(method, url, {
      key: null,
      body: options.body,
      headers: { cookie, ...(options.csrf === false ? {} : { 'x-csrf-token': csrfToken }), ...(options.headers ?? {}) },
    });
}

/** Signs in (201 expected) and returns the session. */
export async function signIn(t: TestApp, email: string, password = GOOD_PASSWORD, headers: Record<string, string> = {}): Promise<ConsoleSession> {
  const res = await t.call('POST', '/api/v1/auth/sign-in', { key: null, body: { email, password }, headers });
  expect(res.statusCode, res.body).toBe(200);
  const { csrfToken, user } = res.json().result;
  const cookie = cookieOf(res);
  return { cookie, csrfToken, userId: user.id, call: withCookie(t, cookie, csrfToken) };
}

/** Creates a user with the superuser key; returns its id. */
export async function createUser(t: TestApp, email: string, options: { password?: string; superuser?: boolean } = {}): Promise<string> {
  const res = await t.call('POST', '/api/v1/users', { body: { email, password: options.password ?? GOOD_PASSWORD, superuser: options.superuser ?? false } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().result.user.id;
}
