/**
 * Sign-in, first-run setup, the signed-in person and sign-out: the session is an HttpOnly
 * cookie the browser keeps; the CSRF token it comes with is held in memory by the client.
 */
import { api, setCsrfToken, type ResultOf } from './client.js';

export type Me = ResultOf<'get', '/api/v1/auth/me'>;
export type AuthOptions = ResultOf<'get', '/api/v1/auth/options'>;

export async function authOptions(): Promise<AuthOptions> {
  return (await api.get('/api/v1/auth/options')).result;
}

/** The signed-in person, or undefined without a session. */
export async function whoAmI(): Promise<Me | undefined> {
  try {
    const me = (await api.get('/api/v1/auth/me')).result;
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if ((err as { status?: number }).status === 401) return undefined;
    throw err;
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const res = (await api.post('/api/v1/auth/sign-in', { body: { email, password } })).result;
  setCsrfToken(res.csrfToken);
}

export async function setUp(setupCode: string, email: string, password: string): Promise<void> {
  const res = (await api.post('/api/v1/auth/setup', { body: { setupCode, email, password } })).result;
  setCsrfToken(res.csrfToken);
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/v1/auth/sign-out');
  } finally {
    setCsrfToken(undefined);
  }
}
