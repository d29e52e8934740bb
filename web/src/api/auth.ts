/**
 * Sign-in, first-run setup, the signed-in person and sign-out (the contract in
 * docs/console.md): the session is an HttpOnly cookie the browser keeps; the CSRF token it
 * comes with is held in memory by the client.
 */
import { request, setCsrfToken } from './client.js';

// The agreed contract, until the server's document describes these routes.
export interface Me {
  user: { id: string; email: string; superuser: boolean };
  csrfToken: string;
  memberships: { organizationId: string; organizationName: string; projectId: string | null; projectName: string | null; role: string }[];
}
export interface AuthOptions {
  setupRequired: boolean;
  sso: boolean;
}
interface SignedIn {
  user: Me['user'];
  csrfToken: string;
  expiresAt: string;
}
const api = {
  get: async <T>(path: string) => (await request('get', path, {})) as { result: T },
  post: async <T>(path: string, options: { body?: unknown } = {}) => (await request('post', path, options)) as { result: T },
};

export async function authOptions(): Promise<AuthOptions> {
  return (await api.get<AuthOptions>('/api/v1/auth/options')).result;
}

/** The signed-in person, or undefined without a session. */
export async function whoAmI(): Promise<Me | undefined> {
  try {
    const me = (await api.get<Me>('/api/v1/auth/me')).result;
    setCsrfToken(me.csrfToken);
    return me;
  } catch (err) {
    if ((err as { status?: number }).status === 401) return undefined;
    throw err;
  }
}

export async function signIn(email: string, password: string): Promise<void> {
  const res = (await api.post<SignedIn>('/api/v1/auth/sign-in', { body: { email, password } })).result;
  setCsrfToken(res.csrfToken);
}

export async function setUp(setupCode: string, email: string, password: string): Promise<void> {
  const res = (await api.post<SignedIn>('/api/v1/auth/setup', { body: { setupCode, email, password } })).result;
  setCsrfToken(res.csrfToken);
}

export async function signOut(): Promise<void> {
  try {
    await api.post('/api/v1/auth/sign-out');
  } finally {
    setCsrfToken(undefined);
  }
}
